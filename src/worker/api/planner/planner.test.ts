import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../../engine/scenario/demo';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import iot from '../../../../examples/gallery/iot-fleet.json';
import { planScenario } from './plan-scenario';
import { quantile, runVariant } from './run-variant';
import { configuredCost } from './scenario-cost';
import { workloadFromScenario } from '../../../engine/capacity/from-scenario';

const IOT = iot as ScenarioDoc;

describe('planScenario', () => {
  it('plans the IoT example: records/s bind, 4 shards, provisioned recommended', () => {
    const r = planScenario({ doc: IOT, streamName: 'telemetry' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.plan.sizing.binding.constraint).toBe('write-records');
    expect(r.plan.recommendation.settings).toMatchObject({ streamMode: 'PROVISIONED', shardCount: r.plan.sizing.shards });
    expect(r.plan.sizing.shards).toBeGreaterThanOrEqual(4);
    expect(r.plan.costs['on-demand-standard'].totalMonthlyUsd).toBeGreaterThan(0);
    expect(r.scenarioExport.cloudformation).toContain('AWS::Kinesis::Stream');
    expect(r.scenarioExport.terraform).toContain('aws_kinesis_stream');
    expect(r.scenarioExport.cli).toContain('aws kinesis create-stream');
    expect(r.scenarioExport.cli).toContain('telemetry');
  });

  it('takes the maximum record size as an edit: 2 MiB records need it raised, and then get the burst-tank reasoning', () => {
    const big = { recordSize: { kind: 'fixed' as const, bytes: 2 * 1_048_576 }, averageRecordsPerSec: 1, peakRecordsPerSec: 1 };
    const refused = planScenario({ doc: IOT, streamName: 'telemetry', edits: big });
    expect(refused.ok ? [] : refused.errors.join(' ')).toMatch(/recordSize/);
    const r = planScenario({ doc: IOT, streamName: 'telemetry', edits: { ...big, maxRecordSizeKiB: 4096 } });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.workload.maxRecordSizeBytes).toBe(4096 * 1024);
    // 2 MiB of data plus the key is just over 2,048 KiB: the stream needs at least 2,049 KiB.
    expect(r.plan.findings.find((f) => f.code === 'large-records-setting')?.message).toMatch(/to at least 2049 KiB/);
    expect(r.plan.findings.find((f) => f.code === 'large-records')?.message).toMatch(/burst tank \(3 MiB at this maximum record size\)/);
  });

  it('applies edits, and price overrides change the cost and are marked', () => {
    const base = planScenario({ doc: IOT, streamName: 'telemetry' });
    const edited = planScenario({ doc: IOT, streamName: 'telemetry', edits: { averageRecordsPerSec: 10_000, peakRecordsPerSec: 10_000 }, priceOverrides: { shardHour: 0.03 }, overridesAsOf: '2026-11-22' });
    if (!base.ok || !edited.ok) throw new Error('plan failed');
    expect(edited.plan.sizing.shards).toBeGreaterThan(base.plan.sizing.shards);
    expect(edited.prices.rows.shardHour).toMatchObject({ value: 0.03, overridden: true });
    expect(edited.derived.traffic.recordsPerSecond.average).toBe(base.workload.traffic.recordsPerSecond.average);
  });

  it('reports invalid edits with the workload field path', () => {
    const r = planScenario({ doc: IOT, streamName: 'telemetry', edits: { retentionHours: 2 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/retentionHours/);
    expect(planScenario({ doc: IOT, streamName: 'nope' })).toMatchObject({ ok: false });
  });

  it('names the hot key in the hot-key example', () => {
    const doc = { ...DEMO_SCENARIO, producers: [{ ...DEMO_SCENARIO.producers[0], rate: { kind: 'constant' as const, recordsPerSec: 3000 }, keys: { kind: 'hotKey' as const, hotKey: 'user-42', hotPercent: 40, otherKeys: 5000, prefix: 'user-' } }] };
    const r = planScenario({ doc, streamName: 'clickstream' });
    if (!r.ok) throw new Error('plan failed');
    expect(r.plan.hotKeys.hottestKey.key).toBe('user-42');
    expect(r.plan.hotKeys.keysOverLimit.length).toBeGreaterThan(0);
  });
});

describe('runVariant', () => {
  it('is deterministic and reports what the table shows', () => {
    const input = { id: 'v1', label: '2 shards', doc: IOT, streamName: 'telemetry', durationMs: 30_000 };
    const progress: number[] = [];
    const a = runVariant(input, (f) => progress.push(f));
    const b = runVariant(input);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.error);
    expect(a.shardCount).toBe(2);
    expect(a.throttledPercent).toBeGreaterThan(5);
    expect(a.peakShardUtilisation).toBeGreaterThan(0.9);
    expect(a.p99PutLatencyMs).toBeGreaterThan(0);
    expect(a.series.length).toBe(30);
    expect(progress.at(-1)).toBe(1);
    expect(a.comparison.rows.map((r) => r.metric)).toContain('write-throttled');
    expect(a.costMonthlyUsd).toBeCloseTo(configuredCost(workloadFromScenario(IOT, 'telemetry').workload, 'PROVISIONED', 2).totalMonthlyUsd, 6);
  });

  it('more shards stop the throttling', () => {
    const doc = { ...IOT, streams: [{ ...IOT.streams[0], shards: 8 }] };
    const r = runVariant({ id: 'v2', label: '8', doc, streamName: 'telemetry', durationMs: 20_000 });
    if (!r.ok) throw new Error(r.error);
    expect(r.throttledPercent).toBeLessThan(0.5);
    expect(r.droppedRecords).toBe(0);
  });

  it('returns an error result for a bad document instead of throwing', () => {
    const r = runVariant({ id: 'x', label: 'x', doc: { ...IOT, streams: [] }, streamName: 'telemetry', durationMs: 1000 });
    expect(r.ok).toBe(false);
  });

  it('quantile picks the nearest-rank value', () => {
    expect(quantile([], 0.99)).toBe(0);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBe(99);
  });
});
