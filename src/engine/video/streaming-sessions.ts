/**
 * HLS and DASH streaming sessions: GetHLSStreamingSessionURL / GetDASHStreamingSessionURL create
 * a session (token, mode, selector, expiry; at most 10 per stream, the oldest revoked), and the
 * session's playlists, manifest, init and media fragments are served from it.
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetHLSStreamingSessionURL.html
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetDASHStreamingSessionURL.html
 */
import type { Prng } from '../random/prng';
import { checkRange, checkSelectorType, fragmentsInRange, requireRetention, timestampOf, type TimestampKind } from './archive';
import { VideoError } from './errors';
import { initSegment, mediaSegment, videoTrackOf } from './fmp4';
import { VIDEO_LIMITS } from './limits';
import type { StoredFragment, VideoStream } from './video-stream';

export type PlaybackMode = 'LIVE' | 'LIVE_REPLAY' | 'ON_DEMAND';
export type SessionProtocol = 'HLS' | 'DASH';

export interface StreamingSession {
  readonly token: string;
  readonly protocol: SessionProtocol;
  readonly stream: VideoStream;
  readonly mode: PlaybackMode;
  readonly kind: TimestampKind;
  readonly startMs?: number;
  readonly endMs?: number;
  readonly createdMs: number;
  readonly expiresMs: number;
  readonly maxFragments: number;
  readonly discontinuity: 'ALWAYS' | 'NEVER' | 'ON_DISCONTINUITY';
  readonly displayTimestamps: boolean;
  /** Decode-time origin of every segment of the session (producer ms). */
  originMs: number | undefined;
}

