/**
 * Archived-media reads over a stream's held fragments: ListFragments, GetClip, GetMedia and
 * GetMediaForFragmentList chunks (MKV header + one cluster + KVS tags), with AWS's selectors,
 * range rules and caps.
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_ListFragments.html
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetClip.html
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_GetMedia.html
 */
import { concatBytes } from './ebml';
import { VideoError } from './errors';
import { clipMp4 } from './fmp4';
import { VIDEO_LIMITS } from './limits';
import { mkvCluster, mkvStreamHeader, mkvTags } from './mkv-writer';
import type { StoredFragment, VideoStream } from './video-stream';

export type TimestampKind = 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP';

export function timestampOf(f: StoredFragment, kind: TimestampKind): number {
  return kind === 'PRODUCER_TIMESTAMP' ? f.producerTimestampMs : f.serverTimestampMs;
}

export function checkSelectorType(kind: unknown, field = 'FragmentSelectorType'): TimestampKind {
  if (kind !== 'PRODUCER_TIMESTAMP' && kind !== 'SERVER_TIMESTAMP') {
    throw new VideoError('InvalidArgumentException', `${field} must be PRODUCER_TIMESTAMP or SERVER_TIMESTAMP.`);
  }
  return kind;
}

/** Fragments starting within [startMs, endMs] (both inclusive), oldest first. */
export function fragmentsInRange(stream: VideoStream, kind: TimestampKind, startMs: number, endMs: number): StoredFragment[] {
  return stream.held().filter((f) => {
    const t = timestampOf(f, kind);
    return t >= startMs && t <= endMs;
  });
}

export interface FragmentInfo {
  readonly FragmentNumber: string;
  readonly FragmentSizeInBytes: number;
  readonly ProducerTimestamp: number;
  readonly ServerTimestamp: number;
  readonly FragmentLengthInMilliseconds: number;
}

export function fragmentInfo(f: StoredFragment): FragmentInfo {
  return {
    FragmentNumber: f.number,
    FragmentSizeInBytes: f.sizeBytes,
    ProducerTimestamp: f.producerTimestampMs,
    ServerTimestamp: f.serverTimestampMs,
    FragmentLengthInMilliseconds: Math.round(f.durationMs),
  };
}

/**
 * ListFragments. Pages continue after the last fragment number returned (NextToken is that
 * number, base64-encoded as AWS's tokens are). Returned oldest first; AWS promises no order.
 */
export function listFragments(stream: VideoStream, input: {
  kind?: TimestampKind; startMs?: number; endMs?: number; maxResults?: number; nextToken?: string;
}): { fragments: FragmentInfo[]; nextToken?: string } {
  const max = input.maxResults ?? VIDEO_LIMITS.listFragmentsMaxResults;
  if (!Number.isInteger(max) || max < 1 || max > VIDEO_LIMITS.listFragmentsMaxResults) {
    throw new VideoError('InvalidArgumentException', `MaxResults must be 1–${VIDEO_LIMITS.listFragmentsMaxResults}.`);
  }
  let after = '';
  if (input.nextToken !== undefined) {
    after = atob(input.nextToken);
    if (!/^\d+$/.test(after)) throw new VideoError('InvalidArgumentException', 'NextToken is not one ListFragments issued.');
  }
  let candidates: readonly StoredFragment[] = stream.held();
  if (input.kind !== undefined) {
    if (input.startMs === undefined || input.endMs === undefined) throw new VideoError('InvalidArgumentException', 'TimestampRange needs StartTimestamp and EndTimestamp.');
    if (input.endMs < input.startMs) throw new VideoError('InvalidArgumentException', 'EndTimestamp must not be before StartTimestamp.');
    candidates = fragmentsInRange(stream, input.kind, input.startMs, input.endMs);
  }
  const rest = after ? candidates.filter((f) => f.number > after) : candidates;
  const page = rest.slice(0, max);
  return {
    fragments: page.map(fragmentInfo),
    nextToken: rest.length > max ? btoa(page[page.length - 1].number) : undefined,
  };
}

export function requireRetention(stream: VideoStream): void {
  if (stream.retentionHours === 0) {
    throw new VideoError('NoDataRetentionException', `The stream ${stream.name} has DataRetentionInHours 0, so nothing is archived; raise it with UpdateDataRetention.`);
  }
}

/** Validates an archived-media timestamp range: end after start, at most 24 h apart. */
export function checkRange(startMs: unknown, endMs: unknown, nowMs: number, kind: TimestampKind): { startMs: number; endMs: number } {
  if (typeof startMs !== 'number' || typeof endMs !== 'number') throw new VideoError('InvalidArgumentException', 'TimestampRange needs StartTimestamp and EndTimestamp.');
  if (endMs <= startMs) throw new VideoError('InvalidArgumentException', 'EndTimestamp must be later than StartTimestamp.');
  if (endMs - startMs > VIDEO_LIMITS.archivedRangeMsMax) throw new VideoError('InvalidArgumentException', 'The timestamp range must not exceed 24 hours.');
  if (kind === 'SERVER_TIMESTAMP' && startMs > nowMs) throw new VideoError('InvalidArgumentException', 'StartTimestamp must be in the past for SERVER_TIMESTAMP ranges.');
  return { startMs, endMs };
}

