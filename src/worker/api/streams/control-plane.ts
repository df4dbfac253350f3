/**
 * The console's typed control plane for Data Streams: each operation a view may send, with its
 * request typed by the AWS SDK's input shape for that operation (the JSON wire shape for these
 * operations), and the intent-level calls a view would otherwise compose from several (split a shard
 * at its midpoint, switch capacity mode). Every answer is the engine's ApiResult: the value, or the
 * AWS error as data. Types only (and one pure helper), so the UI imports them without the engine.
 */
import type {
  CreateStreamInput, DecreaseStreamRetentionPeriodInput, DeleteStreamInput, IncreaseStreamRetentionPeriodInput,
  ListShardsInput, MergeShardsInput, PutRecordInput, SplitShardInput, UpdateMaxRecordSizeInput, UpdateShardCountInput,
  UpdateStreamRecordDistributionStrategyInput,
} from '@aws-sdk/client-kinesis';
import type { ApiResult } from '../../../engine/api/result';

/** Operation → its request. Outputs the views read are returned by the intent calls instead. */
export interface ConsoleKinesisRequests {
  readonly CreateStream: CreateStreamInput;
  readonly DeleteStream: DeleteStreamInput;
  readonly SplitShard: SplitShardInput;
  readonly MergeShards: MergeShardsInput;
  readonly UpdateShardCount: UpdateShardCountInput;
  readonly IncreaseStreamRetentionPeriod: IncreaseStreamRetentionPeriodInput;
  readonly DecreaseStreamRetentionPeriod: DecreaseStreamRetentionPeriodInput;
  readonly ListShards: ListShardsInput;
  /** Large records: MaxRecordSizeInKiB 1,024–10,240 (API_UpdateMaxRecordSize). */
  readonly UpdateMaxRecordSize: UpdateMaxRecordSizeInput;
  /** AUTO ⇄ USER_PARTITION_KEY on an on-demand stream (API_UpdateStreamRecordDistributionStrategy). */
  readonly UpdateStreamRecordDistributionStrategy: UpdateStreamRecordDistributionStrategyInput;
  /** A record put by hand; `Data` is base64, as on the JSON wire. */
  readonly PutRecord: Omit<PutRecordInput, 'Data'> & { readonly Data: string };
}

export type ConsoleKinesisOperation = keyof ConsoleKinesisRequests;

export const CONSOLE_KINESIS_OPERATIONS: readonly ConsoleKinesisOperation[] = [
  'CreateStream', 'DeleteStream', 'SplitShard', 'MergeShards', 'UpdateShardCount', 'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod',
  'ListShards', 'PutRecord', 'UpdateMaxRecordSize', 'UpdateStreamRecordDistributionStrategy',
];

/** The one answer type of the console's control plane. */
export type ControlResult<T = Record<string, unknown>> = ApiResult<T>;

/** The AWS error as one line: "InvalidArgumentException: message", or null for success. */
export function errorLine(r: ApiResult<unknown>): string | null {
  return r.ok ? null : `${r.error.name}: ${r.error.message}`;
}
