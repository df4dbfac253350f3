/**
 * Validation of scenario documents: every problem is reported with its field path, e.g.
 * `producers[0].rate.recordsPerSec must be ≥ 0`, and all problems are collected (not just the first).
 */
import { compileTemplate, KDG_PLACEHOLDERS, TemplateError } from '../producers/payload-template';
import type { ScenarioDoc } from './schema';
import {
  MAX_RECORD_SIZE_KIB_DEFAULT, MAX_RECORD_SIZE_KIB_MAX, MAX_RECORD_SIZE_KIB_MIN, PUT_RECORDS_ENTRIES_MAX, putRecordsBytesMaxOf, recordBytesMaxOf,
} from '../streams/limits';

export type ValidationResult = { readonly ok: true; readonly doc: ScenarioDoc } | { readonly ok: false; readonly errors: readonly string[] };

type Obj = Record<string, unknown>;

class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path} ${message}`);
  }

  obj(v: unknown, path: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'must be an object');
    return undefined;
  }

  arr(v: unknown, path: string, optional = false): unknown[] | undefined {
    if (v === undefined && optional) return undefined;
    if (Array.isArray(v)) return v;
    this.fail(path, 'must be an array');
    return undefined;
  }

  num(o: Obj, key: string, path: string, opts: { min?: number; max?: number; int?: boolean; optional?: boolean; exclusiveMin?: boolean } = {}): void {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (!opts.optional) this.fail(p, 'is required');
      return;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(p, 'must be a number');
    if (opts.int && !Number.isInteger(v)) return this.fail(p, 'must be a whole number');
    if (opts.min !== undefined && (opts.exclusiveMin ? v <= opts.min : v < opts.min)) return this.fail(p, `must be ${opts.exclusiveMin ? '>' : '≥'} ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return this.fail(p, `must be ≤ ${opts.max}`);
  }

  str(o: Obj, key: string, path: string, opts: { optional?: boolean; pattern?: RegExp; hint?: string } = {}): void {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (!opts.optional) this.fail(p, 'is required');
      return;
    }
    if (typeof v !== 'string') return this.fail(p, 'must be a string');
    if (opts.pattern && !opts.pattern.test(v)) this.fail(p, opts.hint ?? `must match ${opts.pattern}`);
  }

  oneOf(o: Obj, key: string, path: string, values: readonly string[], optional = true): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !values.includes(v)) this.fail(`${path}.${key}`, `must be one of ${values.map((x) => `"${x}"`).join(', ')}`);
  }

  bool(o: Obj, key: string, path: string): void {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') this.fail(`${path}.${key}`, 'must be true or false');
  }
}

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

