/**
 * Checks the editor's SQL ~250 ms after the last keystroke (parse, bind and plan with the engine
 * on the main thread: pure TypeScript, a few milliseconds for an application-sized script).
 */
import { useEffect, useState } from 'react';
import type { InputSchema } from '../../../engine/analytics/input-schema';
import { checkSql, type SqlCheckResult } from '../../components/editor/sql-diagnostics';

export const CHECK_DEBOUNCE_MS = 250;

export function useSqlCheck(sql: string, inputSchema: InputSchema | null, namePrefix: string): SqlCheckResult | null {
  const [result, setResult] = useState<SqlCheckResult | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      setResult(checkSql({ sql, inputSchema: inputSchema ?? undefined, namePrefix: namePrefix || undefined }, () => performance.now()));
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [sql, inputSchema, namePrefix]);
  return result;
}
