/**
 * A captured workload as a sandbox scenario, so what-ifs can simulate the live stream's traffic:
 * one stream shaped like the live one (mode, open shards, retention) and one producer that replays
 * the captured records-per-second series (rate profile "replay", looped), with the record sizes and
 * the key skew of the capture. The engine's producers cannot list arbitrary keys, so keys become
 * a hot-key strategy (the real hot key by name, so it lands on the same shard of an evenly split
 * stream, plus as many cold keys as were seen) or a uniform pool — said in the description.
 */
import type { Workload } from '../engine/capacity/workload';
import type { ScenarioDoc, ScenarioProducer } from '../engine/scenario/schema';

export interface CaptureScenarioInput {
  readonly streamName: string;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly openShards: number;
  readonly retentionHours?: number;
  readonly workload: Workload;
  readonly perSecond: readonly number[];
}

const HOT_FACTOR = 5;
const SIGMA_MAX = 3;

function sizeOf(w: Workload): NonNullable<ScenarioProducer['size']> {
  const d = w.traffic.recordSize;
  switch (d.kind) {
    case 'fixed':
      return { kind: 'fixed', bytes: d.bytes };
    case 'uniform':
      return { kind: 'uniform', minBytes: d.minBytes, maxBytes: d.maxBytes };
    case 'lognormal':
      return { kind: 'logNormal', medianBytes: d.medianBytes, sigma: d.sigma };
    case 'histogram': {
      // Log-normal fitted by the moments of ln(size) over the buckets, clamped to the sizes seen.
      const total = d.buckets.reduce((n, b) => n + b.weight, 0);
      const mu = d.buckets.reduce((n, b) => n + b.weight * Math.log(b.bytes), 0) / total;
      const variance = d.buckets.reduce((n, b) => n + b.weight * (Math.log(b.bytes) - mu) ** 2, 0) / total;
      const sizes = d.buckets.map((b) => b.bytes);
      return { kind: 'logNormal', medianBytes: Math.max(1, Math.round(Math.exp(mu))), sigma: Math.min(SIGMA_MAX, Math.sqrt(variance)), minBytes: Math.min(...sizes), maxBytes: Math.max(...sizes) };
    }
  }
}

function keysOf(w: Workload): { keys: NonNullable<ScenarioProducer['keys']>; note: string } {
  const k = w.traffic.keys;
  let top: { key: string; share: number } | undefined;
  let count: number;
  switch (k.kind) {
    case 'explicit': {
      const entries = Object.entries(k.weights);
      const total = entries.reduce((n, [, v]) => n + v, 0);
      const [key, weight] = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
      count = entries.length;
      top = { key, share: weight / total };
      break;
    }
    case 'hot-key':
      count = k.otherKeys + 1;
      top = { key: k.hotKey, share: k.share };
      break;
    case 'zipf':
    case 'uniform':
      count = k.count;
      break;
  }
  if (top && count > 1 && top.share * count >= HOT_FACTOR) {
    const hotPercent = Math.round(top.share * 1000) / 10;
    return { keys: { kind: 'hotKey', hotKey: top.key, hotPercent, otherKeys: count - 1, prefix: 'key-' }, note: `hot key '${top.key}' at ${hotPercent}% and ${count - 1} other keys` };
  }
  return { keys: { kind: 'pool', keys: Math.max(1, count), distribution: 'uniform', prefix: 'key-' }, note: `${count} keys of similar weight` };
}

export function scenarioFromCapture(c: CaptureScenarioInput): ScenarioDoc {
  const { keys, note } = keysOf(c.workload);
  const series = c.perSecond.length > 0 && c.perSecond.some((v) => v > 0) ? [...c.perSecond] : [c.workload.traffic.recordsPerSecond.average];
  return {
    version: 1,
    name: `captured ${c.streamName}`.slice(0, 100),
    description: `${c.workload.description ?? ''} Replayed by one producer (${note}; cold keys are renamed key-N).`.trim(),
    seed: `capture-${c.streamName}`,
    durationSec: 300,
    streams: [{
      name: c.streamName,
      mode: c.mode,
      ...(c.mode === 'PROVISIONED' ? { shards: Math.max(1, c.openShards) } : {}),
      retentionHours: c.retentionHours ?? 24,
    }],
    producers: [{
      name: 'captured-traffic',
      stream: c.streamName,
      rate: { kind: 'replay', recordsPerSec: series, loop: true },
      size: sizeOf(c.workload),
      keys,
      api: 'PutRecords',
    }],
    consumers: [],
  };
}
