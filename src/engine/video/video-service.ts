/**
 * VideoService: the Kinesis Video Streams of one simulated account and Region — the control plane
 * (CreateStream … GetDataEndpoint) with AWS's validation and errors, PutMedia sessions, retention
 * trimming on the virtual clock, the memory budget, and the metrics. Archived-media reads live in
 * archive.ts. Control-plane rules: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_Operations_Amazon_Kinesis_Video_Streams.html
 */
import type { Simulation, SimulationPart } from '../simulation';
import type { Prng } from '../random/prng';
import { VideoError } from './errors';
import { DATA_ENDPOINT_API_NAMES, VIDEO_LIMITS } from './limits';
import { PerSecondBudget } from './rate-window';
import { PutMediaSession, type TimecodeType } from './put-media-session';
import { VideoMetrics, type VideoMetricName } from './video-metrics';
import { VideoStream } from './video-stream';

export interface VideoServiceOptions {
  readonly region?: string;
  readonly accountId?: string;
  /** CREATING → ACTIVE, UPDATING → ACTIVE and DELETING → gone take this long (virtual ms). */
  readonly transitionDelayMs?: number;
  /** The sandbox's memory budget for stored fragment bytes, all streams together. */
  readonly storedBytesMax?: number;
}

export interface StreamRef {
  readonly StreamName?: string;
  readonly StreamARN?: string;
}

export const DEFAULT_VIDEO_STORED_BYTES_MAX = 256 * 1_048_576;

