/**
 * A tiny error-accumulating reader for untrusted JSON: every bad field is reported with its dotted
 * path and the allowed range, and reading goes on so that one run lists every problem.
 */

export interface WorkloadIssue {
  /** Dotted path of the field, e.g. "traffic.recordsPerSecond.peak" or "consumers[2].batchSize". */
  readonly path: string;
  readonly message: string;
}

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** When true, min is exclusive (e.g. utilisation must be > 0). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}

export class JsonReader {
  readonly issues: WorkloadIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, `must be an object, got ${describe(value)}`);
    return undefined;
  }

  /** Flags fields this schema does not know, which are almost always typos. */
  noUnknownFields(obj: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!known.includes(k)) this.fail(join(path, k), `is not a known field; allowed here: ${known.join(', ')}`);
    }
  }

  number(obj: Record<string, unknown>, key: string, path: string, rule: NumberRule, fallback?: number): number {
    const v = obj[key];
    const p = join(path, key);
    if (v === undefined) {
      if (fallback !== undefined) return fallback;
      this.fail(p, `is required: ${ruleText(rule)}`);
      return NaN;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(p, `must be ${ruleText(rule)}, got ${describe(v)}`);
      return fallback ?? NaN;
    }
    const belowMin = rule.min !== undefined && (rule.minExclusive ? v <= rule.min : v < rule.min);
    const aboveMax = rule.max !== undefined && v > rule.max;
    if (belowMin || aboveMax || (rule.integer && !Number.isInteger(v))) {
      this.fail(p, `must be ${ruleText(rule)}, got ${v}`);
    }
    return v;
  }

  optionalNumber(obj: Record<string, unknown>, key: string, path: string, rule: NumberRule): number | undefined {
    return obj[key] === undefined ? undefined : this.number(obj, key, path, rule);
  }

  string(obj: Record<string, unknown>, key: string, path: string, fallback?: string, maxLength = 256): string {
    const v = obj[key];
    const p = join(path, key);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v.length === 0 || v.length > maxLength) {
      this.fail(p, `must be a string of 1–${maxLength} characters, got ${describe(v)}`);
      return fallback ?? '';
    }
    return v;
  }

  boolean(obj: Record<string, unknown>, key: string, path: string, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.fail(join(path, key), `must be true or false, got ${describe(v)}`);
      return fallback;
    }
    return v;
  }

  oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, allowed: readonly T[], fallback?: T): T {
    const v = obj[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(join(path, key), `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(v)}`);
    return fallback ?? allowed[0];
  }

  array(obj: Record<string, unknown>, key: string, path: string, optional: boolean): unknown[] {
    const v = obj[key];
    if (v === undefined && optional) return [];
    if (Array.isArray(v)) return v;
    this.fail(join(path, key), `must be an array, got ${describe(v)}`);
    return [];
  }
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function ruleText(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  const lo = rule.min === undefined ? undefined : `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  const hi = rule.max === undefined ? undefined : `≤ ${rule.max}`;
  const range = [lo, hi].filter(Boolean).join(' and ');
  return range ? `${kind} ${range}` : kind;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
