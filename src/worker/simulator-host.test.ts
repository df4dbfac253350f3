import { describe, expect, it } from 'vitest';
import { SimulatorHost, PUBLISH_INTERVAL_MS, type HostTimers } from './simulator-host';
import { createRuntime } from './runtime';
import { DEMO_SCENARIO } from '../engine/scenario/demo';
import type { SnapshotFrame } from './protocol';

/** Fake wall clock: `later` callbacks run when the test advances wall time. */
function fakeTimers() {
  let now = 0;
  let pending: { at: number; fn: () => void } | null = null;
  const timers: HostTimers & { advance(ms: number): void } = {
    wallNowMs: () => now,
    later: (fn, ms) => { pending = { at: now + ms, fn }; },
    advance(ms) {
      const end = now + ms;
      while (pending && pending.at <= end) {
        const p: { at: number; fn: () => void } = pending;
        pending = null;
        now = Math.max(now, p.at);
        p.fn();
        now += 1; // every slice costs a little wall time
      }
      now = Math.max(now, end);
    },
  };
  return timers;
}

describe('SimulatorHost', () => {
  it('follows wall time at the chosen speed and publishes at a bounded rate', () => {
    const timers = fakeTimers();
    const host = new SimulatorHost(createRuntime, timers);
    const frames: SnapshotFrame[] = [];
    host.onFrame((f) => frames.push(f));
    expect(host.load(DEMO_SCENARIO).ok).toBe(true);
    host.clock({ kind: 'speed', speed: 10 });
    frames.length = 0;
    host.clock({ kind: 'play' });
    timers.advance(3000);
    const clock = host.clockState();
    const simulatedS = (clock.nowMs - clock.startMs) / 1000;
    expect(simulatedS).toBeGreaterThan(25);
    expect(simulatedS).toBeLessThanOrEqual(31);
    // ≈ 6.7 Hz over 3 s of wall time, whatever the speed.
    expect(frames.length).toBeGreaterThanOrEqual(3000 / PUBLISH_INTERVAL_MS - 3);
    expect(frames.length).toBeLessThanOrEqual(3000 / PUBLISH_INTERVAL_MS + 2);
  });

  it('stops advancing when paused and steps exactly while paused', () => {
    const timers = fakeTimers();
    const host = new SimulatorHost(createRuntime, timers);
    host.load(DEMO_SCENARIO);
    host.clock({ kind: 'play' });
    timers.advance(500);
    host.clock({ kind: 'pause' });
    const t = host.clockState().nowMs;
    timers.advance(2000);
    expect(host.clockState().nowMs).toBe(t);
    host.clock({ kind: 'step', ms: 1000 });
    expect(host.clockState().nowMs).toBe(t + 1000);
  });

  it('resets to the start of the scenario, paused', () => {
    const timers = fakeTimers();
    const host = new SimulatorHost(createRuntime, timers);
    host.load(DEMO_SCENARIO);
    const start = host.clockState().startMs;
    host.clock({ kind: 'step', ms: 5000 });
    host.clock({ kind: 'reset' });
    expect(host.clockState().nowMs).toBe(start);
    expect(host.clockState().running).toBe(false);
  });
});
