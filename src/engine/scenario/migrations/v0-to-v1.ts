/**
 * Version 0 → 1: stamps `version: 1` and renames the AWS API spellings of stream fields to the
 * scenario's own (`StreamName` → `name`, `ShardCount` → `shards`, `StreamModeDetails.StreamMode`
 * → `mode`, `RetentionPeriodHours` → `retentionHours`, `MaxRecordSizeInKiB` → `maxRecordSizeKiB`,
 * `RecordDistributionStrategy` → `recordDistribution`). A field given both ways keeps the
 * scenario's spelling. Everything else is copied as is; the validator judges the result.
 */
type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

function migrateStream(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const { StreamName, ShardCount, StreamModeDetails, RetentionPeriodHours, MaxRecordSizeInKiB, RecordDistributionStrategy, ...rest } = raw;
  const out: Doc = { ...rest };
  if (out.name === undefined && StreamName !== undefined) out.name = StreamName;
  if (out.shards === undefined && ShardCount !== undefined) out.shards = ShardCount;
  if (out.mode === undefined && isObject(StreamModeDetails) && StreamModeDetails.StreamMode !== undefined) out.mode = StreamModeDetails.StreamMode;
  if (out.retentionHours === undefined && RetentionPeriodHours !== undefined) out.retentionHours = RetentionPeriodHours;
  if (out.maxRecordSizeKiB === undefined && MaxRecordSizeInKiB !== undefined) out.maxRecordSizeKiB = MaxRecordSizeInKiB;
  if (out.recordDistribution === undefined && RecordDistributionStrategy !== undefined) out.recordDistribution = RecordDistributionStrategy;
  return out;
}

export function v0ToV1(doc: Doc): Doc {
  const out: Doc = { ...doc, version: 1 };
  if (Array.isArray(doc.streams)) out.streams = doc.streams.map(migrateStream);
  return out;
}
