/**
 * The Overview's pipeline as data: nodes in columns (producers → streams → readers → destinations)
 * and edges carrying a live rate, each flagged when something throttles or lags. A pure function of
 * the console frame and the Firehose/Analytics slices, so the diagram is drawn from whatever the
 * world holds, and new kinds of node need no drawing code.
 */
import type { ConsoleFrame } from '../../../worker/api/streams-api';

export type NodeKind = 'producer' | 'stream' | 'consumer' | 'delivery' | 'analytics' | 'destination';

export interface PipelineNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** One short line of figures under the label. */
  readonly detail: string;
  readonly column: number;
  readonly href: string;
  readonly alert: string | null;
}

export interface PipelineEdge {
  readonly from: string;
  readonly to: string;
  /** Records per second along the edge (NaN when unknown). */
  readonly recordsPerSec: number;
  readonly alert: string | null;
}

export interface PipelineGraph {
  readonly nodes: readonly PipelineNode[];
  readonly edges: readonly PipelineEdge[];
}

/** The parts of the Firehose and Analytics slices the diagram reads (kept loose: they are other modules' data). */
export interface DeliveryInput {
  readonly name: string;
  readonly source?: string;
  readonly destination: string;
  readonly bucket?: string;
  readonly recordsPerSec: number;
  /** Records delivered to the destination per second (NaN when unknown). */
  readonly deliveredPerSec?: number;
  readonly throttled: boolean;
  readonly behindMs?: number;
}

export interface AnalyticsInput {
  readonly name: string;
  readonly source: string;
  readonly inputRecordsPerSec: number;
  readonly outputRowsPerSec: number;
  readonly behindMs: number;
  readonly errors: number;
  readonly output?: { readonly kind: string; readonly name?: string };
}

