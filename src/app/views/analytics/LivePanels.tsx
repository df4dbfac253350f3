/**
 * What a running application shows: status and read figures (its reads count against the source
 * shards' limits), output rows as a table and a chart, the error stream, and the in-application
 * streams with their schemas.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import type { AppSnapshot, StreamRowsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { formatBytes, formatCount } from '../../format';
import { formatTimestampMs, formatValue } from './format-value';
import { chartableColumns, OutputChart } from './OutputChart';
import { useAnalyticsUi } from './analytics-store';

const TABLE_ROWS_SHOWN = 50;

/** Small rates keep a decimal: a 10-second window emitting 4 rows is 0.4 rows/s, not 0. */
function rateNumber(perSec: number): string {
  return perSec > 0 && perSec < 10 ? perSec.toFixed(1) : formatCount(perSec);
}

function statusBadge(status: AppSnapshot['status']): string {
  return status === 'RUNNING' ? 'badge-ok' : status === 'FAILED' ? 'badge-bad' : 'badge-muted';
}

export function AppStatusCards({ app, otherConsumers }: { app: AppSnapshot; otherConsumers: number }) {
  const { t } = useTranslation('analytics');
  const s = app.source;
  const throttlePct = s.readCallsTotal ? (100 * s.readThrottlesTotal) / s.readCallsTotal : 0;
  return (
    <section className="cards an-cards" aria-label={t('live.statusLabel')}>
      <div className="card stat">
        <div className="stat-label">{t('live.status')}</div>
        <div className="stat-value"><span className={`badge ${statusBadge(app.status)}`} data-testid="analytics-status">{app.status}</span></div>
        <div className="stat-sub">{t(app.dialect === 'kda' ? 'editor.kda' : 'editor.flink')}{app.message ? ` · ${app.message}` : ''}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">{t('live.input')}</div>
        <div className="stat-value" data-testid="analytics-input-rate">{t('live.recordsPerSec', { rate: rateNumber(app.inputRecordsPerSec) })}</div>
        <div className="stat-sub">{t('live.inputSub', { records: formatCount(s.recordsReadTotal), bytes: formatBytes(s.bytesReadTotal), stream: s.stream })}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">{t('live.output')}</div>
        <div className="stat-value" data-testid="analytics-output-rate">{t('live.rowsPerSec', { rate: rateNumber(app.outputRowsPerSec) })}</div>
        <div className="stat-sub">
          {t(app.output.kind === 'console' ? 'live.deliveredConsole' : app.output.kind === 'stream' ? 'live.deliveredStream' : 'live.deliveredFirehose', { n: formatCount(app.output.recordsDeliveredTotal), name: app.output.name ?? '' })}
          {app.output.pendingRecords ? t('live.waiting', { n: formatCount(app.output.pendingRecords) }) : ''}
        </div>
      </div>
      <div className="card stat" title={t('live.readsTitle')}>
        <div className="stat-label">{t('live.reads')}</div>
        <div className="stat-value" data-testid="analytics-read-calls">{t('live.calls', { n: formatCount(s.readCallsTotal) })}</div>
        <div className="stat-sub">
          {t('live.shardsPolled', { count: s.shardsPolled })} · <span className={s.readThrottlesTotal ? 'an-bad' : ''}>{t('live.throttled', { n: formatCount(s.readThrottlesTotal), pct: throttlePct.toFixed(1) })}</span>
          {t('live.sharing', { count: otherConsumers })}
        </div>
      </div>
      <div className="card stat">
        <div className="stat-label"><Term id="iteratorAge">{t('live.behind')}</Term></div>
        <div className="stat-value">{t('live.seconds', { s: (s.millisBehindLatest / 1000).toFixed(1) })}</div>
        <div className="stat-sub">{s.recordsWithoutPayloadTotal ? t('live.sizeOnly', { n: formatCount(s.recordsWithoutPayloadTotal) }) : t('live.lastPoll')}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">{t('live.errors')}</div>
        <div className={`stat-value ${app.errorsTotal ? 'an-bad' : ''}`} data-testid="analytics-errors">{formatCount(app.errorsTotal)}</div>
        <div className="stat-sub">{t('live.errorsSub')}</div>
      </div>
    </section>
  );
}

