/**
 * What-if variants: one or two axes of settings (shard count, capacity mode, key strategy, batching,
 * retries, consumer count or type), each with a list of values typed as text, crossed into variants
 * and applied to the base scenario. Pure: the same axes give the same documents.
 */
import type { KeyStrategy } from '../../../engine/producers/key-strategy';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { withBatching, withCapacityMode, withConsumers, withKeyStrategy, withRetries, withShardCount, type ConsumerType } from '../../scenarios/doc-edits';

export type VariantChange =
  | { readonly kind: 'shards'; readonly shards: number }
  | { readonly kind: 'mode'; readonly mode: 'PROVISIONED' | 'ON_DEMAND' }
  | { readonly kind: 'keys'; readonly preset: KeyPreset }
  | { readonly kind: 'batching'; readonly api: 'PutRecord' | 'PutRecords'; readonly maxRecords?: number }
  | { readonly kind: 'retries'; readonly maxRetries: number }
  | { readonly kind: 'consumer-count'; readonly count: number }
  | { readonly kind: 'consumer-type'; readonly type: ConsumerType };

export type AxisKind = VariantChange['kind'];

export interface VariantSpec {
  readonly id: string;
  readonly label: string;
  readonly changes: readonly VariantChange[];
}

export const AXES: readonly { readonly kind: AxisKind; readonly label: string; readonly hint: string; readonly example: string }[] = [
  { kind: 'shards', label: 'Shard count', hint: 'whole numbers, e.g. 2, 4, 8', example: '2, 4, 8' },
  { kind: 'mode', label: 'Capacity mode', hint: 'provisioned, on-demand', example: 'provisioned, on-demand' },
  { kind: 'keys', label: 'Key strategy', hint: 'current, uuid, pool, zipf, hot', example: 'current, uuid' },
  { kind: 'batching', label: 'Producer batching', hint: 'PutRecord, PutRecords:100, PutRecords:500', example: 'PutRecord, PutRecords:500' },
  { kind: 'retries', label: 'Producer retries', hint: 'max retries, e.g. 0, 3, 10', example: '0, 3, 10' },
  { kind: 'consumer-count', label: 'Consumer count', hint: 'consumers on the stream, e.g. 1, 2, 4', example: '1, 2, 4' },
  { kind: 'consumer-type', label: 'Consumer type', hint: 'kcl, efo, lambda', example: 'kcl, efo' },
];

export type KeyPreset = 'current' | 'uuid' | 'pool' | 'zipf' | 'hot';

const KEY_PRESETS: Record<Exclude<KeyPreset, 'current'>, KeyStrategy> = {
  uuid: { kind: 'uuid' },
  pool: { kind: 'pool', keys: 10_000, distribution: 'uniform', prefix: 'key-' },
  zipf: { kind: 'pool', keys: 10_000, distribution: 'zipf', zipfExponent: 1.1, prefix: 'key-' },
  hot: { kind: 'hotKey', hotKey: 'key-0', hotPercent: 30, otherKeys: 10_000, prefix: 'key-' },
};

/** A refused value: the English sentence, and the key of the `planner` namespace (whatif.errors.*) the page translates. */
export type AxisParse =
  | { readonly ok: true; readonly changes: readonly VariantChange[] }
  | { readonly ok: false; readonly error: string; readonly errorKey: AxisErrorKey; readonly item?: string };

export type AxisErrorKey = 'empty' | 'shards' | 'mode' | 'keys' | 'batching' | 'retries' | 'consumerCount' | 'consumerType';

const refuse = (errorKey: AxisErrorKey, error: string, item?: string): AxisParse => ({ ok: false, error, errorKey, ...(item !== undefined ? { item } : {}) });

