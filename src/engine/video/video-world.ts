/**
 * The scenario's `videoStreams` section as a part of the world: a VideoService on the world's
 * Simulation, the streams it names, and a synthetic camera per stream that asks for one. Also the
 * JSON-able snapshot the console shows and the report `npm run sim` prints.
 *
 * Section shape (each entry):
 *   { "name": "front-door", "retentionHours": 24, "mediaType": "video/h264",
 *     "producer": { "width": 160, "height": 96, "framesPerSecond": 10, "keyFrameInterval": 20 } }
 */
import type { Simulation } from '../simulation';
import { capture } from '../api/result';
import type { ScenarioDoc } from '../scenario/schema';
import type { WorldPart } from '../world/part';
import { fragmentInfo, type FragmentInfo } from './archive';
import { SyntheticVideoProducer, type VideoProducerStats } from './synthetic-producer';
import { DEFAULT_TEST_PATTERN, type TestPatternOptions } from './test-pattern-source';
import { VideoService } from './video-service';
import type { FragmentAccounting, VideoStreamInfo } from './video-stream';

export interface VideoStreamEntry {
  readonly name: string;
  readonly retentionHours?: number;
  readonly mediaType?: string;
  readonly producer?: Partial<TestPatternOptions> | null;
}

export class VideoSectionError extends Error {}

/** Validates the section; errors name the field path. */
export function parseVideoSection(section: unknown): VideoStreamEntry[] {
  if (section === undefined) return [];
  if (!Array.isArray(section)) throw new VideoSectionError('videoStreams must be an array');
  return section.map((raw, i) => {
    const at = `videoStreams[${i}]`;
    if (!raw || typeof raw !== 'object') throw new VideoSectionError(`${at} must be an object`);
    const e = raw as Record<string, unknown>;
    if (typeof e.name !== 'string') throw new VideoSectionError(`${at}.name must be a string`);
    if (e.retentionHours !== undefined && typeof e.retentionHours !== 'number') throw new VideoSectionError(`${at}.retentionHours must be a number`);
    const p = e.producer as Record<string, unknown> | null | undefined;
    if (p !== undefined && p !== null) {
      for (const k of ['width', 'height', 'framesPerSecond', 'keyFrameInterval']) {
        if (p[k] !== undefined && (typeof p[k] !== 'number' || !(Number(p[k]) > 0))) throw new VideoSectionError(`${at}.producer.${k} must be a positive number`);
      }
      for (const k of ['width', 'height']) {
        if (p[k] !== undefined && Number(p[k]) % 16 !== 0) throw new VideoSectionError(`${at}.producer.${k} must be a multiple of 16 (H.264 macroblocks)`);
      }
    }
    return { name: e.name, retentionHours: e.retentionHours as number | undefined, mediaType: e.mediaType as string | undefined, producer: p as Partial<TestPatternOptions> | null | undefined };
  });
}

export interface VideoStreamView {
  readonly info: VideoStreamInfo;
  readonly accounting: FragmentAccounting;
  /** The newest fragments (up to 120), oldest first, with ingest latency. */
  readonly recent: ReadonlyArray<FragmentInfo & { readonly codecId: string }>;
  readonly producer?: VideoProducerStats;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface VideoSlice {
  readonly streams: readonly VideoStreamView[];
}

const TIMELINE_FRAGMENTS = 120;
const REPORTED_METRICS = ['PutMedia.IncomingBytes', 'PutMedia.IncomingFragments', 'PutMedia.IncomingFrames', 'PutMedia.ErrorAckCount',
  'GetMedia.OutgoingBytes', 'GetClip.OutgoingBytes', 'GetMP4MediaFragment.OutgoingBytes', 'GetImages.Requests'] as const;

export interface VideoReport {
  readonly streams: ReadonlyArray<{
    readonly name: string; readonly fragmentsIngested: number; readonly fragmentsHeld: number; readonly fragmentsExpired: number;
    readonly fragmentsEvicted: number; readonly bytesIn: number; readonly framesCaptured: number; readonly persistedAcks: number; readonly errorAcks: number;
  }>;
}

export class VideoWorld {
  readonly service: VideoService;
  readonly producers = new Map<string, SyntheticVideoProducer>();

