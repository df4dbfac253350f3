/**
 * The scenario document's `firehose` section: one entry per delivery stream, shaped like the
 * CreateDeliveryStream request (so a real request can be pasted in) plus three simulator-only
 * members: `producer` (a built-in Direct PUT load), `transform` (the JavaScript source of the
 * Lambda transformation, run in the browser sandbox) and `faults` (failure injection on the
 * destination). This module checks the shape and turns an entry into the engine's create input;
 * the engine's own validation (config.ts) judges every AWS member.
 */
import { PARQUET_COLUMN_TYPES, type ParquetColumnType } from '../../firehose/parquet';
import type { SinkFaults } from '../../firehose/sinks';

type Doc = Record<string, unknown>;

export const DESTINATION_KEYS = [
  'ExtendedS3DestinationConfiguration', 'HttpEndpointDestinationConfiguration', 'AmazonopensearchserviceDestinationConfiguration',
  'RedshiftDestinationConfiguration', 'SplunkDestinationConfiguration',
] as const;
export type DestinationKey = (typeof DESTINATION_KEYS)[number];

export interface ProducerSpec {
  /** Records per virtual second put with PutRecordBatch (0 = stopped). */
  readonly recordsPerSec: number;
  /**
   * One record's text; placeholders: `{{seq}}`, `{{ts}}` (epoch ms), `{{iso}}`, `{{uuid}}`,
   * `{{int:1:100}}`, `{{pick:a|b|c}}`. A newline is appended unless `newline` is false.
   */
  readonly template?: string;
  readonly newline?: boolean;
}

export interface TransformSpec {
  /** Lambda-style source: defines `handler(event, context)` or assigns `exports.handler`. */
  readonly source: string;
  /** Wall-clock time limit of one invocation in the browser sandbox (Lambda's default timeout is 3 s). */
  readonly timeoutMs?: number;
  readonly bufferSizeMBs?: number;
  readonly bufferIntervalSec?: number;
  readonly retries?: number;
}

/** A Glue-like table for record format conversion (JSON → Parquet); Glue's column shape `{Name, Type}`. */
export interface SchemaTableSpec {
  readonly DatabaseName: string;
  readonly TableName: string;
  readonly Columns: readonly { readonly Name: string; readonly Type: string }[];
}

export type FaultSpec = Partial<SinkFaults> & { readonly ackLossRate?: number };

export interface FirehoseSectionEntry {
  readonly DeliveryStreamName: string;
  readonly DeliveryStreamType?: 'DirectPut' | 'KinesisStreamAsSource';
  /** `StreamName` is a [sim] shorthand for a stream of this scenario; `KinesisStreamARN` works as in AWS. */
  readonly KinesisStreamSourceConfiguration?: { readonly KinesisStreamARN?: string; readonly StreamName?: string; readonly RoleARN?: string };
  readonly ExtendedS3DestinationConfiguration?: Doc;
  readonly HttpEndpointDestinationConfiguration?: Doc;
  readonly AmazonopensearchserviceDestinationConfiguration?: Doc;
  readonly RedshiftDestinationConfiguration?: Doc;
  readonly SplunkDestinationConfiguration?: Doc;
  readonly producer?: ProducerSpec;
  readonly transform?: TransformSpec;
  readonly faults?: FaultSpec;
  /** Registered before the stream is created, so DataFormatConversionConfiguration can name it. */
  readonly schemaTable?: SchemaTableSpec;
}

export const TRANSFORM_TIMEOUT_MS_DEFAULT = 3000;

