/**
 * Pure edits of a scenario document, used by the store's actions, by what-if variants and by
 * "apply recommendation": each returns a new document and leaves the input untouched.
 */
import type { KeyStrategy } from '../../engine/producers/key-strategy';
import type { ScenarioConsumer, ScenarioDoc, ScenarioProducer, ScenarioStream } from '../../engine/scenario/schema';

export type ConsumerType = ScenarioConsumer['type'];

function mapStream(doc: ScenarioDoc, streamName: string, f: (s: ScenarioStream) => ScenarioStream): ScenarioDoc {
  return { ...doc, streams: doc.streams.map((s) => (s.name === streamName ? f(s) : s)) };
}

function mapProducers(doc: ScenarioDoc, streamName: string, f: (p: ScenarioProducer) => ScenarioProducer): ScenarioDoc {
  return { ...doc, producers: doc.producers.map((p) => (p.stream === streamName ? f(p) : p)) };
}

/** Provisioned with `shards` open shards. */
export function withShardCount(doc: ScenarioDoc, streamName: string, shards: number): ScenarioDoc {
  return mapStream(doc, streamName, (s) => ({ ...s, mode: 'PROVISIONED', shards: Math.max(1, Math.round(shards)) }));
}

export function withCapacityMode(doc: ScenarioDoc, streamName: string, mode: 'PROVISIONED' | 'ON_DEMAND'): ScenarioDoc {
  return mapStream(doc, streamName, (s) => ({ ...s, mode, ...(mode === 'PROVISIONED' ? { shards: s.shards ?? 1 } : {}) }));
}

export function withRetentionHours(doc: ScenarioDoc, streamName: string, retentionHours: number): ScenarioDoc {
  return mapStream(doc, streamName, (s) => ({ ...s, retentionHours }));
}

export function withKeyStrategy(doc: ScenarioDoc, streamName: string, keys: KeyStrategy): ScenarioDoc {
  return mapProducers(doc, streamName, (p) => ({ ...p, keys }));
}

export function withBatching(doc: ScenarioDoc, streamName: string, batching: { readonly api: 'PutRecord' | 'PutRecords'; readonly maxRecords?: number; readonly lingerMs?: number }): ScenarioDoc {
  return mapProducers(doc, streamName, (p) => {
    const { batch: _drop, ...rest } = p;
    return batching.api === 'PutRecord'
      ? { ...rest, api: 'PutRecord' }
      : { ...rest, api: 'PutRecords', batch: { ...p.batch, ...(batching.maxRecords !== undefined ? { maxRecords: batching.maxRecords } : {}), ...(batching.lingerMs !== undefined ? { lingerMs: batching.lingerMs } : {}) } };
  });
}

export function withRetries(doc: ScenarioDoc, streamName: string, retry: { readonly maxRetries: number; readonly baseDelayMs?: number }): ScenarioDoc {
  return mapProducers(doc, streamName, (p) => ({ ...p, retry: { ...p.retry, maxRetries: retry.maxRetries, ...(retry.baseDelayMs !== undefined ? { baseDelayMs: retry.baseDelayMs } : {}) } }));
}

/** Default settings of a freshly made consumer of each type (engine defaults fill the rest). */
function consumerOfType(type: ConsumerType, name: string, stream: string, like?: ScenarioConsumer): ScenarioConsumer {
  const initialPosition = like?.initialPosition ?? 'TRIM_HORIZON';
  if (like && like.type === type) return { ...like, name, stream };
  const processing = like && like.type !== 'lambda' ? like.processing : undefined;
  switch (type) {
    case 'kcl':
      return { type, name, stream, initialPosition, ...(processing ? { processing } : {}) };
    case 'efo':
      return { type, name, stream, initialPosition, ...(processing ? { processing } : {}) };
    case 'lambda':
      return { type, name, stream, initialPosition, batchSize: 100, parallelizationFactor: 1 };
  }
}

/**
 * `count` consumers of `type` on the stream, modelled on its first consumer (copies are named
 * `<name>-2`, `<name>-3`…); consumers of other streams are kept.
 */
export function withConsumers(doc: ScenarioDoc, streamName: string, count: number, type?: ConsumerType): ScenarioDoc {
  const all = doc.consumers ?? [];
  const mine = all.filter((c) => c.stream === streamName);
  const others = all.filter((c) => c.stream !== streamName);
  const model = mine[0];
  const t = type ?? model?.type ?? 'kcl';
  const baseName = model?.name ?? `${streamName}-consumer`;
  const made: ScenarioConsumer[] = [];
  for (let i = 0; i < Math.max(0, Math.round(count)); i++) {
    const existing = mine[i];
    const name = existing?.name ?? (i === 0 ? baseName : `${baseName}-${i + 1}`);
    made.push(consumerOfType(t, name, streamName, existing ?? model));
  }
  return { ...doc, consumers: [...others, ...made] };
}

/** The stream the planner looks at by default: the one the most producers write to, else the first. */
export function mainStreamOf(doc: ScenarioDoc): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const s of doc.streams) {
    const n = doc.producers.filter((p) => p.stream === s.name).length;
    if (n > bestCount) [best, bestCount] = [s.name, n];
  }
  return best;
}
