/**
 * Kinesis Video Streams through the real AWS SDK v3 clients (control plane, media, archived
 * media) and a raw chunked PutMedia upload, against the local API server.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateStreamCommand, DeleteStreamCommand, DescribeStreamCommand, GetDataEndpointCommand, KinesisVideoClient, ListStreamsCommand,
  ListTagsForStreamCommand, ResourceInUseException, ResourceNotFoundException, TagStreamCommand, UntagStreamCommand,
  UpdateDataRetentionCommand, UpdateStreamCommand, VersionMismatchException,
} from '@aws-sdk/client-kinesis-video';
import { GetMediaCommand, KinesisVideoMediaClient } from '@aws-sdk/client-kinesis-video-media';
import {
  GetClipCommand, GetDASHStreamingSessionURLCommand, GetHLSStreamingSessionURLCommand, GetImagesCommand, GetMediaForFragmentListCommand,
  KinesisVideoArchivedMediaClient, ListFragmentsCommand, NoDataRetentionException,
} from '@aws-sdk/client-kinesis-video-archived-media';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, waitUntil } from './sdk-test-support';
import { recordTestPattern } from '../../engine/video/test-pattern-source';
import { MkvStreamReader } from '../../engine/video/mkv-stream-reader';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
let server: LocalApiServer;
let control: KinesisVideoClient;

beforeAll(async () => {
  server = await startLocalApiServer({ seed: 'video-sdk', transitionDelayMs: 50, firehose: false });
  control = new KinesisVideoClient({ endpoint: server.endpoint, region: 'us-east-1', credentials });
});

afterAll(async () => {
  control.destroy();
  await server.close();
});

async function createActive(StreamName: string, DataRetentionInHours = 24): Promise<string> {
  const { StreamARN } = await control.send(new CreateStreamCommand({ StreamName, DataRetentionInHours, MediaType: 'video/h264' }));
  await waitUntil(`${StreamName} ACTIVE`, async () => (await control.send(new DescribeStreamCommand({ StreamName }))).StreamInfo?.Status === 'ACTIVE');
  return StreamARN!;
}

/** Raw PutMedia: the body in `chunkBytes` pieces with chunked transfer encoding; resolves with the ack lines. */
function putMedia(endpoint: string, stream: string, body: Uint8Array, chunkBytes = 16_384): Promise<{ status: number; acks: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}/putMedia`, {
      method: 'POST',
      headers: { 'x-amzn-stream-name': stream, 'x-amzn-fragment-timecode-type': 'ABSOLUTE', 'x-amzn-producer-start-timestamp': String(Date.now() / 1000), 'transfer-encoding': 'chunked' },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, acks: text.trim() ? text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [] }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += chunkBytes) req.write(body.subarray(i, i + chunkBytes));
    req.end();
  });
}

function splitChunks(mkv: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i + 3 < mkv.length; i++) if (mkv[i] === 0x1a && mkv[i + 1] === 0x45 && mkv[i + 2] === 0xdf && mkv[i + 3] === 0xa3) starts.push(i);
  return starts.map((s, i) => mkv.subarray(s, starts[i + 1] ?? mkv.length));
}

function countBoxes(mp4: Uint8Array, type: string): number {
  let n = 0;
  for (let at = 0; at + 8 <= mp4.length;) {
    const size = new DataView(mp4.buffer, mp4.byteOffset + at).getUint32(0);
    if (String.fromCharCode(...mp4.subarray(at + 4, at + 8)) === type) n++;
    at += size;
  }
  return n;
}

describe('Kinesis Video Streams control plane through @aws-sdk/client-kinesis-video', () => {
  it('creates, describes, lists, updates, tags and deletes streams with AWS errors', async () => {
    const arn = await createActive('lobby', 2);
    const { StreamInfo } = await control.send(new DescribeStreamCommand({ StreamARN: arn }));
    expect(StreamInfo).toMatchObject({ StreamName: 'lobby', DataRetentionInHours: 2, MediaType: 'video/h264', Status: 'ACTIVE' });
    expect(StreamInfo?.CreationTime).toBeInstanceOf(Date);
    expect((await errorOf(control.send(new CreateStreamCommand({ StreamName: 'lobby' }))))).toBeInstanceOf(ResourceInUseException);
    expect((await errorOf(control.send(new DescribeStreamCommand({ StreamName: 'nope' }))))).toBeInstanceOf(ResourceNotFoundException);
    expect((await errorOf(control.send(new UpdateDataRetentionCommand({ StreamName: 'lobby', CurrentVersion: 'old', Operation: 'INCREASE_DATA_RETENTION', DataRetentionChangeInHours: 1 }))))).toBeInstanceOf(VersionMismatchException);
    await control.send(new UpdateDataRetentionCommand({ StreamName: 'lobby', CurrentVersion: StreamInfo!.Version, Operation: 'INCREASE_DATA_RETENTION', DataRetentionChangeInHours: 22 }));
    const v2 = (await control.send(new DescribeStreamCommand({ StreamName: 'lobby' }))).StreamInfo!;
    expect(v2.DataRetentionInHours).toBe(24);
    await control.send(new UpdateStreamCommand({ StreamName: 'lobby', CurrentVersion: v2.Version, DeviceName: 'camera-7' }));
    await control.send(new TagStreamCommand({ StreamName: 'lobby', Tags: { site: 'paris', floor: '2' } }));
    await control.send(new UntagStreamCommand({ StreamName: 'lobby', TagKeyList: ['floor'] }));
    expect((await control.send(new ListTagsForStreamCommand({ StreamName: 'lobby' }))).Tags).toEqual({ site: 'paris' });
    const list = await control.send(new ListStreamsCommand({ StreamNameCondition: { ComparisonOperator: 'BEGINS_WITH', ComparisonValue: 'lob' } }));
    expect(list.StreamInfoList?.map((s) => s.StreamName)).toEqual(['lobby']);
    const { DataEndpoint } = await control.send(new GetDataEndpointCommand({ StreamName: 'lobby', APIName: 'PUT_MEDIA' }));
    expect(DataEndpoint).toBe(server.endpoint);
    await control.send(new DeleteStreamCommand({ StreamARN: arn }));
    await waitUntil('lobby deleted', async () => (await control.send(new ListStreamsCommand({}))).StreamInfoList?.every((s) => s.StreamName !== 'lobby') ?? true);
  });
});

describe('PutMedia, GetMedia and archived media', () => {
  const stream = 'garage';
  let producerStartMs = 0;
  let media: KinesisVideoMediaClient;
  let archive: KinesisVideoArchivedMediaClient;

  beforeAll(async () => {
    await createActive(stream, 24);
    const { DataEndpoint } = await control.send(new GetDataEndpointCommand({ StreamName: stream, APIName: 'GET_MEDIA' }));
    media = new KinesisVideoMediaClient({ endpoint: DataEndpoint, region: 'us-east-1', credentials });
    archive = new KinesisVideoArchivedMediaClient({ endpoint: DataEndpoint, region: 'us-east-1', credentials });
    producerStartMs = Date.now() - 6000;
  });

  afterAll(() => {
    media.destroy();
    archive.destroy();
  });

  it('acknowledges every fragment of a chunked MKV upload (BUFFERING, RECEIVED, PERSISTED)', async () => {
    const mkv = recordTestPattern(producerStartMs, 6); // 3 fragments of 2 s, 160×96 H.264
    const { status, acks } = await putMedia(server.endpoint, stream, mkv);
    expect(status).toBe(200);
    expect(acks.map((a) => a.EventType)).toEqual(['BUFFERING', 'RECEIVED', 'PERSISTED', 'BUFFERING', 'RECEIVED', 'PERSISTED', 'BUFFERING', 'RECEIVED', 'PERSISTED']);
    expect(acks.filter((a) => a.EventType === 'PERSISTED').map((a) => a.FragmentTimecode)).toEqual([0, 2000, 4000].map((d) => producerStartMs + d));
  });

  it('refuses a second PutMedia connection and garbage bodies', async () => {
    const bad = await putMedia(server.endpoint, stream, new TextEncoder().encode('definitely not matroska'));
    expect(bad.acks).toEqual([{ EventType: 'ERROR', ErrorId: 4006 }]);
    const missing = await putMedia(server.endpoint, 'no-such-stream', recordTestPattern(0, 1));
    expect(missing.status).toBe(404);
  });

  it('lists fragments by producer timestamp with sizes and durations', async () => {
    const out = await archive.send(new ListFragmentsCommand({
      StreamName: stream,
      FragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(producerStartMs), EndTimestamp: new Date(producerStartMs + 10_000) } },
    }));
    expect(out.Fragments).toHaveLength(3);
    expect(out.Fragments!.map((f) => f.ProducerTimestamp!.getTime())).toEqual([0, 2000, 4000].map((d) => producerStartMs + d));
    expect(out.Fragments!.slice(0, 2).map((f) => f.FragmentLengthInMilliseconds)).toEqual([2000, 2000]);
    expect(out.Fragments!.every((f) => (f.FragmentSizeInBytes ?? 0) > 1000)).toBe(true);
    const paged = await archive.send(new ListFragmentsCommand({ StreamName: stream, MaxResults: 2, FragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(0), EndTimestamp: new Date(Date.now() + 1000) } } }));
    expect(paged.Fragments).toHaveLength(2);
    const rest = await archive.send(new ListFragmentsCommand({ StreamName: stream, NextToken: paged.NextToken }));
    expect(rest.Fragments).toHaveLength(1);
  });

  it('returns Matroska from GetMediaForFragmentList and GetMedia', async () => {
    const { Fragments } = await archive.send(new ListFragmentsCommand({ StreamName: stream, FragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(producerStartMs), EndTimestamp: new Date(producerStartMs + 10_000) } } }));
    const numbers = Fragments!.map((f) => f.FragmentNumber!).sort();
    const got = await archive.send(new GetMediaForFragmentListCommand({ StreamName: stream, Fragments: numbers }));
    expect(got.ContentType).toBe('video/webm');
    const bytes = await got.Payload!.transformToByteArray();
    const chunks = splitChunks(bytes);
    expect(chunks).toHaveLength(3);
    for (const c of chunks) {
      const r = new MkvStreamReader(1e8);
      const events = [...r.push(c), ...r.end()];
      expect(events.filter((e) => e.kind === 'cluster')).toHaveLength(1);
    }
    expect(new TextDecoder().decode(bytes)).toContain('AWS_KINESISVIDEO_FRAGMENT_NUMBER');

    const live = await media.send(new GetMediaCommand({ StreamName: stream, StartSelector: { StartSelectorType: 'EARLIEST' } }));
    const parts: Uint8Array[] = [];
    const body = live.Payload as unknown as AsyncIterable<Uint8Array> & { destroy?: () => void };
    let total = 0;
    for await (const part of body) {
      parts.push(part);
      total += part.length;
      if (splitChunks(Buffer.concat(parts)).length >= 3 && total >= bytes.length) break;
    }
    body.destroy?.();
    expect(new TextDecoder().decode(Buffer.concat(parts))).toContain('AWS_KINESISVIDEO_MILLIS_BEHIND_NOW');
  });

  it('GetClip returns a fragmented MP4 with one moof per fragment', async () => {
    const clip = await archive.send(new GetClipCommand({ StreamName: stream, ClipFragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(producerStartMs), EndTimestamp: new Date(producerStartMs + 3000) } } }));
    expect(clip.ContentType).toBe('video/mp4');
    const mp4 = await clip.Payload!.transformToByteArray();
    expect(String.fromCharCode(...mp4.subarray(4, 8))).toBe('ftyp');
    expect(countBoxes(mp4, 'moov')).toBe(1);
    expect(countBoxes(mp4, 'moof')).toBe(2); // fragments starting at 0 s and 2 s (end inclusive)
  });

  it('serves HLS and DASH sessions whose playlists lead to fMP4 init and media fragments', async () => {
    const range = { StartTimestamp: new Date(producerStartMs), EndTimestamp: new Date(producerStartMs + 10_000) };
    const { HLSStreamingSessionURL } = await archive.send(new GetHLSStreamingSessionURLCommand({ StreamName: stream, PlaybackMode: 'ON_DEMAND', HLSFragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: range } }));
    const master = await (await fetch(HLSStreamingSessionURL!)).text();
    expect(master).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,CODECS="avc1\.42C01E",RESOLUTION=160x96/);
    const mediaUrl = new URL(master.trim().split('\n').pop()!, HLSStreamingSessionURL).toString();
    const playlist = await (await fetch(mediaUrl)).text();
    expect(playlist.match(/#EXTINF:/g)).toHaveLength(3);
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const init = new Uint8Array(await (await fetch(new URL(/URI="([^"]+)"/.exec(playlist)![1], mediaUrl))).arrayBuffer());
    expect(countBoxes(init, 'moov')).toBe(1);
    const seg = new Uint8Array(await (await fetch(new URL(playlist.split('\n').find((l) => l.startsWith('getMP4MediaFragment'))!, mediaUrl))).arrayBuffer());
    expect(countBoxes(seg, 'moof')).toBe(1);
    expect(countBoxes(seg, 'mdat')).toBe(1);

    const { DASHStreamingSessionURL } = await archive.send(new GetDASHStreamingSessionURLCommand({ StreamName: stream, PlaybackMode: 'ON_DEMAND', DASHFragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: range } }));
    const mpd = await (await fetch(DASHStreamingSessionURL!)).text();
    expect(mpd).toContain('type="static"');
    expect(mpd.match(/<SegmentURL /g)).toHaveLength(3);
  });

  it('GetImages returns PNG key frames and NO_MEDIA where nothing was recorded', async () => {
    const out = await archive.send(new GetImagesCommand({
      StreamName: stream, ImageSelectorType: 'PRODUCER_TIMESTAMP', StartTimestamp: new Date(producerStartMs), EndTimestamp: new Date(producerStartMs + 8000),
      SamplingInterval: 2000, Format: 'PNG', WidthPixels: 80,
    }));
    expect(out.Images).toHaveLength(5);
    const png = Buffer.from(out.Images![0].ImageContent!, 'base64');
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(80);
    expect(png.readUInt32BE(20)).toBe(48);
    expect(out.Images!.slice(3).map((i) => i.Error)).toEqual(['NO_MEDIA', 'NO_MEDIA']);
  });

  it('archived media needs retention (NoDataRetentionException)', async () => {
    await createActive('no-archive', 0);
    const e = await errorOf(archive.send(new GetClipCommand({ StreamName: 'no-archive', ClipFragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(Date.now() - 60_000), EndTimestamp: new Date() } } })));
    expect(e).toBeInstanceOf(NoDataRetentionException);
  });
});
