/**
 * FirehoseService: the Data Firehose control and data plane on the virtual clock. Typed methods
 * take AWS-shaped documents (as the JSON API carries them, blobs already decoded) and throw
 * AwsServiceError with the AWS error names; `createFirehoseApi` wraps them for the wire.
 * Simulation hooks: transformation invokers by Lambda ARN, schema tables for Parquet, S3 faults
 * per bucket, sinks (HTTP endpoint, OpenSearch, Redshift, Splunk) with their own faults.
 */
import { AwsServiceError } from '../api/result';
import { deaggregate as kplDeaggregate } from '../producers/kpl-aggregation';
import { ObjectStore } from '../objectstore/object-store';
import type { Prng } from '../random/prng';
import type { Simulation, SimulationPart } from '../simulation';
import { DESTINATION_CONFIG_KEYS, invalid, mergeDoc, resolveStreamConfig, type DestinationConfigKey, type Doc, type ResolvedWithDescription } from './config';
import type { DeliveryContext } from './delivery-context';
import { DeliveryPipeline } from './delivery-stream';
import { BATCH_BYTES_MAX, CONTROL_PLANE_TPS, BATCH_RECORDS_MAX, DELIVERY_STREAMS_DEFAULT_MAX, directPutQuotaFor, RECORD_BYTES_MAX, STREAM_NAME, type DirectPutQuota } from './limits';
import { FirehoseMetrics } from './metrics';
import { gaugesFor, type DeliveryStreamSnapshot } from './snapshot';
import { KinesisSourcePoller, type KinesisSourceReader } from './kinesis-source';
import type { ParquetColumn } from './parquet';
import { defaultFaults, SinkRegistry, type SinkFaults } from './sinks';
import { ErrorOutputBuffer } from './s3-writer';
import { admitRecord, admitRequest, newWindow, type QuotaWindow } from './throughput-quota';
import type { TransformInvoker } from './transform-invoker';
import { emptyLedger, type DeliveryStreamStatus, type DeliveryStreamType, type PipelineRecord, type ResolvedStreamConfig } from './types';

export interface FirehoseServiceOptions {
  readonly region?: string;
  readonly accountId?: string;
  /** Shared object store (the S3 REST handler serves it); one is created when omitted. */
  readonly store?: ObjectStore;
  readonly deliveryStreamsMax?: number;
  /** [sim] Function timeout handed to invokers; Firehose honours up to 5 min. */
  readonly lambdaTimeoutMs?: number;
  /** [sim] Time a stream spends CREATING before ACTIVE; 0 = immediately ACTIVE. */
  readonly creationDelayMs?: number;
  /**
   * Finds the Kinesis data stream behind a KinesisStreamARN (see `kinesisSourcesFrom`). Without it,
   * KinesisStreamAsSource streams are created but read nothing (feed them with `ingestFromKinesis`).
   */
  readonly kinesisSources?: (streamArn: string) => KinesisSourceReader | undefined;
  /** Enforce the 5 TPS control-plane quota per operation (LimitExceededException); default true. */
  readonly enforceControlPlaneRates?: boolean;
}

interface StreamEntry {
  readonly name: string;
  readonly arn: string;
  readonly type: DeliveryStreamType;
  status: DeliveryStreamStatus;
  version: number;
  readonly createdMs: number;
  lastUpdateMs?: number;
  resolved: ResolvedWithDescription;
  readonly tags: Map<string, string>;
  readonly pipeline: DeliveryPipeline;
  readonly ctx: DeliveryContext;
  readonly quota: QuotaWindow;
  quotaLimits: DirectPutQuota;
  readonly source?: Doc;
  recordSeq: number;
  poller?: KinesisSourcePoller;
}


export type { DeliveryStreamSnapshot } from './snapshot';

export const DESTINATION_ID = 'destinationId-000000000001';

export class FirehoseService implements SimulationPart {
  readonly id = 'firehose';
  readonly region: string;
  readonly accountId: string;
  readonly store: ObjectStore;
  readonly sinks: SinkRegistry;
  private readonly streams = new Map<string, StreamEntry>();
  private readonly invokers = new Map<string, TransformInvoker>();
  private readonly tables = new Map<string, readonly ParquetColumn[]>();
  private readonly bucketFaults = new Map<string, SinkFaults>();
  private readonly prng: Prng;
  private readonly options: FirehoseServiceOptions;
  private readonly rateWindows = new Map<string, { second: number; count: number }>();

