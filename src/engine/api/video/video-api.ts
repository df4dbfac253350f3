/**
 * The Kinesis Video Streams APIs as the AWS SDK v3 clients call them: REST-JSON `POST /<op>`
 * (control plane, archived media, GetMedia) and the HLS/DASH `GET /hls/v1/…`, `/dash/v1/…`
 * routes a session URL leads to. Pure: request data in, response data out (the Node server and
 * the worker both use it). PutMedia, a streamed upload, is opened through `openPutMedia`.
 * Timestamps on the wire are epoch seconds (restJson1's default); the engine keeps ms.
 */
import { AwsServiceError } from '../result';
import {
  checkRange, checkSelectorType, fragmentListTags, getClip, getMediaStartIndex, listFragments, mediaChunk, requireRetention,
} from '../../video/archive';
import { VideoError } from '../../video/errors';
import { getImages } from '../../video/images';
import { VIDEO_LIMITS } from '../../video/limits';
import { StreamingSessions, type SessionProtocol } from '../../video/streaming-sessions';
import type { StreamRef, VideoService } from '../../video/video-service';
import type { VideoStream } from '../../video/video-stream';
import { GetMediaReader } from './get-media-reader';

export interface VideoRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export type VideoResponse =
  | { readonly kind: 'json'; readonly status: number; readonly body: Record<string, unknown>; readonly headers?: Record<string, string> }
  | { readonly kind: 'bytes'; readonly status: number; readonly contentType: string; readonly body: Uint8Array | string }
  | { readonly kind: 'get-media'; readonly status: 200; readonly contentType: string; readonly reader: GetMediaReader };

const CONTROL_OPS = new Set(['/createStream', '/describeStream', '/listStreams', '/updateStream', '/updateDataRetention', '/deleteStream',
  '/tagStream', '/untagStream', '/listTagsForStream', '/getDataEndpoint']);
const DATA_OPS = new Set(['/getMedia', '/listFragments', '/getMediaForFragmentList', '/getClip', '/getHLSStreamingSessionURL',
  '/getDASHStreamingSessionURL', '/getImages']);

const seconds = (ms: number): number => ms / 1000;
const ms = (v: unknown): number | undefined => (typeof v === 'number' ? Math.round(v * 1000) : undefined);

export function isVideoPath(path: string): boolean {
  return CONTROL_OPS.has(path) || DATA_OPS.has(path) || path.startsWith('/hls/v1/') || path.startsWith('/dash/v1/') || path === '/putMedia';
}

export class VideoApi {
  readonly sessions: StreamingSessions;

  constructor(readonly service: VideoService, private readonly endpoint: () => string) {
    this.sessions = new StreamingSessions(service.sim.prng.fork('video-sessions'));
  }

  /** Answers a request, or undefined when the path is not a Kinesis Video Streams route. */
  handle(req: VideoRequest): VideoResponse | undefined {
    if (!isVideoPath(req.path) || req.path === '/putMedia') return undefined;
    try {
      if (req.method === 'GET' && (req.path.startsWith('/hls/v1/') || req.path.startsWith('/dash/v1/'))) return this.playback(req);
      if (req.method !== 'POST') throw new VideoError('InvalidArgumentException', `${req.path} takes POST.`);
      let body: Record<string, unknown> = {};
      if (req.body.length) {
        try {
          body = JSON.parse(new TextDecoder().decode(req.body)) as Record<string, unknown>;
        } catch {
          throw new VideoError('InvalidArgumentException', 'The request body is not valid JSON.');
        }
      }
      return this.operation(req.path, body);
    } catch (e) {
      if (e instanceof AwsServiceError) return errorResponse(e);
      throw e;
    }
  }

  private ref(body: Record<string, unknown>): StreamRef {
    return { StreamName: body.StreamName as string | undefined, StreamARN: body.StreamARN as string | undefined };
  }

