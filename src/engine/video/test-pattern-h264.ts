/**
 * A real, decodable H.264 (Constrained Baseline) encoder for a synthetic test pattern: colour
 * bars, a sweeping bar and the producer's clock drawn as digits, so playback shows which moment
 * is on screen. Key frames are IDR pictures of I_PCM macroblocks (uncompressed samples, legal
 * in every profile); other frames are P pictures that skip unchanged macroblocks and send the
 * changed ones as I_PCM. No entropy coding of residuals, so it is simple and bit-exact, at the
 * cost of size (384 bytes per changed 16×16 macroblock). Deterministic: same inputs, same bytes.
 * Syntax: ITU-T H.264 §7.3.2.1 (SPS), §7.3.2.2 (PPS), §7.3.3 (slice header), §7.3.4 (slice data).
 */
import { BitWriter, avcDecoderConfigurationRecord, avccSample, nalUnit } from './h264-bits';

const PCM_MB_TYPE_I_SLICE = 25;
const PCM_MB_TYPE_P_SLICE = 30; // 5 P types precede the I types in a P slice (Table 7-13)
const LOG2_MAX_FRAME_NUM = 4;

export interface Picture {
  readonly y: Uint8Array;
  readonly u: Uint8Array;
  readonly v: Uint8Array;
}

export class TestPatternEncoder {
  readonly sps: Uint8Array;
  readonly pps: Uint8Array;
  readonly codecPrivate: Uint8Array;
  private readonly mbW: number;
  private readonly mbH: number;
  private previous: Picture | undefined;
  private frameNum = 0;
  private idrCount = 0;

  constructor(readonly width: number, readonly height: number) {
    if (width % 16 || height % 16 || width < 16 || height < 16) throw new RangeError(`test pattern size must be a multiple of 16, got ${width}×${height}`);
    this.mbW = width / 16;
    this.mbH = height / 16;
    this.sps = this.buildSps();
    this.pps = this.buildPps();
    this.codecPrivate = avcDecoderConfigurationRecord(this.sps, this.pps);
  }

  private buildSps(): Uint8Array {
    const w = new BitWriter();
    w.u(8, 66); // profile_idc: Baseline
    w.u(8, 0xc0); // constraint_set0 + set1: Constrained Baseline
    w.u(8, 30); // level 3.0
    w.ue(0); // seq_parameter_set_id
    w.ue(LOG2_MAX_FRAME_NUM - 4);
    w.ue(2); // pic_order_cnt_type 2: output order = decoding order
    w.ue(1); // max_num_ref_frames
    w.u(1, 0); // gaps_in_frame_num_value_allowed_flag
    w.ue(this.mbW - 1);
    w.ue(this.mbH - 1);
    w.u(1, 1); // frame_mbs_only_flag
    w.u(1, 1); // direct_8x8_inference_flag
    w.u(1, 0); // frame_cropping_flag
    w.u(1, 0); // vui_parameters_present_flag
    w.trailing();
    return nalUnit(3, 7, w.toBytes());
  }

  private buildPps(): Uint8Array {
    const w = new BitWriter();
    w.ue(0); // pic_parameter_set_id
    w.ue(0); // seq_parameter_set_id
    w.u(1, 0); // entropy_coding_mode_flag: CAVLC
    w.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
    w.ue(0); // num_slice_groups_minus1
    w.ue(0); // num_ref_idx_l0_default_active_minus1
    w.ue(0); // num_ref_idx_l1_default_active_minus1
    w.u(1, 0); // weighted_pred_flag
    w.u(2, 0); // weighted_bipred_idc
    w.se(0); // pic_init_qp_minus26
    w.se(0); // pic_init_qs_minus26
    w.se(0); // chroma_qp_index_offset
    w.u(1, 1); // deblocking_filter_control_present_flag
    w.u(1, 0); // constrained_intra_pred_flag
    w.u(1, 0); // redundant_pic_cnt_present_flag
    w.trailing();
    return nalUnit(3, 8, w.toBytes());
  }

