/**
 * Decodes the key frames that the sandbox's own test-pattern encoder writes: H.264 IDR pictures
 * made only of I_PCM macroblocks (raw samples). That is a real, exact decode of that subset of
 * H.264 — enough for GetImages in Node, where no general decoder exists. Any other picture
 * (intra-predicted, CABAC, other codecs) returns undefined and GetImages reports MEDIA_ERROR;
 * the console decodes everything else with the browser's WebCodecs decoder.
 */

class BitReader {
  private bit = 0;
  constructor(private readonly bytes: Uint8Array) {}

  u(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const byte = this.bytes[this.bit >> 3];
      if (byte === undefined) throw new RangeError('read past the end of the NAL unit');
      v = v * 2 + ((byte >> (7 - (this.bit & 7))) & 1);
      this.bit++;
    }
    return v;
  }

  ue(): number {
    let zeros = 0;
    while (this.u(1) === 0) if (++zeros > 31) throw new RangeError('bad Exp-Golomb code');
    return (2 ** zeros - 1) + this.u(zeros);
  }

  se(): number {
    const k = this.ue();
    return k % 2 ? (k + 1) / 2 : -k / 2;
  }

  align(): void {
    this.bit = (this.bit + 7) & ~7;
  }

  bytesAt(n: number): Uint8Array {
    const at = this.bit >> 3;
    this.bit += n * 8;
    if (at + n > this.bytes.length) throw new RangeError('read past the end of the NAL unit');
    return this.bytes.subarray(at, at + n);
  }
}

function unescapeRbsp(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (let i = 1; i < nal.length; i++) {
    const b = nal[i];
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

function nalUnits(avcc: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(avcc.buffer, avcc.byteOffset, avcc.byteLength);
  for (let at = 0; at + 4 <= avcc.length;) {
    const n = view.getUint32(at);
    out.push(avcc.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}

export interface DecodedPicture {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel. */
  readonly rgba: Uint8Array;
}

interface SpsInfo { mbW: number; mbH: number; log2MaxFrameNum: number; pocType: number }

function parseSps(avcC: Uint8Array): SpsInfo | undefined {
  if (avcC[0] !== 1 || (avcC[5] & 0x1f) < 1) return undefined;
  const len = (avcC[6] << 8) | avcC[7];
  const r = new BitReader(unescapeRbsp(avcC.subarray(8, 8 + len)));
  const profile = r.u(8);
  r.u(16);
  r.ue();
  if ([100, 110, 122, 244, 44, 83, 86, 118, 128].includes(profile)) return undefined; // high profiles: not our encoder
  const log2MaxFrameNum = r.ue() + 4;
  const pocType = r.ue();
  if (pocType !== 2) return undefined;
  r.ue();
  r.u(1);
  const mbW = r.ue() + 1;
  const mbH = r.ue() + 1;
  if (r.u(1) !== 1) return undefined; // frame_mbs_only
  return { mbW, mbH, log2MaxFrameNum, pocType };
}

/** Decodes an I_PCM-only IDR sample, or undefined when the picture uses anything else. */
export function decodePcmKeyFrame(codecPrivate: Uint8Array | undefined, sample: Uint8Array): DecodedPicture | undefined {
  if (!codecPrivate) return undefined;
  const sps = parseSps(codecPrivate);
  if (!sps) return undefined;
  const idr = nalUnits(sample).find((n) => (n[0] & 0x1f) === 5);
  if (!idr) return undefined;
  try {
    const r = new BitReader(unescapeRbsp(idr));
    if (r.ue() !== 0) return undefined; // first_mb_in_slice: one slice per picture
    const sliceType = r.ue() % 5;
    if (sliceType !== 2) return undefined;
    r.ue(); // pps id
    r.u(sps.log2MaxFrameNum);
    r.ue(); // idr_pic_id
    r.u(2); // dec_ref_pic_marking for IDR
    r.se(); // slice_qp_delta
    if (r.ue() !== 1) {
      r.se(); // slice_alpha_c0_offset_div2
      r.se(); // slice_beta_offset_div2
    }
    const width = sps.mbW * 16;
    const height = sps.mbH * 16;
    const y = new Uint8Array(width * height);
    const u = new Uint8Array((width / 2) * (height / 2));
    const v = new Uint8Array((width / 2) * (height / 2));
    for (let mb = 0; mb < sps.mbW * sps.mbH; mb++) {
      if (r.ue() !== 25) return undefined; // only I_PCM
      r.align();
      const s = r.bytesAt(384);
      const mx = (mb % sps.mbW) * 16;
      const my = Math.floor(mb / sps.mbW) * 16;
      for (let row = 0; row < 16; row++) y.set(s.subarray(row * 16, row * 16 + 16), (my + row) * width + mx);
      for (let row = 0; row < 8; row++) {
        u.set(s.subarray(256 + row * 8, 264 + row * 8), (my / 2 + row) * (width / 2) + mx / 2);
        v.set(s.subarray(320 + row * 8, 328 + row * 8), (my / 2 + row) * (width / 2) + mx / 2);
      }
    }
    return { width, height, rgba: yuv420ToRgba(y, u, v, width, height) };
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** BT.601 limited-range YCbCr → RGB. */
function yuv420ToRgba(y: Uint8Array, u: Uint8Array, v: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const clamp = (x: number): number => (x < 0 ? 0 : x > 255 ? 255 : Math.round(x));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const c = (row >> 1) * (width / 2) + (col >> 1);
      const yy = 1.164 * (y[row * width + col] - 16);
      const cb = u[c] - 128;
      const cr = v[c] - 128;
      const o = (row * width + col) * 4;
      out[o] = clamp(yy + 1.596 * cr);
      out[o + 1] = clamp(yy - 0.392 * cb - 0.813 * cr);
      out[o + 2] = clamp(yy + 2.017 * cb);
      out[o + 3] = 255;
    }
  }
  return out;
}