  constructor(readonly sim: Simulation, options: FirehoseServiceOptions = {}) {
    this.options = options;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.store = options.store ?? new ObjectStore({ nowMs: () => sim.nowMs });
    this.prng = sim.prng.fork('firehose');
    this.sinks = new SinkRegistry(this.prng.fork('sinks'));
  }

  // --- simulation hooks -------------------------------------------------------------------

  registerTransform(lambdaArn: string, invoker: TransformInvoker): void {
    this.invokers.set(lambdaArn, invoker);
  }

  registerTable(databaseName: string, tableName: string, columns: readonly ParquetColumn[]): void {
    this.tables.set(`${databaseName}.${tableName}`, columns);
  }

  /** Mutable fault settings for writes to one bucket (latency, failure rate, outage). */
  s3Faults(bucket: string): SinkFaults {
    let f = this.bucketFaults.get(bucket);
    if (!f) {
      f = { ...defaultFaults(), latencyMs: 50 };
      this.bucketFaults.set(bucket, f);
    }
    return f;
  }

  /** Overrides a stream's Direct PUT quota (the three limits scale together in AWS; any values here). */
  setQuota(name: string, quota: DirectPutQuota): void {
    this.require(name).quotaLimits = quota;
  }

  snapshot(name: string): DeliveryStreamSnapshot {
    const s = this.require(name);
    const ledger = s.ctx.ledger;
    const buffers = s.pipeline.snapshot();
    const counters = s.ctx.metrics.snapshot();
    return {
      name, status: s.status, version: s.version,
      ledger: { ...ledger, pending: s.pipeline.pending() },
      buffers,
      counters,
      gauges: gaugesFor(s.resolved.config.destination.kind, counters, buffers, s.quotaLimits),
      flushes: s.ctx.metrics.flushes.toArray(),
      quota: s.quotaLimits,
    };
  }

  streamNames(): string[] {
    return [...this.streams.keys()].sort();
  }

  /** Flushes every buffer of a stream now (e.g. "flush" button, end of a run). */
  flushNow(name: string): void {
    this.require(name).pipeline.flushAll();
  }

  // --- control plane ----------------------------------------------------------------------

  createDeliveryStream(input: Doc): { DeliveryStreamARN: string } {
    this.checkRate('CreateDeliveryStream');
    const name = String(input.DeliveryStreamName ?? '');
    if (!STREAM_NAME.test(name)) throw invalid(`DeliveryStreamName must be 1–64 characters of [a-zA-Z0-9_.-], got ${JSON.stringify(name)}`);
    if (this.streams.has(name)) throw new AwsServiceError('ResourceInUseException', `Firehose stream ${name} under account ${this.accountId} already exists.`);
    const max = this.options.deliveryStreamsMax ?? DELIVERY_STREAMS_DEFAULT_MAX;
    if (this.streams.size >= max) throw new AwsServiceError('LimitExceededException', `You have already consumed your firehose quota of ${max} hoses. Delete one or ask for a higher quota.`);
    const type = (input.DeliveryStreamType ?? 'DirectPut') as DeliveryStreamType;
    if (type !== 'DirectPut' && type !== 'KinesisStreamAsSource') throw invalid(`DeliveryStreamType ${String(type)} is not simulated; use DirectPut or KinesisStreamAsSource`);
    const source = type === 'KinesisStreamAsSource' ? (input.KinesisStreamSourceConfiguration as Doc | undefined) : undefined;
    if (type === 'KinesisStreamAsSource' && typeof source?.KinesisStreamARN !== 'string') {
      throw invalid('KinesisStreamSourceConfiguration.KinesisStreamARN is required for KinesisStreamAsSource');
    }
    const keys = (Object.keys(DESTINATION_CONFIG_KEYS) as DestinationConfigKey[]).filter((k) => input[k] !== undefined);
    if (keys.length !== 1) throw invalid(`exactly one destination configuration is required, got ${keys.length ? keys.join(', ') : 'none'}`);
    const resolved = resolveStreamConfig(name, type, source?.KinesisStreamARN as string | undefined, keys[0], input[keys[0]] as Doc, this.resolveEnv());
    const arn = `arn:aws:firehose:${this.region}:${this.accountId}:deliverystream/${name}`;
    const tags = new Map<string, string>();
    for (const t of (Array.isArray(input.Tags) ? input.Tags : []) as Doc[]) tags.set(String(t.Key), String(t.Value ?? ''));
    if (tags.size > 50) throw invalid('a Firehose stream can have at most 50 tags');
    // [sim] the bucket is created when missing, so a new stream works out of the box.
    this.ensureBuckets(resolved.config);
    const reader = source && this.options.kinesisSources ? this.options.kinesisSources(String(source.KinesisStreamARN)) : undefined;
    if (source && this.options.kinesisSources && !reader) throw invalid(`the Kinesis stream ${String(source.KinesisStreamARN)} does not exist; create it first`);
    const entry = this.newEntry(name, arn, type, resolved, tags, source);
    this.streams.set(name, entry);
    if (reader) entry.poller = this.startPoller(entry, reader);
    const delay = this.options.creationDelayMs ?? 0;
    if (delay > 0) this.sim.scheduler.after(delay, () => { if (entry.status === 'CREATING') entry.status = 'ACTIVE'; });
    else entry.status = 'ACTIVE';
    return { DeliveryStreamARN: arn };
  }

