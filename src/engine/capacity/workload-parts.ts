/**
 * Readers for the nested parts of a workload (record sizes, keys, consumers, Firehose, analytics);
 * split from workload.ts to keep each module small. Same conventions: report every bad field with
 * its path and allowed range, return a best-effort value so reading continues.
 */
import type { RecordSizeDistribution } from './record-size';
import type { AnalyticsSpec, ConsumerSpec, FirehoseSpec, KeyDistribution } from './workload';
import { JsonReader, join } from './workload-reader';

const KEY_COUNT_MAX = 100_000_000;

export function readRecordSize(r: JsonReader, value: unknown, path: string, maxBytes: number): RecordSizeDistribution {
  const o = r.object(value, path);
  if (!o) return { kind: 'fixed', bytes: 1 };
  const kind = r.oneOf(o, 'kind', path, ['fixed', 'uniform', 'lognormal', 'histogram'] as const, 'fixed');
  const bytesRule = { min: 1, max: maxBytes };
  switch (kind) {
    case 'fixed':
      r.noUnknownFields(o, path, ['kind', 'bytes']);
      return { kind, bytes: r.number(o, 'bytes', path, bytesRule) };
    case 'uniform': {
      r.noUnknownFields(o, path, ['kind', 'minBytes', 'maxBytes']);
      const minBytes = r.number(o, 'minBytes', path, bytesRule);
      const maxB = r.number(o, 'maxBytes', path, { min: Number.isFinite(minBytes) ? minBytes : 1, max: maxBytes });
      return { kind, minBytes, maxBytes: maxB };
    }
    case 'lognormal':
      r.noUnknownFields(o, path, ['kind', 'medianBytes', 'sigma']);
      return { kind, medianBytes: r.number(o, 'medianBytes', path, bytesRule), sigma: r.number(o, 'sigma', path, { min: 0, max: 3 }) };
    case 'histogram': {
      r.noUnknownFields(o, path, ['kind', 'buckets']);
      const raw = r.array(o, 'buckets', path, false);
      if (raw.length === 0) r.fail(join(path, 'buckets'), 'must list at least one { "bytes", "weight" } bucket');
      const buckets = raw.map((b, i) => {
        const bp = `${join(path, 'buckets')}[${i}]`;
        const bo = r.object(b, bp) ?? {};
        r.noUnknownFields(bo, bp, ['bytes', 'weight']);
        return { bytes: r.number(bo, 'bytes', bp, bytesRule), weight: r.number(bo, 'weight', bp, { min: 0, minExclusive: true }) };
      });
      return { kind, buckets };
    }
  }
}

export function readKeys(r: JsonReader, value: unknown, path: string): KeyDistribution {
  const o = r.object(value, path);
  if (!o) return { kind: 'uniform', count: 1, prefix: 'key-' };
  const kind = r.oneOf(o, 'kind', path, ['uniform', 'zipf', 'hot-key', 'explicit'] as const, 'uniform');
  const prefix = () => r.string(o, 'prefix', path, 'key-', 200);
  const count = () => r.number(o, 'count', path, { min: 1, max: KEY_COUNT_MAX, integer: true });
  switch (kind) {
    case 'uniform':
      r.noUnknownFields(o, path, ['kind', 'count', 'prefix']);
      return { kind, count: count(), prefix: prefix() };
    case 'zipf':
      r.noUnknownFields(o, path, ['kind', 'count', 'exponent', 'prefix']);
      return { kind, count: count(), exponent: r.number(o, 'exponent', path, { min: 0, max: 5 }), prefix: prefix() };
    case 'hot-key':
      r.noUnknownFields(o, path, ['kind', 'hotKey', 'share', 'otherKeys', 'prefix']);
      return {
        kind,
        hotKey: r.string(o, 'hotKey', path),
        share: r.number(o, 'share', path, { min: 0, max: 1 }),
        otherKeys: r.number(o, 'otherKeys', path, { min: 0, max: KEY_COUNT_MAX, integer: true }),
        prefix: prefix(),
      };
    case 'explicit': {
      r.noUnknownFields(o, path, ['kind', 'weights']);
      const w = r.object(o.weights, join(path, 'weights')) ?? {};
      const weights: Record<string, number> = {};
      for (const k of Object.keys(w)) {
        if (k.length < 1 || k.length > 256) r.fail(join(join(path, 'weights'), k), 'a partition key must be 1–256 characters');
        weights[k] = r.number(w, k, join(path, 'weights'), { min: 0, minExclusive: true });
      }
      if (Object.keys(weights).length === 0) r.fail(join(path, 'weights'), 'must name at least one key with a weight > 0');
      return { kind, weights };
    }
  }
}

