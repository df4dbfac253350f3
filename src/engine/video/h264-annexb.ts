/**
 * Lenient H.264 input, for the console's own recordings only: a browser's MediaRecorder may write
 * Annex-B samples (start codes) and no AVCC CodecPrivate. These helpers turn such samples into
 * AVCC and build the avcC record from the in-band SPS/PPS. The AWS API path does not use them:
 * there, missing or Annex-B codec private data is an error, as on AWS.
 */
import { avcDecoderConfigurationRecord } from './h264-bits';

export function isAnnexB(sample: Uint8Array): boolean {
  return sample.length > 4 && sample[0] === 0 && sample[1] === 0 && (sample[2] === 1 || (sample[2] === 0 && sample[3] === 1));
}

export function annexBUnits(sample: Uint8Array): Uint8Array[] {
  const units: Uint8Array[] = [];
  let start = -1;
  for (let i = 0; i + 2 < sample.length; i++) {
    if (sample[i] === 0 && sample[i + 1] === 0 && sample[i + 2] === 1) {
      if (start >= 0) units.push(sample.subarray(start, i > 0 && sample[i - 1] === 0 ? i - 1 : i));
      start = i + 3;
      i += 2;
    }
  }
  if (start >= 0 && start < sample.length) units.push(sample.subarray(start));
  return units.filter((u) => u.length > 0);
}

export function annexBToAvcc(sample: Uint8Array): Uint8Array {
  const units = annexBUnits(sample);
  const out = new Uint8Array(units.reduce((n, u) => n + 4 + u.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const u of units) {
    view.setUint32(at, u.length);
    out.set(u, at + 4);
    at += 4 + u.length;
  }
  return out;
}

/** avcC from the first SPS (type 7) and PPS (type 8) found in Annex-B or AVCC samples. */
export function avcCFromSamples(samples: readonly Uint8Array[]): Uint8Array | undefined {
  let sps: Uint8Array | undefined;
  let pps: Uint8Array | undefined;
  for (const s of samples) {
    const units = isAnnexB(s) ? annexBUnits(s) : avccUnits(s);
    for (const u of units) {
      if ((u[0] & 0x1f) === 7) sps ??= u;
      if ((u[0] & 0x1f) === 8) pps ??= u;
    }
    if (sps && pps) return avcDecoderConfigurationRecord(sps, pps);
  }
  return undefined;
}

function avccUnits(sample: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(sample.buffer, sample.byteOffset, sample.byteLength);
  for (let at = 0; at + 4 <= sample.length;) {
    const n = view.getUint32(at);
    if (n === 0 || at + 4 + n > sample.length) break;
    out.push(sample.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}
