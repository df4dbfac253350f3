import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { capture } from '../api/result';
import { VideoService } from './video-service';
import { recordTestPattern, TestPatternSource } from './test-pattern-source';
import type { PutMediaAck } from './put-media-session';

const T0 = Date.UTC(2026, 0, 1);

function setup(retention = 24) {
  const sim = new Simulation({ seed: 'video-test', startMs: T0 });
  const svc = sim.attach(new VideoService(sim, { transitionDelayMs: 100 }));
  svc.createStream({ StreamName: 'cam', DataRetentionInHours: retention });
  sim.advanceBy(200);
  return { sim, svc };
}

describe('VideoService control plane', () => {
  it('creates streams CREATING → ACTIVE with an ARN, version and default KMS key', () => {
    const sim = new Simulation({ seed: 1, startMs: T0 });
    const svc = sim.attach(new VideoService(sim, { transitionDelayMs: 100 }));
    const { StreamARN } = svc.createStream({ StreamName: 'front-door', MediaType: 'video/h264', DataRetentionInHours: 2 });
    expect(StreamARN).toMatch(/^arn:aws:kinesisvideo:us-east-1:000000000000:stream\/front-door\/\d+$/);
    expect(svc.describeStream({ StreamName: 'front-door' }).info().Status).toBe('CREATING');
    sim.advanceBy(100);
    const info = svc.describeStream({ StreamARN }).info();
    expect(info).toMatchObject({ Status: 'ACTIVE', MediaType: 'video/h264', DataRetentionInHours: 2, KmsKeyId: 'arn:aws:kms:us-east-1:000000000000:alias/aws/kinesisvideo' });
    expect(info.Version).toMatch(/^[A-Za-z0-9]{20}$/);
  });

  it('answers with AWS error names', () => {
    const { svc } = setup();
    const err = (f: () => unknown) => { const r = capture(f); return r.ok ? undefined : r.error.name; };
    expect(err(() => svc.createStream({ StreamName: 'cam' }))).toBe('ResourceInUseException');
    expect(err(() => svc.createStream({ StreamName: 'bad name' }))).toBe('InvalidArgumentException');
    expect(err(() => svc.createStream({ StreamName: 'x', DataRetentionInHours: 87_601 }))).toBe('InvalidArgumentException');
    expect(err(() => svc.describeStream({ StreamName: 'nope' }))).toBe('ResourceNotFoundException');
    expect(err(() => svc.updateDataRetention({ StreamName: 'cam', CurrentVersion: 'stale', Operation: 'INCREASE_DATA_RETENTION', DataRetentionChangeInHours: 1 }))).toBe('VersionMismatchException');
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(err(() => svc.tagStream({ StreamName: 'cam', Tags: tags }))).toBe('TagsPerResourceExceededLimitException');
  });

  it('changes retention by the given hours and refuses going below zero', () => {
    const { svc } = setup(1);
    const v = svc.describeStream({ StreamName: 'cam' }).version;
    svc.updateDataRetention({ StreamName: 'cam', CurrentVersion: v, Operation: 'INCREASE_DATA_RETENTION', DataRetentionChangeInHours: 5 });
    const s = svc.describeStream({ StreamName: 'cam' });
    expect(s.retentionHours).toBe(6);
    const r = capture(() => svc.updateDataRetention({ StreamName: 'cam', CurrentVersion: s.version, Operation: 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 7 }));
    expect(!r.ok && r.error.message).toMatch(/below 0/);
  });
});

