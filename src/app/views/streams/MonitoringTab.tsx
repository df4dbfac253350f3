/**
 * Monitoring: the shards × time heat map of write utilisation, CloudWatch-style stream charts over a
 * chosen time range, and a per-shard drill-down.
 */
import { memo, useCallback, useMemo } from 'react';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { HeatMap } from '../../components/viz/HeatMap';
import { HeatZoom, type HeatRange } from './HeatZoom';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { SelectField } from '../../components/console/fields';
import { formatBytes, formatCount, formatDuration, formatTimeOfDay } from '../../format';

const RANGES = [['60', 'Last 1 minute'], ['120', 'Last 2 minutes'], ['300', 'Last 5 minutes'], ['600', 'Last 10 minutes'], ['900', 'Last 15 minutes']] as const;

/**
 * The drill-down picker lists every open shard (1,000+ options at scale). Each frame carries a fresh
 * id array, so the options are keyed by their joined text and re-rendered only when the set changes.
 */
const DrillShardSelect = memo(function DrillShardSelect({ idsKey, value, onChange }: { idsKey: string; value: string; onChange(v: string): void }) {
  const options = useMemo<[string, string][]>(() => [['', 'Whole stream'], ...(idsKey ? idsKey.split(',') : []).map((id) => [id, id] as [string, string])], [idsKey]);
  return <SelectField label="Shard drill-down" value={value} options={options} onChange={onChange} testId="drill-shard" />;
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
  const heat = detail.heat;
  const s = detail.series;
  const group = heat?.rowsPerGroup ?? 1;
  const rowLabel = useCallback((r: number) => {
    const id = heat?.rowIds[r] ?? `row ${r}`;
    if (group <= 1 || !heat) return id;
    const first = (heat.fromShard ?? 0) + r * group;
    const last = Math.min(heat.toShard ?? first + group - 1, first + group - 1);
    return `${id} (shards ${first}–${last}, max)`;
  }, [heat, group]);
  const colLabel = useCallback((c: number) => (heat ? formatTimeOfDay(heat.t0Ms + c * heat.stepMs) : ''), [heat]);
  const describe = useCallback((_r: number, _c: number, v: number) => `${Math.round(v * 100)}% of the write limit${v > 1 ? ' (writes refused)' : ''}`, []);
  const count = (v: number) => formatCount(v);
  const onDrill = useCallback((v: string) => setDrillShard(v || null), [setDrillShard]);
  const drill = detail.shardSeries;
  return (
    <>
      <div className="toolbar">
        <SelectField label="Time range" value={String(windowSec)} options={RANGES} onChange={(v) => setWindowSec(Number(v))} testId="time-range" />
        <DrillShardSelect idsKey={detail.bandIds.join(',')} value={drillShard ?? ''} onChange={onDrill} />
      </div>
      <section className="panel" aria-labelledby="heat-title">
        <div className="panel-header"><h2 id="heat-title">Write utilisation per shard</h2><span className="muted">{heat ? `${(heat.toShard ?? heat.rows - 1) - (heat.fromShard ?? 0) + 1} shards${group > 1 ? ` in ${heat.rows} rows` : ''} × ${heat.cols} s` : ''}</span></div>
        <p className="panel-note">One row per shard (by shard number), one column per virtual second; refused writes count above 100%. Closed and not-yet-created shards are blank. Hover for figures. With more shards than rows, a row shows the maximum of its shards, so a hot shard is never averaged away.</p>
        {heat && (heat.totalShards ?? heat.rows) > 1 ? <HeatZoom range={heatRange} totalShards={heat.totalShards ?? heat.rows} rowsPerGroup={group} onChange={setHeatRange} /> : null}
        {heat ? (
          <HeatMap values={heat.values} rows={heat.rows} cols={heat.cols} rowLabel={rowLabel} colLabel={colLabel} describe={describe} height={Math.max(140, Math.min(360, heat.rows * 14))} ariaLabel={`Heat map of write utilisation for ${heat.rows} ${group > 1 ? `rows of ${group} shards` : 'shards'} over ${heat.cols} seconds`} />
        ) : (
          <div className="loading">Collecting…</div>
        )}
      </section>
      {drill ? (
        <section className="panel" aria-labelledby="drill-title">
          <div className="panel-header"><h2 id="drill-title">Shard {drill.shardId}</h2></div>
          <div className="chart-grid">
            <div className="chart-card">
              <h3>Write utilisation</h3>
              <TimeSeriesChart t0Ms={drill.t0Ms + (drill.series.IncomingRecords.length - drill.series.WriteUtilisation.length) * 1000} stepMs={1000} series={[{ name: 'utilisation', values: drill.series.WriteUtilisation }]} formatValue={(v) => `${Math.round(v * 100)}%`} limit={{ value: 1, label: 'shard limit' }} ariaLabel={`Write utilisation of ${drill.shardId}`} />
            </div>
            <div className="chart-card">
              <h3>Records per second</h3>
              <TimeSeriesChart t0Ms={drill.t0Ms} stepMs={drill.stepMs} series={[{ name: 'IncomingRecords', values: drill.series.IncomingRecords }, { name: 'Throttled', values: drill.series.WriteProvisionedThroughputExceeded, color: 'var(--chart-5)' }, { name: 'OutgoingRecords', values: drill.series.OutgoingRecords }]} formatValue={count} limit={{ value: 1000, label: '1,000 records/s' }} ariaLabel={`Records per second of ${drill.shardId}`} />
              {Number.isNaN(drill.series.IncomingRecords[drill.series.IncomingRecords.length - 2]) ? <p className="hint">Shard-level metrics are off for this many shards; the utilisation chart still covers every shard.</p> : null}
            </div>
          </div>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="charts-title">
        <div className="panel-header"><h2 id="charts-title">Stream metrics</h2><span className="muted">per virtual second</span></div>
        <div className="chart-grid">
          <div className="chart-card"><h3>IncomingRecords</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IncomingRecords', values: s.series.IncomingRecords }]} formatValue={count} limit={detail.mode === 'PROVISIONED' ? { value: detail.openShards * 1000, label: `${detail.openShards} × 1,000 records/s` } : undefined} ariaLabel="Incoming records per second" /></div>
          <div className="chart-card"><h3>IncomingBytes</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IncomingBytes', values: s.series.IncomingBytes }]} formatValue={(v) => `${formatBytes(v)}/s`} ariaLabel="Incoming bytes per second" /></div>
          <div className="chart-card"><h3>Throttled requests</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'WriteProvisionedThroughputExceeded', values: s.series.WriteProvisionedThroughputExceeded, color: 'var(--chart-5)' }, { name: 'ReadProvisionedThroughputExceeded', values: s.series.ReadProvisionedThroughputExceeded, color: 'var(--chart-2)' }]} formatValue={count} ariaLabel="Throttled writes and reads per second" /></div>
          <div className="chart-card"><h3>OutgoingRecords</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'OutgoingRecords', values: s.series.OutgoingRecords }]} formatValue={count} ariaLabel="Outgoing records per second" /></div>
          <div className="chart-card"><h3>GetRecords.IteratorAgeMilliseconds</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'IteratorAge', values: s.series['GetRecords.IteratorAgeMilliseconds'] }]} formatValue={formatDuration} ariaLabel="Iterator age" /></div>
          <div className="chart-card"><h3>PutRecords.Latency</h3><TimeSeriesChart t0Ms={s.t0Ms} stepMs={s.stepMs} series={[{ name: 'Latency', values: s.series['PutRecords.Latency'] }]} formatValue={(v) => `${v.toFixed(0)} ms`} ariaLabel="PutRecords latency" /></div>
        </div>
      </section>
    </>
  );
}
