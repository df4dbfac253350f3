/**
 * One stream's console: headline figures, the hot-spot findings (always visible, with a one-click
 * split for a hot shard), and tabs for monitoring, shards, partition keys, resharding and the data
 * viewer. The watch request carries only what the open tab needs (heat map, drill-down shard…).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HeatRange } from './HeatZoom';
import { PageHeader } from '../../components/Shell';
import { useConsole, useFramePaintProbe, useWatch } from '../../stores/console-store';
import { formatBytes, formatBytesRate, formatRate } from '../../format';
import { MAX_RECORD_SIZE_KIB_DEFAULT } from '../../../engine/streams/limits';
import { href } from '../../router';
import { Findings } from './Findings';
import { MonitoringTab } from './MonitoringTab';
import { ShardsTab } from './ShardsTab';
import { KeysTab } from './KeysTab';
import { ReshardTab } from './ReshardTab';
import { DataViewer, type ViewerFocus } from './DataViewer';
import { PutRecordForm } from './PutRecordForm';
import { Term } from '../../learn/Term';

const TABS = ['monitoring', 'shards', 'keys', 'reshard', 'data'] as const;
type Tab = (typeof TABS)[number];

export function StreamDetailView({ name, focus }: { name: string; focus?: ViewerFocus }) {
  const { t } = useTranslation('streams');
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
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  if (!detail) {
    return (
      <>
        <PageHeader title={name} subtitle={<a href={href('streams')}>{t('detail.back')}</a>} />
        {framed && !known ? (
          <div className="empty-state"><p><Trans t={t} i18nKey="detail.notFound" values={{ name }} components={{ a: <a href={href('streams')} /> }} /></p></div>
        ) : (
          <div className="loading">{t('detail.loading')}</div>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={name}
        subtitle={
          <>
            <a href={href('streams')}>{t('detail.back')}</a> · <Term id="provisioned">{t(`mode.${detail.mode}`)}</Term> · {t('detail.openShards', { count: detail.openShards })} · {t('detail.retention', { hours: detail.retentionHours })}
            {detail.maxRecordSizeKiB !== MAX_RECORD_SIZE_KIB_DEFAULT ? <> · <span data-testid="stream-max-record">{t('detail.maxRecord', { size: formatBytes(detail.maxRecordSizeKiB * 1024) })}</span></> : null}
            {detail.distribution === 'AUTO' ? <> · <span data-testid="stream-distribution">{t('detail.autoDistribution')}</span></> : null}
            {' · '}<span className={detail.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-warn'} data-testid="stream-status">{detail.status}</span>
          </>
        }
      />
      <section className="cards" aria-label={t('detail.figures')}>
        <div className="card stat"><div className="stat-label">{t('detail.incoming')}</div><div className="stat-value small">{formatRate(detail.incomingRecordsPerSec, t('units.recordsPerSec'))}</div></div>
        <div className="card stat"><div className="stat-label">{t('detail.incomingBytes')}</div><div className="stat-value small">{formatBytesRate(detail.incomingBytesPerSec)}</div></div>
        <div className="card stat"><div className="stat-label"><Term id="throttling">{t('detail.throttled')}</Term></div><div className={detail.throttledPerSec > 0 ? 'stat-value small bad' : 'stat-value small'} data-testid="stream-throttled">{formatRate(detail.throttledPerSec, t('units.recordsPerSec'))}</div></div>
        <div className="card stat"><div className="stat-label">{t('detail.openShardsLabel')}</div><div className="stat-value small" data-testid="stream-open-shards">{detail.openShards}</div></div>
      </section>
      <Findings stream={name} findings={detail.findings} />
      <div className="pill-tabs" role="tablist" aria-label={t('detail.sections')} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}>{t(`detail.tabs.${id}`)}</button>
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