export function validateScenario(input: unknown): ValidationResult {
  const c = new Checker();
  const doc = c.obj(input, 'scenario');
  if (!doc) return { ok: false, errors: c.errors };
  if (doc.version !== 1) c.fail('version', 'must be 1');
  if (typeof doc.seed !== 'number' && typeof doc.seed !== 'string') c.fail('seed', 'must be a number or a string');
  c.num(doc, 'durationSec', 'scenario', { min: 0, exclusiveMin: true, optional: true });
  if (doc.settings !== undefined) {
    const s = c.obj(doc.settings, 'settings');
    if (s) {
      c.oneOf(s, 'mode', 'settings', ['auto', 'record', 'aggregate']);
      c.num(s, 'aggregateThresholdRecordsPerSec', 'settings', { min: 0, optional: true });
      c.num(s, 'memoryBudgetMiB', 'settings', { min: 1, optional: true });
      c.bool(s, 'shardLevelMetrics', 'settings');
    }
  }
  const streamNames = new Set<string>();
  /** Each stream's MaxRecordSizeInKiB (a valid one, else the default): producers' record sizes are checked against it. */
  const recordKiB = new Map<string, number>();
  (c.arr(doc.streams, 'streams') ?? []).forEach((raw, i) => {
    const path = `streams[${i}]`;
    const s = c.obj(raw, path);
    if (!s) return;
    c.str(s, 'name', path, { pattern: STREAM_NAME, hint: 'must be 1–128 characters of a-z, A-Z, 0-9, _ . -' });
    if (typeof s.name === 'string') {
      if (streamNames.has(s.name)) c.fail(`${path}.name`, `repeats the stream name "${s.name}"`);
      streamNames.add(s.name);
    }
    c.oneOf(s, 'mode', path, ['PROVISIONED', 'ON_DEMAND']);
    c.num(s, 'shards', path, { min: 1, max: 20_000, int: true, optional: s.mode === 'ON_DEMAND' });
    c.num(s, 'retentionHours', path, { min: 24, max: 8760, int: true, optional: true });
    // Large records (docs.aws.amazon.com/streams/latest/dev/large-records.html; API_UpdateMaxRecordSize): 1,024–10,240 KiB.
    c.num(s, 'maxRecordSizeKiB', path, { min: MAX_RECORD_SIZE_KIB_MIN, max: MAX_RECORD_SIZE_KIB_MAX, int: true, optional: true });
    const kib = typeof s.maxRecordSizeKiB === 'number' && Number.isInteger(s.maxRecordSizeKiB) && s.maxRecordSizeKiB >= MAX_RECORD_SIZE_KIB_MIN && s.maxRecordSizeKiB <= MAX_RECORD_SIZE_KIB_MAX
      ? s.maxRecordSizeKiB : MAX_RECORD_SIZE_KIB_DEFAULT;
    if (typeof s.name === 'string') recordKiB.set(s.name, kib);
    // Service-managed distribution (API_UpdateStreamRecordDistributionStrategy): AUTO only on on-demand streams;
    // AWS answers InvalidArgumentException for a provisioned one.
    c.oneOf(s, 'recordDistribution', path, ['USER_PARTITION_KEY', 'AUTO']);
    if (s.recordDistribution === 'AUTO' && s.mode !== 'ON_DEMAND') {
      c.fail(`${path}.recordDistribution`, 'AUTO needs mode "ON_DEMAND": AWS distributes records itself only on on-demand streams');
    }
  });
  const checkStreamRef = (o: Obj, path: string) => {
    c.str(o, 'stream', path);
    if (typeof o.stream === 'string' && !streamNames.has(o.stream)) c.fail(`${path}.stream`, `names no stream of this scenario ("${o.stream}")`);
  };
  const actorNames = new Set<string>();
  const checkName = (o: Obj, path: string) => {
    c.str(o, 'name', path, { pattern: /^[\w.:-]{1,128}$/, hint: 'must be 1–128 characters of letters, digits, _ . : -' });
    if (typeof o.name === 'string') {
      if (actorNames.has(o.name)) c.fail(`${path}.name`, `repeats the name "${o.name}" (producer and consumer names must be unique)`);
      actorNames.add(o.name);
    }
  };
  (c.arr(doc.producers, 'producers') ?? []).forEach((raw, i) => {
    const path = `producers[${i}]`;
    const p = c.obj(raw, path);
    if (!p) return;
    checkName(p, path);
    checkStreamRef(p, path);
    validateRate(c, p.rate, `${path}.rate`);
    const streamKiB = (typeof p.stream === 'string' ? recordKiB.get(p.stream) : undefined) ?? MAX_RECORD_SIZE_KIB_DEFAULT;
    if (p.size !== undefined) validateSize(c, p.size, `${path}.size`, streamKiB, typeof p.stream === 'string' ? p.stream : '');
    if (p.keys !== undefined) validateKeys(c, p.keys, `${path}.keys`);
    if (p.template !== undefined && typeof p.template !== 'string') c.fail(`${path}.template`, `must be a string (placeholders such as ${KDG_PLACEHOLDERS.slice(0, 3).join(', ')})`);
    if (typeof p.template === 'string') {
      try {
        compileTemplate(p.template, 0);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        c.fail(`${path}.template`, e.message);
      }
    }
    c.oneOf(p, 'api', path, ['PutRecord', 'PutRecords']);
    if (p.batch !== undefined) {
      const b = c.obj(p.batch, `${path}.batch`);
      if (b) {
        c.num(b, 'maxRecords', `${path}.batch`, { min: 1, max: PUT_RECORDS_ENTRIES_MAX, int: true, optional: true });
        // PutRecords request size: 5 MiB, 10 MiB on a stream that takes large records (limits.ts).
        c.num(b, 'maxBytes', `${path}.batch`, { min: 1, max: putRecordsBytesMaxOf(streamKiB), optional: true });
        c.num(b, 'lingerMs', `${path}.batch`, { min: 0, optional: true });
      }
    }
    if (p.aggregation !== undefined) {
      const a = c.obj(p.aggregation, `${path}.aggregation`);
      if (a) {
        c.bool(a, 'enabled', `${path}.aggregation`);
        c.num(a, 'maxBytes', `${path}.aggregation`, { min: 64, max: 1_048_576, optional: true });
      }
    }
    if (p.retry !== undefined) {
      const r = c.obj(p.retry, `${path}.retry`);
      if (r) {
        c.num(r, 'maxRetries', `${path}.retry`, { min: 0, max: 100, int: true, optional: true });
        c.num(r, 'baseDelayMs', `${path}.retry`, { min: 0, optional: true });
        c.num(r, 'maxDelayMs', `${path}.retry`, { min: 0, optional: true });
        c.num(r, 'maxRecordAgeMs', `${path}.retry`, { min: 0, optional: true });
        c.oneOf(r, 'jitter', `${path}.retry`, ['full', 'equal', 'none']);
      }
    }
    c.num(p, 'startAtSec', path, { min: 0, optional: true });
    c.num(p, 'stopAtSec', path, { min: 0, optional: true });
  });
  (c.arr(doc.consumers, 'consumers', true) ?? []).forEach((raw, i) => {
    const path = `consumers[${i}]`;
    const o = c.obj(raw, path);
    if (!o) return;
    checkName(o, path);
    checkStreamRef(o, path);
    c.oneOf(o, 'type', path, ['kcl', 'efo', 'lambda'], false);
    c.oneOf(o, 'initialPosition', path, ['TRIM_HORIZON', 'LATEST']);
    if (o.type === 'kcl') {
      c.num(o, 'workers', path, { min: 1, max: 1000, int: true, optional: true });
      c.num(o, 'pollIntervalMs', path, { min: 1, optional: true });
      c.num(o, 'maxRecords', path, { min: 1, max: 10_000, int: true, optional: true });
      c.num(o, 'checkpointEveryRecords', path, { min: 1, int: true, optional: true });
      c.num(o, 'checkpointEveryMs', path, { min: 1, optional: true });
      c.num(o, 'failoverTimeMs', path, { min: 0, optional: true });
      (c.arr(o.crashes, `${path}.crashes`, true) ?? []).forEach((cr, j) => {
        const co = c.obj(cr, `${path}.crashes[${j}]`);
        if (!co) return;
        c.num(co, 'atSec', `${path}.crashes[${j}]`, { min: 0 });
        c.num(co, 'worker', `${path}.crashes[${j}]`, { min: 0, int: true });
        c.num(co, 'downSec', `${path}.crashes[${j}]`, { min: 0, optional: true });
      });
    }
    if (o.type === 'lambda') {
      c.num(o, 'batchSize', path, { min: 1, max: 10_000, int: true, optional: true });
      c.num(o, 'batchingWindowSec', path, { min: 0, max: 300, optional: true });
      c.num(o, 'parallelizationFactor', path, { min: 1, max: 10, int: true, optional: true });
      c.num(o, 'errorRate', path, { min: 0, max: 1, optional: true });
      c.num(o, 'maxRetries', path, { min: -1, max: 10_000, int: true, optional: true });
      c.num(o, 'maxRecordAgeSec', path, { min: -1, max: 604_800, optional: true });
      c.bool(o, 'bisectOnError', path);
      c.bool(o, 'onFailureDestination', path);
    }
    for (const key of ['processing', 'duration']) {
      if (o[key] === undefined) continue;
      const m = c.obj(o[key], `${path}.${key}`);
      if (!m) continue;
      c.num(m, 'perBatchMs', `${path}.${key}`, { min: 0 });
      c.num(m, 'perRecordMs', `${path}.${key}`, { min: 0 });
      c.num(m, 'perKiBMs', `${path}.${key}`, { min: 0, optional: true });
      c.num(m, 'sigma', `${path}.${key}`, { min: 0, optional: true });
    }
  });
  c.arr(doc.firehose, 'firehose', true);
  c.arr(doc.analytics, 'analytics', true);
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, doc: doc as unknown as ScenarioDoc };
}

