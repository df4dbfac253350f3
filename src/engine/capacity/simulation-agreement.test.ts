/**
 * Spec §7 acceptance: static sizing agrees with the engine's simulation at steady state. Each case
 * runs a scenario for simulated minutes with retries off (so attempts are the offered load) and
 * checks the throttled fraction within ±2 points of the planner's prediction at the same shard count.
 * Leaves out bursts and consumer lag, which the static model does not cover.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/report';
import type { ScenarioDoc } from '../scenario/schema';
import { compareWithSimulation } from './compare';
import { planCapacity } from './plan';
import { simulatedOutcomeFromReport, workloadFromScenario } from './from-scenario';

function scenario(shards: number, keys: ScenarioDoc['producers'][number]['keys'], recordsPerSec: number, bytes: number): ScenarioDoc {
  return {
    version: 1,
    name: 'agreement',
    seed: `agreement-${shards}`,
    durationSec: 120,
    settings: { mode: 'record' },
    streams: [{ name: 's', mode: 'PROVISIONED', shards, retentionHours: 24 }],
    producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec }, size: { kind: 'fixed', bytes }, keys, api: 'PutRecords', retry: { maxRetries: 0 } }],
  };
}

/** The cases that must throttle (so that agreement is not two zeros). */
const expectThrottling = (label: string) => !label.startsWith('uniform');

describe('planner vs simulation at steady state (spec §7)', () => {
  it.each([
    // Example 3: W = 2 MiB/s with one key at 60%: the key alone exceeds 1 MiB/s at any shard count.
    ['hot key 60% on 4 shards', scenario(4, { kind: 'hotKey', hotKey: 'device-17', hotPercent: 60, otherKeys: 2000, prefix: 'device-' }, 2000, 1040)],
    ['hot key 60% on 16 shards', scenario(16, { kind: 'hotKey', hotKey: 'device-17', hotPercent: 60, otherKeys: 2000, prefix: 'device-' }, 2000, 1040)],
    // pk-0…pk-3 on 4 shards: three keys share shard 3.
    ['4 keys on 4 shards', scenario(4, { kind: 'pool', keys: 4, distribution: 'uniform', prefix: 'pk-' }, 1600, 1040)],
    ['uniform keys within limits', scenario(4, { kind: 'pool', keys: 10_000, distribution: 'uniform' }, 3000, 1000)],
  ])('%s', (label, doc) => {
    const { report } = runScenario(doc, 120_000);
    const outcome = simulatedOutcomeFromReport(report, 's')!;
    const { workload } = workloadFromScenario(doc, 's');
    const cmp = compareWithSimulation(workload, outcome);
    const row = cmp.rows.find((r) => r.metric === 'write-throttled')!;
    expect(Math.abs(row.simulated - (row.predicted ?? NaN)), `${cmp.summary} predicted ${row.predicted} simulated ${row.simulated}`).toBeLessThanOrEqual(2);
    expect(row.verdict).toBe('agree');
    expect(expectThrottling(label)).toBe((row.predicted ?? 0) > 5);
  });
});

describe('on-demand ramp vs simulation (example 9)', () => {
  // A new on-demand stream at ≈1 MiB/s jumps to ≈10 MiB/s: in the first minute after the jump, before
  // capacity catches up (minutes, spec §5.1), the throttled share matches the ramp check.
  it('throttles the excess over the initial 4 MiB/s / 4,000 records/s', () => {
    const doc: ScenarioDoc = {
      version: 1,
      name: 'ramp',
      seed: 'ramp',
      durationSec: 120,
      settings: { mode: 'record' },
      streams: [{ name: 's', mode: 'ON_DEMAND', retentionHours: 24 }],
      producers: [{ name: 'p', stream: 's', rate: { kind: 'step', steps: [{ atSec: 0, recordsPerSec: 1000 }, { atSec: 60, recordsPerSec: 10_000 }] }, size: { kind: 'fixed', bytes: 1024 }, keys: { kind: 'uuid' }, retry: { maxRetries: 0 } }],
    };
    const { report } = runScenario(doc, 120_000);
    const s = report.streams[0];
    const simulatedAfterJump = s.recordsThrottled / (s.recordsAttempted - 60 * 1000);
    const { workload } = workloadFromScenario(doc, 's');
    const plan = planCapacity({ ...workload, traffic: { ...workload.traffic, recordsPerSecond: { ...workload.traffic.recordsPerSecond, peak: 10_000, previousPeak: 1000 } } });
    expect(plan.onDemandRamp.standard.safe).toBe(false);
    expect(Math.abs(simulatedAfterJump - plan.onDemandRamp.standard.throttledFraction)).toBeLessThanOrEqual(0.02);
  });
});