const VERSION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class VideoService implements SimulationPart {
  readonly id = 'video-streams';
  readonly region: string;
  readonly accountId: string;
  readonly metrics: VideoMetrics;
  private readonly streams = new Map<string, VideoStream>();
  private readonly budgets = new Map<string, PerSecondBudget>();
  private readonly prng: Prng;
  private readonly transitionDelayMs: number;
  private readonly storedBytesMax: number;
  private fragmentCounter = 0;
  private readonly fragmentPrefix: string;

  constructor(readonly sim: Simulation, options: VideoServiceOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.transitionDelayMs = options.transitionDelayMs ?? 0;
    this.storedBytesMax = options.storedBytesMax ?? DEFAULT_VIDEO_STORED_BYTES_MAX;
    this.prng = sim.prng.fork('video-streams');
    this.metrics = new VideoMetrics(sim.startMs);
    // KVS fragment numbers are 47-digit decimals; a fixed-width counter after a seeded prefix keeps string order = ingest order.
    this.fragmentPrefix = String(this.prng.intInclusive(9_100_000_000_000, 9_199_999_999_999));
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  afterAdvance(nowMs: number): void {
    let total = 0;
    for (const s of this.streams.values()) {
      s.trim(nowMs);
      total += s.accounting().heldBytes;
      this.metrics.add(s.name, 'PutMedia.ActiveConnections', s.activePutSessions, nowMs);
    }
    this.metrics.flush(nowMs);
    if (total > this.storedBytesMax) {
      const share = Math.floor(this.storedBytesMax / Math.max(1, this.streams.size));
      for (const s of this.streams.values()) s.evictTo(share);
    }
  }

  // ---- lookup and validation ----

  list(): VideoStream[] {
    return [...this.streams.values()];
  }

  resolve(ref: StreamRef): VideoStream {
    const { StreamName, StreamARN } = ref;
    if ((StreamName === undefined) === (StreamARN === undefined)) {
      throw new VideoError('InvalidArgumentException', 'Specify either StreamName or StreamARN, not both and not neither.');
    }
    if (StreamName !== undefined) {
      const s = this.streams.get(StreamName);
      if (!s) throw new VideoError('ResourceNotFoundException', `The stream ${StreamName} does not exist in account ${this.accountId} in ${this.region}.`);
      return s;
    }
    const s = [...this.streams.values()].find((x) => x.arn === StreamARN);
    if (!s) throw new VideoError('ResourceNotFoundException', `The stream ${StreamARN} does not exist.`);
    return s;
  }

  /** A per-stream, per-API calls-per-second quota; ClientLimitExceededException when spent. */
  takeCall(stream: VideoStream, api: string, perSecondMax: number): void {
    const key = `${stream.arn}\u0000${api}`;
    let b = this.budgets.get(key);
    if (!b) this.budgets.set(key, (b = new PerSecondBudget(perSecondMax)));
    if (!b.tryTake(this.nowMs)) {
      throw new VideoError('ClientLimitExceededException', `${api} is limited to ${perSecondMax} calls per second per stream; slow down and retry.`);
    }
  }

  metric(stream: VideoStream, name: VideoMetricName, value: number): void {
    this.metrics.add(stream.name, name, value, this.nowMs);
  }

  private newVersion(): string {
    let v = '';
    for (let i = 0; i < 20; i++) v += VERSION_ALPHABET[this.prng.intInclusive(0, VERSION_ALPHABET.length - 1)];
    return v;
  }

  private checkVersion(s: VideoStream, currentVersion: string | undefined, required: boolean): void {
    if (currentVersion === undefined) {
      if (required) throw new VideoError('InvalidArgumentException', 'CurrentVersion is required: pass the Version that DescribeStream returns.');
      return;
    }
    if (currentVersion !== s.version) {
      throw new VideoError('VersionMismatchException', `The stream version ${currentVersion} is not the latest (${s.version}); describe the stream and retry with its current Version.`);
    }
  }

  private requireActive(s: VideoStream): void {
    if (s.status !== 'ACTIVE') throw new VideoError('ResourceInUseException', `The stream ${s.name} is ${s.status}; wait until it is ACTIVE.`);
  }

  private settle(s: VideoStream): void {
    this.sim.scheduler.after(this.transitionDelayMs, () => {
      if (this.streams.get(s.name) === s && (s.status === 'CREATING' || s.status === 'UPDATING')) s.status = 'ACTIVE';
    });
  }

  // ---- control plane ----

  createStream(input: {
    StreamName: string; DeviceName?: string; MediaType?: string; KmsKeyId?: string; DataRetentionInHours?: number; Tags?: Record<string, string>;
  }): { StreamARN: string } {
    const { StreamName: name } = input;
    if (typeof name !== 'string' || name.length < 1 || name.length > VIDEO_LIMITS.streamNameLengthMax || !VIDEO_LIMITS.streamNamePattern.test(name)) {
      throw new VideoError('InvalidArgumentException', `StreamName must be 1–${VIDEO_LIMITS.streamNameLengthMax} characters of [a-zA-Z0-9_.-].`);
    }
    validateOptionalText('DeviceName', input.DeviceName, VIDEO_LIMITS.deviceNameLengthMax);
    if (input.MediaType !== undefined && (input.MediaType.length > VIDEO_LIMITS.mediaTypeLengthMax || !VIDEO_LIMITS.mediaTypePattern.test(input.MediaType))) {
      throw new VideoError('InvalidArgumentException', 'MediaType must look like type/subtype[,type/subtype…], e.g. video/h264, at most 128 characters.');
    }
    validateOptionalText('KmsKeyId', input.KmsKeyId, VIDEO_LIMITS.kmsKeyIdLengthMax);
    const retention = input.DataRetentionInHours ?? 0;
    validateRetention(retention);
    const tags = Object.entries(input.Tags ?? {});
    validateTags(tags, 0);
    if (this.streams.has(name)) throw new VideoError('ResourceInUseException', `The stream ${name} already exists.`);
    if (this.streams.size >= VIDEO_LIMITS.streamsPerAccount) {
      throw new VideoError('AccountStreamLimitExceededException', `This account already has ${VIDEO_LIMITS.streamsPerAccount} video streams, the default quota.`);
    }
    const nowMs = this.nowMs;
    const arn = `arn:aws:kinesisvideo:${this.region}:${this.accountId}:stream/${name}/${nowMs}`;
    const kms = input.KmsKeyId ?? `arn:aws:kms:${this.region}:${this.accountId}:alias/aws/kinesisvideo`;
    const s = new VideoStream(name, arn, kms, nowMs, retention, this.newVersion(), input.DeviceName, input.MediaType);
    for (const [k, v] of tags) s.tags.set(k, v);
    this.streams.set(name, s);
    this.settle(s);
    return { StreamARN: arn };
  }

  describeStream(ref: StreamRef): VideoStream {
    const s = this.resolve(ref);
    this.takeCall(s, 'DescribeStream', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    return s;
  }

  listStreams(input: { MaxResults?: number; NextToken?: string; StreamNameCondition?: { ComparisonOperator?: string; ComparisonValue?: string } }): { streams: VideoStream[]; nextToken?: string } {
    const max = input.MaxResults ?? VIDEO_LIMITS.listStreamsMaxResults;
    if (!Number.isInteger(max) || max < 1 || max > VIDEO_LIMITS.listStreamsMaxResults) {
      throw new VideoError('InvalidArgumentException', `MaxResults must be 1–${VIDEO_LIMITS.listStreamsMaxResults}.`);
    }
    const cond = input.StreamNameCondition;
    if (cond && cond.ComparisonOperator !== undefined && cond.ComparisonOperator !== 'BEGINS_WITH') {
      throw new VideoError('InvalidArgumentException', 'StreamNameCondition.ComparisonOperator must be BEGINS_WITH.');
    }
    const prefix = cond?.ComparisonValue ?? '';
    const all = [...this.streams.values()].filter((s) => s.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const start = input.NextToken ? all.findIndex((s) => s.name > decodeToken(input.NextToken!)) : 0;
    const from = start < 0 ? all.length : start;
    const page = all.slice(from, from + max);
    const more = from + max < all.length;
    return { streams: page, nextToken: more ? encodeToken(page[page.length - 1].name) : undefined };
  }

  updateStream(input: StreamRef & { CurrentVersion: string; DeviceName?: string; MediaType?: string }): void {
    const s = this.resolve(input);
    this.checkVersion(s, input.CurrentVersion, true);
    this.requireActive(s);
    validateOptionalText('DeviceName', input.DeviceName, VIDEO_LIMITS.deviceNameLengthMax);
    if (input.MediaType !== undefined && !VIDEO_LIMITS.mediaTypePattern.test(input.MediaType)) {
      throw new VideoError('InvalidArgumentException', 'MediaType must look like type/subtype[,type/subtype…], e.g. video/h264.');
    }
    if (input.DeviceName !== undefined) s.deviceName = input.DeviceName;
    if (input.MediaType !== undefined) s.mediaType = input.MediaType;
    s.version = this.newVersion();
    s.status = 'UPDATING';
    this.settle(s);
  }

  updateDataRetention(input: StreamRef & { CurrentVersion: string; Operation: string; DataRetentionChangeInHours: number }): void {
    const s = this.resolve(input);
    this.takeCall(s, 'UpdateDataRetention', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    this.checkVersion(s, input.CurrentVersion, true);
    this.requireActive(s);
    const change = input.DataRetentionChangeInHours;
    if (!Number.isInteger(change) || change < 1) throw new VideoError('InvalidArgumentException', 'DataRetentionChangeInHours must be an integer ≥ 1.');
    let next: number;
    if (input.Operation === 'INCREASE_DATA_RETENTION') next = s.retentionHours + change;
    else if (input.Operation === 'DECREASE_DATA_RETENTION') next = s.retentionHours - change;
    else throw new VideoError('InvalidArgumentException', 'Operation must be INCREASE_DATA_RETENTION or DECREASE_DATA_RETENTION.');
    if (next < 0) throw new VideoError('InvalidArgumentException', `Decreasing ${s.retentionHours} h by ${change} h would go below 0.`);
    validateRetention(next);
    s.retentionHours = next;
    s.version = this.newVersion();
    s.trim(this.nowMs);
  }

  deleteStream(input: { StreamARN: string; CurrentVersion?: string }): void {
    if (typeof input.StreamARN !== 'string') throw new VideoError('InvalidArgumentException', 'StreamARN is required.');
    const s = this.resolve({ StreamARN: input.StreamARN });
    this.takeCall(s, 'DeleteStream', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    this.checkVersion(s, input.CurrentVersion, false);
    if (s.status === 'DELETING') throw new VideoError('ResourceInUseException', `The stream ${s.name} is already being deleted.`);
    s.status = 'DELETING';
    this.sim.scheduler.after(this.transitionDelayMs, () => {
      if (this.streams.get(s.name) === s) this.streams.delete(s.name);
    });
  }

  tagStream(input: StreamRef & { Tags: Record<string, string> }): void {
    const s = this.resolve(input);
    this.takeCall(s, 'TagStream', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    const entries = Object.entries(input.Tags ?? {});
    const added = entries.filter(([k]) => !s.tags.has(k)).length;
    validateTags(entries, s.tags.size + added - entries.length);
    for (const [k, v] of entries) s.tags.set(k, v);
  }

  untagStream(input: StreamRef & { TagKeyList: string[] }): void {
    const s = this.resolve(input);
    this.takeCall(s, 'UntagStream', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    const keys = input.TagKeyList ?? [];
    if (keys.length < 1 || keys.length > VIDEO_LIMITS.tagsPerStream) throw new VideoError('InvalidArgumentException', `TagKeyList must hold 1–${VIDEO_LIMITS.tagsPerStream} keys.`);
    for (const k of keys) s.tags.delete(k);
  }

  listTags(ref: StreamRef): Record<string, string> {
    const s = this.resolve(ref);
    this.takeCall(s, 'ListTagsForStream', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    return Object.fromEntries(s.tags);
  }

  /** Validates GetDataEndpoint; the API layer answers with its own URL. */
  checkDataEndpoint(input: StreamRef & { APIName: string }): VideoStream {
    const s = this.resolve(input);
    this.takeCall(s, 'GetDataEndpoint', VIDEO_LIMITS.controlCallsPerStreamPerSec);
    if (!(DATA_ENDPOINT_API_NAMES as readonly string[]).includes(input.APIName)) {
      throw new VideoError('InvalidArgumentException', `APIName must be one of ${DATA_ENDPOINT_API_NAMES.join(', ')}.`);
    }
    return s;
  }

  // ---- PutMedia ----

  openPutMedia(ref: StreamRef, timecodeType: string, producerStartMs: number): PutMediaSession {
    const s = this.resolve(ref);
    if (timecodeType !== 'ABSOLUTE' && timecodeType !== 'RELATIVE') {
      throw new VideoError('InvalidArgumentException', 'x-amzn-fragment-timecode-type must be ABSOLUTE or RELATIVE.');
    }
    if (!Number.isFinite(producerStartMs)) throw new VideoError('InvalidArgumentException', 'x-amzn-producer-start-timestamp must be a timestamp.');
    this.requireActive(s);
    this.takeCall(s, 'PutMedia', VIDEO_LIMITS.putMediaCallsPerStreamPerSec);
    this.metric(s, 'PutMedia.Requests', 1);
    // Current PutMedia page: the newest connection over the limit is the one throttled.
    if (s.activePutSessions >= VIDEO_LIMITS.putMediaConnectionsPerStream) {
      this.metric(s, 'PutMedia.ConnectionErrors', 1);
      throw new VideoError('ConnectionLimitExceededException', `The stream ${s.name} already has ${VIDEO_LIMITS.putMediaConnectionsPerStream} PutMedia connection; close it before opening another.`);
    }
    s.activePutSessions++;
    this.metric(s, 'PutMedia.ActiveConnections', s.activePutSessions);
    const fragmentBudget = this.budgetFor(s, 'fragments', VIDEO_LIMITS.fragmentsPerStreamPerSec);
    return new PutMediaSession({
      nowMs: () => this.nowMs,
      streamActive: () => this.streams.get(s.name) === s && s.status !== 'DELETING',
      retains: () => s.retentionHours > 0,
      nextFragmentNumber: () => this.fragmentPrefix + String(++this.fragmentCounter).padStart(34, '0'),
      store: (f) => s.append(f),
      refineDuration: (number, durationMs) => {
        const f = s.byNumber(number);
        if (f) f.durationMs = durationMs;
      },
      metric: (name, value) => this.metric(s, name, value),
      fragmentBudget,
      close: () => {
        s.activePutSessions--;
      },
    }, timecodeType as TimecodeType, producerStartMs);
  }

  budgetFor(s: VideoStream, what: string, perSecondMax: number): PerSecondBudget {
    const key = `${s.arn}\u0000${what}`;
    let b = this.budgets.get(key);
    if (!b) this.budgets.set(key, (b = new PerSecondBudget(perSecondMax)));
    return b;
  }
}

function validateOptionalText(field: string, value: string | undefined, max: number): void {
  if (value !== undefined && (typeof value !== 'string' || value.length < 1 || value.length > max)) {
    throw new VideoError('InvalidArgumentException', `${field} must be 1–${max} characters.`);
  }
}

function validateRetention(hours: number): void {
  if (!Number.isInteger(hours) || hours < 0 || hours > VIDEO_LIMITS.retentionHoursMax) {
    throw new VideoError('InvalidArgumentException', `DataRetentionInHours must be an integer from 0 (no archive) to ${VIDEO_LIMITS.retentionHoursMax} (10 years).`);
  }
}

function validateTags(entries: ReadonlyArray<[string, string]>, existing: number): void {
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > VIDEO_LIMITS.tagKeyLengthMax) throw new VideoError('InvalidArgumentException', `Tag keys must be 1–${VIDEO_LIMITS.tagKeyLengthMax} characters.`);
    if (typeof v !== 'string' || v.length > VIDEO_LIMITS.tagValueLengthMax) throw new VideoError('InvalidArgumentException', `Tag values must be at most ${VIDEO_LIMITS.tagValueLengthMax} characters.`);
  }
  if (existing + entries.length > VIDEO_LIMITS.tagsPerStream) {
    throw new VideoError('TagsPerResourceExceededLimitException', `A stream can have at most ${VIDEO_LIMITS.tagsPerStream} tags.`);
  }
}

function encodeToken(name: string): string {
  return `n:${name}`;
}

function decodeToken(token: string): string {
  if (!token.startsWith('n:')) throw new VideoError('InvalidArgumentException', 'NextToken is not one this service issued.');
  return token.slice(2);
}
