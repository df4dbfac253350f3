/**
 * The application's configuration beside the editor: source stream and in-application name prefix,
 * the input schema (discovered from sample records, editable), the output destination, and the
 * start / stop / delete actions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import { useSim } from '../../stores/sim-store';
import { Term } from '../../learn/Term';
import type { AppSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { draftToConfig, useAnalyticsUi } from './analytics-store';
import { SchemaEditor } from './SchemaEditor';

export interface AppConfigPanelProps {
  app: AppSnapshot | null;
  hasErrors: boolean;
  /** In-application streams the code defines (and error_stream), for the output choice. */
  inAppStreams: readonly string[];
  /** The source stream the page works on (the draft's, else the scenario's first). */
  stream: string;
}

export function AppConfigPanel({ app, hasErrors, inAppStreams, stream }: AppConfigPanelProps) {
  const { t } = useTranslation('analytics');
  const draft = useAnalyticsUi((s) => s.draft);
  const setDraft = useAnalyticsUi((s) => s.setDraft);
  const select = useAnalyticsUi((s) => s.select);
  const samples = useAnalyticsUi((s) => s.samples);
  const setSamples = useAnalyticsUi((s) => s.setSamples);
  const streams = useSim(useShallow((s) => s.frame?.world?.streams.streams.map((x) => x.name) ?? []));
  const deliveryStreams = useSim(useShallow((s) => s.frame?.world?.analytics?.deliveryStreams ?? []));
  const running = useSim((s) => s.frame?.clock.running ?? false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const isRunning = app?.status === 'RUNNING';

  const discover = async () => {
    setBusy(true);
    const r = await simulator().analyticsDiscoverSchema(stream);
    setBusy(false);
    setSamples(r.ok ? r.value.samples : []);
    if (r.ok && r.value.inputSchema) {
      setDraft({ inputSchema: r.value.inputSchema, stream });
      setMessage({ ok: true, text: t('config.discovered', { columns: r.value.inputSchema.RecordColumns.length, samples: r.value.samples.length }) });
    } else setMessage({ ok: false, text: errorLine(r) ?? t('config.discoveryFailed') });
  };

  const start = async () => {
    setBusy(true);
    const r = await simulator().analyticsStart(draftToConfig({ ...draft, stream }));
    setBusy(false);
    select(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: t(running ? 'config.started' : 'config.startedPaused', { name: draft.name }) } : { ok: false, text: errorLine(r)! });
  };
  const stop = async () => {
    const r = await simulator().analyticsStop(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: t('config.stopped', { name: draft.name }) } : { ok: false, text: errorLine(r)! });
  };
  const remove = async () => {
    const r = await simulator().analyticsDelete(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: t('config.deleted', { name: draft.name }) } : { ok: false, text: errorLine(r)! });
  };

  return (
    <section className="panel an-config" aria-labelledby="an-config-title">
      <div className="panel-header"><h2 id="an-config-title">{t('config.title')}</h2></div>
      <div className="an-config-fields">
        <label className="field">
          <span>{t('config.appName')}</span>
          <input value={draft.name} onChange={(e) => setDraft({ name: e.target.value })} aria-label={t('config.appName')} data-testid="analytics-app-name" />
        </label>
        <label className="field">
          <span>{t('config.source')}</span>
          <select value={stream} onChange={(e) => setDraft({ stream: e.target.value, inputSchema: null })} aria-label={t('config.sourceLabel')} data-testid="analytics-source">
            {streams.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="field">
          <span><Term id="shardIterator">{t('config.startingPosition')}</Term></span>
          <select value={draft.startingPosition} onChange={(e) => setDraft({ startingPosition: e.target.value as 'NOW' | 'TRIM_HORIZON' })} aria-label={t('config.startingPosition')}>
            <option value="NOW">{t('config.now')}</option>
            <option value="TRIM_HORIZON">{t('config.trimHorizon')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('config.prefix')}</span>
          <input className="mono" value={draft.namePrefix} onChange={(e) => setDraft({ namePrefix: e.target.value })} aria-label={t('config.prefixLabel')} />
          <span className="muted an-hint">{t('config.creates')} <span className="mono">{draft.namePrefix || 'SOURCE_SQL_STREAM'}_001</span></span>
        </label>
      </div>
      <div className="an-subhead">
        <h3>{t('config.inputSchema')}</h3>
        <button type="button" className="btn" onClick={() => void discover()} disabled={busy || !stream} data-testid="analytics-discover">{t('config.discover')}</button>
      </div>
      <SchemaEditor schema={draft.inputSchema} onChange={(inputSchema) => setDraft({ inputSchema })} samples={samples} />
      <h3 className="an-subhead">{t('config.output')}</h3>
      <div className="an-config-fields">
        <label className="field">
          <span>{t('config.emit')}</span>
          <select value={draft.outputStream} onChange={(e) => setDraft({ outputStream: e.target.value })} aria-label={t('config.emit')}>
            <option value="">{t('config.emitDefault')}</option>
            {inAppStreams.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('config.destination')}</span>
          <select value={draft.outputKind} onChange={(e) => setDraft({ outputKind: e.target.value as typeof draft.outputKind, outputName: '' })} aria-label={t('config.destinationLabel')}>
            <option value="console">{t('config.consoleOnly')}</option>
            <option value="stream" disabled={streams.length < 2}>{t(streams.length < 2 ? 'config.toStreamNeedsTwo' : 'config.toStream')}</option>
            <option value="firehose" disabled={deliveryStreams.length === 0}>{t(deliveryStreams.length === 0 ? 'config.toFirehoseNone' : 'config.toFirehose')}</option>
          </select>
        </label>
        {draft.outputKind !== 'console' ? (
          <label className="field">
            <span>{t(draft.outputKind === 'stream' ? 'config.outputStream' : 'config.deliveryStream')}</span>
            <select value={draft.outputName} onChange={(e) => setDraft({ outputName: e.target.value })} aria-label={t('config.outputName')}>
              <option value="">{t('config.choose')}</option>
              {(draft.outputKind === 'stream' ? streams.filter((s) => s !== stream) : deliveryStreams).map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <div className="row an-actions">
        {isRunning ? (
          <button type="button" className="btn btn-danger" onClick={() => void stop()} data-testid="analytics-stop">{t('config.stop')}</button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void start()}
            disabled={busy || hasErrors || !stream || !draft.name.trim() || (draft.outputKind !== 'console' && !draft.outputName)}
            data-testid="analytics-start"
            title={hasErrors ? t('config.fixFirst') : undefined}
          >
            {t('config.start')}
          </button>
        )}
        {app && !isRunning ? <button type="button" className="btn btn-ghost" onClick={() => void remove()}>{t('config.delete')}</button> : null}
      </div>
      {message ? <div className={`callout ${message.ok ? 'callout-ok' : 'callout-error'} an-message`} role={message.ok ? 'status' : 'alert'}>{message.text}</div> : null}
      {app?.status === 'FAILED' && app.message && app.message !== message?.text ? <div className="callout callout-error an-message" role="alert">{app.message}</div> : null}
      {app?.output.problem ? <div className="callout callout-warn an-message">{app.output.problem}</div> : null}
    </section>
  );
}
