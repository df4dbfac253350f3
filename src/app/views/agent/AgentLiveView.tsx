/**
 * One agent, live: its flows (records parsed/sent/skipped, the agent's CloudWatch metrics,
 * buffered records, bytes behind, checkpoints), the tail of each file as it grows, the last
 * records before and after processing, and the last batches with retries and throttling.
 */
import type { AgentSnapshot } from '../../../worker/api/agents-api';
import { formatBytes, formatCount } from '../../format';

export function AgentLiveView({ agent }: { agent: AgentSnapshot }) {
  const records = agent.recentRecords.slice(-12).reverse();
  const batches = agent.recentBatches.slice(-12).reverse();
  return (
    <>
      <section className="panel" aria-label="Flows">
        <div className="panel-header"><h2>Flows</h2><span className="stat-sub">restarts: {agent.restarts}</span></div>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr><th>#</th><th>destination</th><th>parsed</th><th>sent</th><th>skipped</th><th>throttled</th><th>BytesSent</th><th>RecordSendErrors</th><th>ServiceErrors</th><th>buffered</th><th>bytes behind</th><th>checkpoints</th></tr>
            </thead>
            <tbody>
              {agent.flows.map((f) => (
                <tr key={f.id}>
                  <td>{f.index}</td>
                  <td>{f.destination}</td>
                  <td data-testid={`flow-${f.index}-parsed`}>{formatCount(f.counters.parsed)}</td>
                  <td data-testid={`flow-${f.index}-sent`}>{formatCount(f.counters.sent)}</td>
                  <td>{formatCount(f.counters.skipped)}</td>
                  <td>{formatCount(f.counters.throttled)}</td>
                  <td>{formatBytes(f.metrics.BytesSent)}</td>
                  <td>{formatCount(f.metrics.RecordSendErrors)}</td>
                  <td>{formatCount(f.metrics.ServiceErrors)}</td>
                  <td>{formatCount(f.bufferedRecords)}</td>
                  <td>{formatBytes(f.bytesBehind)}</td>
                  <td>{f.checkpoints.map((c) => `${c.file} @ ${formatCount(c.offset)}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-label="Files">
        <div className="panel-header"><h2>Files</h2></div>
        {agent.files.map((f) => (
          <div key={f.path}>
            <p className="stat-sub"><strong>{f.path}</strong> — {formatBytes(f.size)}</p>
            <pre className="agent-tail" data-testid="file-tail">{f.tail.split('\n').slice(-8).join('\n')}</pre>
          </div>
        ))}
      </section>
      <section className="panel" aria-label="Records before and after processing">
        <div className="panel-header"><h2>Records: before → after processing</h2></div>
        <div className="table-scroll">
          <table className="data-table agent-records">
            <thead><tr><th>flow</th><th>offset</th><th>status</th><th>read from the file</th><th>sent</th></tr></thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={`${r.file}:${r.offset}:${i}`}>
                  <td>{r.flow}</td>
                  <td>{formatCount(r.offset)}</td>
                  <td title={r.note}>{r.status}{r.truncated ? ' (truncated)' : ''}</td>
                  <td><code>{r.before.trimEnd()}</code></td>
                  <td><code>{r.after?.trimEnd() ?? '— dropped'}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-label="Batches">
        <div className="panel-header"><h2>Batches (PutRecords / PutRecordBatch)</h2></div>
        <div className="table-scroll">
          <table className="data-table">
            <thead><tr><th>flow</th><th>buffer</th><th>attempt</th><th>records</th><th>failed</th><th>errors</th><th>retry in</th></tr></thead>
            <tbody>
              {batches.map((b, i) => (
                <tr key={`${b.flow}:${b.bufferId}:${b.attempt}:${i}`}>
                  <td>{b.flow}</td><td>{b.bufferId}</td><td>{b.attempt}</td><td>{formatCount(b.records)}</td><td>{formatCount(b.failed)}</td>
                  <td>{b.errors.join(', ') || 'ok'}</td><td>{b.retryInMs !== undefined ? `${b.retryInMs} ms` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