  private operation(path: string, b: Record<string, unknown>): VideoResponse {
    const svc = this.service;
    const ok = (body: Record<string, unknown> = {}): VideoResponse => ({ kind: 'json', status: 200, body });
    switch (path) {
      case '/createStream':
        return ok(svc.createStream({ ...(b as { StreamName: string }), Tags: b.Tags as Record<string, string> | undefined }));
      case '/describeStream':
        return ok({ StreamInfo: wireInfo(svc.describeStream(this.ref(b))) });
      case '/listStreams': {
        const r = svc.listStreams(b);
        return ok({ StreamInfoList: r.streams.map(wireInfo), ...(r.nextToken ? { NextToken: r.nextToken } : {}) });
      }
      case '/updateStream':
        svc.updateStream(b as unknown as StreamRef & { CurrentVersion: string });
        return ok();
      case '/updateDataRetention':
        svc.updateDataRetention(b as unknown as StreamRef & { CurrentVersion: string; Operation: string; DataRetentionChangeInHours: number });
        return ok();
      case '/deleteStream':
        svc.deleteStream(b as { StreamARN: string; CurrentVersion?: string });
        return ok();
      case '/tagStream':
        svc.tagStream({ ...this.ref(b), Tags: (b.Tags ?? {}) as Record<string, string> });
        return ok();
      case '/untagStream':
        svc.untagStream({ ...this.ref(b), TagKeyList: (b.TagKeyList ?? []) as string[] });
        return ok();
      case '/listTagsForStream':
        return ok({ Tags: svc.listTags(this.ref(b)) });
      case '/getDataEndpoint':
        svc.checkDataEndpoint({ ...this.ref(b), APIName: b.APIName as string });
        return ok({ DataEndpoint: this.endpoint() });
      default:
        return this.dataOperation(path, b);
    }
  }

