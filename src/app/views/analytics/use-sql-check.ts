/**
 * Checks the editor's SQL ~250 ms after the last keystroke (parse, bind and plan with the engine
 * on the main thread: pure TypeScript, a few milliseconds for an application-sized script).
 */
import { useEffect, useState } from 'react';
import type { InputSchema } from '../../../engine/analytics/input-schema';
import { checkSql, type SqlCheckResult } from '../../components/editor/sql-diagnostics';
import { useAnalyticsUi } from './analytics-store';

export const CHECK_DEBOUNCE_MS = 250;

export interface SqlCheckState {
  readonly result: SqlCheckResult | null;
  /** The result is for an older text (the debounce has not fired yet): do not act on it. */
  readonly stale: boolean;
}

export function useSqlCheck(sql: string, inputSchema: InputSchema | null, namePrefix: string): SqlCheckState {
  // The edited application's reference tables (a join with one must bind).
  const references = useAnalyticsUi((s) => s.draft.reference);
  const [checked, setChecked] = useState<{ key: readonly unknown[]; result: SqlCheckResult } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const result = checkSql({ sql, inputSchema: inputSchema ?? undefined, namePrefix: namePrefix || undefined, references }, () => performance.now());
      setChecked({ key: [sql, inputSchema, namePrefix, references], result });
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [sql, inputSchema, namePrefix, references]);
  const stale = !checked || checked.key[0] !== sql || checked.key[1] !== inputSchema || checked.key[2] !== namePrefix || checked.key[3] !== references;
  return { result: checked?.result ?? null, stale };
}
