/**
 * One stream's console: headline figures, the hot-spot findings (always visible, with a one-click
 * split for a hot shard), and tabs for monitoring, shards, partition keys, resharding and the data
 * viewer. The watch request carries only what the open tab needs (heat map, drill-down shard…).
 */
import { useState } from 'react';
import type { HeatRange } from './HeatZoom';
import { PageHeader } from '../../components/Shell';
import { useConsole, useFramePaintProbe, useWatch } from '../../stores/console-store';
import { formatBytesRate, formatRate } from '../../format';
import { href } from '../../router';
import { Findings } from './Findings';
import { MonitoringTab } from './MonitoringTab';
import { ShardsTab } from './ShardsTab';
import { KeysTab } from './KeysTab';
import { ReshardTab } from './ReshardTab';
import { DataViewer, type ViewerFocus } from './DataViewer';
import { PutRecordForm } from './PutRecordForm';

const TABS = [
  ['monitoring', 'Monitoring'],
  ['shards', 'Shards'],
  ['keys', 'Partition keys'],
  ['reshard', 'Resharding & settings'],
  ['data', 'Data viewer'],
] as const;
type Tab = (typeof TABS)[number][0];

export function StreamDetailView({ name, focus }: { name: string; focus?: ViewerFocus }) {
  const [tab, setTab] = useState<Tab>(focus ? 'data' : 'monitoring');
  const [windowSec, setWindowSec] = useState(120);
  const [drillShard, setDrillShard] = useState<string | null>(null);
  const [heatRange, setHeatRange] = useState<HeatRange | null>(null);
  useWatch({ stream: name, heatmap: tab === 'monitoring', seriesWindowSec: windowSec, shardId: tab === 'monitoring' ? drillShard : null, heatFromShard: heatRange?.from, heatToShard: heatRange?.to });
  const detail = useConsole((s) => (s.frame?.detail?.name === name ? s.frame.detail : null));
  const known = useConsole((s) => s.frame?.streams.some((x) => x.name === name));
  const framed = useConsole((s) => s.frame !== null);
  useFramePaintProbe();

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onTabKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex(([id]) => id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  if (!detail) {
    return (
      <>
        <PageHeader title={name} subtitle={<a href={href('streams')}>← All streams</a>} />
        {framed && !known ? (
          <div className="empty-state"><p>There is no stream named “{name}”. <a href={href('streams')}>Open the stream list</a> to create one.</p></div>
        ) : (
          <div className="loading">Loading the stream…</div>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={name}
        subtitle={<><a href={href('streams')}>← All streams</a> · {detail.mode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned'} · {detail.openShards} open shard{detail.openShards === 1 ? '' : 's'} · retention {detail.retentionHours} h · <span className={detail.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-warn'} data-testid="stream-status">{detail.status}</span></>}
      />
      <section className="cards" aria-label="Stream figures">
        <div className="card stat"><div className="stat-label">Incoming</div><div className="stat-value small">{formatRate(detail.incomingRecordsPerSec)}</div></div>
        <div className="card stat"><div className="stat-label">Incoming bytes</div><div className="stat-value small">{formatBytesRate(detail.incomingBytesPerSec)}</div></div>
        <div className="card stat"><div className="stat-label">Throttled writes</div><div className={detail.throttledPerSec > 0 ? 'stat-value small bad' : 'stat-value small'} data-testid="stream-throttled">{formatRate(detail.throttledPerSec)}</div></div>
        <div className="card stat"><div className="stat-label">Open shards</div><div className="stat-value small" data-testid="stream-open-shards">{detail.openShards}</div></div>
      </section>
      <Findings stream={name} findings={detail.findings} />
      <div className="pill-tabs" role="tablist" aria-label="Stream sections" onKeyDown={onTabKey}>
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}>{label}</button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'monitoring' ? <MonitoringTab detail={detail} windowSec={windowSec} setWindowSec={setWindowSec} drillShard={drillShard} setDrillShard={setDrillShard} heatRange={heatRange} setHeatRange={setHeatRange} /> : null}
        {tab === 'shards' ? <ShardsTab detail={detail} /> : null}
        {tab === 'keys' ? <KeysTab detail={detail} /> : null}
        {tab === 'reshard' ? <ReshardTab detail={detail} /> : null}
        {tab === 'data' ? <DataViewer stream={name} shardIds={detail.shardIds} openIds={detail.bandIds} focus={focus} /> : null}
      </div>
      <PutRecordForm stream={name} detail={detail} />
    </>
  );
}