export function RowsTable({ output, label }: { output: StreamRowsSnapshot; label: string }) {
  const { t } = useTranslation('analytics');
  const rows = output.rows.slice(-TABLE_ROWS_SHOWN).reverse();
  return (
    <div className="an-table-wrap">
      <table className="data" aria-label={label} data-testid="analytics-output-table">
        <thead>
          <tr>
            <th>ROWTIME</th>
            {output.columns.map((c) => <th key={c.name} title={c.type}>{c.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.rowtimeMs}-${i}`} data-testid="analytics-output-row">
              <td className="mono">{formatTimestampMs(r.rowtimeMs)}</td>
              {r.values.map((v, k) => <td key={k} className={typeof v === 'number' ? 'num' : undefined}>{formatValue(v, output.columns[k]?.type ?? '')}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="empty-state">{t('live.noRows')}</div> : null}
    </div>
  );
}

export function OutputPanel({ app }: { app: AppSnapshot }) {
  const { t } = useTranslation('analytics');
  const [streamChoice, setStreamChoice] = useState<string | null>(null);
  const chartColumn = useAnalyticsUi((s) => s.chartColumn);
  const setChartColumn = useAnalyticsUi((s) => s.setChartColumn);
  const streamName = streamChoice && app.outputs.some((o) => o.stream === streamChoice) ? streamChoice : (app.sinkStream ?? app.outputs[0]?.stream ?? null);
  const output = app.outputs.find((o) => o.stream === streamName) ?? null;
  const chartable = useMemo(() => (output ? chartableColumns(output) : { numeric: [], key: null }), [output]);
  const column = chartColumn && chartable.numeric.includes(chartColumn) ? chartColumn : (chartable.numeric[0] ?? null);
  const [split, setSplit] = useState(true);
  return (
    <section className="panel" aria-labelledby="an-output-title">
      <div className="panel-header">
        <h2 id="an-output-title">{t('live.liveOutput')}</h2>
        <div className="row">
          <label className="an-inline">
            {t('live.stream')}
            <select value={streamName ?? ''} onChange={(e) => setStreamChoice(e.target.value)} aria-label={t('live.streamLabel')}>
              {app.outputs.map((o) => <option key={o.stream} value={o.stream}>{o.stream}{o.stream === app.sinkStream ? t('live.outputSuffix') : ''}</option>)}
            </select>
          </label>
          {output ? <span className="muted">{t('live.rows', { n: formatCount(output.rowsTotal) })}</span> : null}
        </div>
      </div>
      {output ? (
        <>
          {column ? (
            <div className="an-chart-block">
              <div className="row an-chart-controls">
                <label className="an-inline">
                  {t('live.chart')}
                  <select value={column} onChange={(e) => setChartColumn(e.target.value)} aria-label={t('live.chartLabel')}>
                    {chartable.numeric.map((c) => <option key={c} value={c}>{c}</option>)}
                  </select>
                </label>
                {chartable.key ? (
                  <label className="an-inline">
                    <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} /> {t('live.splitBy', { key: chartable.key })}
                  </label>
                ) : null}
              </div>
              <OutputChart output={output} column={column} splitBy={split ? chartable.key : null} />
            </div>
          ) : null}
          <RowsTable output={output} label={t('live.rowsOf', { stream: output.stream })} />
        </>
      ) : (
        <div className="empty-state">{t('live.noOutput')}</div>
      )}
    </section>
  );
}

export function ErrorStreamPanel({ app }: { app: AppSnapshot }) {
  const { t } = useTranslation('analytics');
  const rows = app.errors.slice().reverse();
  return (
    <section className="panel" aria-labelledby="an-errors-title">
      <div className="panel-header">
        <h2 id="an-errors-title">error_stream</h2>
        <span className="muted">{t('live.errorsInAll', { n: formatCount(app.errorsTotal), shown: rows.length })}</span>
      </div>
      {rows.length === 0 ? (
        <div className="empty-state">{t('live.noErrors')}</div>
      ) : (
        <div className="an-table-wrap">
          <table className="data" aria-label={t('live.errorTable')} data-testid="analytics-error-table">
            <thead><tr><th>ERROR_TIME</th><th>ERROR_NAME</th><th>MESSAGE</th><th>{t('live.hex')}</th></tr></thead>
            <tbody>
              {rows.map((e, i) => (
                <tr key={i}>
                  <td className="mono">{formatTimestampMs(e.errorTimeMs)}</td>
                  <td>{e.errorName}</td>
                  <td className="an-wrap">{e.message}</td>
                  <td className="mono an-hex" title={e.dataRow}>{e.dataRow.slice(0, 48)}{e.dataRow.length > 48 ? '…' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function InAppStreamsPanel({ streams, sinkStream }: { streams: AppSnapshot['streams']; sinkStream: string | null }) {
  const { t } = useTranslation('analytics');
  return (
    <section className="panel" aria-labelledby="an-streams-title">
      <div className="panel-header"><h2 id="an-streams-title">{t('live.inAppStreams')}</h2></div>
      {streams.length === 0 ? <div className="empty-state">{t('live.noStreams')}</div> : (
        <div className="an-streams" data-testid="analytics-in-app-streams">
          {streams.map((s) => (
            <div key={s.name} className="an-stream card">
              <h3>
                <span className="mono">{s.name}</span>{' '}
                <span className={`badge ${s.role === 'source' ? 'badge-ok' : s.role === 'error' ? 'badge-bad' : 'badge-muted'}`}>{t(`live.role.${s.name === sinkStream ? 'output' : s.role}`)}</span>
              </h3>
              <ul className="an-columns">
                {s.columns.map((c) => <li key={c.name}><span className="mono">{c.writtenName}</span> <span className="muted mono">{c.type}</span></li>)}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