describe('PutMedia', () => {
  it('turns each cluster into a fragment with BUFFERING, RECEIVED and PERSISTED acks and increasing numbers', () => {
    const { sim, svc } = setup();
    const session = svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0);
    const mkv = recordTestPattern(sim.nowMs, 8); // 80 frames, key frame every 20 → 4 fragments
    const acks: PutMediaAck[] = [];
    for (let i = 0; i < mkv.length; i += 1000) {
      acks.push(...session.write(mkv.subarray(i, i + 1000)));
      sim.advanceBy(10);
    }
    acks.push(...session.end());
    expect(acks.map((a) => a.EventType).join(',')).toBe(Array(4).fill('BUFFERING,RECEIVED,PERSISTED').join(',').replace(/PERSISTED,BUFFERING/g, 'PERSISTED,BUFFERING'));
    const numbers = acks.filter((a) => a.EventType === 'PERSISTED').map((a) => a.FragmentNumber!);
    expect(numbers).toHaveLength(4);
    expect(numbers.every((n) => /^\d{47}$/.test(n))).toBe(true);
    expect([...numbers].sort()).toEqual(numbers);
    const held = svc.describeStream({ StreamName: 'cam' }).held();
    expect(held.map((f) => f.producerTimestampMs)).toEqual([0, 2000, 4000, 6000].map((d) => T0 + 200 + d));
    expect(held[0].durationMs).toBe(2000);
    expect(svc.metrics.total('cam', 'PutMedia.IncomingFragments')).toBe(4);
    expect(svc.metrics.total('cam', 'PutMedia.IncomingBytes')).toBe(mkv.length);
  });

  it('sends RECEIVED but not PERSISTED without retention, and keeps only the 5-minute buffer', () => {
    const { sim, svc } = setup(0);
    const session = svc.openPutMedia({ StreamName: 'cam' }, 'RELATIVE', sim.nowMs);
    const acks = [...session.write(recordTestPattern(0, 4)), ...session.end()];
    expect(acks.some((a) => a.EventType === 'PERSISTED')).toBe(false);
    expect(acks.filter((a) => a.EventType === 'RECEIVED')).toHaveLength(2);
    const s = svc.describeStream({ StreamName: 'cam' });
    expect(s.held()).toHaveLength(2);
    sim.advanceBy(5 * 60_000 + 1000);
    expect(s.accounting()).toMatchObject({ ingestedFragments: 2, heldFragments: 0, expiredFragments: 2 });
  });

  it('expires fragments after DataRetentionInHours on the virtual clock', () => {
    const { sim, svc } = setup(1);
    const session = svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0);
    session.write(recordTestPattern(sim.nowMs, 4));
    session.end();
    const s = svc.describeStream({ StreamName: 'cam' });
    sim.advanceBy(3_599_000);
    expect(s.held()).toHaveLength(2);
    sim.advanceBy(2_000);
    expect(s.accounting()).toMatchObject({ heldFragments: 0, expiredFragments: 2 });
  });

  it('allows one PutMedia connection per stream (ConnectionLimitExceededException)', () => {
    const { svc } = setup();
    svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0);
    const r = capture(() => svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0));
    expect(!r.ok && r.error.name).toBe('ConnectionLimitExceededException');
  });

  it('rejects a fragment whose timecode goes back (4004) and one over 10 s (4002)', () => {
    const { svc } = setup();
    const src = new TestPatternSource({ width: 32, height: 32, framesPerSecond: 1, keyFrameInterval: 12 });
    const session = svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0);
    session.write(src.headerBytes());
    const acks: PutMediaAck[] = [];
    for (let i = 0; i < 13; i++) {
      const c = src.capture(100_000 + i * 1000);
      if (c) acks.push(...session.write(c));
    }
    expect(acks.find((a) => a.EventType === 'ERROR')?.ErrorId).toBe(4002);
    expect(session.write(src.flush()!).map((a) => a.EventType)).toEqual(['BUFFERING', 'RECEIVED', 'PERSISTED']);
    const back = new TestPatternSource({ width: 32, height: 32, framesPerSecond: 1, keyFrameInterval: 1 });
    back.capture(50_000);
    const acks2 = session.write(back.capture(50_001)!);
    expect(acks2.find((a) => a.EventType === 'ERROR')?.ErrorId).toBe(4004);
  });

  it('answers garbage with ErrorId 4006 and ends the session', () => {
    const { svc } = setup();
    const session = svc.openPutMedia({ StreamName: 'cam' }, 'ABSOLUTE', 0);
    const acks = session.write(new TextEncoder().encode('not a video'));
    expect(acks).toEqual([{ EventType: 'ERROR', ErrorId: 4006 }]);
    expect(session.isClosed).toBe(true);
    expect(svc.describeStream({ StreamName: 'cam' }).activePutSessions).toBe(0);
  });
});
