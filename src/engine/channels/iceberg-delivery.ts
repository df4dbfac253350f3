/**
 * Delivery to an Apache Iceberg table in S3 Tables (data-delivery-st-about): the channel creates the table
 * (existing tables are not supported), validates each record against the table schema (failures to the
 * dead-letter queue), writes Parquet data files (NONE, SNAPPY or ZSTD) partitioned by TIME_HOUR fields, and
 * commits an append snapshot with new table metadata. Append-only, no schema evolution.
 * Simulator choices, said plainly: without a Glue Schema Registry the schema is the field set most records
 * of the first batch share (numbers → long/double, booleans, strings; partition sources are timestamptz); table metadata is
 * Iceberg v2 JSON, but manifests are written as JSON rather than Avro; the table bucket is a bucket of the
 * shared object store named after the table bucket.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType, ColumnSource } from 'hyparquet-writer';
import type { ObjectStore } from '../objectstore/object-store';
import { ConversionError, toRow } from '../firehose/parquet';
import type { ParquetColumn, ParquetColumnType } from '../firehose/parquet';
import type { BufferedRecord, Channel, S3TablesDestination } from './channel';
import type { RecordFailure } from './record-validation';
import { validateRecord } from './record-validation';
import { ensureBucket, writeDeadLetters } from './s3-delivery';
import { zstdStoredFrame } from './zstd-frame';

export interface IcebergTableState {
  readonly columns: ParquetColumn[];
  readonly location: string;
  metadataVersion: number;
  totalRecords: number;
  totalDataFiles: number;
  readonly snapshots: Record<string, unknown>[];
}

const ICEBERG_TYPE: Record<ParquetColumnType, string> = {
  string: 'string', int: 'int', bigint: 'long', float: 'float', double: 'double', boolean: 'boolean', timestamp: 'timestamptz',
};
const BASIC: Record<ParquetColumnType, BasicType> = {
  string: 'STRING', int: 'INT32', bigint: 'INT64', float: 'FLOAT', double: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP',
};
const CODEC = { NONE: 'UNCOMPRESSED', SNAPPY: 'SNAPPY', ZSTD: 'ZSTD' } as const;

/** Table bucket name of arn:aws:s3tables:<region>:<account>:bucket/<name>. */
export function tableBucketOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function inferColumns(doc: Record<string, unknown>, partitionSources: readonly string[]): ParquetColumn[] {
  return Object.entries(doc).map(([name, v]) => {
    let type: ParquetColumnType = 'string';
    if (partitionSources.includes(name)) type = 'timestamp';
    else if (typeof v === 'number') type = Number.isInteger(v) ? 'bigint' : 'double';
    else if (typeof v === 'boolean') type = 'boolean';
    return { name, type };
  });
}

