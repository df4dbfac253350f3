import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';

describe('Simulation', () => {
  it('owns a clock that advances only when told', () => {
    const sim = new Simulation({ seed: 1, startMs: 1_000 });
    expect(sim.nowMs).toBe(1_000);
    let fired = 0;
    sim.scheduler.every(100, () => fired++);
    sim.advanceBy(1_000);
    expect(sim.nowMs).toBe(2_000);
    expect(fired).toBe(10);
    expect(sim.eventsRunTotal).toBe(10);
  });

  it('reproduces the same draws for the same seed', () => {
    const a = new Simulation({ seed: 'x' }).prng.fork('p');
    const b = new Simulation({ seed: 'x' }).prng.fork('p');
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
  });
});