  constructor(readonly sim: Simulation, private readonly entries: readonly VideoStreamEntry[], options: { storedBytesMax?: number } = {}) {
    this.service = sim.attach(new VideoService(sim, { storedBytesMax: options.storedBytesMax }));
    for (const e of entries) {
      const r = capture(() => this.service.createStream({ StreamName: e.name, DataRetentionInHours: e.retentionHours ?? 24, MediaType: e.mediaType ?? 'video/h264' }));
      if (!r.ok) throw new VideoSectionError(`videoStreams: ${e.name}: ${r.error.name}: ${r.error.message}`);
    }
  }

  /** Starts the synthetic cameras the section asks for. */
  start(): void {
    for (const e of this.entries) if (e.producer) this.startProducer(e.name, e.producer);
  }

  stop(): void {
    for (const p of this.producers.values()) p.stop();
  }

  startProducer(name: string, options: Partial<TestPatternOptions>): SyntheticVideoProducer {
    this.producers.get(name)?.stop();
    const p = new SyntheticVideoProducer(this.sim, this.service, name, { ...DEFAULT_TEST_PATTERN, ...options });
    this.producers.set(name, p);
    // Start once CreateStream's transition has run (it is scheduled at the current instant).
    p.start(this.sim.nowMs + 1);
    return p;
  }

  stopProducer(name: string): void {
    this.producers.get(name)?.stop();
    this.producers.delete(name);
  }

  snapshot(): VideoSlice {
    return {
      streams: this.service.list().map((s) => {
        const held = s.held();
        const recent = held.slice(Math.max(0, held.length - TIMELINE_FRAGMENTS)).map((f) => ({
          ...fragmentInfo(f), codecId: f.header.tracks.find((t) => t.kind === 'video')?.codecId ?? f.header.tracks[0]?.codecId ?? '',
        }));
        const metrics: Record<string, number> = {};
        for (const m of REPORTED_METRICS) metrics[m] = this.service.metrics.total(s.name, m);
        return { info: s.info(), accounting: s.accounting(), recent, producer: this.producers.get(s.name)?.stats(), metrics };
      }),
    };
  }

  report(): VideoReport {
    return {
      streams: this.service.list().map((s) => {
        const a = s.accounting();
        const p = this.producers.get(s.name)?.stats();
        return {
          name: s.name, fragmentsIngested: a.ingestedFragments, fragmentsHeld: a.heldFragments, fragmentsExpired: a.expiredFragments,
          fragmentsEvicted: a.evictedFragments, bytesIn: this.service.metrics.total(s.name, 'PutMedia.IncomingBytes'),
          framesCaptured: p?.framesCaptured ?? 0, persistedAcks: p?.acks.PERSISTED ?? 0, errorAcks: p?.acks.ERROR ?? 0,
        };
      }),
    };
  }
}

/** Field-path problems of the `videoStreams` section. */
export function validateVideoSection(doc: ScenarioDoc): string[] {
  try {
    const entries = parseVideoSection(doc.videoStreams);
    const seen = new Set<string>();
    const errors: string[] = [];
    entries.forEach((e, i) => {
      if (seen.has(e.name)) errors.push(`videoStreams[${i}].name: a video stream named ${e.name} already exists`);
      seen.add(e.name);
    });
    return errors;
  } catch (e) {
    if (e instanceof VideoSectionError) return [e.message];
    throw e;
  }
}

/** Video Streams as a part of the world (parts.ts). */
export const videoPart: WorldPart<'videoStreams', VideoWorld> = {
  key: 'videoStreams',
  validate: validateVideoSection,
  build: (ctx) => new VideoWorld(ctx.sim, parseVideoSection(ctx.doc.videoStreams)),
};