  private dataOperation(path: string, b: Record<string, unknown>): VideoResponse {
    const svc = this.service;
    const stream = svc.resolve(this.ref(b));
    const now = svc.nowMs;
    switch (path) {
      case '/getMedia': {
        svc.takeCall(stream, 'GetMedia', VIDEO_LIMITS.getMediaCallsPerStreamPerSec);
        svc.metric(stream, 'GetMedia.Requests', 1);
        const sel = (b.StartSelector ?? {}) as Record<string, unknown>;
        const start = getMediaStartIndex(stream, {
          StartSelectorType: sel.StartSelectorType as string, AfterFragmentNumber: sel.AfterFragmentNumber as string | undefined,
          StartTimestamp: ms(sel.StartTimestamp), ContinuationToken: sel.ContinuationToken as string | undefined,
        });
        if (stream.activeGetSessions >= VIDEO_LIMITS.getMediaConnectionsPerStream) {
          throw new VideoError('ConnectionLimitExceededException', `The stream ${stream.name} already has ${VIDEO_LIMITS.getMediaConnectionsPerStream} GetMedia connections.`);
        }
        return { kind: 'get-media', status: 200, contentType: 'video/webm', reader: new GetMediaReader(svc, stream, start) };
      }
      case '/listFragments': {
        svc.takeCall(stream, 'ListFragments', VIDEO_LIMITS.listFragmentsCallsPerStreamPerSec);
        const sel = b.FragmentSelector as { FragmentSelectorType?: string; TimestampRange?: { StartTimestamp?: number; EndTimestamp?: number } } | undefined;
        if (!sel && b.NextToken === undefined) throw new VideoError('InvalidArgumentException', 'FragmentSelector is required unless NextToken is given.');
        const r = listFragments(stream, {
          kind: sel ? checkSelectorType(sel.FragmentSelectorType) : undefined,
          startMs: ms(sel?.TimestampRange?.StartTimestamp), endMs: ms(sel?.TimestampRange?.EndTimestamp),
          maxResults: b.MaxResults as number | undefined, nextToken: b.NextToken as string | undefined,
        });
        // ListFragments.Latency is modelled (the in-memory scan takes no virtual time): 10 ms + 0.01 ms per fragment held.
        svc.metric(stream, 'ListFragments.Latency', 10 + stream.accounting().heldFragments * 0.01);
        return { kind: 'json', status: 200, body: { Fragments: r.fragments.map((f) => ({ ...f, ProducerTimestamp: seconds(f.ProducerTimestamp), ServerTimestamp: seconds(f.ServerTimestamp) })), ...(r.nextToken ? { NextToken: r.nextToken } : {}) } };
      }
      case '/getMediaForFragmentList': {
        const numbers = b.Fragments as string[] | undefined;
        if (!Array.isArray(numbers) || numbers.length < 1 || numbers.length > VIDEO_LIMITS.fragmentListMax) {
          throw new VideoError('InvalidArgumentException', `Fragments must list 1–${VIDEO_LIMITS.fragmentListMax} fragment numbers.`);
        }
        svc.takeCall(stream, 'GetMediaForFragmentList', VIDEO_LIMITS.getMediaCallsPerStreamPerSec);
        const parts = numbers.map((n) => {
          const f = stream.byNumber(n);
          if (!f) throw new VideoError('ResourceNotFoundException', `Fragment ${n} is not held by ${stream.name} (expired or never existed).`);
          return mediaChunk(f, fragmentListTags(f));
        });
        const body = concat(parts);
        svc.metric(stream, 'GetMediaForFragmentList.Requests', 1);
        svc.metric(stream, 'GetMediaForFragmentList.OutgoingBytes', body.length);
        svc.metric(stream, 'GetMediaForFragmentList.OutgoingFragments', parts.length);
        return { kind: 'bytes', status: 200, contentType: 'video/webm', body };
      }
      case '/getClip': {
        svc.takeCall(stream, 'GetClip', VIDEO_LIMITS.getClipCallsPerStreamPerSec);
        const sel = (b.ClipFragmentSelector ?? {}) as { FragmentSelectorType?: string; TimestampRange?: { StartTimestamp?: number; EndTimestamp?: number } };
        const kind = checkSelectorType(sel.FragmentSelectorType);
        const range = checkRange(ms(sel.TimestampRange?.StartTimestamp), ms(sel.TimestampRange?.EndTimestamp), now, kind);
        const clip = getClip(stream, kind, range.startMs, range.endMs, now);
        svc.metric(stream, 'GetClip.Requests', 1);
        svc.metric(stream, 'GetClip.OutgoingBytes', clip.bytes.length);
        return { kind: 'bytes', status: 200, contentType: 'video/mp4', body: clip.bytes };
      }
      case '/getHLSStreamingSessionURL':
      case '/getDASHStreamingSessionURL': {
        const protocol: SessionProtocol = path === '/getHLSStreamingSessionURL' ? 'HLS' : 'DASH';
        svc.takeCall(stream, `Get${protocol}StreamingSessionURL`, VIDEO_LIMITS.sessionUrlCallsPerStreamPerSec);
        requireRetention(stream);
        const sel = (protocol === 'HLS' ? b.HLSFragmentSelector : b.DASHFragmentSelector) as { FragmentSelectorType?: string; TimestampRange?: { StartTimestamp?: number; EndTimestamp?: number } } | undefined;
        const session = this.sessions.create(stream, protocol, {
          PlaybackMode: b.PlaybackMode as string | undefined,
          FragmentSelectorType: sel?.FragmentSelectorType,
          StartTimestamp: ms(sel?.TimestampRange?.StartTimestamp),
          EndTimestamp: ms(sel?.TimestampRange?.EndTimestamp),
          Expires: b.Expires as number | undefined,
          MaxFragments: (protocol === 'HLS' ? b.MaxMediaPlaylistFragmentResults : b.MaxManifestFragmentResults) as number | undefined,
          ContainerFormat: b.ContainerFormat as string | undefined,
          DiscontinuityMode: b.DiscontinuityMode as string | undefined,
          DisplayFragmentTimestamp: b.DisplayFragmentTimestamp as string | undefined,
        }, now);
        svc.metric(stream, protocol === 'HLS' ? 'GetHLSStreamingSessionURL.Requests' : 'GetDASHStreamingSessionURL.Requests', 1);
        const url = protocol === 'HLS'
          ? `${this.endpoint()}/hls/v1/getHLSMasterPlaylist.m3u8?SessionToken=${session.token}`
          : `${this.endpoint()}/dash/v1/getDASHManifest.mpd?SessionToken=${session.token}`;
        return { kind: 'json', status: 200, body: protocol === 'HLS' ? { HLSStreamingSessionURL: url } : { DASHStreamingSessionURL: url } };
      }
      case '/getImages': {
        const r = getImages(stream, {
          ImageSelectorType: b.ImageSelectorType as string | undefined, StartTimestamp: ms(b.StartTimestamp), EndTimestamp: ms(b.EndTimestamp),
          SamplingInterval: b.SamplingInterval as number | undefined, Format: b.Format as string | undefined,
          WidthPixels: b.WidthPixels as number | undefined, HeightPixels: b.HeightPixels as number | undefined,
          MaxResults: b.MaxResults as number | undefined, NextToken: b.NextToken as string | undefined,
        });
        svc.metric(stream, 'GetImages.Requests', 1);
        return { kind: 'json', status: 200, body: { Images: r.images.map((i) => ({ ...i, TimeStamp: seconds(i.TimeStamp) })), ...(r.nextToken ? { NextToken: r.nextToken } : {}) } };
      }
      default:
        throw new VideoError('InvalidArgumentException', `Unknown operation ${path}.`);
    }
  }

