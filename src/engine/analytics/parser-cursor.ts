/**
 * Token cursor shared by the recursive-descent parser modules: lookahead, keyword matching on
 * unquoted identifiers, expectations that throw SqlSyntaxError with the offending range.
 */
import type { Identifier, Query, TimeUnit } from './ast';
import type { Position, Range } from './diagnostics';
import { SqlSyntaxError } from './diagnostics';
import type { Token } from './tokens';
import { RESERVED_WORDS } from './tokens';

export const TIME_UNITS: ReadonlySet<string> = new Set([
  'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR',
]);

export class Cursor {
  private index = 0;
  /** Set by the query parser so expression parsing can recurse into sub-queries without an import cycle. */
  parseQuery: (c: Cursor) => Query = () => {
    throw new Error('query parser not installed');
  };

  constructor(readonly tokens: readonly Token[]) {}

  get position(): number {
    return this.index;
  }
  set position(value: number) {
    this.index = value;
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.tokens[this.index];
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }
  get atEnd(): boolean {
    return this.peek().kind === 'eof';
  }
  /** End position of the last consumed token. */
  get lastEnd(): Position {
    return this.tokens[Math.max(0, this.index - 1)].range.end;
  }
  rangeFrom(start: Position): Range {
    return { start, end: this.lastEnd };
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.value === word;
  }
  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === op;
  }
  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }
  acceptWords(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (!this.isWord(words[k], k)) return false;
    for (let k = 0; k < words.length; k++) this.next();
    return true;
  }
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }
  expectWord(word: string): Token {
    if (!this.isWord(word)) throw this.error(`expected ${word} but found ${describe(this.peek())}`);
    return this.next();
  }
  expectOp(op: string): Token {
    if (!this.isOp(op)) throw this.error(`expected '${op}' but found ${describe(this.peek())}`);
    return this.next();
  }
  error(message: string, range: Range = this.peek().range): SqlSyntaxError {
    return new SqlSyntaxError(message, range);
  }

  /** An identifier (quoted or not, reserved words refused unless `allowReserved`). */
  identifier(what: string, allowReserved = false): Identifier {
    const t = this.peek();
    if (t.kind === 'quoted_ident' || (t.kind === 'ident' && (allowReserved || !RESERVED_WORDS.has(t.value)))) {
      this.next();
      return { type: 'identifier', value: t.value, quoted: t.kind === 'quoted_ident', range: t.range };
    }
    throw this.error(`expected ${what} but found ${describe(t)}`);
  }
  isIdentifierStart(): boolean {
    const t = this.peek();
    return t.kind === 'quoted_ident' || (t.kind === 'ident' && !RESERVED_WORDS.has(t.value));
  }
  timeUnit(): TimeUnit {
    const t = this.peek();
    if (t.kind === 'ident' && TIME_UNITS.has(t.value)) {
      this.next();
      return t.value as TimeUnit;
    }
    throw this.error(`expected a time unit (SECOND, MINUTE, HOUR, DAY, MONTH, YEAR) but found ${describe(t)}`);
  }
  isTimeUnit(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && TIME_UNITS.has(t.value);
  }
}

export function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of input';
  if (t.kind === 'string') return `string '${t.value}'`;
  return `'${t.text}'`;
}
