/**
 * The live endpoint through the AWS SDK: one KinesisClient per connection (SigV4 signing by the SDK,
 * JSON 1.1 protocol), the read calls the sampler makes, and the few control- and data-plane calls the
 * console offers. Runs in the live worker (browser) and in Node tests. Not imported by the engine.
 */
import {
  DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand,
  ListStreamsCommand, PutRecordCommand, SplitShardCommand, UpdateShardCountCommand, type Shard, type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import type { LiveCredentials, ResolvedEndpoint } from './endpoint';
import type { ShardReads } from './sampler';

export interface LiveClientOptions {
  /** A request handler for the SDK (tests pass Node's HTTP/1.1 handler); default: the platform's. */
  readonly requestHandler?: unknown;
  /** SDK attempts per call; the sampler does its own backoff, so 1 by default. */
  readonly maxAttempts?: number;
}

export interface StreamSummary {
  readonly name: string;
  readonly arn?: string;
  readonly status?: string;
  readonly mode?: 'PROVISIONED' | 'ON_DEMAND';
  readonly openShards?: number;
  readonly retentionHours?: number;
  readonly encryption?: string;
  readonly consumers?: number;
  readonly createdMs?: number;
  readonly maxRecordSizeKiB?: number;
  /** Metrics enabled per shard (EnhancedMonitoring[].ShardLevelMetrics); empty when enhanced monitoring is off. */
  readonly shardLevelMetrics?: readonly string[];
}

export interface ViewedRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly arrivalMs?: number;
  readonly dataBytes: number;
  /** The data as text when it is valid UTF-8, else as hex (first 256 bytes either way). */
  readonly preview: string;
  readonly previewKind: 'text' | 'hex';
}

const PREVIEW_BYTES = 256;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function previewOf(data: Uint8Array): { preview: string; previewKind: 'text' | 'hex' } {
  const head = data.subarray(0, PREVIEW_BYTES);
  try {
    return { preview: utf8.decode(head), previewKind: 'text' };
  } catch {
    return { preview: [...head].map((b) => b.toString(16).padStart(2, '0')).join(' '), previewKind: 'hex' };
  }
}

export class LiveClient implements ShardReads {
  readonly sdk: KinesisClient;

  constructor(readonly endpoint: ResolvedEndpoint, credentials: LiveCredentials, options: LiveClientOptions = {}) {
    this.sdk = new KinesisClient({
      region: endpoint.region,
      endpoint: endpoint.url,
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) },
      maxAttempts: options.maxAttempts ?? 1,
      ...(options.requestHandler ? { requestHandler: options.requestHandler as never } : {}),
    });
  }

  async listStreams(): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    let exclusiveStart: string | undefined;
    // Bounded: 20 pages of 100 is more than the console lists at once.
    for (let page = 0; page < 20; page++) {
      const out = await this.sdk.send(new ListStreamsCommand(token ? { NextToken: token } : { Limit: 100, ...(exclusiveStart ? { ExclusiveStartStreamName: exclusiveStart } : {}) }));
      names.push(...(out.StreamNames ?? []));
      if (!out.HasMoreStreams) break;
      token = out.NextToken;
      exclusiveStart = names.at(-1);
    }
    return names;
  }

  async describeStream(name: string): Promise<StreamSummary> {
    const out = await this.sdk.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    const d = out.StreamDescriptionSummary;
    const mode = d?.StreamModeDetails?.StreamMode;
    return {
      name,
      arn: d?.StreamARN,
      status: d?.StreamStatus,
      // kinesalite predates on-demand and leaves StreamModeDetails out: such a stream is provisioned.
      mode: mode === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED',
      openShards: d?.OpenShardCount,
      retentionHours: d?.RetentionPeriodHours,
      encryption: d?.EncryptionType,
      consumers: d?.ConsumerCount,
      createdMs: d?.StreamCreationTimestamp?.getTime(),
      maxRecordSizeKiB: (d as { MaxRecordSizeInKiB?: number } | undefined)?.MaxRecordSizeInKiB,
      shardLevelMetrics: (d?.EnhancedMonitoring ?? []).flatMap((e) => e.ShardLevelMetrics ?? []),
    };
  }

  async listShards(name: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let token: string | undefined;
    for (let page = 0; page < 100; page++) {
      const out = await this.sdk.send(new ListShardsCommand(token ? { NextToken: token } : { StreamName: name }));
      shards.push(...(out.Shards ?? []));
      token = out.NextToken;
      if (!token) break;
    }
    return shards;
  }

  async latestIterator(streamName: string, shardId: string): Promise<string> {
    return this.iterator(streamName, shardId, 'LATEST');
  }

  async iterator(streamName: string, shardId: string, type: ShardIteratorType): Promise<string> {
    const out = await this.sdk.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: type }));
    if (!out.ShardIterator) throw Object.assign(new Error(`GetShardIterator returned no iterator for ${shardId}`), { name: 'ResourceNotFoundException' });
    return out.ShardIterator;
  }

  async getRecords(iterator: string): Promise<{ records: { partitionKey: string; dataBytes: number }[]; nextIterator?: string; millisBehindLatest?: number }> {
    const out = await this.sdk.send(new GetRecordsCommand({ ShardIterator: iterator }));
    return {
      records: (out.Records ?? []).map((r) => ({ partitionKey: r.PartitionKey ?? '', dataBytes: r.Data?.byteLength ?? 0 })),
      nextIterator: out.NextShardIterator,
      millisBehindLatest: out.MillisBehindLatest,
    };
  }

  /** One GetRecords call for the data viewer: up to `limit` records from the shard's oldest or newest position. */
  async viewRecords(streamName: string, shardId: string, from: 'TRIM_HORIZON' | 'LATEST', limit: number): Promise<ViewedRecord[]> {
    const it = await this.iterator(streamName, shardId, from);
    const out = await this.sdk.send(new GetRecordsCommand({ ShardIterator: it, Limit: limit }));
    return (out.Records ?? []).map((r) => ({
      sequenceNumber: r.SequenceNumber ?? '',
      partitionKey: r.PartitionKey ?? '',
      arrivalMs: r.ApproximateArrivalTimestamp?.getTime(),
      dataBytes: r.Data?.byteLength ?? 0,
      ...previewOf(r.Data ?? new Uint8Array()),
    }));
  }

  async putRecord(streamName: string, partitionKey: string, data: Uint8Array): Promise<{ shardId: string; sequenceNumber: string }> {
    const out = await this.sdk.send(new PutRecordCommand({ StreamName: streamName, PartitionKey: partitionKey, Data: data }));
    return { shardId: out.ShardId ?? '', sequenceNumber: out.SequenceNumber ?? '' };
  }

  async updateShardCount(streamName: string, target: number): Promise<void> {
    await this.sdk.send(new UpdateShardCountCommand({ StreamName: streamName, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' }));
  }

  async splitShard(streamName: string, shardId: string, newStartingHashKey: string): Promise<void> {
    await this.sdk.send(new SplitShardCommand({ StreamName: streamName, ShardToSplit: shardId, NewStartingHashKey: newStartingHashKey }));
  }

  destroy(): void {
    this.sdk.destroy();
  }
}
