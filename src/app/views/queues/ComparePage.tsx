/**
 * Kinesis vs SQS: runs one workload on a Kinesis stream and an SQS queue side by side — the
 * same producer, a steady consumer, one that crashes at 60 s for 30 s, one that starts at
 * 120 s needing everything — and shows each point of the comparison live from the world:
 * ordering, fan-out, crash recovery, replay and retention, throughput and throttling, latency,
 * monthly cost. Where older notes are out of date, the row says what is true today.
 */
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import { loadScenario, sendClock } from '../../sim-client';
import { comparisonRows, comparisonScenario, DEFAULT_COMPARISON, type ComparisonParams } from '../../../engine/queues/world/comparison';
import '../agent/agent.css';

export default function ComparePage() {
  useWatch({ stream: null, queues: true });
  const world = useSim((s) => s.frame?.world?.queues);
  const clock = useSim((s) => s.frame?.clock);
  const scenarioName = useSim((s) => s.frame?.scenario?.name);
  const [params, setParams] = useState<ComparisonParams>(DEFAULT_COMPARISON);
  const loaded = scenarioName === 'Kinesis vs SQS';
  const elapsedSec = clock ? (clock.nowMs - clock.startMs) / 1000 : 0;
  // A pure formatting kernel over the frame (no simulation happens here).
  const rows = useMemo(() => (loaded && world ? comparisonRows(params, { ...world.streams, queues: world.queues }, elapsedSec) : []), [loaded, world, params, elapsedSec]);

  async function run(): Promise<void> {
    await loadScenario(comparisonScenario(params));
    await sendClock({ kind: 'speed', speed: 10 });
    await sendClock({ kind: 'play' });
  }

  return (
    <>
      <PageHeader title="Kinesis vs SQS" subtitle="The same workload on a stream and on a queue, compared point by point as it runs." />
      <section className="panel" aria-label="Workload">
        <div className="panel-header"><h2>Workload</h2></div>
        <div className="form-grid">
          <label className="field"><span>Messages per second</span><input type="number" min={1} max={5000} value={params.recordsPerSec} aria-label="Messages per second" onChange={(e) => setParams({ ...params, recordsPerSec: Number(e.target.value) })} /></label>
          <label className="field"><span>Message size (bytes)</span><input type="number" min={1} max={1048576} value={params.bodyBytes} aria-label="Message size" onChange={(e) => setParams({ ...params, bodyBytes: Number(e.target.value) })} /></label>
          <label className="field"><span>Shards</span><input type="number" min={1} max={100} value={params.shards} aria-label="Shards" onChange={(e) => setParams({ ...params, shards: Number(e.target.value) })} /></label>
          <label className="checkbox"><input type="checkbox" checked={params.fifo} aria-label="FIFO queue" onChange={(e) => setParams({ ...params, fifo: e.target.checked })} /> FIFO queue</label>
        </div>
        <p className="panel-note">Running replaces the loaded scenario with this comparison (export yours first if you want to keep it).</p>
        <button type="button" className="btn btn-primary" onClick={() => void run()}>Run the comparison</button>
      </section>
      {loaded ? (
        <section className="panel" aria-label="Comparison">
          <div className="panel-header"><h2>Point by point, after {Math.round(elapsedSec)} s</h2></div>
          <div className="table-scroll">
            <table className="data-table compare-table">
              <thead><tr><th>point</th><th>Kinesis Data Streams</th><th>Amazon SQS</th><th>true today</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.point}>
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
