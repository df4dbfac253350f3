/**
 * A baseline JPEG encoder (ITU-T T.81): YCbCr 4:4:4, the Annex K quantisation tables scaled by
 * quality as libjpeg does, separable float DCT, and simple fixed-length Huffman tables (every DC
 * category 4 bits, every AC run/size symbol 8 bits) — valid for any decoder, a little larger than
 * optimised tables. GetImages uses it in Node, where the browser's encoder is not available.
 */

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_Q = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
  ...new Array<number>(32).fill(99),
];
/** AC symbols: EOB, ZRL and run/size for sizes 1–10. Each gets the 8-bit code equal to its index. */
const AC_SYMBOLS: number[] = [0x00, 0xf0];
for (let run = 0; run < 16; run++) for (let size = 1; size <= 10; size++) AC_SYMBOLS.push((run << 4) | size);
const AC_CODE = new Map(AC_SYMBOLS.map((s, i) => [s, i]));

const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));

function scaledTable(base: readonly number[], quality: number): number[] {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return base.map((b) => Math.min(255, Math.max(1, Math.floor((b * scale + 50) / 100))));
}

class EntropyWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;

  put(bits: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((bits >> i) & 1);
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
        this.acc = 0;
        this.n = 0;
      }
    }
  }

  flush(): void {
    while (this.n !== 0) this.put(1, 1); // pad with ones
  }
}

function category(v: number): number {
  let a = Math.abs(v);
  let s = 0;
  while (a > 0) {
    s++;
    a >>= 1;
  }
  return s;
}

function valueBits(v: number, size: number): number {
  return v >= 0 ? v : v + (1 << size) - 1;
}

function fdct(block: Float64Array, out: Float64Array): void {
  const tmp = new Float64Array(64);
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += block[y * 8 + x] * COS[x * 8 + u];
      tmp[y * 8 + u] = s * (u === 0 ? Math.SQRT1_2 : 1) / 2;
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += tmp[y * 8 + u] * COS[y * 8 + v];
      out[v * 8 + u] = s * (v === 0 ? Math.SQRT1_2 : 1) / 2;
    }
  }
}

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

function dht(tableClass: number, id: number, lengthBits: number, symbols: readonly number[]): number[] {
  const counts = new Array<number>(16).fill(0);
  counts[lengthBits - 1] = symbols.length;
  return segment(0xc4, [(tableClass << 4) | id, ...counts, ...symbols]);
}

/** Encodes RGBA pixels as a baseline JPEG of the given quality (1–100, default 80 as GetImages). */
export function encodeJpeg(rgba: Uint8Array, width: number, height: number, quality = 80): Uint8Array {
  const tables = [scaledTable(LUMA_Q, quality), scaledTable(CHROMA_Q, quality)];
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  tables.forEach((t, id) => out.push(...segment(0xdb, [id, ...ZIGZAG.map((z) => t[z])])));
  out.push(...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]));
  const dcSymbols = Array.from({ length: 12 }, (_, i) => i);
  out.push(...dht(0, 0, 4, dcSymbols), ...dht(1, 0, 8, AC_SYMBOLS), ...dht(0, 1, 4, dcSymbols), ...dht(1, 1, 8, AC_SYMBOLS));
  out.push(...segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]));
  const w = new EntropyWriter();
  const pred = [0, 0, 0];
  const block = new Float64Array(64);
  const coef = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let c = 0; c < 3; c++) {
        for (let i = 0; i < 64; i++) {
          const px = Math.min(width - 1, bx + (i & 7));
          const py = Math.min(height - 1, by + (i >> 3));
          const o = (py * width + px) * 4;
          const r = rgba[o];
          const g = rgba[o + 1];
          const b = rgba[o + 2];
          const v = c === 0 ? 0.299 * r + 0.587 * g + 0.114 * b
            : c === 1 ? -0.168736 * r - 0.331264 * g + 0.5 * b + 128
              : 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
          block[i] = v - 128;
        }
        fdct(block, coef);
        const q = tables[c === 0 ? 0 : 1];
        const zz = ZIGZAG.map((z) => Math.round(coef[z] / q[z]));
        const diff = zz[0] - pred[c];
        pred[c] = zz[0];
        const dcSize = category(diff);
        w.put(dcSize, 4);
        if (dcSize) w.put(valueBits(diff, dcSize), dcSize);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const v = Math.max(-1023, Math.min(1023, zz[k]));
          if (v === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            w.put(AC_CODE.get(0xf0)!, 8);
            run -= 16;
          }
          const size = category(v);
          w.put(AC_CODE.get((run << 4) | size)!, 8);
          w.put(valueBits(v, size), size);
          run = 0;
        }
        if (run > 0) w.put(AC_CODE.get(0x00)!, 8);
      }
    }
  }
  w.flush();
  const bytes = new Uint8Array(out.length + w.bytes.length + 2);
  bytes.set(out, 0);
  bytes.set(w.bytes, out.length);
  bytes.set([0xff, 0xd9], out.length + w.bytes.length);
  return bytes;
}
