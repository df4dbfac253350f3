import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../scenario/demo';
import { infraFromScenario, keysFromScenario, rateFigures, sizeFromScenario, workloadFromScenario } from './from-scenario';
import { planCapacity } from './plan';
import { validateInfra } from './export/infra-model';
import { discretizeSizes, meanBytes } from './record-size';

describe('scenario → planner', () => {
  it('turns rate profiles into average, peak and surge', () => {
    expect(rateFigures({ kind: 'constant', recordsPerSec: 100 }, 60)).toEqual({ average: 100, peak: 100 });
    expect(rateFigures({ kind: 'bursts', baseRecordsPerSec: 2000, burstRecordsPerSec: 3600, everySec: 30, burstDurationSec: 6 }, 300)).toEqual({
      average: 2000 * 0.8 + 3600 * 0.2,
      peak: 2000,
      surge: { recordsPerSecond: 3600, seconds: 6 },
    });
    expect(rateFigures({ kind: 'ramp', fromRecordsPerSec: 0, toRecordsPerSec: 100, durationSec: 100 }, 200)).toEqual({ average: 75, peak: 100 });
    expect(rateFigures({ kind: 'step', steps: [{ atSec: 0, recordsPerSec: 10 }, { atSec: 50, recordsPerSec: 30 }] }, 100)).toEqual({ average: 20, peak: 30 });
    expect(rateFigures({ kind: 'sine', meanRecordsPerSec: 50, amplitudeRecordsPerSec: 20 }, 100)).toEqual({ average: 50, peak: 70 });
    expect(rateFigures({ kind: 'replay', recordsPerSec: [1, 2, 3, 6] }, 4)).toEqual({ average: 3, peak: 6 });
  });

  it('maps sizes and keys with the generator’s default names', () => {
    expect(meanBytes(discretizeSizes(sizeFromScenario({ kind: 'normal', meanBytes: 500, stdDevBytes: 50 })))).toBeCloseTo(500, 0);
    expect(sizeFromScenario({ kind: 'logNormal', medianBytes: 300, sigma: 0.5 })).toEqual({ kind: 'lognormal', medianBytes: 300, sigma: 0.5 });
    const notes: string[] = [];
    expect(keysFromScenario({ kind: 'hotKey', hotPercent: 15 }, notes).keys).toEqual({ kind: 'hot-key', hotKey: 'hot-key', share: 0.15, otherKeys: 1000, prefix: 'key-' });
    expect(keysFromScenario({ kind: 'pool', keys: 50, distribution: 'zipf' }, notes).keys).toEqual({ kind: 'zipf', count: 50, exponent: 1, prefix: 'key-' });
    expect(keysFromScenario({ kind: 'uuid' }, notes).keyBytes).toBe(36);
    keysFromScenario({ kind: 'timeBucket', bucketMs: 1000 }, notes);
    expect(notes.join(' ')).toMatch(/single hot key/);
  });

  it('plans the demo scenario and exports its streams', () => {
    const { workload } = workloadFromScenario(DEMO_SCENARIO, 'clickstream');
    expect(workload.currentShards).toBe(4);
    expect(workload.consumers.map((c) => c.kind)).toEqual(['polling', 'lambda']);
    const plan = planCapacity(workload);
    expect(plan.hotKeys.hottestKey.key).toBe('user-42');
    expect(plan.reshard?.from).toBe(4);
    const infra = infraFromScenario(DEMO_SCENARIO);
    expect(infra.streams[0]).toMatchObject({ name: 'clickstream', mode: 'PROVISIONED', shardCount: 4 });
    expect(validateInfra(infra)).toEqual([]);
  });
});
