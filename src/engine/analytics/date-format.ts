/**
 * Java SimpleDateFormat patterns (the subset KDA apps use: y M d H h k m s S a E, quoted text)
 * for TIMESTAMP_TO_CHAR / CHAR_TO_TIMESTAMP. UTC only, like the engine's TIMESTAMP.
 */
import { SqlRuntimeError } from './values';

interface PatternPart {
  readonly letter: string | null;
  readonly count: number;
  readonly text: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const cache = new Map<string, PatternPart[]>();

function compilePattern(pattern: string): PatternPart[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const parts: PatternPart[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      parts.push({ letter: null, count: 0, text: i + 1 === j ? "'" : text });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      parts.push({ letter: ch, count: j - i, text: '' });
      i = j;
      continue;
    }
    parts.push({ letter: null, count: 0, text: ch });
    i++;
  }
  cache.set(pattern, parts);
  return parts;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatWithPattern(pattern: string, ms: number): string {
  const d = new Date(ms);
  let out = '';
  for (const p of compilePattern(pattern)) {
    if (p.letter === null) {
      out += p.text;
      continue;
    }
    const n = p.count;
    switch (p.letter) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : pad(d.getUTCMonth() + 1, n);
        break;
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'H':
        out += pad(d.getUTCHours(), n);
        break;
      case 'k':
        out += pad(d.getUTCHours() || 24, n);
        break;
      case 'h':
        out += pad(d.getUTCHours() % 12 || 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3)).padEnd(n, '0').slice(0, n);
        break;
      case 'a':
        out += d.getUTCHours() < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()].slice(0, 3);
        break;
      case 'D': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        out += pad(Math.floor((ms - start) / 86_400_000) + 1, n);
        break;
      }
      case 'Z':
        out += '+0000';
        break;
      case 'X':
        out += 'Z';
        break;
      case 'z':
        out += 'UTC';
        break;
      default:
        throw new SqlRuntimeError('Format error', `unsupported pattern letter '${p.letter}' in '${pattern}'`);
    }
  }
  return out;
}

/** Parses `text` with a SimpleDateFormat pattern into epoch ms (UTC); throws when it does not match. */
export function parseWithPattern(pattern: string, text: string): number {
  let year = 1970, month = 0, day = 1, hour = 0, minute = 0, second = 0, milli = 0;
  let pm: boolean | null = null;
  let pos = 0;
  const fail = (): never => {
    throw new SqlRuntimeError('Parse error', `'${text}' does not match the date format '${pattern}'`);
  };
  const parts = compilePattern(pattern);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.letter === null) {
      if (text.startsWith(p.text, pos)) pos += p.text.length;
      else fail();
      continue;
    }
    const nextIsLetter = parts[k + 1]?.letter != null;
    const readNumber = (): number => {
      const maxLen = nextIsLetter ? p.count : 10;
      const m = new RegExp(`^[+-]?\\d{1,${Math.max(maxLen, 1)}}`).exec(text.slice(pos));
      if (!m) fail();
      pos += (m as RegExpExecArray)[0].length;
      return Number((m as RegExpExecArray)[0]);
    };
    const readWord = (words: string[]): number => {
      const rest = text.slice(pos).toLowerCase();
      for (let w = 0; w < words.length; w++) {
        for (const candidate of [words[w], words[w].slice(0, 3)]) {
          if (rest.startsWith(candidate.toLowerCase())) {
            pos += candidate.length;
            return w;
          }
        }
      }
      return fail();
    };
    switch (p.letter) {
      case 'y':
      case 'Y': {
        const v = readNumber();
        year = p.count === 2 && v < 100 ? 2000 + v : v;
        break;
      }
      case 'M':
        month = p.count >= 3 ? readWord(MONTHS) : readNumber() - 1;
        break;
      case 'd':
        day = readNumber();
        break;
      case 'H':
      case 'k':
        hour = readNumber() % 24;
        break;
      case 'h':
        hour = readNumber() % 12;
        break;
      case 'm':
        minute = readNumber();
        break;
      case 's':
        second = readNumber();
        break;
      case 'S': {
        const start = pos;
        readNumber();
        const digits = text.slice(start, pos);
        milli = Number((digits + '000').slice(0, 3));
        break;
      }
      case 'a':
        pm = readWord(['AM', 'PM']) === 1;
        break;
      case 'E':
        readWord(DAYS);
        break;
      case 'Z':
      case 'X':
      case 'z': {
        const m = /^(Z|UTC|GMT|[+-]\d{2}:?\d{2})/i.exec(text.slice(pos));
        if (!m) fail();
        pos += (m as RegExpExecArray)[0].length;
        break;
      }
      default:
        fail();
    }
  }
  if (pos !== text.length) fail();
  if (pm !== null && pm) hour += 12;
  return Date.UTC(year, month, day, hour, minute, second, milli);
}
