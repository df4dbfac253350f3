import { describe, expect, it } from 'vitest';
import { mediaSegment } from './fmp4';
import type { StoredFragment } from './video-stream';

function trunOf(seg: Uint8Array): { flags: number; samples: Array<{ duration: number; cts: number }>; tfdt: number } {
  const view = new DataView(seg.buffer, seg.byteOffset, seg.byteLength);
  const find = (type: string): number => {
    for (let i = 0; i + 4 < seg.length; i++) if (String.fromCharCode(...seg.subarray(i, i + 4)) === type) return i - 4;
    throw new Error(`${type} missing`);
  };
  const trun = find('trun');
  const flags = view.getUint32(trun + 8) & 0xffffff;
  const count = view.getUint32(trun + 12);
  const samples = Array.from({ length: count }, (_, i) => ({ duration: view.getUint32(trun + 20 + i * 16), cts: view.getUint32(trun + 20 + i * 16 + 12) }));
  const tfdt = find('tfdt');
  return { flags, samples, tfdt: Number(view.getBigUint64(tfdt + 12)) };
}

const header = { docType: 'matroska', timecodeScaleNs: 1e6, tracks: [{ number: 1, uid: 1, kind: 'video' as const, codecId: 'V_MPEG4/ISO/AVC', codecPrivate: Uint8Array.of(1, 66, 0xc0, 30, 0xff, 0xe1, 0, 0, 1, 0, 0), width: 16, height: 16 }] };

function fragment(offsets: number[]): StoredFragment {
  return {
    number: '1', producerTimestampMs: 10_000, serverTimestampMs: 10_000, durationMs: 160, sizeBytes: 0, header, persisted: true,
    frames: offsets.map((o, i) => ({ track: 1, offsetMs: o, keyframe: i === 0, data: Uint8Array.of(0, 0, 0, 1, 0x65) })),
  };
}

describe('fMP4 media segments', () => {
  it('without reordering: durations from frame spacing, no composition offsets', () => {
    const t = trunOf(mediaSegment(fragment([0, 40, 80, 120]), 1, 1, 10_000));
    expect(t.samples.map((s) => s.duration)).toEqual([3600, 3600, 3600, 3600]);
    expect(t.samples.every((s) => s.cts === 0)).toBe(true);
    expect(t.tfdt).toBe(0);
  });

  it('with B-frames (decode order I P B B): decode times sorted, composition offsets ≥ 0', () => {
    const t = trunOf(mediaSegment(fragment([0, 120, 40, 80]), 1, 1, 10_000));
    expect(t.flags & 0x800).toBe(0x800);
    // PTS (ticks) 0, 10800, 3600, 7200; sorted 0, 3600, 7200, 10800; the P frame would decode after
    // it shows, so every decode time moves one frame earlier: DTS −3600, 0, 3600, 7200.
    expect(t.samples.map((s) => s.cts)).toEqual([3600, 10800, 0, 0]);
    expect(t.samples.map((s) => s.duration)).toEqual([3600, 3600, 3600, 3600]);
  });
});
