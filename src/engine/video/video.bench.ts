/**
 * video.ingest: fragments/s through PutMedia (MKV parse, checks, store) — 30 s of the 320×176
 *   H.264 test pattern at 10 fps, 1 fragment per second, fed in 64 KiB chunks; encoding excluded.
 * video.remux: MB/s of stored fragments remuxed to fMP4 media segments (GetClip / HLS path).
 * video.encode: test-pattern frames/s (draw + H.264 I_PCM/P-skip encode), the synthetic camera's cost.
 */
import type { Benchmark } from '../bench/harness';
import { Simulation } from '../simulation';
import { clipMp4 } from './fmp4';
import { recordTestPattern, TestPatternSource } from './test-pattern-source';
import { VideoService } from './video-service';

const OPTIONS = { width: 320, height: 176, framesPerSecond: 10, keyFrameInterval: 10 };
let mkv: Uint8Array = new Uint8Array(0);
let fragments = 0;

function ingestOnce(): { service: VideoService; seconds: number } {
  const sim = new Simulation({ seed: 'video-bench', startMs: Date.UTC(2026, 0, 1) });
  const service = sim.attach(new VideoService(sim));
  service.createStream({ StreamName: 'bench', DataRetentionInHours: 1 });
  sim.advanceBy(1);
  const session = service.openPutMedia({ StreamName: 'bench' }, 'RELATIVE', sim.nowMs);
  const start = performance.now();
  for (let i = 0; i < mkv.length; i += 65_536) {
    session.write(mkv.subarray(i, i + 65_536));
    sim.advanceBy(250); // keeps under 5 fragments/s
  }
  session.end();
  return { service, seconds: (performance.now() - start) / 1000 };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'video.ingest',
    unit: 'fragments/s',
    higherIsBetter: true,
    setup() {
      mkv = recordTestPattern(0, 30, OPTIONS);
      fragments = 30;
    },
    run() {
      const { service, seconds } = ingestOnce();
      const held = service.describeStream({ StreamName: 'bench' }).accounting().heldFragments;
      if (held !== fragments) throw new Error(`expected ${fragments} fragments, got ${held}`);
      return fragments / seconds;
    },
  },
  {
    name: 'video.remux',
    unit: 'MB/s',
    higherIsBetter: true,
    setup() {
      mkv = recordTestPattern(0, 30, OPTIONS);
    },
    run() {
      const { service } = ingestOnce();
      const held = service.describeStream({ StreamName: 'bench' }).held();
      const start = performance.now();
      let bytes = 0;
      for (let i = 0; i < 5; i++) bytes += clipMp4(held).bytes.length;
      return bytes / 1e6 / ((performance.now() - start) / 1000);
    },
  },
  {
    name: 'video.encode',
    unit: 'frames/s',
    higherIsBetter: true,
    run() {
      const src = new TestPatternSource(OPTIONS);
      const start = performance.now();
      for (let i = 0; i < 300; i++) src.capture(i * 100);
      return 300 / ((performance.now() - start) / 1000);
    },
  },
];