  private playback(req: VideoRequest): VideoResponse {
    const now = this.service.nowMs;
    const session = this.sessions.get(req.query.get('SessionToken'), now);
    const name = req.path.slice(req.path.lastIndexOf('/') + 1);
    const stream = session.stream;
    switch (name) {
      case 'getHLSMasterPlaylist.m3u8':
        return { kind: 'bytes', status: 200, contentType: 'application/vnd.apple.mpegurl', body: this.sessions.hlsMasterPlaylist(session, now) };
      case 'getHLSMediaPlaylist.m3u8':
        this.service.metric(stream, 'GetHLSMediaPlaylist.Requests', 1);
        return { kind: 'bytes', status: 200, contentType: 'application/vnd.apple.mpegurl', body: this.sessions.hlsMediaPlaylist(session, now) };
      case 'getDASHManifest.mpd':
        this.service.metric(stream, 'GetDASHManifest.Requests', 1);
        return { kind: 'bytes', status: 200, contentType: 'application/dash+xml', body: this.sessions.dashManifest(session, now) };
      case 'getMP4InitFragment.mp4':
        this.service.metric(stream, 'GetMP4InitFragment.Requests', 1);
        return { kind: 'bytes', status: 200, contentType: 'video/mp4', body: this.sessions.init(session).bytes };
      case 'getMP4MediaFragment.mp4': {
        const body = this.sessions.media(session, req.query.get('FragmentNumber'));
        this.service.metric(stream, 'GetMP4MediaFragment.Requests', 1);
        this.service.metric(stream, 'GetMP4MediaFragment.OutgoingBytes', body.length);
        return { kind: 'bytes', status: 200, contentType: 'video/mp4', body };
      }
      default:
        throw new VideoError('ResourceNotFoundException', `No playback resource ${name}; the session URL leads to the playlist or manifest.`);
    }
  }

  /** Stream info for the PutMedia route. */
  streamFor(ref: StreamRef): VideoStream {
    return this.service.resolve(ref);
  }
}

function wireInfo(s: VideoStream): Record<string, unknown> {
  const i = s.info();
  return { ...i, CreationTime: seconds(i.CreationTime) };
}

export function errorResponse(e: AwsServiceError): VideoResponse {
  return { kind: 'json', status: e.httpStatus, headers: { 'x-amzn-errortype': e.name }, body: { Message: e.message, message: e.message } };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