function hourPartition(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}`;
}

/** Delivers a batch; returns a reason when the table cannot take data any more (the channel then FAILS). */
export function deliverToIceberg(channel: Channel, dest: S3TablesDestination, records: readonly BufferedRecord[], store: ObjectStore, nowMs: number): string | undefined {
  const failures: RecordFailure[] = [];
  const docs: { record: BufferedRecord; doc: Record<string, unknown> }[] = [];
  for (const r of records) {
    const v = validateRecord(r, 'JSON');
    if (!v.ok) {
      failures.push(v.failure);
      continue;
    }
    const doc: unknown = JSON.parse(v.text!);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) failures.push({ record: r, errorCode: 'SchemaMismatch', errorMessage: 'The record is not a JSON object.' });
    else docs.push({ record: r, doc: doc as Record<string, unknown> });
  }
  const table = channel.icebergTable ?? (docs.length > 0 ? createTable(dest, schemaSample(docs.map((d) => d.doc), dest.partitionSources)) : undefined);
  if (table && !channel.icebergTable) {
    const missing = dest.partitionSources.find((s) => !table.columns.some((c) => c.name === s));
    if (missing) return `The partition source column ${missing} is not in the table schema.`;
    channel.icebergTable = table;
  }
  const byPartition = new Map<string, Record<string, unknown>[]>();
  for (const { record, doc } of docs) {
    const extra = Object.keys(doc).find((k) => !table!.columns.some((c) => c.name.toLowerCase() === k.toLowerCase()));
    if (extra) {
      failures.push({ record, errorCode: 'SchemaMismatch', errorMessage: `Field ${extra} is not in the table schema (no schema evolution).` });
      continue;
    }
    try {
      const row = toRow(doc, table!.columns);
      const path = dest.partitionSources.map((s) => `${s}_hour=${hourPartition((row[s] as Date | null)?.getTime() ?? record.arrivalMs)}`).join('/');
      (byPartition.get(path) ?? byPartition.set(path, []).get(path)!).push(row);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      failures.push({ record, errorCode: 'SchemaMismatch', errorMessage: e.message });
    }
  }
  if (table && byPartition.size > 0) commit(channel, dest, table, byPartition, store, nowMs);
  writeDeadLetters(channel, dest.dlq, failures, store, nowMs);
  return undefined;
}

/**
 * The record whose fields become the schema: of the field sets in the first batch, the one most records share
 * (preferring sets that hold every partition source), its earliest record.
 */
function schemaSample(docs: readonly Record<string, unknown>[], partitionSources: readonly string[]): Record<string, unknown> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const doc of docs) {
    const signature = Object.keys(doc).sort().join('\u0000');
    (groups.get(signature) ?? groups.set(signature, []).get(signature)!).push(doc);
  }
  const score = (g: Record<string, unknown>[]) => (partitionSources.every((s) => s in g[0]) ? 1e9 : 0) + g.length;
  let best: Record<string, unknown>[] = [];
  for (const g of groups.values()) if (score(g) > score(best.length ? best : [{}]) || best.length === 0) best = g;
  return best[0];
}

function createTable(dest: S3TablesDestination, first: Record<string, unknown>): IcebergTableState {
  return {
    columns: inferColumns(first, dest.partitionSources),
    location: `${dest.namespace}/${dest.tableName}`,
    metadataVersion: 0,
    totalRecords: 0,
    totalDataFiles: 0,
    snapshots: [],
  };
}

function commit(channel: Channel, dest: S3TablesDestination, table: IcebergTableState, byPartition: Map<string, Record<string, unknown>[]>, store: ObjectStore, nowMs: number): void {
  const bucket = tableBucketOf(dest.tableBucketArn);
  ensureBucket(store, bucket);
  const snapshotId = table.snapshots.length + 1;
  const files: Record<string, unknown>[] = [];
  let added = 0;
  for (const [partition, rows] of byPartition) {
    const body = writeParquet(rows, table.columns, dest.compression);
    const name = `${String(++channel.objectNumber).padStart(6, '0')}-${channel.config.id}.parquet`;
    const path = `${table.location}/data/${partition ? `${partition}/` : ''}${name}`;
    store.putObject(bucket, path, body, { contentType: 'application/vnd.apache.parquet' });
    files.push({ file_path: `s3://${bucket}/${path}`, file_format: 'PARQUET', partition, record_count: rows.length, file_size_in_bytes: body.byteLength });
    added += rows.length;
    channel.counters.bytesOut += body.byteLength;
  }
  const manifestPath = `${table.location}/metadata/snap-${snapshotId}-${channel.config.id}.json`;
  store.putObject(bucket, manifestPath, new TextEncoder().encode(JSON.stringify({ snapshot_id: snapshotId, data_files: files }, null, 2)), { contentType: 'application/json' });
  table.totalRecords += added;
  table.totalDataFiles += files.length;
  table.snapshots.push({
    'snapshot-id': snapshotId,
    ...(snapshotId > 1 ? { 'parent-snapshot-id': snapshotId - 1 } : {}),
    'sequence-number': snapshotId,
    'timestamp-ms': nowMs,
    'manifest-list': `s3://${bucket}/${manifestPath}`,
    summary: { operation: 'append', 'added-data-files': String(files.length), 'added-records': String(added), 'total-records': String(table.totalRecords), 'total-data-files': String(table.totalDataFiles) },
    'schema-id': 0,
  });
  writeMetadata(channel, dest, table, bucket, store, nowMs);
  channel.counters.successfulRecords += added;
  channel.counters.deliveries++;
}

function writeMetadata(channel: Channel, dest: S3TablesDestination, table: IcebergTableState, bucket: string, store: ObjectStore, nowMs: number): void {
  const fields = table.columns.map((c, i) => ({ id: i + 1, name: c.name, required: false, type: ICEBERG_TYPE[c.type] }));
  const partitionFields = dest.partitionSources.map((s, i) => ({ name: `${s}_hour`, transform: 'hour', 'source-id': fields.find((f) => f.name === s)!.id, 'field-id': 1000 + i }));
  const last = table.snapshots[table.snapshots.length - 1];
  const metadata = {
    'format-version': 2,
    'table-uuid': channel.config.id,
    location: `s3://${bucket}/${table.location}`,
    'last-sequence-number': table.snapshots.length,
    'last-updated-ms': nowMs,
    'last-column-id': fields.length,
    'current-schema-id': 0,
    schemas: [{ type: 'struct', 'schema-id': 0, fields }],
    'default-spec-id': 0,
    'partition-specs': [{ 'spec-id': 0, fields: partitionFields }],
    'last-partition-id': 999 + partitionFields.length,
    'default-sort-order-id': 0,
    'sort-orders': [{ 'order-id': 0, fields: [] }],
    properties: { 'write.format.default': 'parquet', 'write.parquet.compression-codec': dest.compression.toLowerCase() },
    'current-snapshot-id': last?.['snapshot-id'] ?? -1,
    snapshots: table.snapshots,
    'snapshot-log': table.snapshots.map((s) => ({ 'snapshot-id': s['snapshot-id'], 'timestamp-ms': s['timestamp-ms'] })),
  };
  const version = String(++table.metadataVersion).padStart(5, '0');
  store.putObject(bucket, `${table.location}/metadata/${version}-${channel.config.id}.metadata.json`, new TextEncoder().encode(JSON.stringify(metadata, null, 2)), { contentType: 'application/json' });
}

function writeParquet(rows: readonly Record<string, unknown>[], columns: readonly ParquetColumn[], compression: S3TablesDestination['compression']): Uint8Array {
  const columnData: ColumnSource[] = columns.map((col) => ({ name: col.name, type: BASIC[col.type], data: rows.map((r) => r[col.name] ?? null), nullable: true }));
  return new Uint8Array(parquetWriteBuffer({ columnData, codec: CODEC[compression], compressors: { ZSTD: zstdStoredFrame }, createdBy: 'kinesis-sandbox channel' }));
}