  describeDeliveryStream(name: string): Doc {
    this.checkRate('DescribeDeliveryStream');
    const s = this.require(name);
    return {
      DeliveryStreamDescription: {
        DeliveryStreamName: s.name,
        DeliveryStreamARN: s.arn,
        DeliveryStreamStatus: s.status,
        DeliveryStreamType: s.type,
        VersionId: String(s.version),
        CreateTimestamp: s.createdMs / 1000,
        ...(s.lastUpdateMs !== undefined ? { LastUpdateTimestamp: s.lastUpdateMs / 1000 } : {}),
        DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
        ...(s.source
          ? { Source: { KinesisStreamSourceDescription: { KinesisStreamARN: s.source.KinesisStreamARN, RoleARN: s.source.RoleARN, DeliveryStartTimestamp: s.createdMs / 1000 } } }
          : {}),
        Destinations: [{ DestinationId: DESTINATION_ID, ...s.resolved.description }],
        HasMoreDestinations: false,
      },
    };
  }

  listDeliveryStreams(input: { Limit?: number; DeliveryStreamType?: string; ExclusiveStartDeliveryStreamName?: string }): Doc {
    this.checkRate('ListDeliveryStreams');
    const limit = input.Limit ?? 10;
    // A model constraint (Limit 1–10000): AWS's request validation answers ValidationException; the
    // operation documents no InvalidArgumentException (https://docs.aws.amazon.com/firehose/latest/APIReference/API_ListDeliveryStreams.html).
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new AwsServiceError('ValidationException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000`, 400);
    }
    const names = this.streamNames()
      .filter((n) => !input.DeliveryStreamType || this.streams.get(n)?.type === input.DeliveryStreamType)
      .filter((n) => !input.ExclusiveStartDeliveryStreamName || n > input.ExclusiveStartDeliveryStreamName);
    return { DeliveryStreamNames: names.slice(0, limit), HasMoreDeliveryStreams: names.length > limit };
  }

  deleteDeliveryStream(name: string): Doc {
    this.checkRate('DeleteDeliveryStream');
    const s = this.require(name);
    if (s.status === 'CREATING') throw new AwsServiceError('ResourceInUseException', `Firehose stream ${name} is CREATING; it can be deleted once it is ACTIVE`);
    s.status = 'DELETING';
    s.poller?.stop();
    s.pipeline.dispose();
    this.streams.delete(name);
    return {};
  }