/** GetClip: the first 200 fragments / 100 MB of the range, as one fragmented MP4. */
export function getClip(stream: VideoStream, kind: TimestampKind, startMs: number, endMs: number, nowMs: number): { bytes: Uint8Array; mimeType: string; fragments: number } {
  requireRetention(stream);
  checkRange(startMs, endMs, nowMs, kind);
  const all = fragmentsInRange(stream, kind, startMs, endMs);
  if (all.length === 0) throw new VideoError('ResourceNotFoundException', `No fragments of ${stream.name} start within the requested range.`);
  const picked: StoredFragment[] = [];
  let bytes = 0;
  for (const f of all) {
    if (picked.length >= VIDEO_LIMITS.clipFragmentsMax || bytes + f.sizeBytes > VIDEO_LIMITS.clipBytesMax) break;
    picked.push(f);
    bytes += f.sizeBytes;
  }
  const clip = clipMp4(picked);
  return { ...clip, fragments: picked.length };
}

/** One GetMedia chunk: MKV header of the fragment's session + its cluster + KVS metadata tags. */
export function mediaChunk(f: StoredFragment, tags: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const frames = f.frames.map((fr) => ({ track: fr.track, timestampMs: f.producerTimestampMs + fr.offsetMs, keyframe: fr.keyframe, data: fr.data }));
  return concatBytes([mkvStreamHeader(f.header, 'kinesis-sandbox'), mkvCluster(f.producerTimestampMs, frames), mkvTags(tags)]);
}

export function getMediaTags(f: StoredFragment, nowMs: number): Array<[string, string]> {
  return [
    ['AWS_KINESISVIDEO_FRAGMENT_NUMBER', f.number],
    ['AWS_KINESISVIDEO_SERVER_TIMESTAMP', (f.serverTimestampMs / 1000).toFixed(3)],
    ['AWS_KINESISVIDEO_PRODUCER_TIMESTAMP', (f.producerTimestampMs / 1000).toFixed(3)],
    ['AWS_KINESISVIDEO_MILLIS_BEHIND_NOW', String(Math.max(0, nowMs - f.serverTimestampMs))],
    ['AWS_KINESISVIDEO_CONTINUATION_TOKEN', f.number],
  ];
}

export function fragmentListTags(f: StoredFragment): Array<[string, string]> {
  return [
    ['AWS_KINESISVIDEO_FRAGMENT_NUMBER', f.number],
    ['AWS_KINESISVIDEO_SERVER_SIDE_TIMESTAMP', (f.serverTimestampMs / 1000).toFixed(3)],
    ['AWS_KINESISVIDEO_PRODUCER_SIDE_TIMESTAMP', (f.producerTimestampMs / 1000).toFixed(3)],
  ];
}

export interface StartSelector {
  readonly StartSelectorType: string;
  readonly AfterFragmentNumber?: string;
  readonly StartTimestamp?: number;
  readonly ContinuationToken?: string;
}

/** Index into stream.held() where GetMedia starts (may equal length: wait for the next fragment). */
export function getMediaStartIndex(stream: VideoStream, sel: StartSelector): number {
  const held = stream.held();
  switch (sel.StartSelectorType) {
    case 'EARLIEST': return 0;
    case 'NOW': return held.length;
    case 'FRAGMENT_NUMBER':
    case 'CONTINUATION_TOKEN': {
      const n = sel.StartSelectorType === 'FRAGMENT_NUMBER' ? sel.AfterFragmentNumber : sel.ContinuationToken;
      if (!n || !/^\d+$/.test(n)) throw new VideoError('InvalidArgumentException', `${sel.StartSelectorType} needs ${sel.StartSelectorType === 'FRAGMENT_NUMBER' ? 'AfterFragmentNumber' : 'ContinuationToken'}.`);
      const i = held.findIndex((f) => f.number > n);
      // A continuation token names the next fragment to send; a fragment number, the one before it.
      if (sel.StartSelectorType === 'CONTINUATION_TOKEN') return held.findIndex((f) => f.number >= n) < 0 ? held.length : held.findIndex((f) => f.number >= n);
      return i < 0 ? held.length : i;
    }
    case 'SERVER_TIMESTAMP':
    case 'PRODUCER_TIMESTAMP': {
      if (typeof sel.StartTimestamp !== 'number') throw new VideoError('InvalidArgumentException', `${sel.StartSelectorType} needs StartTimestamp.`);
      const kind = sel.StartSelectorType as TimestampKind;
      // The chunk containing the timestamp: the last fragment starting at or before it.
      let i = held.findIndex((f) => timestampOf(f, kind) > sel.StartTimestamp!);
      if (i < 0) i = held.length;
      return Math.max(0, i - 1 >= 0 && held[i - 1] && timestampOf(held[i - 1], kind) + held[i - 1].durationMs > sel.StartTimestamp! ? i - 1 : i);
    }
    default:
      throw new VideoError('InvalidArgumentException', 'StartSelectorType must be one of FRAGMENT_NUMBER, SERVER_TIMESTAMP, PRODUCER_TIMESTAMP, NOW, EARLIEST, CONTINUATION_TOKEN.');
  }
}
