/**
 * The Analytics page: write streaming SQL in Monaco (KDA SQL legacy-compatible or Flink SQL), see
 * the engine's diagnostics as you type, start it against a stream of the running scenario, and
 * watch its output rows, chart, error stream and in-application streams live.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Shell';
import { Term } from '../../learn/Term';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import type { AnalyticsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { checkSql } from '../../components/editor/sql-diagnostics';
import { useAnalyticsUi } from './analytics-store';
import { AppConfigPanel } from './AppConfigPanel';
import { DiagnosticsList } from './DiagnosticsList';
import { SQL_EXAMPLES } from './examples';
import { AppStatusCards, ErrorStreamPanel, InAppStreamsPanel, OutputPanel } from './LivePanels';
import { useSqlCheck } from './use-sql-check';
import { useAutoDiscovery, useSourceStream, useStarter } from './use-starter';
import './analytics.css';

const SqlEditor = lazy(() => import('./SqlEditor'));

function RetirementNotice() {
  const { t } = useTranslation('analytics');
  return (
    <div className="callout callout-warn an-notice" role="note" data-testid="kda-retirement">
      <strong>{t('retirement.strong')}</strong> {t('retirement.text')} <em>{t('retirement.dialect')}</em>{t('retirement.after')}
    </div>
  );
}

function AppsBar({ apps }: { apps: AnalyticsSnapshot['apps'] }) {
  const { t } = useTranslation('analytics');
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
    <nav className="an-apps" aria-label={t('apps.label')}>
      {apps.map((a) => (
        <button key={a.name} type="button" className={`btn ${a.name === selected ? 'an-app-selected' : ''}`} aria-pressed={a.name === selected} onClick={() => edit(a.config)}>
          {a.name} <span className={`badge ${a.status === 'RUNNING' ? 'badge-ok' : a.status === 'FAILED' ? 'badge-bad' : 'badge-muted'}`}>{a.status}</span>
        </button>
      ))}
      <button type="button" className="btn btn-ghost" onClick={newApp}>{t('apps.new')}</button>
    </nav>
  );
}

export default function AnalyticsPage(_props: { params: readonly string[] }) {
  const { t } = useTranslation('analytics');
  const draft = useAnalyticsUi((s) => s.draft);
  const setDraft = useAnalyticsUi((s) => s.setDraft);
  const setSql = useAnalyticsUi((s) => s.setSql);
  const sqlOrigin = useAnalyticsUi((s) => s.sqlOrigin);
  const dialect = useAnalyticsUi((s) => s.dialect);
  const setDialect = useAnalyticsUi((s) => s.setDialect);
  const setChartColumn = useAnalyticsUi((s) => s.setChartColumn);
  const selectedApp = useAnalyticsUi((s) => s.selectedApp);
  useWatch({ stream: null, analytics: true });
  const analytics = useSim((s) => s.frame?.world?.analytics);
  const consumers = useSim((s) => s.frame?.world?.streams.consumers);
  const running = useSim((s) => s.frame?.clock.running ?? false);
  const source = useSourceStream();
  useAutoDiscovery(source);
  useStarter(source);
  const apps = useMemo(() => analytics?.apps ?? [], [analytics]);
  // The config panel acts on the application named in the form; the live panels show it, or the last one picked.
  const editedApp = apps.find((a) => a.name === draft.name.trim()) ?? null;
  const app = editedApp ?? apps.find((a) => a.name === selectedApp) ?? null;
  const { result: check, stale } = useSqlCheck(draft.sql, draft.inputSchema, draft.namePrefix);
  const hasErrors = stale || (check?.diagnostics.some((d) => d.severity === 'error') ?? false);
  const examples = SQL_EXAMPLES.filter((e) => e.dialect === dialect);
  // Examples are written for the demo clickstream: with another source's schema they are offered with a note, never loaded by default.
  const fits = useMemo(() => {
    const schema = draft.inputSchema;
    if (!schema) return new Map(SQL_EXAMPLES.map((e) => [e.id, true]));
    const names = new Set(schema.RecordColumns.map((c) => c.Name));
    return new Map(SQL_EXAMPLES.map((e) => [e.id, e.flinkSource
      // A Flink example declares its own table: it fits when the source is the stream it names and has its fields.
      ? e.flinkSource.stream === source && e.flinkSource.fields.every((f) => names.has(f))
      : !checkSql({ sql: e.sql, inputSchema: schema, namePrefix: draft.namePrefix || undefined }).diagnostics.some((d) => d.severity === 'error')]));
  }, [draft.inputSchema, draft.namePrefix, source]);
  const loadedExample = sqlOrigin === 'example' ? SQL_EXAMPLES.find((e) => e.sql === draft.sql) : undefined;
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
    setSql(ex.sql, 'example');
    setChartColumn(ex.chartColumn ?? null);
  };
  // A new dialect starts from its starter (written from the schema); examples stay one pick away.
  const switchDialect = (d: 'kda' | 'flink') => {
    setDialect(d);
    if (check?.dialect !== d) setSql(useAnalyticsUi.getState().draft.sql, 'starter', null);
  };
  const onEdit = (sql: string) => {
    // Monaco reports programmatic changes too: only a different text is the learner's own.
    if (sql !== useAnalyticsUi.getState().draft.sql) setSql(sql, 'edited');
  };
  const help = loadedExample
    ? t(`examples.${loadedExample.id as 'anomaly'}.description`)
    : sqlOrigin === 'starter'
      ? (draft.inputSchema ? <Trans t={t} i18nKey="editor.starterHelp" values={{ stream: source }} components={{ window: <Term id="window">{''}</Term> }} /> : t('editor.pendingHelp'))
      : t('editor.help');
  const mismatch = loadedExample && draft.inputSchema && !fits.get(loadedExample.id);

  return (
    <>
      <PageHeader title={t('title')} subtitle={<Trans t={t} i18nKey="subtitle" components={{ flink: <Term id="flink">{''}</Term>, consumer: <Term id="consumer">{''}</Term> }} />} />
      <RetirementNotice />
      <AppsBar apps={apps} />
      <div className="an-layout">
        <section className="panel an-editor-panel" aria-labelledby="an-editor-title">
          <div className="panel-header">
            <h2 id="an-editor-title">{t('editor.title')}</h2>
            <div className="row">
              <div className="an-segmented" role="radiogroup" aria-label={t('editor.dialect')}>
                <button type="button" role="radio" aria-checked={dialect === 'kda'} className={dialect === 'kda' ? 'on' : ''} onClick={() => switchDialect('kda')}>{t('editor.kda')}</button>
                <button type="button" role="radio" aria-checked={dialect === 'flink'} className={dialect === 'flink' ? 'on' : ''} onClick={() => switchDialect('flink')}>{t('editor.flink')}</button>
              </div>
              <select value="" onChange={(e) => loadExample(e.target.value)} aria-label={t('editor.startFrom')} data-testid="analytics-example">
                <option value="">{t('editor.startFromPlaceholder')}</option>
                {examples.map((e) => {
                  const title = t(`examples.${e.id as 'anomaly'}.title`);
                  return <option key={e.id} value={e.id}>{fits.get(e.id) ? title : t('editor.forClickstream', { title })}</option>;
                })}
              </select>
            </div>
          </div>
          <p className="muted an-example-help" data-testid="analytics-help">
            {help}
          </p>
          {mismatch ? (
            <div className="callout callout-warn an-message" role="note" data-testid="analytics-example-mismatch">
              {t('editor.mismatch', { stream: source, columns: draft.inputSchema!.RecordColumns.map((c) => c.Name).join(', ') })}{' '}
              <button type="button" className="btn btn-ghost" onClick={() => setSql(draft.sql, 'starter', null)}>{t('editor.backToStarter')}</button>
            </div>
          ) : null}
          <Suspense fallback={<div className="an-editor-loading">{t('editor.loading')}</div>}>
            <SqlEditor value={draft.sql} onChange={onEdit} markers={check?.markers ?? []} streams={streamsForEditor} />
          </Suspense>
          <DiagnosticsList check={check} stale={stale} />
        </section>
        <AppConfigPanel app={editedApp} hasErrors={hasErrors} inAppStreams={emittable} stream={source} />
      </div>
      {app ? (
        <>
          {!running && app.status === 'RUNNING' ? <div className="callout callout-warn">{t('paused')}</div> : null}
          {app === editedApp && app.status === 'RUNNING' && app.config.sql !== draft.sql ? (
            <div className="callout callout-warn">{t('differs')}</div>
          ) : null}
          {app !== editedApp ? <h2 className="an-live-title">{t('liveViewOf', { name: app.name })}</h2> : null}
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
