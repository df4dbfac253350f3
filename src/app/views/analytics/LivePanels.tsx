/**
 * What a running application shows: status and read figures (its reads count against the source
 * shards' limits), output rows as a table and a chart, the error stream, and the in-application
 * streams with their schemas.
 */
import { useMemo, useState } from 'react';
import type { AppSnapshot, StreamRowsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { formatBytes, formatCount, formatRate } from '../../format';
import { formatTimestampMs, formatValue } from './format-value';
import { chartableColumns, OutputChart } from './OutputChart';
import { useAnalyticsUi } from './analytics-store';

const TABLE_ROWS_SHOWN = 50;

/** Small rates keep a decimal: a 10-second window emitting 4 rows is 0.4 rows/s, not 0. */
function rate(perSec: number, unit: string): string {
  return perSec > 0 && perSec < 10 ? `${perSec.toFixed(1)} ${unit}` : formatRate(perSec, unit);
}

function statusBadge(status: AppSnapshot['status']): string {
  return status === 'RUNNING' ? 'badge-ok' : status === 'FAILED' ? 'badge-bad' : 'badge-muted';
}

export function AppStatusCards({ app, otherConsumers }: { app: AppSnapshot; otherConsumers: number }) {
  const s = app.source;
  const throttlePct = s.readCallsTotal ? (100 * s.readThrottlesTotal) / s.readCallsTotal : 0;
  return (
    <section className="cards an-cards" aria-label="Application status">
      <div className="card stat">
        <div className="stat-label">Status</div>
        <div className="stat-value"><span className={`badge ${statusBadge(app.status)}`} data-testid="analytics-status">{app.status}</span></div>
        <div className="stat-sub">{app.dialect === 'kda' ? 'KDA SQL (legacy)' : 'Flink SQL'}{app.message ? ` · ${app.message}` : ''}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Input</div>
        <div className="stat-value" data-testid="analytics-input-rate">{rate(app.inputRecordsPerSec, 'records/s')}</div>
        <div className="stat-sub">last 10 s · {formatCount(s.recordsReadTotal)} records, {formatBytes(s.bytesReadTotal)} from {s.stream}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Output</div>
        <div className="stat-value" data-testid="analytics-output-rate">{rate(app.outputRowsPerSec, 'rows/s')}</div>
        <div className="stat-sub">
          {formatCount(app.output.recordsDeliveredTotal)} delivered to {app.output.kind === 'console' ? 'the console' : `${app.output.kind === 'stream' ? 'stream' : 'delivery stream'} ${app.output.name}`}
          {app.output.pendingRecords ? ` · ${formatCount(app.output.pendingRecords)} waiting` : ''}
        </div>
      </div>
      <div className="card stat" title="Each poll is a GetRecords call against the shard's 5 calls/s and 2 MiB/s read limits, shared with every other consumer of the stream.">
        <div className="stat-label">Source reads (shared limits)</div>
        <div className="stat-value" data-testid="analytics-read-calls">{formatCount(s.readCallsTotal)} calls</div>
        <div className="stat-sub">
          {s.shardsPolled} shards × 1 call/s · <span className={s.readThrottlesTotal ? 'an-bad' : ''}>{formatCount(s.readThrottlesTotal)} throttled ({throttlePct.toFixed(1)}%)</span>
          {' '}· sharing 5 calls/s per shard with {otherConsumers} other consumer{otherConsumers === 1 ? '' : 's'}
        </div>
      </div>
      <div className="card stat">
        <div className="stat-label">Behind latest</div>
        <div className="stat-value">{(s.millisBehindLatest / 1000).toFixed(1)} s</div>
        <div className="stat-sub">{s.recordsWithoutPayloadTotal ? `${formatCount(s.recordsWithoutPayloadTotal)} size-only records skipped` : 'MillisBehindLatest of the last poll'}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Errors</div>
        <div className={`stat-value ${app.errorsTotal ? 'an-bad' : ''}`} data-testid="analytics-errors">{formatCount(app.errorsTotal)}</div>
        <div className="stat-sub">rows sent to error_stream</div>
      </div>
    </section>
  );
}

export function RowsTable({ output, label }: { output: StreamRowsSnapshot; label: string }) {
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
      {rows.length === 0 ? <div className="empty-state">No rows yet — windows emit when they close (play the scenario).</div> : null}
    </div>
  );
}

export function OutputPanel({ app }: { app: AppSnapshot }) {
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
        <h2 id="an-output-title">Live output</h2>
        <div className="row">
          <label className="an-inline">
            Stream
            <select value={streamName ?? ''} onChange={(e) => setStreamChoice(e.target.value)} aria-label="In-application stream to show">
              {app.outputs.map((o) => <option key={o.stream} value={o.stream}>{o.stream}{o.stream === app.sinkStream ? ' (output)' : ''}</option>)}
            </select>
          </label>
          {output ? <span className="muted">{formatCount(output.rowsTotal)} rows</span> : null}
        </div>
      </div>
      {output ? (
        <>
          {column ? (
            <div className="an-chart-block">
              <div className="row an-chart-controls">
                <label className="an-inline">
                  Chart
                  <select value={column} onChange={(e) => setChartColumn(e.target.value)} aria-label="Column to chart">
                    {chartable.numeric.map((c) => <option key={c} value={c}>{c}</option>)}
                  </select>
                </label>
                {chartable.key ? (
                  <label className="an-inline">
                    <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} /> one line per {chartable.key}
                  </label>
                ) : null}
              </div>
              <OutputChart output={output} column={column} splitBy={split ? chartable.key : null} />
            </div>
          ) : null}
          <RowsTable output={output} label={`Rows of ${output.stream}`} />
        </>
      ) : (
        <div className="empty-state">This application has no output stream.</div>
      )}
    </section>
  );
}

export function ErrorStreamPanel({ app }: { app: AppSnapshot }) {
  const rows = app.errors.slice().reverse();
  return (
    <section className="panel" aria-labelledby="an-errors-title">
      <div className="panel-header">
        <h2 id="an-errors-title">error_stream</h2>
        <span className="muted">{formatCount(app.errorsTotal)} rows in all · newest {rows.length}</span>
      </div>
      {rows.length === 0 ? (
        <div className="empty-state">No errors: records that fail the input schema, coercions or expressions would land here.</div>
      ) : (
        <div className="an-table-wrap">
          <table className="data" aria-label="Error stream" data-testid="analytics-error-table">
            <thead><tr><th>ERROR_TIME</th><th>ERROR_NAME</th><th>MESSAGE</th><th>DATA_ROW (hex)</th></tr></thead>
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
  return (
    <section className="panel" aria-labelledby="an-streams-title">
      <div className="panel-header"><h2 id="an-streams-title">In-application streams</h2></div>
      {streams.length === 0 ? <div className="empty-state">The code defines no streams yet.</div> : (
        <div className="an-streams" data-testid="analytics-in-app-streams">
          {streams.map((s) => (
            <div key={s.name} className="an-stream card">
              <h3>
                <span className="mono">{s.name}</span>{' '}
                <span className={`badge ${s.role === 'source' ? 'badge-ok' : s.role === 'error' ? 'badge-bad' : 'badge-muted'}`}>{s.name === sinkStream ? 'output' : s.role}</span>
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