  updateDestination(input: Doc): Doc {
    this.checkRate('UpdateDestination');
    const name = String(input.DeliveryStreamName ?? '');
    const s = this.require(name);
    if (s.status !== 'ACTIVE') throw new AwsServiceError('ResourceInUseException', `Firehose stream ${name} is ${s.status}; wait until it is ACTIVE`);
    if (String(input.CurrentDeliveryStreamVersionId) !== String(s.version)) {
      throw new AwsServiceError('ConcurrentModificationException', `Version id ${String(input.CurrentDeliveryStreamVersionId)} does not match the current version ${s.version} of ${name}; describe the stream and retry with its VersionId.`);
    }
    if (input.DestinationId !== DESTINATION_ID) throw invalid(`DestinationId ${String(input.DestinationId)} does not exist for ${name}; use ${DESTINATION_ID}`);
    const updates = Object.keys(input).filter((k) => k.endsWith('DestinationUpdate'));
    if (updates.length !== 1) throw invalid('exactly one *DestinationUpdate is required');
    const key = updates[0].replace('DestinationUpdate', 'DestinationConfiguration') as DestinationConfigKey;
    if (!(key in DESTINATION_CONFIG_KEYS)) throw invalid(`${updates[0]} is not supported`);
    const update = input[updates[0]] as Doc;
    const sameKind = DESTINATION_CONFIG_KEYS[key] === DESTINATION_CONFIG_KEYS[s.resolved.configKey];
    const merged = sameKind ? mergeDoc(s.resolved.configDoc, update) : update;
    const wasDynamic = s.resolved.config.dynamicPartitioning !== undefined;
    const next = resolveStreamConfig(name, s.type, s.resolved.config.kinesisStreamArn, key, merged, this.resolveEnv());
    if (wasDynamic && !next.config.dynamicPartitioning) throw invalid('dynamic partitioning cannot be disabled once enabled');
    if (!wasDynamic && next.config.dynamicPartitioning) throw invalid('dynamic partitioning can only be enabled when the stream is created');
    if (s.resolved.config.sourceBackup && !next.config.sourceBackup) throw invalid('source record backup (S3BackupMode Enabled) cannot be disabled once enabled');
    this.ensureBuckets(next.config);
    s.resolved = next;
    s.version++;
    s.lastUpdateMs = this.sim.nowMs;
    return {};
  }

  tagDeliveryStream(name: string, tags: readonly Doc[]): Doc {
    this.checkRate('TagDeliveryStream');
    const s = this.require(name);
    const next = new Map(s.tags);
    for (const t of tags) next.set(String(t.Key), String(t.Value ?? ''));
    if (next.size > 50) throw new AwsServiceError('LimitExceededException', `a Firehose stream can have at most 50 tags; ${name} would have ${next.size}`);
    for (const [k, v] of next) s.tags.set(k, v);
    return {};
  }

  untagDeliveryStream(name: string, keys: readonly string[]): Doc {
    this.checkRate('UntagDeliveryStream');
    const s = this.require(name);
    for (const k of keys) s.tags.delete(k);
    return {};
  }

  listTagsForDeliveryStream(name: string, input: { ExclusiveStartTagKey?: string; Limit?: number }): Doc {
    this.checkRate('ListTagsForDeliveryStream');
    const s = this.require(name);
    const limit = input.Limit ?? 50;
    const all = [...s.tags].sort(([a], [b]) => (a < b ? -1 : 1)).filter(([k]) => !input.ExclusiveStartTagKey || k > input.ExclusiveStartTagKey);
    return { Tags: all.slice(0, limit).map(([Key, Value]) => ({ Key, Value })), HasMoreTags: all.length > limit };
  }

  // --- data plane -------------------------------------------------------------------------

  putRecord(name: string, data: Uint8Array): { RecordId: string; Encrypted: boolean } {
    const s = this.requireForPut(name);
    checkRecordSize(data, 'Record.Data');
    const now = this.sim.nowMs;
    s.ctx.metrics.add('PutRecord.Requests');
    if (!admitRequest(s.quota, s.quotaLimits, now) || !admitRecord(s.quota, s.quotaLimits, data.length, now)) {
      s.ctx.metrics.add('ThrottledRecords');
      throw slowDown(s);
    }
    s.ctx.metrics.add('IncomingPutRequests');
    s.ctx.metrics.add('PutRecord.Bytes', data.length);
    const record = this.newRecord(s, data, now);
    s.pipeline.ingest([record]);
    return { RecordId: record.recordId, Encrypted: false };
  }

