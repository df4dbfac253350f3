/**
 * `npm run sim -- <scenario.json> [--duration 1h] [--seed s] [--json]`: a headless run of a scenario
 * document that prints a report — per stream: records accepted/throttled/dropped, peak and p99
 * per-shard utilisation, hottest shards and keys; per consumer: max iterator age — with a progress
 * bar on stderr when it is a TTY. `demo` as the file name runs the built-in demo.
 */
import { readFileSync } from 'node:fs';
import { DEMO_SCENARIO } from '../engine/scenario/demo';
import { ScenarioError } from '../engine/scenario/load';
import { runWorld } from '../engine/world/run';
import type { WorldReport } from '../engine/world/world';
import { formatDuration, parseDurationMs } from '../engine/time/duration';

function usage(message?: string): never {
  if (message) console.error(`sim: ${message}`);
  console.error('usage: npm run sim -- <scenario.json | demo> [--duration 1h] [--seed <seed>] [--json]');
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let durationText: string | undefined;
let seed: string | undefined;
let json = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--duration') durationText = args[++i];
  else if (a.startsWith('--duration=')) durationText = a.slice(11);
  else if (a === '--seed') seed = args[++i];
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else file = a;
}
if (!file) usage('name a scenario file');

let doc: unknown;
if (file === 'demo') doc = DEMO_SCENARIO;
else {
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    usage(`cannot read ${file}: ${(e as Error).message}`);
  }
}
let durationMs: number;
try {
  const docDuration = (doc as { durationSec?: number }).durationSec;
  durationMs = durationText ? parseDurationMs(durationText) : (docDuration ?? 300) * 1000;
} catch (e) {
  usage((e as Error).message);
}

