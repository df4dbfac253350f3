/**
 * The Kinesis Video Streams cost of examples/workloads/video-cameras.json, worked by hand, plus the
 * video workload's validation and the `npm run plan` path for it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cents } from './cost-line';
import { planVideoCost } from './cost-video';
import { DEFAULT_PRICE_TABLE as P, withPriceOverrides } from './price-table';
import { isVideoWorkload, parseVideoWorkload, type VideoWorkload } from './video-workload';

const root = join(import.meta.dirname, '../../..');
const examplePath = join(root, 'examples/workloads/video-cameras.json');
const exampleJson: unknown = JSON.parse(readFileSync(examplePath, 'utf8'));

function parsed(json: unknown): VideoWorkload {
  const p = parseVideoWorkload(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.workload;
}

const byId = (lines: readonly { id: string; monthlyUsd: number }[], id: string) => lines.find((l) => l.id === id)?.monthlyUsd ?? NaN;

describe('video-cameras.json: 20 cameras × 2 Mbit/s, 7-day retention', () => {
  const plan = planVideoCost(parsed(exampleJson), P);
  // One camera: 2,000 kbit/s = 2,000,000 / 8 = 250,000 B/s. GB = 2^30 = 1,073,741,824 B. 730 h = 2,628,000 s.

  it('bills every dimension by hand', () => {
    // Ingested: 20 × 250,000 B/s × 2,628,000 s = 13,140,000,000,000 B = 12,237.5786… GB
    //   × $0.0085 = $104.0194…                                                       → $104.02
    expect(cents(byId(plan.lines, 'video.ingested'))).toBe(104.02);
    // Stored: 7-day window = 20 × 250,000 × 168 × 3,600 = 3,024,000,000,000 B = 2,816.3195… GB held all month
    //   × $0.023 per GB-month = $64.7753…                                             → $64.78
    expect(cents(byId(plan.lines, 'video.stored'))).toBe(64.78);
    // GetMedia: 730 h × 3,600 × 250,000 = 657,000,000,000 B = 611.8789… GB × $0.0085 = $5.2010… → $5.20
    expect(cents(byId(plan.lines, 'video.getMedia'))).toBe(5.2);
    // HLS: 200 h × 3,600 × 250,000 = 180,000,000,000 B = 167.6381… GB × $0.0119 = $1.9949… → $1.99
    expect(cents(byId(plan.lines, 'video.hls'))).toBe(1.99);
    // DASH: 50 h → 41.9095… GB × $0.0119 = $0.4987… → $0.50
    expect(cents(byId(plan.lines, 'video.dash'))).toBe(0.5);
    // GetImages: 100,000 / 1,000 × $0.0017 = $0.17
    expect(cents(byId(plan.lines, 'video.images'))).toBe(0.17);
    // Total: 104.0194 + 64.7753 + 5.2010 + 1.9949 + 0.4987 + 0.17 = 176.6593… → $176.66
    expect(cents(plan.totalMonthlyUsd)).toBe(176.66);
  });

  it('names every price the captured pricing page did not show', () => {
    const assumed = plan.assumptions.filter((a) => a.startsWith('Price '));
    expect(assumed.map((a) => a.split(' ')[1])).toEqual(['kvsStoredGBMonth', 'kvsConsumedGB', 'kvsDashGB', 'kvsImagesPer1000']);
    // An overridden price is the user's own figure, so it is no longer an assumption.
    const own = planVideoCost(parsed(exampleJson), withPriceOverrides(P, { kvsStoredGBMonth: 0.01 }, '2026-12-04'));
    expect(own.assumptions.some((a) => a.includes('kvsStoredGBMonth'))).toBe(false);
    // 2,816.3195 GB-month × $0.01 = $28.16
    expect(cents(byId(own.lines, 'video.stored'))).toBe(28.16);
  });
});

describe('video cost invariants', () => {
  it('doubles when the fleet doubles, and retention 0 stores nothing', () => {
    const arb = fc.record({
      cameras: fc.integer({ min: 1, max: 5000 }),
      bitrateKbps: fc.double({ min: 1, max: 100_000, noNaN: true }),
      retentionHours: fc.integer({ min: 0, max: 87_600 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const base = (cameras: number): VideoWorkload => ({
          name: 'p',
          cameras,
          bitrateKbps: a.bitrateKbps,
          recordingHoursPerDay: 24,
          retentionHours: a.retentionHours,
          consumption: { getMediaHours: 0, hlsHours: 0, dashHours: 0, getImages: 0 },
          hoursPerMonth: 730,
        });
        const one = planVideoCost(base(a.cameras), P).totalMonthlyUsd;
        const two = planVideoCost(base(a.cameras * 2), P).totalMonthlyUsd;
        expect(two).toBeCloseTo(2 * one, 6);
        if (a.retentionHours === 0) expect(byId(planVideoCost(base(a.cameras), P).lines, 'video.stored')).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});

describe('video workload validation', () => {
  it('tells a video workload from a data-stream one', () => {
    expect(isVideoWorkload(exampleJson)).toBe(true);
    expect(isVideoWorkload({ name: 'x', traffic: {} })).toBe(false);
  });

  it('names each bad field and its limit', () => {
    const p = parseVideoWorkload({ name: 'x', video: { cameras: 0, bitrateKbps: 200_000, retentionHours: 90_000, consumption: { hlsHours: -1, views: 3 } } });
    expect(p.ok).toBe(false);
    const text = p.ok ? '' : p.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toMatch(/video\.cameras: must be .*≥ 1/);
    expect(text).toMatch(/video\.bitrateKbps: must be .*100000, got 200000/);
    expect(text).toMatch(/video\.retentionHours: must be .*87600, got 90000/);
    expect(text).toMatch(/video\.consumption\.hlsHours: must be .*≥ 0, got -1/);
    expect(text).toMatch(/video\.consumption\.views: is not a known field/);
  });
});

describe('npm run plan with a video workload', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

  it('prints the itemised video cost, as text and as JSON, and honours --price', () => {
    const text = run(examplePath);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Total: \$176\.66 per month/);
    expect(text.stdout).toMatch(/Assumptions:/);
    const json = JSON.parse(run(examplePath, '--json', '--price', 'kvsIngestGB=0.01').stdout);
    expect(json.kind).toBe('video');
    // 12,237.5786 GB × $0.01 = $122.38
    expect(cents(json.lines[0].monthlyUsd)).toBe(122.38);
    expect(run(examplePath, '--export', 'terraform').status).toBe(2);
  });
});
