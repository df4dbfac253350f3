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
import { DESTINATION_CONFIG_KEYS, invalid, mergeDoc, resolveStreamConfig, type DestinationConfigKey, type Doc } from './config';
import { ControlPlaneRates } from './control-plane-rate';
import { parseCreateInput } from './create-input';
import { putRecord, putRecordBatch } from './direct-put';
import { countEncryptionCall, parseEncryptionInput, requireDirectPut, startEncryption, stopEncryption, transitionEncryption } from './encryption';
import { buildEntry, newRecord, type StreamEntry } from './stream-entry';
import { describeStream } from './stream-description';
import { listStreamTags, tagStream, untagStream } from './stream-tags';
import { DELIVERY_STREAMS_DEFAULT_MAX, directPutQuotaFor, type DirectPutQuota } from './limits';
import { gaugesFor, type DeliveryStreamSnapshot } from './snapshot';
import { KinesisSourcePoller, type KinesisSourceReader } from './kinesis-source';
import type { ParquetColumn } from './parquet';
import { defaultFaults, SinkRegistry, type SinkFaults } from './sinks';
import type { TransformInvoker } from './transform-invoker';
import type { ResolvedStreamConfig } from './types';

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
  private readonly rates = new ControlPlaneRates();

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
    const { name, type, source, key, tags, sse } = parseCreateInput(input, this.region);
    if (this.streams.has(name)) throw new AwsServiceError('ResourceInUseException', `Firehose stream ${name} under account ${this.accountId} already exists.`);
    const max = this.options.deliveryStreamsMax ?? DELIVERY_STREAMS_DEFAULT_MAX;
    if (this.streams.size >= max) throw new AwsServiceError('LimitExceededException', `You have already consumed your firehose quota of ${max} hoses. Delete one or ask for a higher quota.`);
    const resolved = resolveStreamConfig(name, type, source?.KinesisStreamARN as string | undefined, key, input[key] as Doc, this.resolveEnv());
    const arn = `arn:aws:firehose:${this.region}:${this.accountId}:deliverystream/${name}`;
    // [sim] the bucket is created when missing, so a new stream works out of the box.
    this.ensureBuckets(resolved.config);
    const reader = source && this.options.kinesisSources ? this.options.kinesisSources(String(source.KinesisStreamARN)) : undefined;
    if (source && this.options.kinesisSources && !reader) throw invalid(`the Kinesis stream ${String(source.KinesisStreamARN)} does not exist; create it first`);
    const entry = buildEntry({
      name, arn, type, resolved, tags, source, createdMs: this.sim.nowMs, scheduler: this.sim.scheduler, store: this.store, sinks: this.sinks,
      prng: this.prng.fork(`stream:${name}`), quotaLimits: directPutQuotaFor(this.region),
      s3Faults: (bucket) => this.s3Faults(bucket), invoker: (lambdaArn) => this.invokers.get(lambdaArn),
    });
    this.streams.set(name, entry);
    if (reader) entry.poller = this.startPoller(entry, reader);
    // A stream created with SSE becomes ACTIVE with encryption ENABLED (both settle together).
    if (sse) entry.encryption = { ...startEncryption(sse), status: 'ENABLED' };
    const delay = this.transitionDelayMs();
    if (delay > 0) this.sim.scheduler.after(delay, () => { if (entry.status === 'CREATING') entry.status = 'ACTIVE'; });
    else entry.status = 'ACTIVE';
    return { DeliveryStreamARN: arn };
  }

  describeDeliveryStream(name: string): Doc {
    this.checkRate('DescribeDeliveryStream');
    const s = this.require(name);
    return describeStream(s, DESTINATION_ID);
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

  /** ENABLING now, ENABLED after the transition delay; calling it again changes the key. */
  startDeliveryStreamEncryption(name: string, input: unknown): Doc {
    this.checkRate('StartDeliveryStreamEncryption');
    const s = this.require(name);
    const key = parseEncryptionInput(input, s.type, this.region);
    this.requireActiveFor(s, 'StartDeliveryStreamEncryption');
    countEncryptionCall(s.encryptionCalls, this.sim.nowMs, name);
    transitionEncryption(s, startEncryption(key), this.sim.scheduler, this.transitionDelayMs());
    return {};
  }

  /** DISABLING now, DISABLED after the transition delay. */
  stopDeliveryStreamEncryption(name: string): Doc {
    this.checkRate('StopDeliveryStreamEncryption');
    const s = this.require(name);
    requireDirectPut(s.type);
    this.requireActiveFor(s, 'StopDeliveryStreamEncryption');
    countEncryptionCall(s.encryptionCalls, this.sim.nowMs, name);
    transitionEncryption(s, stopEncryption(s.encryption), this.sim.scheduler, this.transitionDelayMs());
    return {};
  }

  tagDeliveryStream(name: string, tags: readonly Doc[]): Doc {
    this.checkRate('TagDeliveryStream');
    return tagStream(this.require(name), tags);
  }

  untagDeliveryStream(name: string, keys: readonly string[]): Doc {
    this.checkRate('UntagDeliveryStream');
    return untagStream(this.require(name), keys);
  }

  listTagsForDeliveryStream(name: string, input: { ExclusiveStartTagKey?: string; Limit?: number }): Doc {
    this.checkRate('ListTagsForDeliveryStream');
    return listStreamTags(this.require(name), input);
  }

  // --- data plane -------------------------------------------------------------------------

  putRecord(name: string, data: Uint8Array): { RecordId: string; Encrypted: boolean } {
    return putRecord(this.requireForPut(name), data, this.sim.nowMs);
  }

  putRecordBatch(name: string, records: readonly Uint8Array[]): Doc {
    return putRecordBatch(this.requireForPut(name), records, this.sim.nowMs);
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
      ...newRecord(s, u.data, r.arrivalMs),
      kinesis: { shardId: r.shardId, partitionKey: u.partitionKey, sequenceNumber: r.sequenceNumber, subsequenceNumber: u.subSequenceNumber },
    }))));
  }

  /** Configuration of a stream (for source pollers and the UI). */
  config(name: string): ResolvedStreamConfig {
    return this.require(name).resolved.config;
  }

  // --- internals --------------------------------------------------------------------------

  private transitionDelayMs(): number {
    return this.options.creationDelayMs ?? 0;
  }

  private requireActiveFor(s: StreamEntry, operation: string): void {
    if (s.status !== 'ACTIVE') {
      throw new AwsServiceError('ResourceInUseException', `Firehose ${s.name} under account ${this.accountId} is ${s.status}; ${operation} needs an ACTIVE stream.`);
    }
  }

  private ensureBuckets(config: ResolvedStreamConfig): void {
    for (const bucket of [config.s3.bucket, config.sourceBackup?.bucket]) {
      if (bucket && !this.store.hasBucket(bucket)) this.store.createBucket(bucket);
    }
  }

  /** Control-plane operations are limited to 5 calls per second each (hard quota). */
  private checkRate(operation: string): void {
    if (this.options.enforceControlPlaneRates !== false) this.rates.check(operation, this.sim.nowMs);
  }

  private startPoller(entry: StreamEntry, reader: KinesisSourceReader): KinesisSourcePoller {
    return new KinesisSourcePoller(reader, this.sim.scheduler, {
      ingest: (shardId, records) => this.ingestFromKinesis(entry.name, records.map((r) => ({ ...r, shardId }))),
      throttled: () => entry.ctx.metrics.add('ThrottledGetRecords'),
      paused: () => entry.pipeline.deliveryFailing(),
      millisBehindLatest: (ms) => entry.ctx.metrics.set('KinesisMillisBehindLatest', ms),
    });
  }

  private resolveEnv() {
    return {
      lambdaTimeoutMs: this.options.lambdaTimeoutMs ?? 60_000,
      lookupTable: (db: string, table: string) => this.tables.get(`${db}.${table}`),
    };
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

