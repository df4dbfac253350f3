/**
 * Rate profiles: how many records per second a producer wants to send at a given moment of the
 * run. Pure kernels over plain data; the producer integrates the rate over its ticks.
 */

export type RateProfile =
  | { readonly kind: 'constant'; readonly recordsPerSec: number }
  /** Linear from `fromRecordsPerSec` to `toRecordsPerSec` over `durationSec`, then holds. */
  | { readonly kind: 'ramp'; readonly fromRecordsPerSec: number; readonly toRecordsPerSec: number; readonly durationSec: number }
  /** Piecewise constant: each step's rate applies from its `atSec` until the next step. Before the first: 0. */
  | { readonly kind: 'step'; readonly steps: readonly { readonly atSec: number; readonly recordsPerSec: number }[] }
  /** Diurnal sine: mean + amplitude·sin(2π(t + phase)/period), never below 0. */
  | { readonly kind: 'sine'; readonly meanRecordsPerSec: number; readonly amplitudeRecordsPerSec: number; readonly periodSec?: number; readonly phaseSec?: number }
  /** A base rate with a burst of `burstRecordsPerSec` lasting `burstDurationSec` every `everySec`. */
  | { readonly kind: 'bursts'; readonly baseRecordsPerSec: number; readonly burstRecordsPerSec: number; readonly everySec: number; readonly burstDurationSec: number; readonly firstBurstAtSec?: number }
  /** Replays a recorded per-second series; after its end, loops or holds 0. */
  | { readonly kind: 'replay'; readonly recordsPerSec: readonly number[]; readonly loop?: boolean };

export const DAY_SEC = 86_400;

/** The wanted rate at `tSec` seconds since the producer started. */
export function rateAt(profile: RateProfile, tSec: number): number {
  switch (profile.kind) {
    case 'constant':
      return profile.recordsPerSec;
    case 'ramp': {
      if (profile.durationSec <= 0 || tSec >= profile.durationSec) return profile.toRecordsPerSec;
      const f = Math.max(0, tSec) / profile.durationSec;
      return profile.fromRecordsPerSec + (profile.toRecordsPerSec - profile.fromRecordsPerSec) * f;
    }
    case 'step': {
      let rate = 0;
      for (const step of profile.steps) if (tSec >= step.atSec) rate = step.recordsPerSec;
      return rate;
    }
    case 'sine': {
      const period = profile.periodSec ?? DAY_SEC;
      const v = profile.meanRecordsPerSec + profile.amplitudeRecordsPerSec * Math.sin((2 * Math.PI * (tSec + (profile.phaseSec ?? 0))) / period);
      return Math.max(0, v);
    }
    case 'bursts': {
      const t = tSec - (profile.firstBurstAtSec ?? 0);
      if (t < 0 || profile.everySec <= 0) return profile.baseRecordsPerSec;
      return t % profile.everySec < profile.burstDurationSec ? profile.burstRecordsPerSec : profile.baseRecordsPerSec;
    }
    case 'replay': {
      const n = profile.recordsPerSec.length;
      if (n === 0) return 0;
      const i = Math.floor(Math.max(0, tSec));
      if (i < n) return profile.recordsPerSec[i];
      return profile.loop ? profile.recordsPerSec[i % n] : 0;
    }
  }
}

/** The highest rate the profile can ask for (used to pick aggregate mode up front). */
export function peakRate(profile: RateProfile): number {
  switch (profile.kind) {
    case 'constant':
      return profile.recordsPerSec;
    case 'ramp':
      return Math.max(profile.fromRecordsPerSec, profile.toRecordsPerSec);
    case 'step':
      return profile.steps.reduce((m, s) => Math.max(m, s.recordsPerSec), 0);
    case 'sine':
      return profile.meanRecordsPerSec + Math.abs(profile.amplitudeRecordsPerSec);
    case 'bursts':
      return Math.max(profile.baseRecordsPerSec, profile.burstRecordsPerSec);
    case 'replay':
      return profile.recordsPerSec.reduce((m, v) => Math.max(m, v), 0);
  }
}

/**
 * Turns a wanted rate over a tick into a whole number of records, carrying the fraction so that
 * e.g. 2.5 records/s gives 2, 3, 2, 3… per second — deterministic, no chance involved.
 */
export class RateIntegrator {
  private carry = 0;

  take(recordsPerSec: number, tickMs: number): number {
    const exact = (recordsPerSec * tickMs) / 1000 + this.carry;
    const whole = Math.floor(exact + 1e-9);
    this.carry = exact - whole;
    return whole;
  }
}
