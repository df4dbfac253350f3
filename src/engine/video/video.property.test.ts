/**
 * Invariants of a video stream under any interleaving of uploads, clock advances and retention
 * changes: fragment numbers rise strictly in ingest order; nothing is lost uncounted
 * (ingested = held + expired + evicted); held fragments are never older than retention allows.
 * Leaves out: quotas (the schedule stays under 5 fragments/s) and multi-stream memory sharing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { TestPatternSource } from './test-pattern-source';
import { VideoService } from './video-service';

type Step = { kind: 'fragment' } | { kind: 'advance'; ms: number } | { kind: 'retention'; hours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'fragment' }),
  fc.integer({ min: 250, max: 3 * 3_600_000 }).map<Step>((ms) => ({ kind: 'advance', ms })),
  fc.integer({ min: 0, max: 4 }).map<Step>((hours) => ({ kind: 'retention', hours })),
);

describe('video stream invariants', () => {
  it('numbers rise, accounting balances, retention holds', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const sim = new Simulation({ seed: 'video-prop', startMs: Date.UTC(2026, 0, 1) });
      const svc = sim.attach(new VideoService(sim, { storedBytesMax: 200_000 }));
      svc.createStream({ StreamName: 'p', DataRetentionInHours: 1 });
      sim.advanceBy(1);
      const src = new TestPatternSource({ width: 16, height: 16, framesPerSecond: 4, keyFrameInterval: 1 });
      const session = svc.openPutMedia({ StreamName: 'p' }, 'ABSOLUTE', 0);
      session.write(src.headerBytes());
      src.capture(sim.nowMs);
      const numbers: string[] = [];
      for (const s of steps) {
        if (s.kind === 'fragment') {
          sim.advanceBy(250);
          for (const a of session.write(src.capture(sim.nowMs)!)) if (a.EventType === 'RECEIVED') numbers.push(a.FragmentNumber!);
        } else if (s.kind === 'advance') {
          sim.advanceBy(s.ms);
        } else {
          const st = svc.describeStream({ StreamName: 'p' });
          if (s.hours !== st.retentionHours) {
            svc.updateDataRetention({ StreamName: 'p', CurrentVersion: st.version, Operation: s.hours > st.retentionHours ? 'INCREASE_DATA_RETENTION' : 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: Math.abs(s.hours - st.retentionHours) });
          }
          sim.advanceBy(1000); // the control-plane TPS budget is per second
        }
      }
      expect([...numbers].sort()).toEqual(numbers);
      expect(new Set(numbers).size).toBe(numbers.length);
      const stream = svc.describeStream({ StreamName: 'p' });
      const a = stream.accounting();
      expect(a.ingestedFragments).toBe(numbers.length);
      expect(a.heldFragments + a.expiredFragments + a.evictedFragments).toBe(a.ingestedFragments);
      const limitMs = stream.retentionHours > 0 ? stream.retentionHours * 3_600_000 : 5 * 60_000;
      for (const f of stream.held()) expect(sim.nowMs - f.serverTimestampMs).toBeLessThanOrEqual(limitMs);
    }), { numRuns: 60 });
  });
});