function validateRate(c: Checker, raw: unknown, path: string): void {
  const r = c.obj(raw, path);
  if (!r) return;
  const rate = { min: 0 };
  switch (r.kind) {
    case 'constant':
      return c.num(r, 'recordsPerSec', path, rate);
    case 'ramp':
      c.num(r, 'fromRecordsPerSec', path, rate);
      c.num(r, 'toRecordsPerSec', path, rate);
      return c.num(r, 'durationSec', path, { min: 0 });
    case 'step':
      (c.arr(r.steps, `${path}.steps`) ?? []).forEach((s, i) => {
        const o = c.obj(s, `${path}.steps[${i}]`);
        if (!o) return;
        c.num(o, 'atSec', `${path}.steps[${i}]`, { min: 0 });
        c.num(o, 'recordsPerSec', `${path}.steps[${i}]`, rate);
      });
      return;
    case 'sine':
      c.num(r, 'meanRecordsPerSec', path, rate);
      c.num(r, 'amplitudeRecordsPerSec', path, { min: 0 });
      c.num(r, 'periodSec', path, { min: 0, exclusiveMin: true, optional: true });
      return c.num(r, 'phaseSec', path, { optional: true });
    case 'bursts':
      c.num(r, 'baseRecordsPerSec', path, rate);
      c.num(r, 'burstRecordsPerSec', path, rate);
      c.num(r, 'everySec', path, { min: 0, exclusiveMin: true });
      c.num(r, 'burstDurationSec', path, { min: 0 });
      return c.num(r, 'firstBurstAtSec', path, { min: 0, optional: true });
    case 'replay':
      (c.arr(r.recordsPerSec, `${path}.recordsPerSec`) ?? []).forEach((v, i) => {
        if (typeof v !== 'number' || !(v >= 0)) c.fail(`${path}.recordsPerSec[${i}]`, 'must be a number ≥ 0');
      });
      return c.bool(r, 'loop', path);
    default:
      c.fail(`${path}.kind`, 'must be one of "constant", "ramp", "step", "sine", "bursts", "replay"');
  }
}

