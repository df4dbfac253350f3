import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { DEMO_SCENARIO } from './demo';
import { loadScenario, ScenarioError } from './load';
import { runScenario } from './report';
import type { ScenarioDoc } from './schema';
import { buildSnapshot } from './snapshot';
import { validateScenario } from './validate';

const base = (over: Partial<ScenarioDoc> = {}): ScenarioDoc => ({
  version: 1,
  seed: 7,
  streams: [{ name: 's', shards: 4 }],
  producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 1000 } }],
  ...over,
});

describe('scenario validation', () => {
  it('names the bad field path', () => {
    const bad = { ...base(), producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: -1 } }] };
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('producers[0].rate.recordsPerSec must be ≥ 0');
    const r2 = validateScenario({ version: 2, seed: 1, streams: [{ name: 'bad name!', shards: 0 }], producers: [{ name: 'p', stream: 'nope', rate: { kind: 'zig' } }], consumers: [{ type: 'kcl', name: 'p', stream: 's' }], firehose: {} });
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.errors).toEqual(expect.arrayContaining([
        'version must be 1',
        'streams[0].name must be 1–128 characters of a-z, A-Z, 0-9, _ . -',
        'streams[0].shards must be ≥ 1',
        'producers[0].stream names no stream of this scenario ("nope")',
        'producers[0].rate.kind must be one of "constant", "ramp", "step", "sine", "bursts", "replay"',
        'consumers[0].name repeats the name "p" (producer and consumer names must be unique)',
        'firehose must be an array',
      ]));
    }
    expect(() => loadScenario(new Simulation({ seed: 1 }), bad)).toThrow(ScenarioError);
    const badTemplate = validateScenario({ ...base(), producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 1 }, template: '{{internet.nothing}}' }] });
    expect(badTemplate.ok).toBe(false);
    if (!badTemplate.ok) expect(badTemplate.errors[0]).toMatch(/^producers\[0\]\.template \{\{internet\.nothing\}\} is not a known placeholder/);
    expect(validateScenario(DEMO_SCENARIO).ok).toBe(true);
  });
});

describe('capacity behaviour (published limits)', () => {
  it('a hot key throttles at 1,000 records/s whatever the shard count', () => {
    for (const shards of [2, 16]) {
      const doc = base({ streams: [{ name: 's', shards }], producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 2500 }, keys: { kind: 'pool', keys: 1 }, retry: { maxRetries: 0 } }] });
      const { report } = runScenario(doc, 30_000);
      const s = report.streams[0];
      // Writes fall in seconds 0…30 (the tick at exactly 30 s opens second 30): ≤ 1,000 per second.
      expect(s.recordsAccepted).toBeGreaterThan(29_500);
      expect(s.recordsAccepted).toBeLessThanOrEqual(31_000);
      expect(s.peakShardUtilisation).toBeLessThanOrEqual(1);
      expect(s.recordsThrottled).toBeGreaterThan(40_000);
      expect(s.hottestKeys[0].key).toBe('key-0');
      expect(s.peakShardUtilisation).toBeCloseTo(1, 2);
    }
  });

  it('polling consumers see ReadProvisionedThroughputExceeded once their calls exceed 5/s per shard', () => {
    const consumers = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'kcl' as const, name: `app-${i}`, stream: 's', pollIntervalMs: 1000 }));
    const quiet = runScenario(base({ streams: [{ name: 's', shards: 2 }], consumers: consumers(5) }), 20_000).report;
    expect(quiet.consumers.every((c) => c.readThrottled === 0)).toBe(true);
    const busy = runScenario(base({ streams: [{ name: 's', shards: 2 }], consumers: consumers(7) }), 20_000).report;
    const throttled = busy.consumers.reduce((s, c) => s + c.readThrottled, 0);
    // 7 apps × 2 shards × 1 call/s against 5 calls/s per shard: 2 refused calls per shard per second.
    expect(throttled).toBeGreaterThan(2 * 2 * 15);
  });

  it('keeps per-shard accounting exact in aggregate mode and says so', () => {
    const doc = base({ settings: { aggregateThresholdRecordsPerSec: 10_000 }, streams: [{ name: 's', shards: 8 }], producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 20_000 }, keys: { kind: 'pool', keys: 1000, distribution: 'zipf', zipfExponent: 1.1 } }], consumers: [{ type: 'kcl', name: 'c', stream: 's', initialPosition: 'TRIM_HORIZON' }] });
    const { run, report } = runScenario(doc, 60_000);
    expect(report.aggregateMode).toBe(true);
    expect(report.modeReason).toMatch(/aggregate mode/);
    const p = report.producers[0];
    expect(p.attempted).toBe(p.accepted + p.throttled);
    // No shard ever admits more than 1,000 records in one second.
    expect(report.streams[0].peakShardUtilisation).toBeLessThanOrEqual(1.0001);
    const stream = run.service.stream('s')!;
    const incoming = stream.shards.reduce((s, sh) => s + sh.counters.incomingRecords, 0);
    expect(incoming).toBe(p.accepted);
    expect(report.consumers[0].recordsProcessed).toBeGreaterThan(incoming * 0.9);
    // Saturated shards split their 1,000 records/s among their keys, so key-0 is hot but need not top the list.
    expect(report.streams[0].hottestKeys.map((k) => k.key)).toContain('key-0');
  });
});

