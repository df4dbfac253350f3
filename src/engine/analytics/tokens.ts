/**
 * Token shapes of the SQL lexer and the word lists the editor needs (Monarch tokens, completion).
 * Owns no logic beyond classification; imports only diagnostics types.
 */
import type { Range } from './diagnostics';

export type TokenKind = 'ident' | 'quoted_ident' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For identifiers: folded to upper case (unquoted) or exact (quoted); for strings: the unescaped value. */
  readonly value: string;
  /** The exact source text. */
  readonly text: string;
  readonly range: Range;
}

/** Words that cannot be used as bare aliases (they start or continue clauses). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'SELECT', 'STREAM', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'WINDOW', 'WINDOWED', 'ORDER', 'UNION', 'EXCEPT',
  'INTERSECT', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'ON', 'AS', 'OVER', 'AND', 'OR', 'NOT',
  'IS', 'NULL', 'IN', 'LIKE', 'SIMILAR', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'INSERT', 'INTO', 'CREATE',
  'PUMP', 'VALUES', 'DISTINCT', 'ALL', 'PARTITION', 'RANGE', 'ROWS', 'PRECEDING', 'FOLLOWING', 'LIMIT', 'WITH',
  'STAGGER', 'USING', 'TRUE', 'FALSE', 'FOR', 'ESCAPE', 'DESC', 'ASC',
]);

/** Keywords for highlighting and completion (superset of the reserved words). */
export const SQL_KEYWORDS: readonly string[] = [
  ...RESERVED_WORDS,
  'REPLACE', 'TABLE', 'VIEW', 'TEMPORARY', 'DESCRIPTION', 'CURSOR', 'DESCRIPTOR', 'INTERVAL', 'TIMESTAMP', 'DATE',
  'TIME', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'YEAR', 'TO', 'CURRENT', 'ROW', 'UNBOUNDED', 'WATERMARK',
  'PRIMARY', 'KEY', 'ENFORCED', 'SYSTEM_TIME', 'OF', 'BOTH', 'LEADING', 'TRAILING', 'PLACING', 'ROWTIME',
];

export const SQL_TYPE_NAMES: readonly string[] = [
  'TINYINT', 'SMALLINT', 'INTEGER', 'INT', 'BIGINT', 'DECIMAL', 'NUMERIC', 'REAL', 'FLOAT', 'DOUBLE', 'BOOLEAN',
  'CHAR', 'VARCHAR', 'STRING', 'BINARY', 'VARBINARY', 'DATE', 'TIME', 'TIMESTAMP', 'INTERVAL',
];

/** Monarch-friendly token classes: the UI builds its tokenizer from these lists. */
export const MONARCH_TOKENS = {
  keywords: SQL_KEYWORDS,
  typeKeywords: SQL_TYPE_NAMES,
  operators: ['=', '<>', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '||'],
  comment: { line: '--', blockStart: '/*', blockEnd: '*/' },
  stringQuote: "'",
  identifierQuote: '"',
} as const;