export interface SessionRequest {
  readonly PlaybackMode?: string;
  readonly FragmentSelectorType?: string;
  readonly StartTimestamp?: number;
  readonly EndTimestamp?: number;
  readonly Expires?: number;
  readonly MaxFragments?: number;
  readonly ContainerFormat?: string;
  readonly DiscontinuityMode?: string;
  readonly DisplayFragmentTimestamp?: string;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class StreamingSessions {
  private readonly sessions = new Map<string, StreamingSession>();

  constructor(private readonly prng: Prng) {}

  create(stream: VideoStream, protocol: SessionProtocol, req: SessionRequest, nowMs: number): StreamingSession {
    requireRetention(stream);
    const mode = (req.PlaybackMode ?? 'LIVE') as PlaybackMode;
    if (!['LIVE', 'LIVE_REPLAY', 'ON_DEMAND'].includes(mode)) throw new VideoError('InvalidArgumentException', 'PlaybackMode must be LIVE, LIVE_REPLAY or ON_DEMAND.');
    const kind = checkSelectorType(req.FragmentSelectorType ?? 'SERVER_TIMESTAMP');
    const expires = req.Expires ?? VIDEO_LIMITS.sessionExpiresSecDefault;
    if (!Number.isInteger(expires) || expires < VIDEO_LIMITS.sessionExpiresSecMin || expires > VIDEO_LIMITS.sessionExpiresSecMax) {
      throw new VideoError('InvalidArgumentException', `Expires must be ${VIDEO_LIMITS.sessionExpiresSecMin}–${VIDEO_LIMITS.sessionExpiresSecMax} seconds.`);
    }
    const maxDefault = mode === 'ON_DEMAND' ? VIDEO_LIMITS.playlistFragmentsDefaultOnDemand : VIDEO_LIMITS.playlistFragmentsDefaultLive;
    const maxFragments = req.MaxFragments ?? maxDefault;
    if (!Number.isInteger(maxFragments) || maxFragments < 1 || maxFragments > VIDEO_LIMITS.playlistFragmentsMax) {
      throw new VideoError('InvalidArgumentException', `The maximum fragment results must be 1–${VIDEO_LIMITS.playlistFragmentsMax}.`);
    }
    if (req.ContainerFormat !== undefined && req.ContainerFormat !== 'FRAGMENTED_MP4') {
      throw new VideoError('InvalidArgumentException', req.ContainerFormat === 'MPEG_TS'
        ? 'This sandbox packages HLS as FRAGMENTED_MP4 only; MPEG_TS is not simulated.' : 'ContainerFormat must be FRAGMENTED_MP4 or MPEG_TS.');
    }
    let startMs: number | undefined;
    let endMs: number | undefined;
    if (mode === 'LIVE') {
      if (req.StartTimestamp !== undefined || req.EndTimestamp !== undefined) throw new VideoError('InvalidArgumentException', 'A LIVE session takes no TimestampRange.');
      const latest = stream.latest();
      if (!latest || latest.serverTimestampMs < nowMs - VIDEO_LIMITS.liveWindowMs) {
        throw new VideoError('ResourceNotFoundException', `No fragments of ${stream.name} arrived in the last 30 seconds; a LIVE session needs a live producer.`);
      }
    } else if (mode === 'ON_DEMAND') {
      ({ startMs, endMs } = checkRange(req.StartTimestamp, req.EndTimestamp, nowMs, kind));
    } else {
      if (typeof req.StartTimestamp !== 'number') throw new VideoError('InvalidArgumentException', 'A LIVE_REPLAY session needs StartTimestamp.');
      startMs = req.StartTimestamp;
      if (req.EndTimestamp !== undefined) ({ endMs } = checkRange(startMs, req.EndTimestamp, nowMs, kind));
    }
    if (mode !== 'LIVE' && fragmentsInRange(stream, kind, startMs!, endMs ?? Number.MAX_SAFE_INTEGER).length === 0) {
      throw new VideoError('ResourceNotFoundException', `No fragments of ${stream.name} in the requested range.`);
    }
    const first = stream.held()[0];
    if (first) videoTrackOf(first);
    const discontinuity = (req.DiscontinuityMode ?? (kind === 'SERVER_TIMESTAMP' ? 'ALWAYS' : 'NEVER')) as StreamingSession['discontinuity'];
    if (!['ALWAYS', 'NEVER', 'ON_DISCONTINUITY'].includes(discontinuity)) throw new VideoError('InvalidArgumentException', 'DiscontinuityMode must be ALWAYS, NEVER or ON_DISCONTINUITY.');
    // At most 10 active sessions per stream: the oldest is revoked.
    const mine = [...this.sessions.values()].filter((s) => s.stream === stream).sort((a, b) => a.createdMs - b.createdMs);
    while (mine.length >= VIDEO_LIMITS.sessionsPerStream) this.sessions.delete(mine.shift()!.token);
    let token = 'CiB';
    for (let i = 0; i < 40; i++) token += TOKEN_ALPHABET[this.prng.intInclusive(0, TOKEN_ALPHABET.length - 1)];
    const session: StreamingSession = {
      token, protocol, stream, mode, kind, startMs, endMs, createdMs: nowMs, expiresMs: nowMs + expires * 1000, maxFragments,
      discontinuity, displayTimestamps: req.DisplayFragmentTimestamp === 'ALWAYS', originMs: undefined,
    };
    this.sessions.set(token, session);
    return session;
  }

  get(token: string | null | undefined, nowMs: number): StreamingSession {
    const s = token ? this.sessions.get(token) : undefined;
    if (!s) throw new VideoError('NotAuthorizedException', 'The SessionToken is not valid or was revoked (a stream keeps at most 10 sessions).');
    if (nowMs > s.expiresMs) {
      this.sessions.delete(s.token);
      throw new VideoError('NotAuthorizedException', 'The streaming session has expired; request a new session URL.');
    }
    return s;
  }

  /** The fragments a playlist/manifest lists now. */
  fragmentsOf(s: StreamingSession, nowMs: number): StoredFragment[] {
    let list: StoredFragment[];
    if (s.mode === 'LIVE') {
      const held = s.stream.held();
      list = held.slice(Math.max(0, held.length - s.maxFragments));
    } else {
      // LIVE_REPLAY reveals fragments as fast as real time since the session began.
      const visibleTo = s.mode === 'LIVE_REPLAY' ? s.startMs! + (nowMs - s.createdMs) : Number.MAX_SAFE_INTEGER;
      const endMs = Math.min(s.endMs ?? Number.MAX_SAFE_INTEGER, visibleTo);
      list = fragmentsInRange(s.stream, s.kind, s.startMs!, endMs);
      if (s.kind === 'PRODUCER_TIMESTAMP') list = list.filter((f, i) => i === 0 || f.producerTimestampMs !== list[i - 1].producerTimestampMs);
      list = s.mode === 'ON_DEMAND' ? list.slice(0, s.maxFragments) : list.slice(Math.max(0, list.length - s.maxFragments));
    }
    if (s.originMs === undefined && list.length) s.originMs = list[0].producerTimestampMs;
    return list;
  }

  init(s: StreamingSession): { bytes: Uint8Array; mimeType: string } {
    const first = s.stream.held()[0];
    if (!first) throw new VideoError('ResourceNotFoundException', 'The stream holds no fragments.');
    const seg = initSegment(videoTrackOf(first));
    return { bytes: seg.init, mimeType: seg.mimeType };
  }

  media(s: StreamingSession, fragmentNumber: string | null): Uint8Array {
    const f = fragmentNumber ? s.stream.byNumber(fragmentNumber) : undefined;
    if (!f) throw new VideoError('ResourceNotFoundException', `Fragment ${fragmentNumber ?? '(none)'} is not held by ${s.stream.name} (expired by retention, or never existed).`);
    const track = videoTrackOf(f);
    s.originMs ??= f.producerTimestampMs;
    return mediaSegment(f, track.number, s.stream.ordinalOf(f.number) + 1, s.originMs);
  }

  hlsMasterPlaylist(s: StreamingSession, nowMs: number): string {
    const list = this.fragmentsOf(s, nowMs);
    const track = videoTrackOf(list[0] ?? s.stream.held()[0]);
    const seg = initSegment(track);
    const bytes = list.reduce((n, f) => n + f.sizeBytes, 0);
    const ms = list.reduce((n, f) => n + f.durationMs, 0);
    const bandwidth = ms > 0 ? Math.ceil((bytes * 8 * 1000) / ms) : 1_000_000;
    return [
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},CODECS="${seg.codec}"${track.width && track.height ? `,RESOLUTION=${track.width}x${track.height}` : ''}`,
      `getHLSMediaPlaylist.m3u8?SessionToken=${s.token}&TrackNumber=${track.number}`,
      '',
    ].join('\n');
  }

  hlsMediaPlaylist(s: StreamingSession, nowMs: number): string {
    const list = this.fragmentsOf(s, nowMs);
    const target = Math.max(1, ...list.map((f) => Math.ceil(f.durationMs / 1000)));
    const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`,
      `#EXT-X-MEDIA-SEQUENCE:${list.length ? s.stream.ordinalOf(list[0].number) : s.stream.firstOrdinal}`];
    if (s.mode === 'ON_DEMAND') lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
    lines.push(`#EXT-X-MAP:URI="getMP4InitFragment.mp4?SessionToken=${s.token}&TrackNumber=1"`);
    list.forEach((f, i) => {
      const prev = list[i - 1];
      const gap = prev ? timestampOf(f, s.kind) - (timestampOf(prev, s.kind) + prev.durationMs) : 0;
      if (prev && (s.discontinuity === 'ALWAYS' || (s.discontinuity === 'ON_DISCONTINUITY' && Math.abs(gap) > VIDEO_LIMITS.discontinuityToleranceMs))) {
        lines.push('#EXT-X-DISCONTINUITY');
      }
      if (s.displayTimestamps) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(timestampOf(f, s.kind)).toISOString()}`);
      lines.push(`#EXTINF:${(f.durationMs / 1000).toFixed(3)},`);
      lines.push(`getMP4MediaFragment.mp4?FragmentNumber=${f.number}&SessionToken=${s.token}&TrackNumber=1`);
    });
    if (s.mode === 'ON_DEMAND' || (s.mode === 'LIVE_REPLAY' && s.endMs !== undefined && nowMs - s.createdMs >= s.endMs - s.startMs!)) lines.push('#EXT-X-ENDLIST');
    return lines.join('\n') + '\n';
  }

  dashManifest(s: StreamingSession, nowMs: number): string {
    const list = this.fragmentsOf(s, nowMs);
    const first = list[0] ?? s.stream.held()[0];
    const track = videoTrackOf(first);
    const seg = initSegment(track);
    const origin = s.originMs ?? first.producerTimestampMs;
    const isStatic = s.mode === 'ON_DEMAND';
    const totalMs = list.reduce((n, f) => n + f.durationMs, 0);
    const timeline = list.map((f) => `<S t="${Math.round(f.producerTimestampMs - origin)}" d="${Math.max(1, Math.round(f.durationMs))}"/>`).join('');
    const urls = list.map((f) => `<SegmentURL media="getMP4MediaFragment.mp4?FragmentNumber=${f.number}&amp;SessionToken=${s.token}&amp;TrackNumber=1"/>`).join('');
    const dur = `PT${(totalMs / 1000).toFixed(3)}S`;
    const attrs = isStatic
      ? `type="static" mediaPresentationDuration="${dur}"`
      : `type="dynamic" availabilityStartTime="${new Date(origin).toISOString()}" publishTime="${new Date(nowMs).toISOString()}" minimumUpdatePeriod="PT1S" timeShiftBufferDepth="${dur}"`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" ${attrs} minBufferTime="PT2S">
<Period id="0" start="PT0S">
<AdaptationSet mimeType="video/mp4" segmentAlignment="true" startWithSAP="1">
<Representation id="1" codecs="${seg.codec}" bandwidth="1000000"${track.width ? ` width="${track.width}" height="${track.height}"` : ''}>
<SegmentList timescale="1000">
<Initialization sourceURL="getMP4InitFragment.mp4?SessionToken=${s.token}&amp;TrackNumber=1"/>
<SegmentTimeline>${timeline}</SegmentTimeline>
${urls}
</SegmentList>
</Representation>
</AdaptationSet>
</Period>
</MPD>
`;
  }
}
