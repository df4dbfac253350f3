/**
 * Builds the watched stream's detail for one console frame: a page of the shard table, the open
 * shards' hash-key band, the heat-map window, CloudWatch-style series, top keys with where they
 * land and what they offer, and the hot-spot findings. Cost is linear in shards, no per-record work.
 */
import { md5PartitionKey } from '../../../engine/hash';
import { decimalToHashKey } from '../../../engine/hash/hash-key';
import type { AnyProducer } from '../../../engine/scenario/load';
import type { Stream } from '../../../engine/streams/stream';
import type { LiveWorld } from '../../runtime';
import type { Finding, KeyView, ShardRow, StreamDetail, WatchRequest } from './console-types';
import type { ShardSeconds } from './console-world';
import { hotSpotFindings } from './hot-spot-advice';

export const STREAM_METRICS = [
  'IncomingRecords', 'IncomingBytes', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded',
  'OutgoingRecords', 'OutgoingBytes', 'GetRecords.IteratorAgeMilliseconds', 'PutRecords.Latency',
] as const;
export const SHARD_METRICS = ['IncomingRecords', 'WriteProvisionedThroughputExceeded', 'OutgoingRecords', 'ReadProvisionedThroughputExceeded'] as const;

const TWO_128 = 2 ** 128;
/** A finding stays up this long after its cause was last seen, so bursts do not make the page jump. */
const FINDING_HOLD_MS = 15_000;
const heldFindings = new WeakMap<Stream, Map<string, { finding: Finding; seenMs: number }>>();

/** Today's findings plus recent ones still held, in a stable order (severity, then first seen). */
function holdFindings(stream: Stream, current: readonly Finding[], nowMs: number): Finding[] {
  let held = heldFindings.get(stream);
  if (!held) heldFindings.set(stream, (held = new Map()));
  for (const f of current) {
    held.set(f.id, { finding: f, seenMs: nowMs });
  }
  const out: Finding[] = [];
  for (const [id, h] of held) {
    if (nowMs - h.seenMs > FINDING_HOLD_MS) held.delete(id);
    else out.push(h.finding);
  }
  const kind = (id: string) => (id.startsWith('key') ? 0 : id.startsWith('hot-shard:') ? 1 : 2);
  return out.sort((a, b) => kind(a.id) - kind(b.id) || (a.id < b.id ? -1 : 1));
}
const TOP_KEYS = 10;
/** Heat-map rows sent per frame: more shards than this are grouped (by max) so a frame stays small. */
const HEAT_MAX_ROWS = 500;

function fractionOfWords(w: ArrayLike<number>): number {
  return ((w[0] >>> 0) * 2 ** 96 + (w[1] >>> 0) * 2 ** 64 + (w[2] >>> 0) * 2 ** 32 + (w[3] >>> 0)) / TWO_128;
}

/** Each producer's keys by descending weight, computed once per producer object. */
const keyOrder = new WeakMap<AnyProducer, number[]>();
function topIndices(p: AnyProducer): number[] {
  let order = keyOrder.get(p);
  if (!order) {
    const w = p.keys.weights;
    order = w ? Array.from(w.keys()).sort((a, b) => w[b] - w[a] || a - b).slice(0, TOP_KEYS) : [];
    keyOrder.set(p, order);
  }
  return order;
}

function acceptedOf(p: AnyProducer, index: number, key: string): { records: number; bytes: number } {
  if (p.mode === 'record') return { records: p.keyAcceptedRecords?.[index] ?? 0, bytes: p.keyAcceptedBytes?.[index] ?? 0 };
  const k = p.topKeys().find((x) => x.key === key);
  return { records: k?.records ?? 0, bytes: k?.bytes ?? 0 };
}

function topKeysFor(stream: Stream, producers: readonly AnyProducer[]): KeyView[] {
  const out: KeyView[] = [];
  const scratch = new Uint32Array(4);
  for (const p of producers) {
    if (p.config.streamName !== stream.name || !p.keys.table) continue;
    const f = p.figures();
    const wanted = f.wantedRecordsPerSec;
    const meanBytes = f.total.accepted > 0 ? f.total.acceptedBytes / f.total.accepted : 100;
    const explicit = p.keys.explicitHashKeys;
    for (const i of topIndices(p)) {
      const key = p.keys.table[i];
      const words = explicit ? decimalToHashKey(explicit[i], scratch) : md5PartitionKey(key, scratch);
      const fraction = fractionOfWords(words);
      const shard = stream.openShardCount > 0 ? stream.route(words) : undefined;
      const acc = acceptedOf(p, i, key);
      const weight = p.keys.weights?.[i] ?? 0;
      out.push({
        key: explicit ? `${key} → hash ${explicit[i].length > 12 ? `${explicit[i].slice(0, 6)}…${explicit[i].slice(-4)}` : explicit[i]}` : key,
        producer: p.name,
        records: acc.records,
        bytes: acc.bytes,
        offeredRecordsPerSec: wanted * weight,
        offeredBytesPerSec: wanted * weight * meanBytes,
        hashFraction: fraction,
        shardId: shard?.id ?? '—',
      });
    }
  }
  return out.sort((a, b) => b.offeredRecordsPerSec - a.offeredRecordsPerSec || b.records - a.records).slice(0, TOP_KEYS);
}