const LAG_ALERT_MS = 60_000;
const num = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)}k` : Math.round(v).toLocaleString('en-US'));

/** The diagram's words, so the Overview can pass them in the chosen language (English by default). */
export interface PipelineWords {
  throttled(perSec: string): string;
  throttledShort: string;
  shardAt(percent: number): string;
  shards(n: number): string;
  onDemand: string;
  wants(perSec: string): string;
  behind(sec: number): string;
  enhancedFanOut: string;
  fallingBehind: string;
  lagging: string;
  s3Bucket: string;
  rowsOut(perSec: string): string;
  errors(n: number): string;
}

export const ENGLISH_PIPELINE_WORDS: PipelineWords = {
  throttled: (r) => `${r} records/s throttled`,
  throttledShort: 'throttled',
  shardAt: (p) => `a shard at ${p}% of its limit`,
  shards: (n) => `${n} shard${n === 1 ? '' : 's'}`,
  onDemand: 'on-demand',
  wants: (r) => `wants ${r}/s`,
  behind: (s) => `${s} s behind`,
  enhancedFanOut: 'enhanced fan-out',
  fallingBehind: 'falling behind',
  lagging: 'lagging',
  s3Bucket: 'S3 bucket',
  rowsOut: (r) => `SQL · ${r} rows/s out`,
  errors: (n) => `${n} errors`,
};

export function buildPipeline(frame: ConsoleFrame, deliveries: readonly DeliveryInput[], apps: readonly AnalyticsInput[], w: PipelineWords = ENGLISH_PIPELINE_WORDS): PipelineGraph {
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  const streamIds = new Set<string>();
  for (const s of frame.streams) {
    streamIds.add(s.name);
    const hot = s.throttledPerSec > 0 ? w.throttled(num(s.throttledPerSec)) : s.maxShardUtil >= 0.9 ? w.shardAt(Math.round(s.maxShardUtil * 100)) : null;
    nodes.push({
      id: `stream:${s.name}`, kind: 'stream', label: s.name, column: 1, href: `#/streams/${encodeURIComponent(s.name)}`,
      detail: `${s.mode === 'ON_DEMAND' ? w.onDemand : w.shards(s.openShards)} · ${s.status}`,
      alert: hot,
    });
  }
  for (const p of frame.producers) {
    nodes.push({ id: `producer:${p.name}`, kind: 'producer', label: p.name, column: 0, href: '#/producers', detail: w.wants(num(p.wantedRecordsPerSec)), alert: p.throttledPerSec > 0 ? w.throttled(num(p.throttledPerSec)) : null });
    if (streamIds.has(p.stream)) edges.push({ from: `producer:${p.name}`, to: `stream:${p.stream}`, recordsPerSec: p.acceptedPerSec, alert: p.throttledPerSec > 0 ? 'throttled' : null });
  }
  for (const c of frame.consumers) {
    const lagging = c.state === 'falling-behind' || c.iteratorAgeMs > LAG_ALERT_MS;
    nodes.push({
      id: `consumer:${c.name}`, kind: 'consumer', label: c.name, column: 2, href: '#/consumers',
      detail: `${c.type === 'kcl' ? 'KCL' : c.type === 'efo' ? w.enhancedFanOut : 'Lambda'} · ${w.behind(Math.round(c.iteratorAgeMs / 1000))}`,
      alert: lagging ? (c.state === 'falling-behind' ? w.fallingBehind : w.lagging) : null,
    });
    if (streamIds.has(c.stream)) edges.push({ from: `stream:${c.stream}`, to: `consumer:${c.name}`, recordsPerSec: c.recordsPerSec, alert: lagging ? 'lag' : null });
  }
  const destinations = new Map<string, PipelineNode>();
  const destination = (id: string, label: string, detail: string, href: string) => {
    if (!destinations.has(id)) destinations.set(id, { id, kind: 'destination', label, detail, column: 3, href, alert: null });
    return id;
  };
  for (const d of deliveries) {
    const id = `delivery:${d.name}`;
    const lag = (d.behindMs ?? 0) > LAG_ALERT_MS;
    nodes.push({ id, kind: 'delivery', label: d.name, column: 2, href: '#/firehose', detail: `Firehose → ${d.destination}`, alert: d.throttled ? w.throttledShort : lag ? w.lagging : null });
    if (d.source && streamIds.has(d.source)) edges.push({ from: `stream:${d.source}`, to: id, recordsPerSec: d.recordsPerSec, alert: lag ? 'lag' : null });
    const dest = destination(`dest:${d.destination}:${d.bucket ?? d.name}`, d.bucket ? `${d.bucket}` : d.destination, d.destination === 's3' ? w.s3Bucket : d.destination, '#/firehose');
    edges.push({ from: id, to: dest, recordsPerSec: d.deliveredPerSec ?? Number.NaN, alert: null });
  }
  for (const a of apps) {
    const id = `analytics:${a.name}`;
    const lag = a.behindMs > LAG_ALERT_MS;
    nodes.push({ id, kind: 'analytics', label: a.name, column: 2, href: '#/analytics', detail: w.rowsOut(num(a.outputRowsPerSec)), alert: a.errors > 0 ? w.errors(a.errors) : lag ? w.lagging : null });
    if (streamIds.has(a.source)) edges.push({ from: `stream:${a.source}`, to: id, recordsPerSec: a.inputRecordsPerSec, alert: lag ? 'lag' : null });
    if (a.output && a.output.kind !== 'console' && a.output.name) {
      const target = a.output.kind === 'stream' && streamIds.has(a.output.name) ? `stream:${a.output.name}` : destination(`dest:${a.output.kind}:${a.output.name}`, a.output.name, a.output.kind, '#/analytics');
      edges.push({ from: id, to: target, recordsPerSec: a.outputRowsPerSec, alert: null });
    }
  }
  nodes.push(...destinations.values());
  return { nodes, edges };
}

export interface Placed extends PipelineNode {
  readonly x: number;
  readonly y: number;
}

export const NODE_W = 188;
export const NODE_H = 56;
const COL_GAP = 110;
const ROW_GAP = 18;

/** Column layout: each column stacks its nodes, centred on the tallest column. */
export function layoutPipeline(graph: PipelineGraph): { placed: Placed[]; width: number; height: number } {
  const cols = new Map<number, PipelineNode[]>();
  for (const n of graph.nodes) cols.set(n.column, [...(cols.get(n.column) ?? []), n]);
  const used = [...cols.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...[...cols.values()].map((c) => c.length));
  const height = tallest * NODE_H + (tallest - 1) * ROW_GAP + 16;
  const placed: Placed[] = [];
  used.forEach((c, ci) => {
    const list = cols.get(c)!;
    const colH = list.length * NODE_H + (list.length - 1) * ROW_GAP;
    const top = (height - colH) / 2;
    list.forEach((n, i) => placed.push({ ...n, x: 8 + ci * (NODE_W + COL_GAP), y: top + i * (NODE_H + ROW_GAP) }));
  });
  const width = used.length * NODE_W + Math.max(0, used.length - 1) * COL_GAP + 16;
  return { placed, width, height };
}
