/**
 * Kinesis vs SQS: runs one workload on a Kinesis stream and an SQS queue side by side — the
 * same producer, a steady consumer, one that crashes at 60 s for 30 s, one that starts at
 * 120 s needing everything — and shows each point of the comparison live from the world:
 * ordering, fan-out, crash recovery, replay and retention, throughput and throttling, latency,
 * monthly cost. Where older notes are out of date, the row says what is true today.
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import { formatCount } from '../../format';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import { loadScenario, sendClock } from '../../sim-client';
import { comparisonFacts, comparisonScenario, DEFAULT_COMPARISON, type ComparisonParams } from '../../../engine/queues/world/comparison';
import { comparisonRows } from './comparison-rows';
import '../agent/agent.css';

export default function ComparePage() {
  const { t } = useTranslation('queues');
  useWatch({ stream: null, queues: true });
  const world = useSim((s) => s.frame?.world?.queues);
  const clock = useSim((s) => s.frame?.clock);
  const scenarioName = useSim((s) => s.frame?.scenario?.name);
  const [params, setParams] = useState<ComparisonParams>(DEFAULT_COMPARISON);
  const loaded = scenarioName === 'Kinesis vs SQS';
  const elapsedSec = clock ? (clock.nowMs - clock.startMs) / 1000 : 0;
  // Pure kernels over the frame (no simulation happens here): the engine's figures, then their wording.
  const rows = useMemo(() => (loaded && world ? comparisonRows(comparisonFacts(params, { ...world.streams, queues: world.queues }, elapsedSec), t) : []), [loaded, world, params, elapsedSec, t]);

  async function run(): Promise<void> {
    await loadScenario(comparisonScenario(params));
    await sendClock({ kind: 'speed', speed: 10 });
    await sendClock({ kind: 'play' });
  }

  return (
    <>
      <PageHeader title={t('title')} subtitle={<Trans t={t} i18nKey="subtitle" components={{ stream: <Term id="dataStream">{''}</Term>, sqs: <Term id="sqs">{''}</Term> }} />} />
      <section className="panel" aria-label={t('workload')}>
        <div className="panel-header"><h2>{t('workload')}</h2></div>
        <div className="form-grid">
          <label className="field"><span>{t('rate')}</span><input type="number" min={1} max={5000} value={params.recordsPerSec} aria-label={t('rate')} onChange={(e) => setParams({ ...params, recordsPerSec: Number(e.target.value) })} /></label>
          <label className="field"><span>{t('size')}</span><input type="number" min={1} max={1048576} value={params.bodyBytes} aria-label={t('sizeLabel')} onChange={(e) => setParams({ ...params, bodyBytes: Number(e.target.value) })} /></label>
          <label className="field"><span><Term id="shard">{t('shards')}</Term></span><input type="number" min={1} max={100} value={params.shards} aria-label={t('shards')} onChange={(e) => setParams({ ...params, shards: Number(e.target.value) })} /></label>
          <label className="checkbox"><input type="checkbox" checked={params.fifo} aria-label={t('fifo')} onChange={(e) => setParams({ ...params, fifo: e.target.checked })} /> {t('fifo')}</label>
        </div>
        <p className="panel-note">{t('replaces')}</p>
        <button type="button" className="btn btn-primary" onClick={() => void run()}>{t('run')}</button>
      </section>
      {loaded ? (
        <section className="panel" aria-label={t('comparison')}>
          <div className="panel-header"><h2>{t('after', { sec: formatCount(Math.round(elapsedSec)) })}</h2></div>
          <div className="table-scroll">
            <table className="data-table compare-table">
              <thead><tr><th>{t('head.point')}</th><th>{t('head.kinesis')}</th><th>{t('head.sqs')}</th><th>{t('head.today')}</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.point}</th>
                    <td>{r.kinesis}</td>
                    <td>{r.sqs}</td>
                    <td className="compare-note">{r.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
