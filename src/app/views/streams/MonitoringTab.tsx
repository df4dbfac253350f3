/**
 * Monitoring: the shards × time heat map of write utilisation, CloudWatch-style stream charts over a
 * chosen time range, and a per-shard drill-down.
 */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { HeatMap } from '../../components/viz/HeatMap';
import { HeatZoom, type HeatRange } from './HeatZoom';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { SelectField } from '../../components/console/fields';
import { formatBytes, formatCount, formatDuration, formatTimeOfDay } from '../../format';

const RANGES = ['60', '120', '300', '600', '900'] as const;

/**
 * The drill-down picker lists every open shard (1,000+ options at scale). Each frame carries a fresh
 * id array, so the options are keyed by their joined text and re-rendered only when the set changes.
 */
const DrillShardSelect = memo(function DrillShardSelect({ idsKey, value, onChange }: { idsKey: string; value: string; onChange(v: string): void }) {
  const { t } = useTranslation('streams');
  const whole = t('monitoring.wholeStream');
  const options = useMemo<[string, string][]>(() => [['', whole], ...(idsKey ? idsKey.split(',') : []).map((id) => [id, id] as [string, string])], [idsKey, whole]);
  return <SelectField label={t('monitoring.drill')} value={value} options={options} onChange={onChange} testId="drill-shard" />;
});

interface Props {
  detail: StreamDetail;
  windowSec: number;
  setWindowSec(v: number): void;
  drillShard: string | null;
  setDrillShard(v: string | null): void;
  heatRange: HeatRange | null;
  setHeatRange(v: HeatRange | null): void;
}