/**
 * Record sizes may reach the stream's maximum record size (1 MiB by default, up to 10 MiB on a stream
 * with a larger MaxRecordSizeInKiB); a bigger record would only ever be refused, so the document says so.
 */
function validateSize(c: Checker, raw: unknown, path: string, streamKiB: number, stream: string): void {
  const s = c.obj(raw, path);
  if (!s) return;
  const max = recordBytesMaxOf(streamKiB);
  const tooBig = (key: string) => {
    const v = s[key];
    if (typeof v === 'number' && v > max) {
      c.fail(`${path}.${key}`, `must be ≤ ${max} bytes, the maximum record size of stream "${stream}" (maxRecordSizeKiB ${streamKiB}${streamKiB === MAX_RECORD_SIZE_KIB_DEFAULT ? `; raise it up to ${MAX_RECORD_SIZE_KIB_MAX} for records up to 10 MiB` : ''})`);
      return true;
    }
    return false;
  };
  const bytes = (key: string, min = 0, optional = false) => {
    if (!tooBig(key)) c.num(s, key, path, { min, optional });
  };
  switch (s.kind) {
    case 'fixed':
      return bytes('bytes');
    case 'uniform':
      bytes('minBytes');
      bytes('maxBytes');
      if (typeof s.minBytes === 'number' && typeof s.maxBytes === 'number' && s.minBytes > s.maxBytes) c.fail(`${path}.maxBytes`, 'must be ≥ minBytes');
      return;
    case 'normal':
      bytes('meanBytes');
      bytes('minBytes', 0, true);
      bytes('maxBytes', 0, true);
      return c.num(s, 'stdDevBytes', path, { min: 0 });
    case 'logNormal':
      bytes('medianBytes', 1);
      bytes('minBytes', 0, true);
      bytes('maxBytes', 0, true);
      return c.num(s, 'sigma', path, { min: 0 });
    default:
      c.fail(`${path}.kind`, 'must be one of "fixed", "uniform", "normal", "logNormal"');
  }
}

function validateKeys(c: Checker, raw: unknown, path: string): void {
  const k = c.obj(raw, path);
  if (!k) return;
  switch (k.kind) {
    case 'uuid':
      return;
    case 'pool':
      c.num(k, 'keys', path, { min: 1, max: 10_000_000, int: true });
      c.oneOf(k, 'distribution', path, ['uniform', 'zipf']);
      return c.num(k, 'zipfExponent', path, { min: 0, optional: true });
    case 'hotKey':
      c.num(k, 'hotPercent', path, { min: 0, max: 100 });
      c.num(k, 'otherKeys', path, { min: 1, int: true, optional: true });
      return c.str(k, 'hotKey', path, { optional: true, pattern: /^.{1,256}$/u, hint: 'must be 1–256 characters' });
    case 'sequential':
      return c.num(k, 'wrap', path, { min: 1, int: true, optional: true });
    case 'timeBucket':
      return c.num(k, 'bucketMs', path, { min: 1 });
    case 'explicitHash': {
      const list = c.arr(k.hashKeys, `${path}.hashKeys`) ?? [];
      if (list.length === 0) c.fail(`${path}.hashKeys`, 'must list at least one hash key');
      list.forEach((h, i) => {
        if (typeof h !== 'string' || !/^(0|[1-9]\d{0,38})$/.test(h) || BigInt(h) >= 2n ** 128n) c.fail(`${path}.hashKeys[${i}]`, 'must be a decimal integer in 0…2^128−1');
      });
      return;
    }
    default:
      c.fail(`${path}.kind`, 'must be one of "uuid", "pool", "hotKey", "sequential", "timeBucket", "explicitHash"');
  }
}
