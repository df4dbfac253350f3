/**
 * One colour scale for utilisation everywhere (heat map, hash-key band): 0 → pale, 0.5 → blue,
 * 0.8 → amber, ≥ 1 → red. A 256-entry RGBA lookup table, so canvases colour cells without strings.
 */
export const LUT_SIZE = 256;

const STOPS: ReadonlyArray<readonly [number, readonly [number, number, number]]> = [
  [0, [228, 236, 247]],
  [0.5, [74, 144, 226]],
  [0.8, [240, 180, 41]],
  [0.98, [232, 107, 28]],
  [1, [207, 34, 46]],
];

export function buildUtilLut(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1);
    let k = 0;
    while (k < STOPS.length - 2 && t > STOPS[k + 1][0]) k++;
    const [t0, c0] = STOPS[k];
    const [t1, c1] = STOPS[k + 1];
    const f = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
    lut[i * 4] = c0[0] + (c1[0] - c0[0]) * f;
    lut[i * 4 + 1] = c0[1] + (c1[1] - c0[1]) * f;
    lut[i * 4 + 2] = c0[2] + (c1[2] - c0[2]) * f;
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

const shared = buildUtilLut();

export function lutIndex(util: number): number {
  return Math.max(0, Math.min(LUT_SIZE - 1, Math.round(Math.min(util, 1) * (LUT_SIZE - 1))));
}

export function utilColor(util: number): string {
  const i = lutIndex(util) * 4;
  return `rgb(${shared[i]},${shared[i + 1]},${shared[i + 2]})`;
}