/** Parses a comma-separated list of values for one axis. */
export function parseAxis(kind: AxisKind, text: string): AxisParse {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return refuse('empty', 'give at least one value');
  const changes: VariantChange[] = [];
  for (const item of items) {
    const v = item.toLowerCase();
    const int = Number(v);
    switch (kind) {
      case 'shards':
        if (!Number.isInteger(int) || int < 1 || int > 1024) return refuse('shards', `"${item}" is not a shard count from 1 to 1024`, item);
        changes.push({ kind, shards: int });
        break;
      case 'mode':
        if (/^prov/.test(v)) changes.push({ kind, mode: 'PROVISIONED' });
        else if (/^on[-_ ]?demand/.test(v)) changes.push({ kind, mode: 'ON_DEMAND' });
        else return refuse('mode', `"${item}" is not provisioned or on-demand`, item);
        break;
      case 'keys':
        if (v === 'current' || v in KEY_PRESETS) changes.push({ kind, preset: v as KeyPreset });
        else return refuse('keys', `"${item}" is not one of current, uuid, pool, zipf, hot`, item);
        break;
      case 'batching': {
        if (v === 'putrecord') {
          changes.push({ kind, api: 'PutRecord' });
          break;
        }
        const m = /^putrecords(?::(\d+))?$/.exec(v);
        const n = m?.[1] === undefined ? undefined : Number(m[1]);
        if (!m || (n !== undefined && (n < 1 || n > 500))) return refuse('batching', `"${item}" is not PutRecord or PutRecords:<1–500>`, item);
        changes.push({ kind, api: 'PutRecords', ...(n !== undefined ? { maxRecords: n } : {}) });
        break;
      }
      case 'retries':
        if (!Number.isInteger(int) || int < 0 || int > 100) return refuse('retries', `"${item}" is not a retry count from 0 to 100`, item);
        changes.push({ kind, maxRetries: int });
        break;
      case 'consumer-count':
        if (!Number.isInteger(int) || int < 0 || int > 20) return refuse('consumerCount', `"${item}" is not a consumer count from 0 to 20`, item);
        changes.push({ kind, count: int });
        break;
      case 'consumer-type':
        if (v !== 'kcl' && v !== 'efo' && v !== 'lambda') return refuse('consumerType', `"${item}" is not kcl, efo or lambda`, item);
        changes.push({ kind, type: v });
        break;
    }
  }
  return { ok: true, changes };
}

export function describeChange(c: VariantChange): string {
  switch (c.kind) {
    case 'shards':
      return `${c.shards} shard${c.shards === 1 ? '' : 's'}`;
    case 'mode':
      return c.mode === 'PROVISIONED' ? 'provisioned' : 'on-demand';
    case 'keys':
      return `keys: ${c.preset}`;
    case 'batching':
      return c.api === 'PutRecord' ? 'PutRecord' : `PutRecords${c.maxRecords ? ` ×${c.maxRecords}` : ''}`;
    case 'retries':
      return `${c.maxRetries} retries`;
    case 'consumer-count':
      return `${c.count} consumer${c.count === 1 ? '' : 's'}`;
    case 'consumer-type':
      return `${c.type} consumers`;
  }
}

/** Every combination of the axes' values, first axis slowest; at most `limit` variants. */
export function crossVariants(axes: readonly (readonly VariantChange[])[], limit = 12): VariantSpec[] {
  let combos: VariantChange[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((c) => axis.map((v) => [...c, v]));
  return combos.slice(0, limit).map((changes, i) => ({ id: `v${i + 1}`, label: changes.map(describeChange).join(', ') || 'base', changes }));
}

export function applyChange(doc: ScenarioDoc, stream: string, c: VariantChange): ScenarioDoc {
  switch (c.kind) {
    case 'shards':
      return withShardCount(doc, stream, c.shards);
    case 'mode':
      return withCapacityMode(doc, stream, c.mode);
    case 'keys':
      return c.preset === 'current' ? doc : withKeyStrategy(doc, stream, KEY_PRESETS[c.preset]);
    case 'batching':
      return withBatching(doc, stream, { api: c.api, maxRecords: c.maxRecords });
    case 'retries':
      return withRetries(doc, stream, { maxRetries: c.maxRetries });
    case 'consumer-count':
      return withConsumers(doc, stream, c.count);
    case 'consumer-type': {
      const n = (doc.consumers ?? []).filter((x) => x.stream === stream).length;
      return withConsumers(doc, stream, Math.max(1, n), c.type);
    }
  }
}

export function applyVariant(base: ScenarioDoc, stream: string, spec: VariantSpec): ScenarioDoc {
  const doc = spec.changes.reduce((d, c) => applyChange(d, stream, c), base);
  return { ...doc, name: `${base.name ?? 'scenario'} — ${spec.label}` };
}
