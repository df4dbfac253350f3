/**
 * Typed reads from one JSON object with the agent's own rules and messages: missing required
 * keys ("Required configuration value missing: k"), enum values ("Value(x) is not legally
 * accepted by key: k. Legal values are [...]"), numbers (also given as numeric strings, as the
 * agent's Configuration accepts) and ranges. Every problem is recorded with its JSON path.
 */
import type { ConfigDiagnostic } from './config-types';

export class ConfigReader {
  constructor(
    readonly obj: Readonly<Record<string, unknown>>,
    readonly path: string,
    readonly diagnostics: ConfigDiagnostic[],
  ) {}

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  error(key: string, message: string): void {
    this.diagnostics.push({ path: this.at(key), message, severity: 'error' });
  }

  warn(key: string, message: string): void {
    this.diagnostics.push({ path: this.at(key), message, severity: 'warning' });
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  string(key: string, required = false): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      if (required) this.error(key, `Required configuration value missing: ${key}`);
      return undefined;
    }
    if (typeof v !== 'string') {
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      this.error(key, `${key} must be a string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }

  enumOf<T extends string>(key: string, legal: readonly T[], fallback: T): T;
  enumOf<T extends string>(key: string, legal: readonly T[]): T | undefined;
  enumOf<T extends string>(key: string, legal: readonly T[], fallback?: T): T | undefined {
    const v = this.string(key, fallback === undefined);
    if (v === undefined) return fallback;
    if (!(legal as readonly string[]).includes(v)) {
      this.error(key, `Value(${v}) is not legally accepted by key: ${key}. Legal values are [${legal.join(', ')}]`);
      return fallback;
    }
    return v as T;
  }

  integer(key: string, fallback: number, range?: readonly [number, number]): number {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) {
      this.error(key, `${key} must be a whole number, got ${JSON.stringify(v)}`);
      return fallback;
    }
    if (range && (n < range[0] || n > range[1])) {
      this.error(key, `${key} is ${n}, outside the valid range [${range[0]}, ${range[1]}]`);
      return fallback;
    }
    return n;
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.error(key, `${key} must be true or false, got ${JSON.stringify(v)}`);
    return fallback;
  }

  stringList(key: string, required: boolean): string[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      if (required) this.error(key, `Required configuration value missing: ${key}`);
      return undefined;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      this.error(key, `${key} must be a list of strings, e.g. ["field1", "field2"]`);
      return undefined;
    }
    return v as string[];
  }

  /** Warns about keys the agent would ignore (usually a typo). */
  unknownKeys(known: readonly string[]): void {
    for (const k of Object.keys(this.obj)) {
      if (!known.includes(k)) this.warn(k, `unknown key "${k}": the agent ignores it (check the spelling)`);
    }
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
