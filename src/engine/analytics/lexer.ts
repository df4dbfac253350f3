/**
 * SQL lexer: source text → tokens with line/column ranges. Unquoted identifiers fold to upper case,
 * `"quoted"` ones keep their case, strings unescape `''`. Lexical errors become diagnostics and the
 * offending character is skipped, so the parser still sees the rest.
 */
import type { Diagnostic, Position } from './diagnostics';
import { diagnostic } from './diagnostics';
import type { Token, TokenKind } from './tokens';

const TWO_CHAR_OPS = new Set(['<>', '!=', '<=', '>=', '||', '::']);
const ONE_CHAR_OPS = '(),;.*+-/%=<>[]:?{}';

export interface LexResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (offset: number): Position => ({ offset, line, column: offset - lineStart + 1 });
  const n = source.length;

  const push = (kind: TokenKind, value: string, start: Position, end: number) => {
    tokens.push({ kind, value, text: source.slice(start.offset, end), range: { start, end: pos(end) } });
  };
  /** Advances over a multi-line chunk, keeping line bookkeeping right. */
  const advanceTo = (end: number) => {
    for (let k = i; k < end; k++) {
      if (source.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = end;
  };

  while (i < n) {
    const ch = source[i];
    if (ch === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '-' && source[i + 1] === '-') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const start = pos(i);
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        diagnostics.push(diagnostic('unterminated block comment: add */', { start, end: pos(i + 2) }));
        advanceTo(n);
      } else advanceTo(close + 2);
      continue;
    }
    const start = pos(i);
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < n && isIdentPart(source[j])) j++;
      const text = source.slice(i, j);
      push('ident', text.toUpperCase(), start, j);
      i = j;
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(source[i + 1] ?? ''))) {
      let j = i;
      while (j < n && isDigit(source[j])) j++;
      if (source[j] === '.' && isDigit(source[j + 1] ?? '')) {
        j++;
        while (j < n && isDigit(source[j])) j++;
      } else if (source[j] === '.' && !isIdentStart(source[j + 1] ?? '')) j++;
      if ((source[j] === 'e' || source[j] === 'E') && /[0-9+-]/.test(source[j + 1] ?? '')) {
        let k = j + 1;
        if (source[k] === '+' || source[k] === '-') k++;
        if (isDigit(source[k] ?? '')) {
          while (k < n && isDigit(source[k])) k++;
          j = k;
        }
      }
      push('number', source.slice(i, j), start, j);
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (source[j] === ch) {
          if (source[j + 1] === ch) {
            value += ch;
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += source[j];
        j++;
      }
      if (!closed) {
        diagnostics.push(diagnostic(ch === "'" ? 'unterminated string literal: close it with a single quote' : 'unterminated quoted identifier: close it with a double quote', { start, end: pos(i + 1) }));
      }
      const startI = i;
      advanceTo(j);
      tokens.push({ kind: ch === "'" ? 'string' : 'quoted_ident', value, text: source.slice(startI, j), range: { start, end: pos(j) } });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      push('op', two, start, i + 2);
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.includes(ch)) {
      push('op', ch, start, i + 1);
      i++;
      continue;
    }
    diagnostics.push(diagnostic(`unexpected character '${ch}'`, { start, end: pos(i + 1) }));
    i++;
  }
  const end = pos(n);
  tokens.push({ kind: 'eof', value: '', text: '', range: { start: end, end } });
  return { tokens, diagnostics };
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isIdentStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || ch === '$' || ch > '\u007f';
}
function isIdentPart(ch: string): boolean {
  return isIdentStart(ch) || isDigit(ch);
}