const tty = process.stderr.isTTY === true && !json;
const started = performance.now();
let lastDraw = 0;
const progress = (f: number) => {
  if (!tty) return;
  const now = performance.now();
  if (now - lastDraw < 100 && f < 1) return;
  lastDraw = now;
  const width = 30;
  const filled = Math.round(f * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  ${formatDuration(f * durationMs)} simulated in ${((now - started) / 1000).toFixed(1)} s `);
};

let report: WorldReport;
try {
  report = runWorld(doc, durationMs, progress, { seed }).report;
} catch (e) {
  if (e instanceof ScenarioError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
if (tty) process.stderr.write('\n');
const wallS = (performance.now() - started) / 1000;

if (json) {
  console.log(JSON.stringify({ ...report, wallSeconds: Math.round(wallS * 1000) / 1000 }, null, 2));
} else {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(`${report.scenario} — seed ${report.seed}, ${formatDuration(report.simulatedMs)} simulated in ${wallS.toFixed(2)} s`);
  console.log(report.modeReason);
  for (const s of report.streams) {
    console.log(`\nstream ${s.name} (${s.openShards} open shards)`);
    console.log(`  records accepted ${n(s.recordsAccepted)}, throttled ${n(s.recordsThrottled)}, dropped by producers ${n(s.recordsDropped)}`);
    console.log(`  per-shard write utilisation: peak ${pct(s.peakShardUtilisation)}, p99 ${pct(s.p99ShardUtilisation)}`);
    console.log('  hottest shards:');
    for (const h of s.hottestShards) console.log(`    ${h.shardId}  incoming ${n(h.incomingRecords)}  throttled ${n(h.throttledRecords)}  peak ${pct(h.peakUtilisation)}`);
    if (s.hottestKeys.length) {
      console.log('  hottest keys:');
      for (const k of s.hottestKeys) console.log(`    ${k.key.padEnd(24)} ${n(k.records)} records  ${n(k.bytes)} bytes`);
    }
  }
  console.log('\nproducers:');
  for (const p of report.producers) console.log(`  ${p.name} → ${p.stream} (${p.mode}): attempted ${n(p.attempted)}, accepted ${n(p.accepted)}, throttled ${n(p.throttled)}, retried ${n(p.retried)}, dropped ${n(p.dropped)}, put latency ${p.putLatencyMsAvg.toFixed(1)} ms`);
  if (report.consumers.length) console.log('\nconsumers:');
  for (const c of report.consumers) console.log(`  ${c.name} (${c.type} on ${c.stream}): processed ${n(c.recordsProcessed)}, re-delivered ${n(c.recordsRedelivered)}, read throttled ${n(c.readThrottled)}, max iterator age ${formatDuration(c.maxIteratorAgeMs)}, lag ${n(c.lagRecords)} records`);
  const fh = report.firehose.deliveryStreams;
  if (fh.length) console.log('\ndelivery streams:');
  for (const d of fh) {
    console.log(`  ${d.name} (${d.type === 'KinesisStreamAsSource' ? `reads ${d.source}` : 'Direct PUT'} → ${d.destination}): records in ${n(d.recordsIn)} (${n(d.bytesIn)} bytes), throttled ${n(d.throttledRecords)}`);
    console.log(`    delivered ${n(d.recordsDelivered)} records, ${n(d.objectsDelivered)} objects, ${n(d.bytesDelivered)} bytes; buffered ${n(d.recordsBuffered)} records (${n(d.bytesBuffered)} bytes)`);
    console.log(`    delivery attempts ${n(d.deliveryAttempts)}, retries ${n(d.deliveryRetries)}, failed to error output ${n(d.recordsFailed)}, dropped by transform ${n(d.recordsDroppedByTransform)}, expired ${n(d.recordsExpired)}`);
  }
  const videos = report.videoStreams.streams;
  if (videos.length) console.log('\nvideo streams:');
  for (const v of videos) console.log(`  ${v.name}: ${n(v.fragmentsIngested)} fragments ingested (${n(v.fragmentsHeld)} held, ${n(v.fragmentsExpired)} expired, ${n(v.fragmentsEvicted)} evicted), ${n(v.bytesIn)} bytes in; camera ${n(v.framesCaptured)} frames, acks PERSISTED ${n(v.persistedAcks)}, ERROR ${n(v.errorAcks)}`);
  const apps = report.analytics.applications;
  if (apps.length) console.log('\nanalytics applications:');
  for (const a of apps) {
    console.log(`  ${a.name} (${a.status}, reads ${a.sourceStream}): ${n(a.readCalls)} read calls (${n(a.readThrottles)} throttled), ${n(a.recordsRead)} records, ${n(a.bytesRead)} bytes read`);
    console.log(`    rows emitted ${n(a.rowsEmitted)}, error-stream rows ${n(a.errorStreamRows)}, output ${a.output.kind}${a.output.name ? ` ${a.output.name}` : ''}: delivered ${n(a.output.recordsDelivered)}, throttled ${n(a.output.throttled)}, pending ${n(a.output.pending)}`);
  }
  if (report.agents.agents.length) console.log('\nKinesis agents:');
  for (const ag of report.agents.agents) {
    for (const f of ag.flows) console.log(`  ${ag.name} → ${f.destination}: parsed ${n(f.counters.parsed)}, sent ${n(f.counters.sent)}, skipped ${n(f.counters.skipped)}, throttled ${n(f.counters.throttled)}; BytesSent ${n(f.metrics.BytesSent)}, RecordSendErrors ${n(f.metrics.RecordSendErrors)}, ServiceErrors ${n(f.metrics.ServiceErrors)}, ${n(f.bytesBehind)} bytes behind`);
  }
  if (report.queues.queues.length) console.log('\nSQS queues:');
  for (const q of report.queues.queues) {
    console.log(`  ${q.name}${q.fifo ? ' (FIFO)' : ''}: sent ${n(q.totals.sent)}, deleted ${n(q.totals.deleted)}, dead-lettered ${n(q.totals.deadLettered)}, visible ${n(q.visible)}, in flight ${n(q.inFlight)}, throttled ${n(q.totals.throttled)}; ${q.requestsPerSec.toFixed(1)} requests/s ≈ $${q.monthlyCostUsd.toFixed(2)}/month`);
    for (const c of q.consumers) console.log(`    ${c.name}: processed ${n(c.processed)}, failed ${n(c.failed)}, redelivered ${n(c.redelivered)}, out of order ${n(c.outOfOrder)}, latency avg ${c.latencyAvgMs.toFixed(0)} ms (p99 ≤ ${c.latencyP99Ms} ms)`);
  }
}
