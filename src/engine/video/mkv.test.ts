import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readElementHeader, sizeVint } from './ebml';
import { ID } from './matroska';
import { MkvStreamReader, type MkvEvent } from './mkv-stream-reader';
import { mkvCluster, mkvStreamHeader } from './mkv-writer';
import { recordTestPattern, TestPatternSource } from './test-pattern-source';

function readAll(bytes: Uint8Array, chunk: number): MkvEvent[] {
  const r = new MkvStreamReader(60_000_000);
  const out: MkvEvent[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...r.push(bytes.subarray(i, i + chunk)));
  out.push(...r.end());
  return out;
}

describe('EBML', () => {
  it('size VINTs round-trip and never use the unknown-size pattern', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => {
      const bytes = Uint8Array.from([0xec, ...sizeVint(n)]);
      expect(readElementHeader(bytes, 0)).toEqual({ id: 0xec, size: n, headerBytes: bytes.length });
    }));
  });
});

describe('Matroska stream reader', () => {
  const mkv = recordTestPattern(1_700_000_000_000, 6);

  it('splits a recording into one cluster per key frame, whatever the chunking', () => {
    for (const chunk of [1, 7, 4096, mkv.length]) {
      const events = readAll(mkv, chunk);
      const clusters = events.filter((e) => e.kind === 'cluster');
      expect(clusters).toHaveLength(3); // 60 frames, a key frame every 20
      expect(events.filter((e) => e.kind === 'cluster-start')).toHaveLength(3);
      const header = events.find((e) => e.kind === 'header');
      expect(header?.kind === 'header' && header.header.tracks[0].codecId).toBe('V_MPEG4/ISO/AVC');
      for (const c of clusters) {
        if (c.kind !== 'cluster') continue;
        expect(c.cluster.frames[0].keyframe).toBe(true);
        expect(c.cluster.frames).toHaveLength(20);
        expect(c.cluster.frames.slice(1).every((f) => !f.keyframe)).toBe(true);
      }
    }
  });

  it('ends unknown-size clusters at the next cluster and at the end of the body', () => {
    const src = new TestPatternSource();
    const head = src.headerBytes();
    const f = (t: number, key: boolean) => ({ track: 1, timestampMs: t, keyframe: key, data: Uint8Array.of(0, 0, 0, 1, 9) });
    const sized = mkvCluster(1000, [f(1000, true), f(1100, false)]);
    // Re-write the cluster with an unknown size, as MediaRecorder does.
    const h = readElementHeader(sized, 0)!;
    const unknown = Uint8Array.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...sized.subarray(h.headerBytes)]);
    const events = readAll(Uint8Array.from([...head, ...unknown, ...unknown]), 3);
    const clusters = events.filter((e) => e.kind === 'cluster');
    expect(clusters).toHaveLength(2);
    expect(h.id).toBe(ID.Cluster);
  });

  it('refuses bytes that are not Matroska', () => {
    const r = new MkvStreamReader(1000);
    expect(() => r.push(new TextEncoder().encode('GET / HTTP/1.1\r\n'))).toThrow(/EBML/);
  });

  it('refuses a second segment in one body', () => {
    const src = new TestPatternSource();
    const head = mkvStreamHeader(src.header);
    const r = new MkvStreamReader(1_000_000);
    expect(() => r.push(Uint8Array.from([...head, ...head]))).toThrow(/exactly one MKV segment/);
  });

  it('is deterministic', () => {
    expect(recordTestPattern(5, 2)).toEqual(recordTestPattern(5, 2));
  });
});
