import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler } from './scheduler';
import { formatDuration, parseDurationMs } from './duration';

describe('Scheduler', () => {
  it('runs events in time order, ties in scheduling order', () => {
    const s = new Scheduler(1000);
    const seen: string[] = [];
    s.at(1500, () => seen.push('b'));
    s.at(1200, () => seen.push('a'));
    s.at(1500, () => seen.push('c'));
    s.runUntil(2000);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(s.nowMs).toBe(2000);
  });

  it('does not run events past the horizon and sets the clock as it goes', () => {
    const s = new Scheduler(0);
    const times: number[] = [];
    s.at(10, (t) => times.push(t));
    s.at(30, (t) => times.push(t));
    s.runUntil(20);
    expect(times).toEqual([10]);
    expect(s.nowMs).toBe(20);
    s.runUntil(30);
    expect(times).toEqual([10, 30]);
  });

  it('repeats periodic events and stops when cancelled', () => {
    const s = new Scheduler(0);
    let n = 0;
    const handle = s.every(100, () => { n++; });
    s.runUntil(1000);
    expect(n).toBe(10);
    handle.cancel();
    s.runUntil(2000);
    expect(n).toBe(10);
  });

  it('skips cancelled events', () => {
    const s = new Scheduler(0);
    let ran = false;
    s.at(5, () => { ran = true; }).cancel();
    s.runUntil(10);
    expect(ran).toBe(false);
  });

  it('never runs an event before an earlier one, whatever the insertion order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (times) => {
      const s = new Scheduler(0);
      const seen: number[] = [];
      for (const t of times) s.at(t, (now) => seen.push(now));
      s.runUntil(10_000);
      return seen.length === times.length && seen.every((t, i) => i === 0 || seen[i - 1] <= t);
    }));
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(parseDurationMs('1h')).toBe(3_600_000);
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('90')).toBe(90_000);
    expect(() => parseDurationMs('soon')).toThrow(/not a duration/);
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
    expect(formatDuration(850)).toBe('850 ms');
  });
});