describe('determinism and snapshots', () => {
  it('the same scenario and seed reproduce the same metrics exactly', () => {
    const a = runScenario(DEMO_SCENARIO, 45_000);
    const b = runScenario(DEMO_SCENARIO, 45_000);
    expect(a.report).toEqual(b.report);
    const keys = a.run.metrics.keys();
    expect(keys.length).toBeGreaterThan(20);
    const wa = a.run.metrics.window(keys, a.run.sim.startMs, a.run.sim.nowMs);
    const wb = b.run.metrics.window(keys, b.run.sim.startMs, b.run.sim.nowMs);
    for (const k of keys) expect(Array.from(wa.series[k])).toEqual(Array.from(wb.series[k]));
    const c = runScenario({ ...DEMO_SCENARIO, seed: 'other' }, 45_000);
    expect(c.report).not.toEqual(a.report);
  });

  it('the demo is interesting within the first minute: throttles, a crash re-delivery, lag', () => {
    const { report } = runScenario(DEMO_SCENARIO, 60_000);
    expect(report.streams[0].recordsThrottled).toBeGreaterThan(0);
    const kcl = report.consumers.find((c) => c.type === 'kcl')!;
    expect(kcl.recordsRedelivered).toBeGreaterThan(0);
    expect(report.consumers.find((c) => c.type === 'lambda')!.maxIteratorAgeMs).toBeGreaterThan(1000);
  });

  it('aggregate mode is deterministic too', () => {
    const doc = base({ settings: { mode: 'aggregate' }, streams: [{ name: 's', shards: 16 }], producers: [{ name: 'p', stream: 's', rate: { kind: 'sine', meanRecordsPerSec: 15_000, amplitudeRecordsPerSec: 5000, periodSec: 60 }, keys: { kind: 'pool', keys: 500, distribution: 'zipf', zipfExponent: 1.1 } }], consumers: [{ type: 'lambda', name: 'f', stream: 's', parallelizationFactor: 4, errorRate: 0.1, maxRetries: 1 }] });
    const a = runScenario(doc, 90_000);
    const b = runScenario(doc, 90_000);
    expect(a.report).toEqual(b.report);
    expect(a.report.producers[0].throttled).toBeGreaterThan(0);
  });

  it('builds a JSON-able snapshot with per-shard utilisation and top keys', () => {
    const sim = new Simulation({ seed: 3 });
    loadScenario(sim, DEMO_SCENARIO);
    sim.advanceBy(10_000);
    const snap = buildSnapshot(sim)!;
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.aggregateMode).toBe(false);
    expect(snap.streams[0].shardUtilisation).toHaveLength(4);
    expect(snap.streams[0].topKeys[0].key).toBe('user-42');
    expect(snap.producers[0].total.accepted).toBeGreaterThan(0);
    expect(snap.consumers).toHaveLength(2);
  });
});

