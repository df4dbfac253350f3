/**
 * Bit-level writing for H.264 (ITU-T H.264 §7.2): u(n), ue(v)/se(v) Exp-Golomb codes, RBSP
 * trailing bits, emulation prevention (§7.4.1: 0x000003 before 00–03 after two zero bytes) and
 * the AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.2.4.1) used as Matroska CodecPrivate
 * and as the MP4 avcC box.
 */

export class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private bitCount = 0;

  u(bits: number, value: number): void {
    for (let i = bits - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }

  bit(b: number): void {
    this.current = (this.current << 1) | b;
    this.bitCount++;
    if (this.bitCount === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.bitCount = 0;
    }
  }

  ue(value: number): void {
    const v = value + 1;
    const len = 32 - Math.clz32(v);
    this.u(len - 1, 0);
    this.u(len, v);
  }

  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  get aligned(): boolean {
    return this.bitCount === 0;
  }

  alignZero(): void {
    while (this.bitCount !== 0) this.bit(0);
  }

  /** Appends whole bytes; the writer must be byte-aligned. */
  raw(data: Uint8Array): void {
    if (this.bitCount !== 0) throw new Error('raw bytes need a byte-aligned writer');
    for (const b of data) this.bytes.push(b);
  }

  trailing(): void {
    this.bit(1);
    this.alignZero();
  }

  toBytes(): Uint8Array {
    if (this.bitCount !== 0) throw new Error('bitstream is not byte-aligned');
    return Uint8Array.from(this.bytes);
  }
}

/** NAL unit = header byte + RBSP with emulation-prevention bytes inserted. */
export function nalUnit(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

/** AVCC framing: each NAL unit prefixed by its 4-byte big-endian length. */
export function avccSample(nals: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const x of nals) n += 4 + x.length;
  const out = new Uint8Array(n);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const x of nals) {
    view.setUint32(at, x.length);
    out.set(x, at + 4);
    at += 4 + x.length;
  }
  return out;
}

export function avcDecoderConfigurationRecord(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + sps.length + pps.length);
  out.set([1, sps[1], sps[2], sps[3], 0xff, 0xe1, sps.length >> 8, sps.length & 0xff], 0);
  out.set(sps, 8);
  let at = 8 + sps.length;
  out.set([1, pps.length >> 8, pps.length & 0xff], at);
  out.set(pps, at + 3);
  at += 3 + pps.length;
  return out.subarray(0, at);
}

/** "avc1.PPCCLL" codec string for MSE/HLS from an SPS. */
export function avcCodecString(sps: Uint8Array): string {
  const hex = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();
  return `avc1.${hex(sps[1])}${hex(sps[2])}${hex(sps[3])}`;
}
