/**
 * The slice of jq 1.6 that dynamic-partitioning `MetadataExtractionQuery` uses: an object
 * constructor whose values are paths (`.a.b`, `.a["b-c"]`, `.items[0]`) optionally piped into
 * `tostring`, `tonumber`, `ascii_downcase`, `ascii_upcase`, `ltrimstr("x")`, `rtrimstr("x")`,
 * `floor`, `todate` or `strftime("%Y…")` (UTC, epoch seconds). Compiled once, run per record.
 */

export class JqError extends Error {}

type Step = { readonly kind: 'field'; readonly name: string } | { readonly kind: 'index'; readonly index: number };
type Filter =
  | { readonly kind: 'path'; readonly steps: readonly Step[] }
  | { readonly kind: 'call'; readonly name: string; readonly arg?: string };

export interface CompiledQuery {
  readonly keys: readonly string[];
  /** Evaluates the query on a parsed JSON record; throws JqError when a key has no usable value. */
  run(record: unknown): Record<string, string>;
}

const FUNCTIONS_NO_ARG = new Set(['tostring', 'tonumber', 'ascii_downcase', 'ascii_upcase', 'floor', 'todate']);
const FUNCTIONS_STRING_ARG = new Set(['strftime', 'ltrimstr', 'rtrimstr']);

export function compileQuery(source: string): CompiledQuery {
  const p = new Parser(source);
  const entries = p.parseObject();
  p.expectEnd();
  return {
    keys: entries.map(([k]) => k),
    run(record) {
      const out: Record<string, string> = {};
      for (const [key, pipeline] of entries) {
        let value: unknown = record;
        for (const f of pipeline) value = apply(f, value, key);
        if (value === null || value === undefined) throw new JqError(`partition key "${key}" evaluated to null`);
        out[key] = typeof value === 'string' ? value : JSON.stringify(value);
      }
      return out;
    },
  };
}

function apply(f: Filter, value: unknown, key: string): unknown {
  if (f.kind === 'path') {
    let v = value;
    for (const step of f.steps) {
      if (v === null || v === undefined) return null;
      if (step.kind === 'field') {
        if (typeof v !== 'object' || Array.isArray(v)) throw new JqError(`cannot index ${typeName(v)} with "${step.name}" (key "${key}")`);
        v = (v as Record<string, unknown>)[step.name];
      } else {
        if (!Array.isArray(v)) throw new JqError(`cannot index ${typeName(v)} with a number (key "${key}")`);
        v = v[step.index < 0 ? v.length + step.index : step.index];
      }
    }
    return v ?? null;
  }
  switch (f.name) {
    case 'tostring': return typeof value === 'string' ? value : JSON.stringify(value);
    case 'tonumber': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw new JqError(`cannot parse ${JSON.stringify(value)} as a number (key "${key}")`);
      return n;
    }
    case 'ascii_downcase': return requireString(value, key).toLowerCase();
    case 'ascii_upcase': return requireString(value, key).toUpperCase();
    case 'ltrimstr': return typeof value === 'string' && value.startsWith(f.arg ?? '') ? value.slice((f.arg ?? '').length) : value;
    case 'rtrimstr': return typeof value === 'string' && value.endsWith(f.arg ?? '') && f.arg ? value.slice(0, -f.arg.length) : value;
    case 'floor': return Math.floor(requireNumber(value, key));
    case 'todate': return strftime('%Y-%m-%dT%H:%M:%SZ', requireNumber(value, key));
    case 'strftime': return strftime(f.arg ?? '', requireNumber(value, key));
    default: throw new JqError(`unsupported function ${f.name}`);
  }
}

function requireString(v: unknown, key: string): string {
  if (typeof v !== 'string') throw new JqError(`${typeName(v)} cannot be case-converted (key "${key}")`);
  return v;
}

function requireNumber(v: unknown, key: string): number {
  if (typeof v !== 'number') throw new JqError(`strftime/todate/floor need a number, got ${typeName(v)} (key "${key}")`);
  return v;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** C strftime subset on epoch seconds in UTC. */
export function strftime(format: string, epochSec: number): string {
  const d = new Date(Math.floor(epochSec * 1000));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()), H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()), y: p2(d.getUTCFullYear() % 100), j: String(dayOfYear(d)).padStart(3, '0'),
    s: String(Math.floor(epochSec)), '%': '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => map[c] ?? all);
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parseObject(): Array<[string, Filter[]]> {
    this.expect('{');
    const entries: Array<[string, Filter[]]> = [];
    this.ws();
    if (this.peek() === '}') throw this.error('the query object needs at least one key');
    for (;;) {
      this.ws();
      const key = this.peek() === '"' ? this.parseString() : this.parseIdent();
      this.ws();
      this.expect(':');
      entries.push([key, this.parsePipeline()]);
      this.ws();
      if (this.peek() === ',') { this.i++; continue; }
      this.expect('}');
      return entries;
    }
  }

  expectEnd(): void {
    this.ws();
    if (this.i < this.src.length) throw this.error(`unexpected "${this.src.slice(this.i, this.i + 10)}"`);
  }

  private parsePipeline(): Filter[] {
    const filters: Filter[] = [];
    for (;;) {
      this.ws();
      filters.push(this.peek() === '.' ? this.parsePath() : this.parseCall());
      this.ws();
      if (this.peek() !== '|') return filters;
      this.i++;
    }
  }

  private parsePath(): Filter {
    const steps: Step[] = [];
    this.expect('.');
    if (/[A-Za-z_]/.test(this.peek())) steps.push({ kind: 'field', name: this.parseIdent() });
    for (;;) {
      if (this.peek() === '.' && /[A-Za-z_]/.test(this.src[this.i + 1] ?? '')) {
        this.i++;
        steps.push({ kind: 'field', name: this.parseIdent() });
      } else if (this.peek() === '[') {
        this.i++;
        this.ws();
        if (this.peek() === '"') steps.push({ kind: 'field', name: this.parseString() });
        else {
          const m = /^-?\d+/.exec(this.src.slice(this.i));
          if (!m) throw this.error('expected a string or integer index');
          this.i += m[0].length;
          steps.push({ kind: 'index', index: Number(m[0]) });
        }
        this.ws();
        this.expect(']');
      } else return { kind: 'path', steps };
    }
  }

  private parseCall(): Filter {
    const name = this.parseIdent();
    if (FUNCTIONS_NO_ARG.has(name)) return { kind: 'call', name };
    if (!FUNCTIONS_STRING_ARG.has(name)) throw this.error(`unsupported jq function "${name}"`);
    this.ws();
    this.expect('(');
    this.ws();
    const arg = this.parseString();
    this.ws();
    this.expect(')');
    return { kind: 'call', name, arg };
  }

  private parseIdent(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.i));
    if (!m) throw this.error('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  private parseString(): string {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(this.src.slice(this.i));
    if (!m) throw this.error('expected a string');
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private ws(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private expect(c: string): void {
    if (this.src[this.i] !== c) throw this.error(`expected "${c}"`);
    this.i++;
  }

  private error(what: string): JqError {
    return new JqError(`MetadataExtractionQuery: ${what} at position ${this.i} in ${JSON.stringify(this.src)}`);
  }
}
