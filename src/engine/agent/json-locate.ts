/**
 * Where a JSON path (`flows[0].dataProcessingOptions[1].logFormat`) sits in a JSON text, so
 * agent.json diagnostics become editor markers. A small scanner records the span of every
 * value (and of every key); a path that is not in the text (a missing required key) falls
 * back to its nearest parent. Strings only: no Node, no DOM.
 */

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export function jsonSpans(text: string): Map<string, TextSpan> {
  const spans = new Map<string, TextSpan>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const value = (path: string): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (i < text.length && text[i] !== '}') {
        ws();
        if (text[i] !== '"') break;
        const ks = i;
        str();
        const key = JSON.parse(text.slice(ks, i)) as string;
        const child = path ? `${path}.${key}` : key;
        spans.set(`${child}#key`, { start: ks, end: i });
        ws();
        if (text[i] === ':') i++;
        value(child);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      let k = 0;
      ws();
      while (i < text.length && text[i] !== ']') {
        value(`${path}[${k++}]`);
        ws();
        if (text[i] === ',') i++;
        else break;
        ws();
      }
      ws();
      i++;
    } else if (c === '"') str();
    else while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
    spans.set(path, { start, end: i });
  };
  try {
    value('');
  } catch {
    // a broken text: keep the spans found so far
  }
  return spans;
}

/** The span to mark for a diagnostic path: the key of a property (else its value), else the nearest parent. */
export function locatePath(spans: Map<string, TextSpan>, path: string): TextSpan {
  let p = path;
  for (;;) {
    const hit = spans.get(`${p}#key`) ?? spans.get(p);
    if (hit) return hit;
    if (p === '') return { start: 0, end: 1 };
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      last = k;
    }
  }
  return { line, column: offset - last };
}
