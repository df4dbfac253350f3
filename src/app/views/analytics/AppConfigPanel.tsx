/**
 * The application's configuration beside the editor: source stream and in-application name prefix,
 * the input schema (discovered from sample records, editable), the output destination, and the
 * start / stop / delete actions.
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import { useSim } from '../../stores/sim-store';
import type { AppSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { draftToConfig, useAnalyticsUi } from './analytics-store';
import { SchemaEditor } from './SchemaEditor';

export interface AppConfigPanelProps {
  app: AppSnapshot | null;
  hasErrors: boolean;
  /** In-application streams the code defines (and error_stream), for the output choice. */
  inAppStreams: readonly string[];
}

export function AppConfigPanel({ app, hasErrors, inAppStreams }: AppConfigPanelProps) {
  const draft = useAnalyticsUi((s) => s.draft);
  const setDraft = useAnalyticsUi((s) => s.setDraft);
  const select = useAnalyticsUi((s) => s.select);
  const streams = useSim(useShallow((s) => s.frame?.world?.streams.streams.map((x) => x.name) ?? []));
  const deliveryStreams = useSim(useShallow((s) => s.frame?.world?.analytics?.deliveryStreams ?? []));
  const running = useSim((s) => s.frame?.clock.running ?? false);
  const [samples, setSamples] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // A stream of another scenario (after loading a new one) falls back to the first stream of this one.
  const stream = streams.includes(draft.stream) ? draft.stream : (streams[0] ?? '');
  const isRunning = app?.status === 'RUNNING';
  const hasData = useSim((s) => (s.frame?.world?.streams.streams.find((x) => x.name === stream)?.incomingRecordsTotal ?? 0) > 0);
  const autoDiscovered = useRef(new Set<string>());

  const discover = async () => {
    setBusy(true);
    const r = await simulator().analyticsDiscoverSchema(stream);
    setBusy(false);
    setSamples(r.ok ? r.value.samples : []);
    if (r.ok && r.value.inputSchema) {
      setDraft({ inputSchema: r.value.inputSchema, stream });
      setMessage({ ok: true, text: `Discovered ${r.value.inputSchema.RecordColumns.length} columns from ${r.value.samples.length} sample records.` });
    } else setMessage({ ok: false, text: errorLine(r) ?? 'discovery failed' });
  };
  // Like the console's "Discover schema" on a new application: once the stream holds records, try once per stream.
  useEffect(() => {
    if (draft.inputSchema || !hasData || !stream || autoDiscovered.current.has(stream)) return;
    autoDiscovered.current.add(stream);
    void simulator().analyticsDiscoverSchema(stream).then((r) => {
      if (!r.ok || !r.value.inputSchema || useAnalyticsUi.getState().draft.inputSchema) return;
      setSamples(r.value.samples);
      setDraft({ inputSchema: r.value.inputSchema, stream });
    });
  }, [draft.inputSchema, hasData, stream, setDraft]);

  const start = async () => {
    setBusy(true);
    const r = await simulator().analyticsStart(draftToConfig({ ...draft, stream }));
    setBusy(false);
    select(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: running ? `Started ${draft.name}.` : `Started ${draft.name}: press Play to feed it records.` } : { ok: false, text: errorLine(r)! });
  };
  const stop = async () => {
    const r = await simulator().analyticsStop(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: `Stopped ${draft.name}; open windows were discarded.` } : { ok: false, text: errorLine(r)! });
  };
  const remove = async () => {
    const r = await simulator().analyticsDelete(draft.name.trim());
    setMessage(r.ok ? { ok: true, text: `Deleted ${draft.name}.` } : { ok: false, text: errorLine(r)! });
  };

  return (
    <section className="panel an-config" aria-labelledby="an-config-title">
      <div className="panel-header"><h2 id="an-config-title">Source and output</h2></div>
      <div className="an-config-fields">
        <label className="field">
          <span>Application name</span>
          <input value={draft.name} onChange={(e) => setDraft({ name: e.target.value })} aria-label="Application name" data-testid="analytics-app-name" />
        </label>
        <label className="field">
          <span>Source: Kinesis data stream</span>
          <select value={stream} onChange={(e) => setDraft({ stream: e.target.value, inputSchema: null })} aria-label="Source stream" data-testid="analytics-source">
            {streams.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Starting position</span>
          <select value={draft.startingPosition} onChange={(e) => setDraft({ startingPosition: e.target.value as 'NOW' | 'TRIM_HORIZON' })} aria-label="Starting position">
            <option value="NOW">NOW — new records only</option>
            <option value="TRIM_HORIZON">TRIM_HORIZON — the oldest retained record first</option>
          </select>
        </label>
        <label className="field">
          <span>In-application name prefix</span>
          <input className="mono" value={draft.namePrefix} onChange={(e) => setDraft({ namePrefix: e.target.value })} aria-label="In-application stream name prefix" />
          <span className="muted an-hint">Creates <span className="mono">{draft.namePrefix || 'SOURCE_SQL_STREAM'}_001</span></span>
        </label>
      </div>
      <div className="an-subhead">
        <h3>Input schema</h3>
        <button type="button" className="btn" onClick={() => void discover()} disabled={busy || !stream} data-testid="analytics-discover">Discover schema</button>
      </div>
      <SchemaEditor schema={draft.inputSchema} onChange={(inputSchema) => setDraft({ inputSchema })} samples={samples} />
      <h3 className="an-subhead">Output</h3>
      <div className="an-config-fields">
        <label className="field">
          <span>In-application stream to emit</span>
          <select value={draft.outputStream} onChange={(e) => setDraft({ outputStream: e.target.value })} aria-label="In-application stream to emit">
            <option value="">the output stream (read by no pump)</option>
            {inAppStreams.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Destination</span>
          <select value={draft.outputKind} onChange={(e) => setDraft({ outputKind: e.target.value as typeof draft.outputKind, outputName: '' })} aria-label="Output destination">
            <option value="console">Console live view only</option>
            <option value="stream" disabled={streams.length < 2}>Kinesis data stream{streams.length < 2 ? ' (add a second stream to the scenario)' : ''}</option>
            <option value="firehose" disabled={deliveryStreams.length === 0}>Firehose delivery stream{deliveryStreams.length === 0 ? ' (none in scenario)' : ''}</option>
          </select>
        </label>
        {draft.outputKind !== 'console' ? (
          <label className="field">
            <span>{draft.outputKind === 'stream' ? 'Output stream' : 'Delivery stream'}</span>
            <select value={draft.outputName} onChange={(e) => setDraft({ outputName: e.target.value })} aria-label="Output name">
              <option value="">choose…</option>
              {(draft.outputKind === 'stream' ? streams.filter((s) => s !== stream) : deliveryStreams).map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <div className="row an-actions">
        {isRunning ? (
          <button type="button" className="btn btn-danger" onClick={() => void stop()} data-testid="analytics-stop">Stop application</button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void start()}
            disabled={busy || hasErrors || !stream || !draft.name.trim() || (draft.outputKind !== 'console' && !draft.outputName)}
            data-testid="analytics-start"
            title={hasErrors ? 'Fix the errors in the SQL first (or wait for the check)' : undefined}
          >
            Start application
          </button>
        )}
        {app && !isRunning ? <button type="button" className="btn btn-ghost" onClick={() => void remove()}>Delete</button> : null}
      </div>
      {message ? <div className={`callout ${message.ok ? 'callout-ok' : 'callout-error'} an-message`} role={message.ok ? 'status' : 'alert'}>{message.text}</div> : null}
      {app?.status === 'FAILED' && app.message && app.message !== message?.text ? <div className="callout callout-error an-message" role="alert">{app.message}</div> : null}
      {app?.output.problem ? <div className="callout callout-warn an-message">{app.output.problem}</div> : null}
    </section>
  );
}
