import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../random/prng';
import { fastUuid, makeKeyGenerator } from './key-strategy';
import { compileTemplate, formatDate, TemplateError } from './payload-template';
import { RateIntegrator, rateAt } from './rate-profile';
import { backoffDelayMs, decideRetry, DEFAULT_RETRY_POLICY } from './retry-policy';
import { makeSizeSampler } from './size-distribution';

describe('rate profiles', () => {
  it('evaluates each kind', () => {
    expect(rateAt({ kind: 'constant', recordsPerSec: 7 }, 100)).toBe(7);
    expect(rateAt({ kind: 'ramp', fromRecordsPerSec: 0, toRecordsPerSec: 100, durationSec: 10 }, 5)).toBe(50);
    expect(rateAt({ kind: 'ramp', fromRecordsPerSec: 0, toRecordsPerSec: 100, durationSec: 10 }, 50)).toBe(100);
    const step = { kind: 'step' as const, steps: [{ atSec: 10, recordsPerSec: 5 }, { atSec: 20, recordsPerSec: 9 }] };
    expect([rateAt(step, 0), rateAt(step, 10), rateAt(step, 25)]).toEqual([0, 5, 9]);
    expect(rateAt({ kind: 'sine', meanRecordsPerSec: 100, amplitudeRecordsPerSec: 50, periodSec: 40 }, 10)).toBeCloseTo(150);
    const bursts = { kind: 'bursts' as const, baseRecordsPerSec: 1, burstRecordsPerSec: 100, everySec: 60, burstDurationSec: 5 };
    expect([rateAt(bursts, 2), rateAt(bursts, 30), rateAt(bursts, 61)]).toEqual([100, 1, 100]);
    const replay = { kind: 'replay' as const, recordsPerSec: [3, 4, 5] };
    expect([rateAt(replay, 1.5), rateAt(replay, 7), rateAt({ ...replay, loop: true }, 7)]).toEqual([4, 0, 4]);
  });

  it('integrates fractional rates without drift', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (rate, tickMs) => {
      const integ = new RateIntegrator();
      let total = 0;
      const ticks = Math.ceil(60_000 / tickMs);
      for (let i = 0; i < ticks; i++) total += integ.take(rate, tickMs);
      expect(Math.abs(total - (rate * ticks * tickMs) / 1000)).toBeLessThanOrEqual(1);
    }));
  });
});

describe('sizes and keys', () => {
  it('clamps sizes into range and follows the mean', () => {
    const prng = new Prng('sizes');
    const s = makeSizeSampler({ kind: 'normal', meanBytes: 500, stdDevBytes: 100, minBytes: 300, maxBytes: 700 }, prng);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) { const v = s(); expect(v).toBeGreaterThanOrEqual(300); expect(v).toBeLessThanOrEqual(700); sum += v; }
    expect(sum / 10_000).toBeGreaterThan(480);
    expect(sum / 10_000).toBeLessThan(520);
    const ln = makeSizeSampler({ kind: 'logNormal', medianBytes: 1000, sigma: 1 }, prng);
    const vals = Array.from({ length: 5001 }, ln).sort((a, b) => a - b);
    expect(vals[2500]).toBeGreaterThan(900);
    expect(vals[2500]).toBeLessThan(1100);
  });

  it('makes valid v4 UUIDs', () => {
    const prng = new Prng(1);
    for (let i = 0; i < 200; i++) expect(fastUuid(prng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives a hot key its share and Zipf rank 0 the most', () => {
    const out = { index: -1, key: '', explicitHashKey: undefined as string | undefined };
    const hot = makeKeyGenerator({ kind: 'hotKey', hotKey: 'H', hotPercent: 30, otherKeys: 100 }, new Prng('hot'));
    let hits = 0;
    for (let i = 0; i < 20_000; i++) { hot.next(0, out); if (out.key === 'H') hits++; }
    expect(hits / 20_000).toBeGreaterThan(0.28);
    expect(hits / 20_000).toBeLessThan(0.32);
    const zipf = makeKeyGenerator({ kind: 'pool', keys: 100, distribution: 'zipf', zipfExponent: 1.1 }, new Prng('z'));
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) { zipf.next(0, out); counts[out.index]++; }
    expect(counts[0]).toBe(Math.max(...counts));
    expect(zipf.weights![0]).toBeCloseTo(counts[0] / 20_000, 1);
    const tb = makeKeyGenerator({ kind: 'timeBucket', bucketMs: 1000 }, new Prng('t'));
    tb.next(1500, out);
    expect(out.key).toBe('bucket-1');
  });
});

describe('retries', () => {
  it('backs off exponentially within the cap and drops after max retries or max age', () => {
    const prng = new Prng('r');
    const p = { ...DEFAULT_RETRY_POLICY, jitter: 'none' as const };
    expect([1, 2, 3, 20].map((n) => backoffDelayMs(p, n, prng))).toEqual([100, 200, 400, 20_000]);
    expect(decideRetry(p, 1, 0, 0, prng)).toEqual({ kind: 'retry', atMs: 100 });
    expect(decideRetry(p, 3, 0, 0, prng)).toEqual({ kind: 'drop', reason: 'maxRetries' });
    expect(decideRetry({ ...p, maxRecordAgeMs: 50 }, 1, 0, 0, prng)).toEqual({ kind: 'drop', reason: 'maxAge' });
    for (let i = 0; i < 100; i++) expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 3, prng)).toBeLessThanOrEqual(400);
  });
});

describe('payload templates', () => {
  it('renders KDG placeholders reproducibly from the seed and the virtual clock', () => {
    const src = '{"n":{{random.number(100)}},"ip":"{{internet.ip}}","at":"{{date.now("YYYY-MM-DD HH:mm:ss")}}","c":"{{random.arrayElement(["a","b"])}}","u":"{{internet.userName}}","f":"{{person.firstName}}"}';
    const a = compileTemplate(src, 's1');
    const b = compileTemplate(src, 's1');
    const t = Date.UTC(2026, 0, 2, 3, 4, 5);
    const ra = a.render(t);
    expect(ra).toBe(b.render(t));
    const doc = JSON.parse(ra) as { n: number; ip: string; at: string; c: string };
    // random.number(100) is a whole number from 0 to 100.
    expect(Array.from({ length: 101 }, (_, i) => i)).toContain(doc.n);
    expect(doc.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(doc.at).toBe('2026-01-02 03:04:05');
    expect(['a', 'b']).toContain(doc.c);
    expect(compileTemplate(src, 's2').render(t)).not.toBe(ra);
  });

  it('names an unknown placeholder', () => {
    expect(() => compileTemplate('{{nope.nothing}}', 1)).toThrow(TemplateError);
    expect(() => compileTemplate('{{nope.nothing}}', 1)).toThrow(/nope\.nothing/);
    expect(formatDate(0, 'X x')).toBe('0 0');
  });
});