export function buildStreamDetail(world: LiveWorld, h: ShardSeconds, watch: WatchRequest & { seriesWindowSec: number }): StreamDetail {
  const stream = h.stream;
  const run = world.scenario;
  const now = world.sim.nowMs;
  const windowSec = watch.seriesWindowSec;
  const shards = stream.shards;
  const listed = shards.filter((s) => !s.expired);
  const offset = Math.max(0, Math.min(watch.shardOffset ?? 0, Math.max(0, listed.length - 1)));
  const limit = Math.max(1, Math.min(200, watch.shardLimit ?? 50));
  const shardRows: ShardRow[] = listed.slice(offset, offset + limit).map((s) => ({
    id: s.id,
    number: s.number,
    open: s.isOpen,
    startingHashKey: s.range.start.toString(),
    endingHashKey: s.range.end.toString(),
    parentShardId: s.parentNumber === undefined ? undefined : shards[s.parentNumber]?.id,
    adjacentParentShardId: s.adjacentParentNumber === undefined ? undefined : shards[s.adjacentParentNumber]?.id,
    writeUtil: h.writeUtil[s.number] ?? 0,
    readUtil: h.readUtil[s.number] ?? 0,
    incomingRecordsPerSec: h.incomingRecords[s.number] ?? 0,
    incomingBytesPerSec: h.incomingBytes[s.number] ?? 0,
    throttledWritesPerSec: h.throttledWrites[s.number] ?? 0,
    throttledWritesTotal: s.counters.throttledWriteRecords,
    throttledReadsTotal: s.counters.throttledReadCalls,
  }));

  // The stream keeps its open shards in hash-key order (its routing table).
  const open = stream.openShards();
  const n = open.length;
  const bandStart = new Float64Array(n);
  const bandEnd = new Float64Array(n);
  const bandUtil = new Float32Array(n);
  const bandAttempted = new Float64Array(n);
  const bandIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = open[i];
    bandStart[i] = fractionOfWords(s.startWords);
    bandEnd[i] = fractionOfWords(s.endWords);
    bandUtil[i] = h.writeUtil[s.number] ?? 0;
    bandAttempted[i] = (h.incomingRecords[s.number] ?? 0) + (h.throttledWrites[s.number] ?? 0);
    bandIds.push(s.id);
  }

  const topKeys = topKeysFor(stream, run.producers);
  const findings = holdFindings(stream, hotSpotFindings(
    open.map((s, i) => ({ id: s.id, attemptedPerSec: bandAttempted[i], writeUtil: bandUtil[i], throttledPerSec: h.throttledWrites[s.number] ?? 0 })),
    topKeys.map((k) => ({ key: k.key, offeredRecordsPerSec: k.offeredRecordsPerSec, offeredBytesPerSec: k.offeredBytesPerSec, shardId: k.shardId })),
    stream.mode,
    run.producers.reduce((sum, p) => sum + (p.config.streamName === stream.name ? p.figures().wantedRecordsPerSec : 0), 0) || undefined,
    stream.distribution,
  ), now);

  let heat: StreamDetail['heat'];
  if (watch.heatmap) {
    // Zoomed to a shard range; past HEAT_MAX_ROWS rows are grouped by max (10,000 shards → 500 rows of 20).
    const total = shards.length;
    const from = Math.max(0, Math.min(total - 1, Math.floor(watch.heatFromShard ?? 0)));
    const to = Math.max(from, Math.min(total - 1, Math.floor(watch.heatToShard ?? total - 1)));
    const count = total === 0 ? 0 : to - from + 1;
    const group = Math.max(1, Math.ceil(count / HEAT_MAX_ROWS));
    const cols = windowSec;
    const win = h.heat.windowMax(from, count, group, cols);
    const rowIds: string[] = [];
    for (let g = 0; g < win.groups; g++) rowIds.push(shards[from + g * group].id);
    heat = { values: win.values, rows: win.groups, cols, rowIds, t0Ms: win.t0Ms, stepMs: 1000, rowsPerGroup: group, fromShard: from, toShard: to, totalShards: total };
  }

  const keys = STREAM_METRICS.map((m) => `stream:${stream.name}:${m}`);
  // Charts start at the scenario's start rather than showing empty time before it.
  const from = Math.max(world.sim.startMs, now - windowSec * 1000);
  const sw = run.metrics.window(keys, from, now);
  const series: Record<string, Float64Array> = {};
  STREAM_METRICS.forEach((m, i) => { series[m] = sw.series[keys[i]]; });

  let shardSeries: StreamDetail['shardSeries'];
  const drill = watch.shardId ? shards.find((s) => s.id === watch.shardId) : undefined;
  if (drill) {
    const sk = SHARD_METRICS.map((m) => `shard:${stream.name}/${drill.id}:${m}`);
    const w = run.metrics.window(sk, from, now);
    const s: Record<string, Float64Array> = {};
    SHARD_METRICS.forEach((m, i) => { s[m] = w.series[sk[i]]; });
    // The write utilisation history exists for every shard, even when shard-level metrics are off.
    s.WriteUtilisation = h.heat.row(drill.number, Math.round((w.series[sk[0]]?.length ?? windowSec)));
    shardSeries = { shardId: drill.id, t0Ms: w.startMs, stepMs: w.stepMs, series: s };
  }

  let rec = 0, bytes = 0, thr = 0;
  for (const s of open) {
    rec += h.incomingRecords[s.number] ?? 0;
    bytes += h.incomingBytes[s.number] ?? 0;
    thr += h.throttledWrites[s.number] ?? 0;
  }
  return {
    name: stream.name, status: stream.status, mode: stream.mode, retentionHours: stream.retentionHours,
    arn: stream.arn, maxRecordSizeKiB: stream.maxRecordSizeKiB, distribution: stream.distribution,
    openShards: n, totalShards: listed.length, shardIds: listed.map((s) => s.id), shardOffset: offset, shardRows,
    bandStart, bandEnd, bandUtil, bandIds, bandAttempted, heat, series: { t0Ms: sw.startMs, stepMs: sw.stepMs, series }, shardSeries, topKeys, findings,
    incomingRecordsPerSec: rec, incomingBytesPerSec: bytes, throttledPerSec: thr,
  };
}
