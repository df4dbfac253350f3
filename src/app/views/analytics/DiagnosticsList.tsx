/** The engine's diagnostics for the code in the editor, under it: line:column, severity, message. */
import type { SqlCheckResult } from '../../components/editor/sql-diagnostics';

export function DiagnosticsList({ check, stale }: { check: SqlCheckResult | null; stale: boolean }) {
  if (!check) return <div className="an-diagnostics muted" data-testid="sql-diagnostics">Checking…</div>;
  const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = check.diagnostics.length - errors;
  return (
    <div className="an-diagnostics" data-testid="sql-diagnostics" data-stale={stale} aria-live="polite" aria-busy={stale}>
      <div className="an-diagnostics-summary">
        {check.diagnostics.length === 0 ? (
          <span className="badge badge-ok">No problems</span>
        ) : (
          <>
            {errors ? <span className="badge badge-bad">{errors} error{errors === 1 ? '' : 's'}</span> : null}
            {warnings ? <span className="badge badge-warn">{warnings} warning{warnings === 1 ? '' : 's'}</span> : null}
          </>
        )}
        <span className="muted">
          {stale ? 'checking… · ' : ''}{check.dialect === 'kda' ? 'KDA SQL (legacy)' : 'Flink SQL'} · {check.bound ? 'checked' : 'syntax only (names are checked once there is an input schema)'} in {check.elapsedMs.toFixed(1)} ms
        </span>
      </div>
      {check.diagnostics.length ? (
        <ul className="an-diagnostics-list" aria-label="SQL problems">
          {check.diagnostics.map((d, i) => (
            <li key={i} className={d.severity === 'error' ? 'an-diag-error' : 'an-diag-warning'} data-testid="sql-diagnostic">
              <span className="mono">{d.range.start.line}:{d.range.start.column}</span>
              <span className="an-diag-sev">{d.severity}</span>
              <span>{d.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {check.plan ? (
        <details className="an-plan">
          <summary>Execution plan (EXPLAIN)</summary>
          <pre className="mono" data-testid="sql-plan">{check.plan}</pre>
        </details>
      ) : null}
    </div>
  );
}