  putRecordBatch(name: string, records: readonly Uint8Array[]): Doc {
    const s = this.requireForPut(name);
    if (records.length < 1 || records.length > BATCH_RECORDS_MAX) throw invalid(`PutRecordBatch takes 1–${BATCH_RECORDS_MAX} records, got ${records.length}`);
    let total = 0;
    records.forEach((r, i) => {
      checkRecordSize(r, `Records.${i + 1}.member.Data`);
      total += r.length;
    });
    if (total > BATCH_BYTES_MAX) throw invalid(`PutRecordBatch data totals ${total} bytes; the limit is ${BATCH_BYTES_MAX} bytes (4 MiB) per call`);
    const now = this.sim.nowMs;
    s.ctx.metrics.add('PutRecordBatch.Requests');
    if (!admitRequest(s.quota, s.quotaLimits, now)) {
      s.ctx.metrics.add('ThrottledRecords', records.length);
      throw slowDown(s);
    }
    s.ctx.metrics.add('IncomingPutRequests');
    const accepted: PipelineRecord[] = [];
    const responses = records.map((data) => {
      if (!admitRecord(s.quota, s.quotaLimits, data.length, now)) {
        s.ctx.metrics.add('ThrottledRecords');
        return { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' };
      }
      const rec = this.newRecord(s, data, now);
      accepted.push(rec);
      return { RecordId: rec.recordId };
    });
    s.ctx.metrics.add('PutRecordBatch.Records', accepted.length);
    s.ctx.metrics.add('PutRecordBatch.Bytes', accepted.reduce((n, r) => n + r.data.length, 0));
    s.pipeline.ingest(accepted);
    return { FailedPutCount: records.length - accepted.length, Encrypted: false, RequestResponses: responses };
  }

  /**
   * Records read from a Kinesis data stream by the source poller (no Direct PUT quota applies).
   * KPL-aggregated records are de-aggregated into their user records first.
   */
  ingestFromKinesis(name: string, records: readonly { data: Uint8Array; arrivalMs: number; shardId: string; partitionKey: string; sequenceNumber: string }[]): void {
    const s = this.require(name);
    if (s.status !== 'ACTIVE') return;
    s.ctx.metrics.add('DataReadFromKinesisStream.Records', records.length);
    s.ctx.metrics.add('DataReadFromKinesisStream.Bytes', records.reduce((n, r) => n + r.data.length, 0));
    s.pipeline.ingest(records.flatMap((r) => kplDeaggregate(r.partitionKey, r.data).map((u) => ({
      ...this.newRecord(s, u.data, r.arrivalMs),
      kinesis: { shardId: r.shardId, partitionKey: u.partitionKey, sequenceNumber: r.sequenceNumber, subsequenceNumber: u.subSequenceNumber },
    }))));
  }

  /** Configuration of a stream (for source pollers and the UI). */
  config(name: string): ResolvedStreamConfig {
    return this.require(name).resolved.config;
  }

  // --- internals --------------------------------------------------------------------------

  private ensureBuckets(config: ResolvedStreamConfig): void {
    for (const bucket of [config.s3.bucket, config.sourceBackup?.bucket]) {
      if (bucket && !this.store.hasBucket(bucket)) this.store.createBucket(bucket);
    }
  }

  /** Control-plane operations are limited to 5 calls per second each (hard quota). */
  private checkRate(operation: string): void {
    if (this.options.enforceControlPlaneRates === false) return;
    const second = Math.floor(this.sim.nowMs / 1000);
    const w = this.rateWindows.get(operation);
    if (!w || w.second !== second) {
      this.rateWindows.set(operation, { second, count: 1 });
      return;
    }
    if (w.count >= CONTROL_PLANE_TPS) {
      // Firehose answers a control-plane call over its 5 TPS with the common ThrottlingException
      // ("Rate exceeded"; https://docs.aws.amazon.com/firehose/latest/dev/limits.html), which the
      // SDKs retry; LimitExceededException is for the delivery-stream count.
      throw new AwsServiceError('ThrottlingException', `Rate exceeded for ${operation}: at most ${CONTROL_PLANE_TPS} calls per second; back off and retry.`);
    }
    w.count++;
  }

  private startPoller(entry: StreamEntry, reader: KinesisSourceReader): KinesisSourcePoller {
    return new KinesisSourcePoller(reader, this.sim.scheduler, {
      ingest: (shardId, records) => this.ingestFromKinesis(entry.name, records.map((r) => ({ ...r, shardId }))),
      throttled: () => entry.ctx.metrics.add('ThrottledGetRecords'),
      millisBehindLatest: (ms) => entry.ctx.metrics.set('KinesisMillisBehindLatest', ms),
    });
  }

  private resolveEnv() {
    return {
      lambdaTimeoutMs: this.options.lambdaTimeoutMs ?? 60_000,
      lookupTable: (db: string, table: string) => this.tables.get(`${db}.${table}`),
    };
  }

  private newEntry(name: string, arn: string, type: DeliveryStreamType, resolved: ResolvedWithDescription, tags: Map<string, string>, source?: Doc): StreamEntry {
    const holder: { entry?: StreamEntry } = {};
    const ctx: DeliveryContext = {
      scheduler: this.sim.scheduler,
      store: this.store,
      sinks: this.sinks,
      metrics: new FirehoseMetrics(),
      ledger: emptyLedger(),
      prng: this.prng.fork(`stream:${name}`),
      streamName: name,
      streamArn: arn,
      config: () => (holder.entry as StreamEntry).resolved.config,
      version: () => (holder.entry as StreamEntry).version,
      s3Faults: (bucket) => this.s3Faults(bucket),
      reportErrors: (errors) => errorBuffer.add(errors),
      inFlight: new Set(),
    };
    const errorBuffer = new ErrorOutputBuffer(() => ctx);
    const entry: StreamEntry = {
      name, arn, type, status: 'CREATING', version: 1, createdMs: this.sim.nowMs, resolved, tags, ctx, source,
      pipeline: new DeliveryPipeline(ctx, (lambdaArn) => this.invokers.get(lambdaArn)),
      quota: newWindow(), quotaLimits: directPutQuotaFor(this.region), recordSeq: 0,
    };
    holder.entry = entry;
    return entry;
  }

  private newRecord(s: StreamEntry, data: Uint8Array, arrivalMs: number): PipelineRecord {
    s.recordSeq++;
    // Opaque and unique like AWS's 56-digit ids: arrival time, stream hash and a sequence.
    const recordId = `${String(arrivalMs).padStart(16, '0')}${String(hash32(s.name)).padStart(10, '0')}${String(s.recordSeq).padStart(30, '0')}`;
    return { recordId, arrivalMs, raw: data, data };
  }

  private require(name: string): StreamEntry {
    const s = this.streams.get(name);
    if (!s) throw new AwsServiceError('ResourceNotFoundException', `Firehose ${name} under account ${this.accountId} not found.`);
    return s;
  }

  private requireForPut(name: string): StreamEntry {
    const s = this.require(name);
    if (s.status !== 'ACTIVE') throw new AwsServiceError('ResourceNotFoundException', `Firehose ${name} under account ${this.accountId} is ${s.status}, not ACTIVE.`);
    if (s.type === 'KinesisStreamAsSource') throw invalid('This operation is not permitted on KinesisStreamAsSource delivery stream type.');
    return s;
  }
}

function checkRecordSize(data: Uint8Array, field: string): void {
  if (data.length > RECORD_BYTES_MAX) throw invalid(`${field} is ${data.length} bytes; a record may hold at most ${RECORD_BYTES_MAX} bytes (1,000 KiB) before base64 encoding`);
}

function slowDown(s: StreamEntry): AwsServiceError {
  const q = s.quotaLimits;
  return new AwsServiceError('ServiceUnavailableException',
    `Slow down. ${s.name} is limited to ${q.recordsPerSecMax} records/s, ${q.requestsPerSecMax} requests/s and ${q.bytesPerSecMax / 1048576} MiB/s; back off and retry.`, 503, true);
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