export function transformArn(region: string, accountId: string, streamName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:firehose-transform-${streamName}`;
}

export function destinationKeyOf(entry: FirehoseSectionEntry): DestinationKey | undefined {
  return DESTINATION_KEYS.find((k) => entry[k] !== undefined);
}

const isObj = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the simulator-only members and the entry's outline; throws with a field path. */
export function checkEntry(value: unknown, where: string): FirehoseSectionEntry {
  if (!isObj(value)) throw new Error(`${where} must be an object`);
  if (typeof value.DeliveryStreamName !== 'string' || value.DeliveryStreamName === '') throw new Error(`${where}.DeliveryStreamName is required`);
  const entry = value as unknown as FirehoseSectionEntry;
  const keys = DESTINATION_KEYS.filter((k) => entry[k] !== undefined);
  if (keys.length !== 1) throw new Error(`${where} needs exactly one destination configuration (${DESTINATION_KEYS.join(', ')}), got ${keys.length}`);
  const p = value.producer;
  if (p !== undefined) {
    if (!isObj(p) || typeof p.recordsPerSec !== 'number' || !(p.recordsPerSec >= 0 && p.recordsPerSec <= 100_000)) {
      throw new Error(`${where}.producer.recordsPerSec must be a number 0–100000`);
    }
    if (p.template !== undefined && typeof p.template !== 'string') throw new Error(`${where}.producer.template must be a string`);
  }
  const t = value.transform;
  if (t !== undefined) {
    if (!isObj(t) || typeof t.source !== 'string') throw new Error(`${where}.transform.source must be a string of JavaScript`);
    if (t.timeoutMs !== undefined && !(typeof t.timeoutMs === 'number' && t.timeoutMs >= 10 && t.timeoutMs <= 300_000)) {
      throw new Error(`${where}.transform.timeoutMs must be 10–300000 (Firehose honours a function timeout up to 5 minutes)`);
    }
  }
  if (value.faults !== undefined && !isObj(value.faults)) throw new Error(`${where}.faults must be an object`);
  const st = value.schemaTable;
  if (st !== undefined) {
    if (!isObj(st) || typeof st.DatabaseName !== 'string' || typeof st.TableName !== 'string' || !Array.isArray(st.Columns) || st.Columns.length === 0) {
      throw new Error(`${where}.schemaTable needs DatabaseName, TableName and a non-empty Columns list`);
    }
    st.Columns.forEach((c, i) => {
      if (!isObj(c) || typeof c.Name !== 'string' || !PARQUET_COLUMN_TYPES.includes(String(c.Type).toLowerCase() as ParquetColumnType)) {
        throw new Error(`${where}.schemaTable.Columns[${i}] needs a Name and a Type (${PARQUET_COLUMN_TYPES.join(', ')})`);
      }
    });
  }
  return entry;
}

export interface CreateEnv {
  readonly region: string;
  readonly accountId: string;
  /** ARN of a scenario stream by name, or undefined when it does not exist. */
  streamArn(name: string): string | undefined;
}

/** The CreateDeliveryStream input for an entry: simulator members removed, the transform wired in. */
export function toCreateInput(entry: FirehoseSectionEntry, env: CreateEnv): Doc {
  const key = destinationKeyOf(entry);
  if (!key) throw new Error(`${entry.DeliveryStreamName}: no destination configuration`);
  const input: Doc = { DeliveryStreamName: entry.DeliveryStreamName, DeliveryStreamType: entry.DeliveryStreamType ?? 'DirectPut' };
  if (entry.DeliveryStreamType === 'KinesisStreamAsSource') {
    const src = entry.KinesisStreamSourceConfiguration ?? {};
    const arn = src.KinesisStreamARN ?? (src.StreamName ? env.streamArn(src.StreamName) : undefined);
    if (!arn) throw new Error(`${entry.DeliveryStreamName}: the source stream ${JSON.stringify(src.StreamName ?? '')} is not a stream of this scenario`);
    input.KinesisStreamSourceConfiguration = { KinesisStreamARN: arn, RoleARN: src.RoleARN ?? `arn:aws:iam::${env.accountId}:role/firehose-source` };
  }
  input[key] = withTransform(entry[key] as Doc, entry, env);
  return input;
}

/** Replaces any Lambda processor with the entry's transform (or removes it when there is none). */
export function withTransform(config: Doc, entry: FirehoseSectionEntry, env: CreateEnv): Doc {
  const pc = isObj(config.ProcessingConfiguration) ? config.ProcessingConfiguration : {};
  const others = (Array.isArray(pc.Processors) ? pc.Processors : []).filter((p) => !(isObj(p) && p.Type === 'Lambda'));
  const t = entry.transform;
  if (!t) {
    if (!isObj(config.ProcessingConfiguration)) return config;
    return { ...config, ProcessingConfiguration: { ...pc, Enabled: others.length > 0, Processors: others } };
  }
  const params = [
    { ParameterName: 'LambdaArn', ParameterValue: transformArn(env.region, env.accountId, entry.DeliveryStreamName) },
    ...(t.retries !== undefined ? [{ ParameterName: 'NumberOfRetries', ParameterValue: String(t.retries) }] : []),
    ...(t.bufferSizeMBs !== undefined ? [{ ParameterName: 'BufferSizeInMBs', ParameterValue: String(t.bufferSizeMBs) }] : []),
    ...(t.bufferIntervalSec !== undefined ? [{ ParameterName: 'BufferIntervalInSeconds', ParameterValue: String(t.bufferIntervalSec) }] : []),
  ];
  return { ...config, ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: params }, ...others] } };
}
