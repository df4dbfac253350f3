/**
 * One agent, live: its flows (records parsed/sent/skipped, the agent's CloudWatch metrics,
 * buffered records, bytes behind, checkpoints), the tail of each file as it grows, the last
 * records before and after processing, and the last batches with retries and throttling.
 */
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../../worker/api/agents-api';
import { formatBytes, formatCount } from '../../format';

export function AgentLiveView({ agent }: { agent: AgentSnapshot }) {
  const { t } = useTranslation('agent');
  const records = agent.recentRecords.slice(-12).reverse();
  const batches = agent.recentBatches.slice(-12).reverse();
  return (
    <>
      <section className="panel" aria-label={t('live.flows')}>
        <div className="panel-header"><h2>{t('live.flows')}</h2><span className="stat-sub">{t('live.restarts', { n: agent.restarts })}</span></div>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr><th>#</th><th>{t('live.destination')}</th><th>{t('live.parsed')}</th><th>{t('live.sent')}</th><th>{t('live.skipped')}</th><th>{t('live.throttled')}</th><th>BytesSent</th><th>RecordSendErrors</th><th>ServiceErrors</th><th>{t('live.buffered')}</th><th>{t('live.bytesBehind')}</th><th>{t('live.checkpoints')}</th></tr>
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
      <section className="panel" aria-label={t('live.files')}>
        <div className="panel-header"><h2>{t('live.files')}</h2></div>
        {agent.files.map((f) => (
          <div key={f.path}>
            <p className="stat-sub"><strong>{f.path}</strong> — {formatBytes(f.size)}</p>
            <pre className="agent-tail" data-testid="file-tail">{f.tail.split('\n').slice(-8).join('\n')}</pre>
          </div>
        ))}
      </section>
      <section className="panel" aria-label={t('live.records')}>
        <div className="panel-header"><h2>{t('live.recordsTitle')}</h2></div>
        <div className="table-scroll">
          <table className="data-table agent-records">
            <thead><tr><th>{t('live.flow')}</th><th>{t('live.offset')}</th><th>{t('live.status')}</th><th>{t('live.readFromFile')}</th><th>{t('live.sent')}</th></tr></thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={`${r.file}:${r.offset}:${i}`}>
                  <td>{r.flow}</td>
                  <td>{formatCount(r.offset)}</td>
                  <td title={r.note}>{t(`live.statuses.${r.status}`)}{r.truncated ? t('live.truncated') : ''}</td>
                  <td><code>{r.before.trimEnd()}</code></td>
                  <td><code>{r.after?.trimEnd() ?? t('live.dropped')}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-label={t('live.batches')}>
        <div className="panel-header"><h2>{t('live.batchesTitle')}</h2></div>
        <div className="table-scroll">
          <table className="data-table">
            <thead><tr><th>{t('live.flow')}</th><th>{t('live.buffer')}</th><th>{t('live.attempt')}</th><th>{t('live.recordsCol')}</th><th>{t('live.failed')}</th><th>{t('live.errors')}</th><th>{t('live.retryIn')}</th></tr></thead>
            <tbody>
              {batches.map((b, i) => (
                <tr key={`${b.flow}:${b.bufferId}:${b.attempt}:${i}`}>
                  <td>{b.flow}</td><td>{b.bufferId}</td><td>{b.attempt}</td><td>{formatCount(b.records)}</td><td>{formatCount(b.failed)}</td>
                  <td>{b.errors.join(', ') || t('live.ok')}</td><td>{b.retryInMs !== undefined ? t('live.ms', { n: b.retryInMs }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
