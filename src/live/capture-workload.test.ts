/**
 * Captured traffic → Planner workload, and endpoint parsing: explicit weights while every key fits,
 * a hot-key model when one key dominates too many keys to list, uniform otherwise; no records is a
 * reason, not a broken workload; Regions map to AWS's Kinesis endpoints.
 */
import { describe, expect, it } from 'vitest';
import { workloadFromCapture, EXPLICIT_KEYS_MAX } from './capture-workload';
import { resolveEndpoint } from './endpoint';
import { TrafficStats } from './traffic-stats';

function capture(stats: TrafficStats) {
  return workloadFromCapture({ streamName: 's', endpointLabel: 'local', seconds: 10, nowMs: 10_000, stats, openShards: 2, capturedOn: '2026-12-05' });
}

describe('workloadFromCapture', () => {
  it('says when nothing arrived', () => {
    expect(capture(new TrafficStats(0))).toEqual({ ok: false, reason: 'no-records' });
  });

  it('models a dominant key among too many keys to list as hot-key, keeping its share', () => {
    const stats = new TrafficStats(0, 600, EXPLICIT_KEYS_MAX + 10);
    const recs = Array.from({ length: EXPLICIT_KEYS_MAX + 5 }, (_, i) => ({ partitionKey: `k${i}`, dataBytes: 200 + (i % 3) * 300 }));
    stats.add(5_000, 'shardId-000000000000', [...recs, ...Array.from({ length: EXPLICIT_KEYS_MAX }, () => ({ partitionKey: 'hot', dataBytes: 200 }))]);
    const r = capture(stats);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workload.traffic.keys).toMatchObject({ kind: 'hot-key', hotKey: 'hot' });
    expect((r.workload.traffic.keys as { share: number }).share).toBeCloseTo(EXPLICIT_KEYS_MAX / (2 * EXPLICIT_KEYS_MAX + 5), 3);
    expect(r.workload.traffic.recordSize.kind).toBe('histogram');
    expect(r.workload.currentShards).toBe(2);
  });

  it('models evenly spread keys beyond the list limit as uniform', () => {
    const stats = new TrafficStats(0);
    stats.add(5_000, 'shardId-000000000000', Array.from({ length: 3 * EXPLICIT_KEYS_MAX }, (_, i) => ({ partitionKey: `k${i}`, dataBytes: 100 })));
    const r = capture(stats);
    expect(r.ok && r.workload.traffic.keys).toMatchObject({ kind: 'uniform', count: 3 * EXPLICIT_KEYS_MAX });
  });
});

describe('resolveEndpoint', () => {
  it('maps a Region to its Kinesis endpoint and keeps URLs with the signing Region', () => {
    expect(resolveEndpoint('eu-west-3')).toMatchObject({ ok: true, endpoint: { url: 'https://kinesis.eu-west-3.amazonaws.com', region: 'eu-west-3', isAws: true } });
    expect(resolveEndpoint('cn-north-1')).toMatchObject({ ok: true, endpoint: { url: 'https://kinesis.cn-north-1.amazonaws.com.cn' } });
    expect(resolveEndpoint('http://127.0.0.1:4567/', 'ap-northeast-2')).toMatchObject({ ok: true, endpoint: { url: 'http://127.0.0.1:4567', region: 'ap-northeast-2', label: '127.0.0.1:4567', isAws: false } });
    expect(resolveEndpoint('https://kinesis.us-west-2.amazonaws.com')).toMatchObject({ ok: true, endpoint: { region: 'us-west-2', isAws: true } });
  });

  it('names the problem with bad input', () => {
    expect(resolveEndpoint(' ')).toEqual({ ok: false, problem: 'empty' });
    expect(resolveEndpoint('kinesis please')).toEqual({ ok: false, problem: 'not-url-or-region' });
    expect(resolveEndpoint('ftp://x')).toEqual({ ok: false, problem: 'bad-scheme' });
  });
});

describe('scenarioFromCapture', () => {
  it('replays a capture as a valid scenario whose hot key keeps its name and share', async () => {
    const { scenarioFromCapture } = await import('./capture-scenario');
    const { validateScenario } = await import('../engine/scenario/validate');
    const { runScenario } = await import('../engine/scenario/report');
    const { workloadFromScenario } = await import('../engine/capacity/from-scenario');
    const stats = new TrafficStats(0);
    for (let s = 0; s < 10; s++) {
      const recs = [
        ...Array.from({ length: 30 }, () => ({ partitionKey: 'device-hot', dataBytes: 200 })),
        ...Array.from({ length: 10 }, (_, i) => ({ partitionKey: `device-${(s * 10 + i) % 50}`, dataBytes: 150 + i * 40 })),
      ];
      stats.add(s * 1000 + 500, 'shardId-000000000001', recs);
    }
    const r = workloadFromCapture({ streamName: 'clicks', endpointLabel: 'local', seconds: 10, nowMs: 10_000, stats, openShards: 4, capturedOn: '2026-12-05' });
    if (!r.ok) throw new Error('capture');
    expect(r.perSecond).toEqual(Array(10).fill(40));
    const doc = scenarioFromCapture({ streamName: 'clicks', mode: 'PROVISIONED', openShards: 4, workload: r.workload, perSecond: r.perSecond });
    expect(validateScenario(doc).ok).toBe(true);
    expect(doc.producers[0].keys).toEqual({ kind: 'hotKey', hotKey: 'device-hot', hotPercent: 75, otherKeys: 50, prefix: 'key-' });
    expect(doc.producers[0].size).toMatchObject({ kind: 'logNormal' });
    // The planner reads the same rate back from the scenario, and the world runs it.
    expect(workloadFromScenario(doc, 'clicks').workload.traffic.recordsPerSecond.average).toBeCloseTo(40, 0);
    const { report } = runScenario(doc, 20_000);
    const clicks = report.streams.find((x) => x.name === 'clicks')!;
    expect(clicks.recordsAccepted).toBeGreaterThan(700);
    expect(clicks.recordsAccepted).toBeLessThanOrEqual(800);
    expect(clicks.hottestKeys[0].key).toBe('device-hot');
    expect(clicks.hottestKeys[0].records / clicks.recordsAccepted).toBeCloseTo(0.75, 1);
  });
});