export function readConsumer(r: JsonReader, value: unknown, path: string): ConsumerSpec {
  const o = r.object(value, path) ?? {};
  const kind = r.oneOf(o, 'kind', path, ['polling', 'efo', 'lambda'] as const, 'polling');
  const base = {
    name: r.string(o, 'name', path),
    count: r.number(o, 'count', path, { min: 1, max: 100, integer: true }, 1),
    maxAcceptableLagSeconds: r.optionalNumber(o, 'maxAcceptableLagSeconds', path, { min: 0, minExclusive: true, max: 7 * 86_400 }),
  };
  const common = ['kind', 'name', 'count', 'maxAcceptableLagSeconds'];
  const procRule = { min: 0, minExclusive: true, max: 1e9 };
  switch (kind) {
    case 'polling':
      r.noUnknownFields(o, path, [...common, 'pollsPerSecondPerShard', 'maxRecordsPerSecondPerShard']);
      return {
        ...base,
        kind,
        pollsPerSecondPerShard: r.number(o, 'pollsPerSecondPerShard', path, { min: 0.2, max: 5 }, 1),
        maxRecordsPerSecondPerShard: r.optionalNumber(o, 'maxRecordsPerSecondPerShard', path, procRule),
      };
    case 'efo':
      r.noUnknownFields(o, path, [...common, 'maxRecordsPerSecondPerShard']);
      return { ...base, kind, maxRecordsPerSecondPerShard: r.optionalNumber(o, 'maxRecordsPerSecondPerShard', path, procRule) };
    case 'lambda':
      r.noUnknownFields(o, path, [...common, 'batchSize', 'parallelizationFactor', 'averageDurationMs', 'efo']);
      return {
        ...base,
        kind,
        batchSize: r.number(o, 'batchSize', path, { min: 1, max: 10_000, integer: true }, 100),
        parallelizationFactor: r.number(o, 'parallelizationFactor', path, { min: 1, max: 10, integer: true }, 1),
        averageDurationMs: r.number(o, 'averageDurationMs', path, { min: 1, max: 900_000 }),
        efo: r.boolean(o, 'efo', path, false),
      };
  }
}

export function readFirehose(
  r: JsonReader,
  value: unknown,
  path: string,
  defaults: { recordsPerSecond: number; recordSize: RecordSizeDistribution },
): FirehoseSpec {
  const o = r.object(value, path) ?? {};
  r.noUnknownFields(o, path, ['name', 'source', 'recordsPerSecond', 'recordSize', 'recordsPerEntry', 'bufferSizeMiB', 'bufferIntervalSeconds', 'formatConversion', 'dynamicPartitioning', 'vpc']);
  let dynamicPartitioning: FirehoseSpec['dynamicPartitioning'];
  if (o.dynamicPartitioning !== undefined) {
    const dp = r.object(o.dynamicPartitioning, join(path, 'dynamicPartitioning')) ?? {};
    const dpp = join(path, 'dynamicPartitioning');
    r.noUnknownFields(dp, dpp, ['partitions', 'jqHoursPerMonth']);
    dynamicPartitioning = {
      partitions: r.number(dp, 'partitions', dpp, { min: 1, max: 500, integer: true }),
      jqHoursPerMonth: r.number(dp, 'jqHoursPerMonth', dpp, { min: 0, max: 1e6 }, 0),
    };
  }
  let vpc: FirehoseSpec['vpc'];
  if (o.vpc !== undefined) {
    const v = r.object(o.vpc, join(path, 'vpc')) ?? {};
    r.noUnknownFields(v, join(path, 'vpc'), ['azCount']);
    vpc = { azCount: r.number(v, 'azCount', join(path, 'vpc'), { min: 1, max: 6, integer: true }) };
  }
  return {
    name: r.string(o, 'name', path, 'delivery-stream'),
    source: r.oneOf(o, 'source', path, ['direct-put', 'kinesis-stream', 'vended-logs'] as const, 'direct-put'),
    recordsPerSecond: r.number(o, 'recordsPerSecond', path, { min: 0, minExclusive: true, max: 1e9 }, defaults.recordsPerSecond),
    recordSize: o.recordSize === undefined ? defaults.recordSize : readRecordSize(r, o.recordSize, join(path, 'recordSize'), 1000 * 1024),
    recordsPerEntry: r.number(o, 'recordsPerEntry', path, { min: 1, max: 500, integer: true }, 1),
    bufferSizeMiB: r.number(o, 'bufferSizeMiB', path, { min: 1, max: 128 }, 5),
    bufferIntervalSeconds: r.number(o, 'bufferIntervalSeconds', path, { min: 0, max: 900 }, 300),
    formatConversion: r.boolean(o, 'formatConversion', path, false),
    dynamicPartitioning,
    vpc,
  };
}

export function readAnalytics(r: JsonReader, value: unknown, path: string): AnalyticsSpec {
  const o = r.object(value, path) ?? {};
  const kind = r.oneOf(o, 'kind', path, ['flink', 'legacy-sql'] as const, 'flink');
  if (kind === 'legacy-sql') {
    r.noUnknownFields(o, path, ['kind', 'kpus']);
    return { kind, kpus: r.number(o, 'kpus', path, { min: 1, max: 1000, integer: true }) };
  }
  r.noUnknownFields(o, path, ['kind', 'parallelism', 'parallelismPerKpu', 'studio']);
  return {
    kind,
    parallelism: r.number(o, 'parallelism', path, { min: 1, max: 10_000, integer: true }),
    parallelismPerKpu: r.number(o, 'parallelismPerKpu', path, { min: 1, max: 4, integer: true }, 1),
    studio: r.boolean(o, 'studio', path, false),
  };
}
