/**
 * The Analytics page: write streaming SQL in Monaco (KDA SQL legacy-compatible or Flink SQL), see
 * the engine's diagnostics as you type, start it against a stream of the running scenario, and
 * watch its output rows, chart, error stream and in-application streams live.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import type { AnalyticsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { useAnalyticsUi } from './analytics-store';
import { AppConfigPanel } from './AppConfigPanel';
import { DiagnosticsList } from './DiagnosticsList';
import { SQL_EXAMPLES } from './examples';
import { AppStatusCards, ErrorStreamPanel, InAppStreamsPanel, OutputPanel } from './LivePanels';
import { useSqlCheck } from './use-sql-check';
import './analytics.css';

const SqlEditor = lazy(() => import('./SqlEditor'));

function RetirementNotice() {
  return (
    <div className="callout callout-warn an-notice" role="note" data-testid="kda-retirement">
      <strong>Amazon Kinesis Data Analytics for SQL Applications is retired.</strong> AWS stopped new SQL applications on
      15 October 2025 and removes the remaining ones from 27 January 2026; Amazon Managed Service for Apache Flink (Flink SQL)
      replaces it. This sandbox keeps the dialect as <em>KDA SQL (legacy) compatible</em> for learning and migration, next to a
      Flink SQL subset.
    </div>
  );
}

function AppsBar({ apps }: { apps: AnalyticsSnapshot['apps'] }) {
  const selected = useAnalyticsUi((s) => s.selectedApp);
  const edit = useAnalyticsUi((s) => s.edit);
  const setDraft = useAnalyticsUi((s) => s.setDraft);
  const select = useAnalyticsUi((s) => s.select);
  if (apps.length === 0) return null;
  const newApp = () => {
    let n = apps.length + 1;
    while (apps.some((a) => a.name === `app-${n}`)) n++;
    setDraft({ name: `app-${n}` });
    select(null);
  };
  return (
    <nav className="an-apps" aria-label="Applications">
      {apps.map((a) => (
        <button key={a.name} type="button" className={`btn ${a.name === selected ? 'an-app-selected' : ''}`} aria-pressed={a.name === selected} onClick={() => edit(a.config)}>
          {a.name} <span className={`badge ${a.status === 'RUNNING' ? 'badge-ok' : a.status === 'FAILED' ? 'badge-bad' : 'badge-muted'}`}>{a.status}</span>
        </button>
      ))}
      <button type="button" className="btn btn-ghost" onClick={newApp}>+ New application</button>
    </nav>
  );
}

export default function AnalyticsPage(_props: { params: readonly string[] }) {
  const draft = useAnalyticsUi((s) => s.draft);
  const setDraft = useAnalyticsUi((s) => s.setDraft);
  const dialect = useAnalyticsUi((s) => s.dialect);
  const setDialect = useAnalyticsUi((s) => s.setDialect);
  const setChartColumn = useAnalyticsUi((s) => s.setChartColumn);
  const selectedApp = useAnalyticsUi((s) => s.selectedApp);
  useWatch({ stream: null, analytics: true });
  const analytics = useSim((s) => s.frame?.world?.analytics);
  const consumers = useSim((s) => s.frame?.world?.streams.consumers);
  const running = useSim((s) => s.frame?.clock.running ?? false);
  const apps = useMemo(() => analytics?.apps ?? [], [analytics]);
  // The config panel acts on the application named in the form; the live panels show it, or the last one picked.
  const editedApp = apps.find((a) => a.name === draft.name.trim()) ?? null;
  const app = editedApp ?? apps.find((a) => a.name === selectedApp) ?? null;
  const { result: check, stale } = useSqlCheck(draft.sql, draft.inputSchema, draft.namePrefix);
  const hasErrors = stale || (check?.diagnostics.some((d) => d.severity === 'error') ?? false);
  const examples = SQL_EXAMPLES.filter((e) => e.dialect === dialect);
  const otherConsumers = consumers?.filter((c) => c.stream === app?.source.stream).length ?? 0;
  const streamsForEditor = useMemo(() => check?.streams ?? [], [check]);
  const emittable = useMemo(() => streamsForEditor.filter((s) => s.role !== 'source' && !(s.role === 'table' && check?.dialect === 'kda')).map((s) => s.name), [streamsForEditor, check]);

  // The service fills in the schema when the app starts without one: show it in the editor.
  useEffect(() => {
    if (editedApp && !draft.inputSchema && editedApp.config.input.inputSchema) setDraft({ inputSchema: editedApp.config.input.inputSchema });
  }, [editedApp, draft.inputSchema, setDraft]);

  const loadExample = (id: string) => {
    const ex = SQL_EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    setDraft({ sql: ex.sql });
    setChartColumn(ex.chartColumn ?? null);
  };
  const switchDialect = (d: 'kda' | 'flink') => {
    setDialect(d);
    if (check?.dialect !== d) loadExample(SQL_EXAMPLES.find((e) => e.dialect === d)!.id);
  };

  return (
    <>
      <PageHeader
        title="Analytics"
        subtitle="Streaming SQL over the running scenario's streams: KDA SQL (legacy) compatible, and Flink SQL. Applications read their source as a consumer, so they share its read limits."
      />
      <RetirementNotice />
      <AppsBar apps={apps} />
      <div className="an-layout">
        <section className="panel an-editor-panel" aria-labelledby="an-editor-title">
          <div className="panel-header">
            <h2 id="an-editor-title">Application code</h2>
            <div className="row">
              <div className="an-segmented" role="radiogroup" aria-label="SQL dialect">
                <button type="button" role="radio" aria-checked={dialect === 'kda'} className={dialect === 'kda' ? 'on' : ''} onClick={() => switchDialect('kda')}>KDA SQL (legacy)</button>
                <button type="button" role="radio" aria-checked={dialect === 'flink'} className={dialect === 'flink' ? 'on' : ''} onClick={() => switchDialect('flink')}>Flink SQL</button>
              </div>
              <select value="" onChange={(e) => loadExample(e.target.value)} aria-label="Start from an example" data-testid="analytics-example">
                <option value="">Start from an example…</option>
                {examples.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
              </select>
            </div>
          </div>
          <p className="muted an-example-help">{SQL_EXAMPLES.find((e) => e.sql === draft.sql)?.description ?? 'Ctrl+Space completes keywords, functions, in-application streams and columns (after "alias.").'}</p>
          <Suspense fallback={<div className="an-editor-loading">Loading the editor…</div>}>
            <SqlEditor value={draft.sql} onChange={(sql) => setDraft({ sql })} markers={check?.markers ?? []} streams={streamsForEditor} />
          </Suspense>
          <DiagnosticsList check={check} stale={stale} />
        </section>
        <AppConfigPanel app={editedApp} hasErrors={hasErrors} inAppStreams={emittable} />
      </div>
      {app ? (
        <>
          {!running && app.status === 'RUNNING' ? <div className="callout callout-warn">The simulation is paused: press Play to feed the application records.</div> : null}
          {app === editedApp && app.status === 'RUNNING' && app.config.sql !== draft.sql ? (
            <div className="callout callout-warn">The code in the editor differs from the running application's: stop and start it to apply the change.</div>
          ) : null}
          {app !== editedApp ? <h2 className="an-live-title">Live view of {app.name}</h2> : null}
          <AppStatusCards app={app} otherConsumers={otherConsumers} />
          <OutputPanel app={app} />
          <div className="grid-2">
            <ErrorStreamPanel app={app} />
            <InAppStreamsPanel streams={app.streams} sinkStream={app.sinkStream} />
          </div>
        </>
      ) : (
        <InAppStreamsPanel streams={streamsForEditor} sinkStream={null} />
      )}
    </>
  );
}