  /** Encodes one picture; returns an AVCC sample (length-prefixed NAL units). */
  encode(picture: Picture, keyframe: boolean): Uint8Array {
    const key = keyframe || !this.previous;
    const w = new BitWriter();
    w.ue(0); // first_mb_in_slice
    w.ue(key ? 7 : 5); // slice_type: I or P (all slices of the picture alike)
    w.ue(0); // pic_parameter_set_id
    if (key) this.frameNum = 0;
    w.u(LOG2_MAX_FRAME_NUM, this.frameNum);
    if (key) {
      w.ue(this.idrCount++ % 2); // idr_pic_id differs between consecutive IDR pictures
      w.u(1, 0); // no_output_of_prior_pics_flag
      w.u(1, 0); // long_term_reference_flag
    } else {
      w.u(1, 0); // num_ref_idx_active_override_flag
      w.u(1, 0); // ref_pic_list_modification_flag_l0
      w.u(1, 0); // adaptive_ref_pic_marking_mode_flag
    }
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc: off, so unchanged macroblocks stay bit-exact
    let skipped = 0;
    const total = this.mbW * this.mbH;
    for (let mb = 0; mb < total; mb++) {
      if (!key && this.sameMacroblock(picture, mb)) {
        skipped++;
        continue;
      }
      if (!key) {
        w.ue(skipped);
        skipped = 0;
      }
      w.ue(key ? PCM_MB_TYPE_I_SLICE : PCM_MB_TYPE_P_SLICE);
      w.alignZero(); // pcm_alignment_zero_bit
      w.raw(this.macroblockSamples(picture, mb));
    }
    if (skipped > 0) w.ue(skipped);
    w.trailing();
    const slice = nalUnit(key ? 3 : 2, key ? 5 : 1, w.toBytes());
    this.frameNum = (this.frameNum + 1) % (1 << LOG2_MAX_FRAME_NUM);
    this.previous = picture;
    return avccSample([slice]);
  }

  private macroblockSamples(p: Picture, mb: number): Uint8Array {
    const out = new Uint8Array(384);
    const mx = (mb % this.mbW) * 16;
    const my = Math.floor(mb / this.mbW) * 16;
    for (let r = 0; r < 16; r++) out.set(p.y.subarray((my + r) * this.width + mx, (my + r) * this.width + mx + 16), r * 16);
    const cw = this.width / 2;
    for (let r = 0; r < 8; r++) {
      const at = (my / 2 + r) * cw + mx / 2;
      out.set(p.u.subarray(at, at + 8), 256 + r * 8);
      out.set(p.v.subarray(at, at + 8), 320 + r * 8);
    }
    return out;
  }

  private sameMacroblock(p: Picture, mb: number): boolean {
    const q = this.previous!;
    const mx = (mb % this.mbW) * 16;
    const my = Math.floor(mb / this.mbW) * 16;
    for (let r = 0; r < 16; r++) {
      const at = (my + r) * this.width + mx;
      for (let c = 0; c < 16; c++) if (p.y[at + c] !== q.y[at + c]) return false;
    }
    const cw = this.width / 2;
    for (let r = 0; r < 8; r++) {
      const at = (my / 2 + r) * cw + mx / 2;
      for (let c = 0; c < 8; c++) if (p.u[at + c] !== q.u[at + c] || p.v[at + c] !== q.v[at + c]) return false;
    }
    return true;
  }
}

// 3×5 bitmap digits, rows top to bottom, 3 bits per row (MSB = left).
const DIGITS = [0o75557, 0o22222, 0o71747, 0o71717, 0o55711, 0o74717, 0o74757, 0o71111, 0o75757, 0o75717];
const BARS: ReadonlyArray<readonly [number, number, number]> = [
  [180, 128, 128], [168, 44, 136], [145, 147, 44], [133, 63, 52], [63, 193, 204], [51, 109, 212], [28, 212, 120], [16, 128, 128],
];

/** Draws the test pattern for producer time `timestampMs` (the clock shows seconds with tenths). */
export function drawTestPattern(width: number, height: number, timestampMs: number): Picture {
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const [by, bu, bv] = BARS[Math.floor((col * BARS.length) / width)];
      y[row * width + col] = by;
      if (!(row & 1) && !(col & 1)) {
        u[(row / 2) * (width / 2) + col / 2] = bu;
        v[(row / 2) * (width / 2) + col / 2] = bv;
      }
    }
  }
  // A bar sweeping left to right once every 2 s, in the lower quarter.
  const barX = Math.floor(((timestampMs % 2000) / 2000) * (width - 8));
  for (let row = Math.floor((height * 3) / 4); row < height; row++) y.fill(235, row * width + barX, row * width + barX + 8);
  // Clock: "SSSSS.T" seconds since the epoch modulo 100000, white on black, top-left.
  const tenths = Math.floor(timestampMs / 100);
  const text = `${String(Math.floor(tenths / 10) % 100000).padStart(5, '0')}${tenths % 10}`;
  const scale = Math.max(1, Math.floor(width / 80));
  const boxH = 7 * scale;
  for (let row = 0; row < Math.min(height, boxH + 2); row++) y.fill(16, row * width, row * width + Math.min(width, text.length * 4 * scale + 2));
  for (let i = 0; i < text.length; i++) {
    const glyph = DIGITS[Number(text[i])];
    for (let gr = 0; gr < 5; gr++) {
      for (let gc = 0; gc < 3; gc++) {
        if (!((glyph >> ((4 - gr) * 3 + (2 - gc))) & 1)) continue;
        for (let sy = 0; sy < scale; sy++) {
          const py = 1 + scale + gr * scale + sy;
          const px = 1 + (i * 4 + gc) * scale;
          if (py < height) y.fill(235, py * width + px, py * width + Math.min(width, px + scale));
        }
      }
    }
  }
  return { y, u, v };
}
