/** The engine's diagnostics for the code in the editor, under it: line:column, severity, message. */
import { useTranslation } from 'react-i18next';
import type { SqlCheckResult } from '../../components/editor/sql-diagnostics';

export function DiagnosticsList({ check, stale }: { check: SqlCheckResult | null; stale: boolean }) {
  const { t } = useTranslation('analytics');
  if (!check) return <div className="an-diagnostics muted" data-testid="sql-diagnostics">{t('diagnostics.checking')}</div>;
  const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = check.diagnostics.length - errors;
  return (
    <div className="an-diagnostics" data-testid="sql-diagnostics" data-stale={stale} aria-live="polite" aria-busy={stale}>
      <div className="an-diagnostics-summary">
        {check.diagnostics.length === 0 ? (
          <span className="badge badge-ok">{t('diagnostics.noProblems')}</span>
        ) : (
          <>
            {errors ? <span className="badge badge-bad">{t('diagnostics.errors', { count: errors })}</span> : null}
            {warnings ? <span className="badge badge-warn">{t('diagnostics.warnings', { count: warnings })}</span> : null}
          </>
        )}
        <span className="muted">
          {stale ? t('diagnostics.checkingPrefix') : ''}{t('diagnostics.summary', { dialect: t(check.dialect === 'kda' ? 'editor.kda' : 'editor.flink'), how: t(check.bound ? 'diagnostics.checked' : 'diagnostics.syntaxOnly'), ms: check.elapsedMs.toFixed(1) })}
        </span>
      </div>
      {check.diagnostics.length ? (
        <ul className="an-diagnostics-list" aria-label={t('diagnostics.listLabel')}>
          {check.diagnostics.map((d, i) => (
            <li key={i} className={d.severity === 'error' ? 'an-diag-error' : 'an-diag-warning'} data-testid="sql-diagnostic">
              <span className="mono">{d.range.start.line}:{d.range.start.column}</span>
              <span className="an-diag-sev">{t(`diagnostics.severity.${d.severity}`)}</span>
              <span>{d.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {check.plan ? (
        <details className="an-plan">
          <summary>{t('diagnostics.plan')}</summary>
          <pre className="mono" data-testid="sql-plan">{check.plan}</pre>
        </details>
      ) : null}
    </div>
  );
}
