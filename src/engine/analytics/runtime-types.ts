/**
 * The data an application runtime takes and gives: input and reference configuration, creation
 * options, input records, error-stream rows and pumps, and the application-code size limit.
 * JSON-able shapes only; runtime.ts owns the behaviour.
 */
import type { InputSchema } from './input-schema';
import type { Operator } from './operators/operator';
import type { Prng } from '../random/prng';
import type { LazyText } from './source-columns';

export interface InputConfig {
  /** Default SOURCE_SQL_STREAM → SOURCE_SQL_STREAM_001. */
  readonly namePrefix?: string;
  readonly inputSchema: InputSchema;
  /** InputParallelism.Count (1–64): creates _001 … _0NN. */
  readonly parallelism?: number;
}

/** A reference data source: the S3 object's body as text, with its table name and schema. */
export interface ReferenceDataSource {
  readonly tableName: string;
  readonly referenceSchema: InputSchema;
  readonly body: string;
}

export interface AppOptions {
  readonly input?: InputConfig;
  readonly references?: readonly ReferenceDataSource[];
  /** Seed (or PRNG) for RANDOM_CUT_FOREST; defaults to a fixed seed. */
  readonly prng?: Prng;
  /** CURRENT_TIMESTAMP and friends; defaults to the first record's ROWTIME. */
  readonly startMs?: number;
}

export interface InputRecord {
  /** The record's bytes as UTF-8 text (JSON document or CSV line(s)). */
  readonly data: string;
  readonly rowtimeMs: number;
  readonly arrivalMs?: number;
  /** These three may be thunks: they are only evaluated when a query references the column. */
  readonly partitionKey?: LazyText;
  readonly sequenceNumber?: LazyText;
  readonly shardId?: LazyText;
  /** Which source stream (0-based, for InputParallelism > 1) or Flink source table name. */
  readonly source?: number | string;
}

export interface ErrorRow {
  readonly kind: 'error_row';
  readonly errorTimeMs: number;
  readonly errorLevel: string;
  readonly errorName: string;
  readonly message: string;
  readonly dataRowtimeMs: number;
  /** Hex of the original record (or of the failing row's JSON). */
  readonly dataRow: string;
}

export interface Pump {
  readonly name: string;
  readonly target: string;
  readonly reads: readonly string[];
  readonly operators: Operator[];
}

/** SQL application code limit (KDA quotas page: "application code … 100 KB"). */
export const APPLICATION_CODE_BYTES_MAX = 100 * 1024;