export function MonitoringTab({ detail, windowSec, setWindowSec, drillShard, setDrillShard, heatRange, setHeatRange }: Props) {
  const { t } = useTranslation('streams');
  const heat = detail.heat;
  const s = detail.series;
  const group = heat?.rowsPerGroup ?? 1;
  const rowLabel = useCallback((r: number) => {
    const id = heat?.rowIds[r] ?? t('monitoring.row', { n: r });
    if (group <= 1 || !heat) return id;
    const first = (heat.fromShard ?? 0) + r * group;
    const last = Math.min(heat.toShard ?? first + group - 1, first + group - 1);
    return t('monitoring.rowGroup', { id, first, last });
  }, [heat, group, t]);
  const colLabel = useCallback((c: number) => (heat ? formatTimeOfDay(heat.t0Ms + c * heat.stepMs) : ''), [heat]);
  const describe = useCallback((_r: number, _c: number, v: number) => t(v > 1 ? 'monitoring.cellRefused' : 'monitoring.cell', { pct: Math.round(v * 100) }), [t]);
  const count = (v: number) => formatCount(v);
  const onDrill = useCallback((v: string) => setDrillShard(v || null), [setDrillShard]);
  const drill = detail.shardSeries;
  return (
    <>
      <div className="toolbar">
        <SelectField label={t('monitoring.timeRange')} value={String(windowSec)} options={RANGES.map((r) => [r, t(`monitoring.ranges.${r}`)] as const)} onChange={(v) => setWindowSec(Number(v))} testId="time-range" />
        <DrillShardSelect idsKey={detail.bandIds.join(',')} value={drillShard ?? ''} onChange={onDrill} />
      </div>
      <section className="panel" aria-labelledby="heat-title">
        <div className="panel-header"><h2 id="heat-title">{t('monitoring.heatTitle')}</h2><span className="muted">{heat ? t(group > 1 ? 'monitoring.heatSummaryGrouped' : 'monitoring.heatSummary', { shards: (heat.toShard ?? heat.rows - 1) - (heat.fromShard ?? 0) + 1, rows: heat.rows, cols: heat.cols }) : ''}</span></div>
        <p className="panel-note">{t('monitoring.heatNote')}</p>
        {heat && (heat.totalShards ?? heat.rows) > 1 ? <HeatZoom range={heatRange} totalShards={heat.totalShards ?? heat.rows} rowsPerGroup={group} onChange={setHeatRange} /> : null}
        {heat ? (
          <HeatMap values={heat.values} rows={heat.rows} cols={heat.cols} rowLabel={rowLabel} colLabel={colLabel} describe={describe} height={Math.max(140, Math.min(360, heat.rows * 14))} ariaLabel={t(group > 1 ? 'monitoring.heatAriaGrouped' : 'monitoring.heatAria', { rows: heat.rows, group, cols: heat.cols })} />
        ) : (
          <div className="loading">{t('monitoring.collecting')}</div>
        )}
      </section>
      {drill ? (
        <section className="panel" aria-labelledby="drill-title">
          <div className="panel-header"><h2 id="drill-title">{t('monitoring.shardTitle', { id: drill.shardId })}</h2></div>
          <div className="chart-grid">
            <div className="chart-card">
              <h3>{t('monitoring.writeUtil')}</h3>
              <TimeSeriesChart t0Ms={drill.t0Ms + (drill.series.IncomingRecords.length - drill.series.WriteUtilisation.length) * 1000} stepMs={1000} series={[{ name: 'utilisation', values: drill.series.WriteUtilisation }]} formatValue={(v) => `${Math.round(v * 100)}%`} limit={{ value: 1, label: t('monitoring.shardLimit') }} ariaLabel={t('monitoring.utilAria', { id: drill.shardId })} />
            </div>
            <div className="chart-card">
              <h3>{t('monitoring.recordsPerSecond')}</h3>
              <TimeSeriesChart t0Ms={drill.t0Ms} stepMs={drill.stepMs} series={[{ name: 'IncomingRecords', values: drill.series.IncomingRecords }, { name: t('monitoring.throttledSeries'), values: drill.series.WriteProvisionedThroughputExceeded, color: 'var(--chart-5)' }, { name: 'OutgoingRecords', values: drill.series.OutgoingRecords }]} formatValue={count} limit={{ value: 1000, label: t('monitoring.limit1000') }} ariaLabel={t('monitoring.recordsAria', { id: drill.shardId })} />
              {Number.isNaN(drill.series.IncomingRecords[drill.series.IncomingRecords.length - 2]) ? <p className="hint">{t('monitoring.shardMetricsOff')}</p> : null}
            </div>
          </div>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="charts-title">
        <div className="panel-header"><h2 id="charts-title">{t('monitoring.metricsTitle')}</h2><span className="muted">{t('monitoring.perSecond')}</span></div>
        <div className="chart-grid">
          <div className="chart-card"><h3>IncomingRecords</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IncomingRecords', values: s.series.IncomingRecords }]} formatValue={count} limit={detail.mode === 'PROVISIONED' ? { value: detail.openShards * 1000, label: t('monitoring.limitShards', { count: detail.openShards }) } : undefined} ariaLabel={t('monitoring.incomingAria')} /></div>
          <div className="chart-card"><h3>IncomingBytes</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IncomingBytes', values: s.series.IncomingBytes }]} formatValue={(v) => `${formatBytes(v)}/s`} ariaLabel={t('monitoring.bytesAria')} /></div>
          <div className="chart-card"><h3>{t('monitoring.throttledRequests')}</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'WriteProvisionedThroughputExceeded', values: s.series.WriteProvisionedThroughputExceeded, color: 'var(--chart-5)' }, { name: 'ReadProvisionedThroughputExceeded', values: s.series.ReadProvisionedThroughputExceeded, color: 'var(--chart-2)' }]} formatValue={count} ariaLabel={t('monitoring.throttledAria')} /></div>
          <div className="chart-card"><h3>OutgoingRecords</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'OutgoingRecords', values: s.series.OutgoingRecords }]} formatValue={count} ariaLabel={t('monitoring.outgoingAria')} /></div>
          <div className="chart-card"><h3>GetRecords.IteratorAgeMilliseconds</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IteratorAge', values: s.series['GetRecords.IteratorAgeMilliseconds'] }]} formatValue={formatDuration} ariaLabel={t('monitoring.ageAria')} /></div>
          <div className="chart-card"><h3>PutRecords.Latency</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'Latency', values: s.series['PutRecords.Latency'] }]} formatValue={(v) => `${v.toFixed(0)} ms`} ariaLabel={t('monitoring.latencyAria')} /></div>
        </div>
      </section>
    </>
  );
}
