/**
 * What the SQL editor suggests at the cursor: keywords, types, functions (with a short signature
 * where it helps), the application's in-application streams and, after `alias.` or `"STREAM".`,
 * that stream's columns. Pure (no Monaco): the language module turns these into completion items.
 */
import type { StreamInfo } from '../../../engine/analytics/in-app-stream';
import { FUNCTION_NAMES, TABLE_FUNCTIONS } from '../../../engine/analytics/functions';
import { SQL_KEYWORDS, SQL_TYPE_NAMES } from '../../../engine/analytics/tokens';

export type SuggestionKind = 'keyword' | 'type' | 'function' | 'stream' | 'column' | 'snippet';

export interface Suggestion {
  readonly label: string;
  readonly kind: SuggestionKind;
  readonly insertText: string;
  readonly detail?: string;
  /** Insert text uses snippet placeholders (${1:x}). */
  readonly snippet?: boolean;
}

const SIGNATURES: Readonly<Record<string, string>> = {
  STEP: 'STEP(${1:s.ROWTIME} BY INTERVAL \'${2:10}\' SECOND)',
  FLOOR: 'FLOOR(${1:s.ROWTIME} TO ${2:MINUTE})',
  RANDOM_CUT_FOREST: 'RANDOM_CUT_FOREST(CURSOR(SELECT STREAM ${1:*} FROM "${2:SOURCE_SQL_STREAM_001}"))',
  TOP_K_ITEMS_TUMBLING: 'TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "${1:SOURCE_SQL_STREAM_001}"), \'${2:column}\', ${3:10}, ${4:60})',
  TUMBLE: 'TUMBLE(TABLE ${1:t}, DESCRIPTOR(${2:proc}), INTERVAL \'${3:10}\' SECOND)',
  HOP: 'HOP(TABLE ${1:t}, DESCRIPTOR(${2:proc}), INTERVAL \'${3:10}\' SECOND, INTERVAL \'${4:1}\' MINUTE)',
};

const SNIPPETS: readonly Suggestion[] = [
  { label: 'pump', kind: 'snippet', snippet: true, detail: 'CREATE OR REPLACE PUMP … INSERT INTO … SELECT STREAM',
    insertText: 'CREATE OR REPLACE PUMP "${1:STREAM_PUMP}" AS\n  INSERT INTO "${2:DESTINATION_SQL_STREAM}"\n  SELECT STREAM ${3:*}\n  FROM "${4:SOURCE_SQL_STREAM_001}";' },
  { label: 'stream', kind: 'snippet', snippet: true, detail: 'CREATE OR REPLACE STREAM',
    insertText: 'CREATE OR REPLACE STREAM "${1:DESTINATION_SQL_STREAM}" (\n  ${2:col} ${3:VARCHAR(16)}\n);' },
];

/** The identifier chain just before the cursor when it ends with a dot: `s.` → 's', `"X".` → 'X'. */
export function qualifierBefore(textBeforeCursor: string): string | null {
  // Only a dot right before the word being typed counts: `s.pa|`, never across spaces or lines.
  const m = /("([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))\.[A-Za-z0-9_"]*$/.exec(textBeforeCursor);
  if (!m) return null;
  return m[2] ?? m[3].toUpperCase();
}

/** `FROM "X" AS a`, `FROM X a`, `JOIN "X" a`: alias (folded) → stream name. */
export function aliasesIn(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\b(?:FROM|JOIN)\s+("([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))(?:\s+AS)?\s+([A-Za-z_][A-Za-z0-9_]*)/gi;
  const stop = new Set(['WHERE', 'GROUP', 'JOIN', 'LEFT', 'INNER', 'ON', 'WINDOW', 'WINDOWED', 'HAVING', 'ORDER', 'UNION', 'OVER', 'CROSS']);
  for (const m of sql.matchAll(re)) {
    const alias = m[4].toUpperCase();
    if (stop.has(alias)) continue;
    out.set(alias, m[2] ?? m[3].toUpperCase());
  }
  return out;
}

function quoteIfNeeded(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) ? name : `"${name}"`;
}

export function suggestionsAt(textBeforeCursor: string, fullText: string, streams: readonly StreamInfo[]): Suggestion[] {
  const qualifier = qualifierBefore(textBeforeCursor);
  if (qualifier !== null) {
    const target = aliasesIn(fullText).get(qualifier.toUpperCase()) ?? qualifier;
    const stream = streams.find((s) => s.name === target) ?? streams.find((s) => s.name.toUpperCase() === target.toUpperCase());
    if (!stream) return [];
    return [
      { label: 'ROWTIME', kind: 'column', insertText: 'ROWTIME', detail: 'TIMESTAMP (system)' },
      ...stream.columns.filter((c) => c.name !== 'ROWTIME').map((c) => ({ label: c.writtenName, kind: 'column' as const, insertText: quoteIfNeeded(c.writtenName), detail: `${c.type} — ${stream.name}` })),
    ];
  }
  const out: Suggestion[] = [];
  // Inside an open double quote, offer stream names without the quote the user already typed.
  const inQuote = (textBeforeCursor.match(/"/g)?.length ?? 0) % 2 === 1;
  for (const s of streams) {
    if (s.role === 'error') continue;
    out.push({ label: s.name, kind: 'stream', insertText: inQuote ? s.name : `"${s.name}"`, detail: `${s.role} (${s.columns.length} columns)` });
  }
  if (inQuote) {
    for (const s of streams) for (const c of s.columns) out.push({ label: c.writtenName, kind: 'column', insertText: c.writtenName, detail: `${c.type} — ${s.name}` });
    return out;
  }
  const seenColumns = new Set<string>();
  for (const s of streams) {
    for (const c of s.columns) {
      if (seenColumns.has(c.writtenName)) continue;
      seenColumns.add(c.writtenName);
      out.push({ label: c.writtenName, kind: 'column', insertText: quoteIfNeeded(c.writtenName), detail: `${c.type} — ${s.name}` });
    }
  }
  for (const k of new Set(SQL_KEYWORDS)) out.push({ label: k, kind: 'keyword', insertText: k });
  for (const t of new Set(SQL_TYPE_NAMES)) out.push({ label: t, kind: 'type', insertText: t });
  for (const f of new Set(FUNCTION_NAMES)) {
    const sig = SIGNATURES[f];
    out.push({ label: f, kind: 'function', insertText: sig ?? `${f}($0)`, snippet: true, detail: TABLE_FUNCTIONS.includes(f) ? 'table function' : 'function' });
  }
  out.push(...SNIPPETS);
  return out;
}
