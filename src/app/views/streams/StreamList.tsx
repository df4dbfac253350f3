/** The list of data streams with their live figures, the create form, and delete. */
import { useState } from 'react';
import { PageHeader } from '../../components/Shell';
import { useConsole, useWatch } from '../../stores/console-store';
import { errorText, kinesisCall } from '../../stores/console-actions';
import { formatBytesRate, formatPercent, formatRate } from '../../format';
import { href } from '../../router';
import { CreateStreamForm } from './CreateStreamForm';

export function StreamList() {
  useWatch({ stream: null });
  const streams = useConsole((s) => s.frame?.streams);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const remove = async (name: string) => {
    if (!window.confirm(`Delete stream ${name}? Its records and shards are gone for good.`)) return;
    const r = await kinesisCall('DeleteStream', { StreamName: name, EnforceConsumerDeletion: true });
    setError(errorText(r));
  };
  return (
    <>
      <PageHeader
        title="Streams"
        subtitle="Kinesis data streams: shards, hash-key ranges, hot spots and resharding. Select a stream to open it."
        actions={<button className="btn btn-primary" onClick={() => setCreating((v) => !v)} aria-expanded={creating} data-testid="open-create-stream">Create stream</button>}
      />
      {creating ? <CreateStreamForm onDone={() => setCreating(false)} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {!streams ? (
        <div className="loading">Waiting for the simulation…</div>
      ) : streams.length === 0 ? (
        <div className="empty-state"><p>No streams yet. Use <strong>Create stream</strong> to add one; producers and consumers then attach to it.</p></div>
      ) : (
        <div className="panel table-scroll" tabIndex={0}>
          <table className="data" aria-label="Data streams">
            <thead>
              <tr>
                <th>Name</th><th>Status</th><th>Capacity mode</th><th className="num">Open shards</th><th className="num">Incoming</th><th className="num">Incoming bytes</th>
                <th className="num">Throttled writes</th><th className="num">Busiest shard</th><th className="num">Retention</th><th><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {streams.map((s) => (
                <tr key={s.name} data-testid={`stream-row-${s.name}`}>
                  <td><a href={href('streams', s.name)}>{s.name}</a></td>
                  <td><span className={s.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-warn'}>{s.status}</span></td>
                  <td>{s.mode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned'}</td>
                  <td className="num">{s.openShards}</td>
                  <td className="num">{formatRate(s.incomingRecordsPerSec)}</td>
                  <td className="num">{formatBytesRate(s.incomingBytesPerSec)}</td>
                  <td className={s.throttledPerSec > 0 ? 'num stat-value bad' : 'num'} style={{ fontSize: 13, fontWeight: 400 }}>{formatRate(s.throttledPerSec)}</td>
                  <td className="num">{formatPercent(s.maxShardUtil)}</td>
                  <td className="num">{s.retentionHours} h</td>
                  <td><button className="btn btn-danger" onClick={() => void remove(s.name)} aria-label={`Delete stream ${s.name}`}>Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
