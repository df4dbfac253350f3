import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { VideoWorld, parseVideoSection } from './video-world';

describe('VideoWorld (scenario section videoStreams)', () => {
  it('runs a synthetic camera into a stream: fragments every key-frame interval, all persisted, deterministic', () => {
    const run = () => {
      const sim = new Simulation({ seed: 'vw', startMs: Date.UTC(2026, 0, 1) });
      const world = new VideoWorld(sim, parseVideoSection([{ name: 'cam', retentionHours: 1, producer: { width: 64, height: 48 + 16, framesPerSecond: 10, keyFrameInterval: 20 } }]));
      world.start();
      sim.advanceBy(60_000);
      return world.snapshot().streams[0];
    };
    const a = run();
    expect(a.accounting.ingestedFragments).toBe(29); // 600 frames, 30 key frames; the 30th fragment is still open
    expect(a.producer?.acks.PERSISTED).toBe(29);
    expect(a.producer?.acks.ERROR).toBe(0);
    expect(a.recent.every((f) => f.FragmentLengthInMilliseconds === 2000)).toBe(true);
    expect(a.recent.map((f) => f.FragmentNumber)).toEqual(run().recent.map((f) => f.FragmentNumber));
  });

  it('names the field of a bad entry', () => {
    expect(() => parseVideoSection([{ name: 'x', producer: { width: 100 } }])).toThrow('videoStreams[0].producer.width must be a multiple of 16');
  });
});