describe('put latency distribution', () => {
  it('reports p50 and p99 per producer and per stream, and a p99 metric series, deterministically', () => {
    const doc = base({ producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 2000 }, latency: { baseMs: 20, perRecordMs: 0.05, sigma: 0.6 } }] });
    const a = runScenario(doc, 20_000);
    const b = runScenario(doc, 20_000);
    expect(a.report).toEqual(b.report);
    const p = a.report.producers[0];
    const s = a.report.streams[0];
    // A log-normal jitter of σ 0.6 puts the p99 about e^(2.33·0.6) ≈ 4× above the median.
    expect(p.putLatencyP50Ms).toBeGreaterThan(15);
    expect(p.putLatencyP99Ms).toBeGreaterThan(2.5 * p.putLatencyP50Ms);
    expect(p.putLatencyP99Ms).toBeGreaterThan(p.putLatencyMsAvg);
    expect(s.putLatencyP99Ms).toBe(p.putLatencyP99Ms);
    const store = a.run.metrics;
    const avg = store.get('stream:s:PutRecords.Latency')!;
    const p99 = store.get('stream:s:PutRecords.Latency.p99')!;
    const second = avg.seconds.endSlot - 1;
    expect(avg.seconds.at(second)).toBeGreaterThan(15);
    expect(p99.seconds.at(second)).toBeGreaterThan(avg.seconds.at(second));
    const f = a.run.producers[0].figures();
    expect(f.putLatencyMsP99).toBeGreaterThan(f.putLatencyMsP50);
  });

  it('aggregate mode reports a latency distribution too', () => {
    const doc = base({ settings: { mode: 'aggregate' }, producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 3000 }, latency: { sigma: 0.5 } }] });
    const { report } = runScenario(doc, 10_000);
    const p = report.producers[0];
    expect(p.mode).toBe('aggregate');
    expect(p.putLatencyP99Ms).toBeGreaterThan(p.putLatencyP50Ms);
    expect(p.putLatencyP50Ms).toBeGreaterThan(0);
  });
});

describe('record conservation across retries, resharding and stop', () => {
  it('every generated record ends accepted, dropped or still waiting, in both modes', async () => {
    const { splitShard } = await import('../streams/reshard');
    for (const mode of ['record', 'aggregate'] as const) {
      const doc = base({
        settings: { mode },
        streams: [{ name: 's', shards: 2 }],
        producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 2600 }, keys: { kind: 'pool', keys: 3 }, retry: { maxRetries: 4, baseDelayMs: 1500, maxDelayMs: 6000, jitter: 'full', maxRecordAgeMs: 9000 } }],
      });
      const sim = new Simulation({ seed: 11 });
      const run = loadScenario(sim, doc);
      sim.advanceBy(6_300);
      const stream = run.service.stream('s')!;
      splitShard(run.service, stream, stream.openShards()[0].id, (stream.openShards()[0].range.start + stream.openShards()[0].range.end) / 2n);
      sim.advanceBy(6_000);
      const p = run.producers[0];
      const mid = p.figures();
      expect(mid.total.throttled).toBeGreaterThan(0);
      // Aggregate mode has no open batch, so mid-run too: first attempts = accepted + dropped + waiting.
      if (mode === 'aggregate') expect(mid.total.accepted + mid.total.dropped + mid.backlogRecords, mode).toBe(mid.total.attempted - mid.total.retried);
      p.stop();
      const end = p.figures();
      expect(end.backlogRecords, mode).toBe(0);
      expect(end.total.accepted + end.total.dropped, mode).toBe(end.total.attempted - end.total.retried);
    }
  });
});
