/**
 * Glue between the scenario document / run report (engine/scenario) and the planner: a Workload for
 * one stream of a scenario, a SimulatedOutcome from a run report, and an InfraModel for export.
 * Approximations are listed in `notes` so the UI can show what the estimate assumed.
 */
import type { RateProfile } from '../producers/rate-profile';
import { DEFAULT_BATCH, DEFAULT_LATENCY } from '../producers/producer-config';
import type { KeyStrategy } from '../producers/key-strategy';
import type { SizeDistribution } from '../producers/size-distribution';
import type { ProcessingModel } from '../consumers/processing-model';
import type { RunReport } from '../scenario/report';
import type { ScenarioDoc } from '../scenario/schema';
import type { AnalyticsReport } from '../analytics/world/analytics-report';
import type { FirehoseReport } from '../firehose/world/firehose-report';
import type { SimulatedOutcome, SimulatedReader } from './compare';
import type { InfraModel } from './export/infra-model';
import { inverseStandardNormal, type RecordSizeDistribution } from './record-size';
import { DEFAULT_MAX_RECORD_BYTES, HOURS_PER_MONTH } from './units';
import type { ConsumerSpec, KeyDistribution, Workload } from './workload';

export interface ScenarioWorkload {
  readonly workload: Workload;
  readonly notes: readonly string[];
}

/** Average, peak and surge of a rate profile over `durationSec`. */
export function rateFigures(rate: RateProfile, durationSec: number): { average: number; peak: number; surge?: { recordsPerSecond: number; seconds: number } } {
  switch (rate.kind) {
    case 'constant':
      return { average: rate.recordsPerSec, peak: rate.recordsPerSec };
    case 'ramp': {
      const rampSec = Math.min(rate.durationSec, durationSec);
      const end = rate.fromRecordsPerSec + ((rate.toRecordsPerSec - rate.fromRecordsPerSec) * rampSec) / Math.max(rate.durationSec, 1e-9);
      const avg = durationSec > 0 ? (((rate.fromRecordsPerSec + end) / 2) * rampSec + end * (durationSec - rampSec)) / durationSec : rate.fromRecordsPerSec;
      return { average: avg, peak: Math.max(rate.fromRecordsPerSec, end) };
    }
    case 'step': {
      const steps = [...rate.steps].sort((a, b) => a.atSec - b.atSec);
      let sum = 0;
      for (let i = 0; i < steps.length; i++) {
        const from = Math.min(durationSec, Math.max(0, steps[i].atSec));
        const to = Math.min(durationSec, i + 1 < steps.length ? steps[i + 1].atSec : durationSec);
        sum += steps[i].recordsPerSec * Math.max(0, to - from);
      }
      return { average: durationSec > 0 ? sum / durationSec : 0, peak: steps.reduce((m, s) => Math.max(m, s.recordsPerSec), 0) };
    }
    case 'sine':
      return { average: rate.meanRecordsPerSec, peak: rate.meanRecordsPerSec + Math.abs(rate.amplitudeRecordsPerSec) };
    case 'bursts': {
      const share = rate.everySec > 0 ? Math.min(1, rate.burstDurationSec / rate.everySec) : 0;
      const average = rate.baseRecordsPerSec * (1 - share) + rate.burstRecordsPerSec * share;
      return rate.burstRecordsPerSec > rate.baseRecordsPerSec
        ? { average, peak: rate.baseRecordsPerSec, surge: { recordsPerSecond: rate.burstRecordsPerSec, seconds: rate.burstDurationSec } }
        : { average, peak: Math.max(rate.baseRecordsPerSec, rate.burstRecordsPerSec) };
    }
    case 'replay': {
      const n = rate.recordsPerSec.length;
      return { average: n ? rate.recordsPerSec.reduce((s, v) => s + v, 0) / n : 0, peak: rate.recordsPerSec.reduce((m, v) => Math.max(m, v), 0) };
    }
  }
}

/** 200 quantile points of a (clipped) normal or log-normal: the planner's histogram form. */
function quantileHistogram(q: (z: number) => number, minBytes = 1, maxBytes = DEFAULT_MAX_RECORD_BYTES): RecordSizeDistribution {
  const buckets = Array.from({ length: 200 }, (_, i) => ({ bytes: Math.min(maxBytes, Math.max(minBytes, Math.round(q(inverseStandardNormal((i + 0.5) / 200))))), weight: 1 }));
  return { kind: 'histogram', buckets };
}

export function sizeFromScenario(size: SizeDistribution | undefined): RecordSizeDistribution {
  if (!size) return { kind: 'fixed', bytes: 100 };
  switch (size.kind) {
    case 'fixed':
      return { kind: 'fixed', bytes: size.bytes };
    case 'uniform':
      return { kind: 'uniform', minBytes: size.minBytes, maxBytes: size.maxBytes };
    case 'normal':
      return quantileHistogram((z) => size.meanBytes + size.stdDevBytes * z, size.minBytes, size.maxBytes);
    case 'logNormal':
      return size.minBytes === undefined && size.maxBytes === undefined
        ? { kind: 'lognormal', medianBytes: size.medianBytes, sigma: size.sigma }
        : quantileHistogram((z) => size.medianBytes * Math.exp(size.sigma * z), size.minBytes, size.maxBytes);
  }
}

export function keysFromScenario(keys: KeyStrategy | undefined, notes: string[]): { keys: KeyDistribution; keyBytes?: number } {
  const k = keys ?? { kind: 'uuid' as const };
  switch (k.kind) {
    case 'uuid':
      return { keys: { kind: 'uniform', count: 100_000_000, prefix: 'uuid-' }, keyBytes: 36 };
    case 'pool':
      return k.distribution === 'zipf'
        ? { keys: { kind: 'zipf', count: k.keys, exponent: k.zipfExponent ?? 1, prefix: k.prefix ?? 'key-' } }
        : { keys: { kind: 'uniform', count: k.keys, prefix: k.prefix ?? 'key-' } };
    case 'hotKey':
      return { keys: { kind: 'hot-key', hotKey: k.hotKey ?? 'hot-key', share: k.hotPercent / 100, otherKeys: Math.max(1, k.otherKeys ?? 1000), prefix: k.prefix ?? 'key-' } };
    case 'sequential':
      notes.push('Sequential keys are treated as evenly spread (each key is used once per wrap).');
      return { keys: { kind: 'uniform', count: k.wrap ?? 100_000_000, prefix: k.prefix ?? 'seq-' } };
    case 'timeBucket':
      notes.push('Time-bucketed keys send every record of a bucket to one key: modelled as a single hot key.');
      return { keys: { kind: 'hot-key', hotKey: `${k.prefix ?? 'bucket-'}0`, share: 1, otherKeys: 0, prefix: k.prefix ?? 'bucket-' } };
    case 'explicitHash':
      notes.push('Explicit hash keys route by hash, not by key name: modelled as evenly spread over that many keys.');
      return { keys: { kind: 'uniform', count: Math.max(1, k.hashKeys.length), prefix: 'hash-' }, keyBytes: (k.partitionKey ?? 'pk').length };
  }
}

function recordsPerSecPerShard(p: ProcessingModel | undefined, batchRecords: number): number | undefined {
  if (!p) return undefined;
  const perRecordMs = p.perRecordMs + p.perBatchMs / Math.max(1, batchRecords);
  return perRecordMs > 0 ? 1000 / perRecordMs : undefined;
}

/** A planner workload for stream `streamName` of a scenario; the largest producer's keys and sizes stand for all. */
export function workloadFromScenario(doc: ScenarioDoc, streamName: string): ScenarioWorkload {
  const notes: string[] = [];
  const stream = doc.streams.find((s) => s.name === streamName);
  const durationSec = doc.durationSec ?? 3600;
  const producers = doc.producers.filter((p) => p.stream === streamName);
  let average = 0, peak = 0, surgeRps = 0, surgeSec = 0;
  let main = producers[0];
  let mainAvg = -1;
  for (const p of producers) {
    const f = rateFigures(p.rate, durationSec);
    average += f.average;
    peak += f.peak;
    if (f.surge) {
      surgeRps += f.surge.recordsPerSecond - f.peak;
      surgeSec = Math.max(surgeSec, f.surge.seconds);
    }
    if (f.average > mainAvg) [main, mainAvg] = [p, f.average];
  }
  if (producers.length > 1) notes.push(`${producers.length} producers: rates are summed; keys and sizes follow '${main.name}', the busiest.`);
  const { keys, keyBytes } = keysFromScenario(main?.keys, notes);
  const consumers: ConsumerSpec[] = [];
  for (const c of doc.consumers ?? []) {
    if (c.stream !== streamName) continue;
    if (c.type === 'kcl') {
      const pollMs = c.pollIntervalMs ?? 1000;
      consumers.push({ kind: 'polling', name: c.name, count: 1, pollsPerSecondPerShard: Math.min(5, Math.max(0.2, 1000 / pollMs)), maxRecordsPerSecondPerShard: recordsPerSecPerShard(c.processing, c.maxRecords ?? 10_000) });
    } else if (c.type === 'efo') {
      consumers.push({ kind: 'efo', name: c.name, count: 1, maxRecordsPerSecondPerShard: recordsPerSecPerShard(c.processing, 1000) });
    } else {
      const batch = c.batchSize ?? 100;
      const d = c.duration;
      consumers.push({ kind: 'lambda', name: c.name, count: 1, batchSize: batch, parallelizationFactor: c.parallelizationFactor ?? 1, averageDurationMs: d ? d.perBatchMs + d.perRecordMs * batch : 100, efo: false });
    }
  }
  // The whole world reads the stream: Firehose delivery streams sourced from it and Analytics
  // applications poll it with GetRecords like any shared consumer (about once per second per shard).
  for (const f of doc.firehose ?? []) {
    const src = f.KinesisStreamSourceConfiguration;
    const source = src?.StreamName ?? src?.KinesisStreamARN?.split('/').pop();
    if (f.DeliveryStreamType === 'KinesisStreamAsSource' && source === streamName) {
      consumers.push({ kind: 'polling', name: `firehose:${f.DeliveryStreamName}`, count: 1, pollsPerSecondPerShard: 1 });
    }
  }
  for (const a of doc.analytics ?? []) {
    if (a.input.stream === streamName) consumers.push({ kind: 'polling', name: `analytics:${a.name}`, count: 1, pollsPerSecondPerShard: 1 });
  }
  const safeAverage = Math.max(average, 1e-6);
  const workload: Workload = {
    name: `${doc.name ?? 'scenario'}: ${streamName}`,
    traffic: {
      recordsPerSecond: {
        average: safeAverage,
        peak: Math.max(peak, safeAverage),
        previousPeak: Math.max(peak, safeAverage),
        ...(surgeRps > 0 ? { surge: { recordsPerSecond: Math.max(peak, safeAverage) + surgeRps, seconds: surgeSec } } : {}),
      },
      recordSize: sizeFromScenario(main?.size),
      partitionKeyBytes: keyBytes ?? meanKeyBytes(keys),
      keys,
      aggregation: { enabled: main?.aggregation?.enabled ?? false, keysCarryOrdering: false },
    },
    consumers,
    retentionHours: stream?.retentionHours ?? 24,
    targetUtilization: 0.8,
    maxRecordSizeBytes: DEFAULT_MAX_RECORD_BYTES,
    longTermReadGiBPerMonth: 0,
    onDemand: { efoCountsTowardCommitment: true },
    hoursPerMonth: HOURS_PER_MONTH,
    ...(stream?.mode !== 'ON_DEMAND' && stream?.shards ? { currentShards: stream.shards } : {}),
    ...(main ? { putLatency: putLatencyOf(main, mainAvg) } : {}),
  };
  return { workload, notes };
}

/**
 * The busiest producer's call latency model (engine defaults filled in) and its records per call:
 * one for PutRecord; for PutRecords what one generation tick gathers, capped at the batch size.
 */
function putLatencyOf(p: ScenarioDoc['producers'][number], recordsPerSec: number): NonNullable<Workload['putLatency']> {
  const lat = { ...DEFAULT_LATENCY, ...p.latency };
  const batch = { ...DEFAULT_BATCH, ...p.batch };
  const tickMs = Math.max(10, Math.min(100, batch.lingerMs || 100));
  const recordsPerCall = p.api === 'PutRecord' ? 1 : Math.min(batch.maxRecords, Math.max(1, (recordsPerSec * tickMs) / 1000));
  return { baseMs: lat.baseMs, perRecordMs: lat.perRecordMs, sigma: lat.sigma, recordsPerCall };
}

function meanKeyBytes(keys: KeyDistribution): number {
  if (keys.kind === 'explicit') return 8;
  const count = keys.kind === 'hot-key' ? keys.otherKeys : keys.count;
  return keys.prefix.length + Math.max(1, String(Math.max(0, count - 1)).length);
}

/** The measured side of the what-if table, from a run report. */
export function simulatedOutcomeFromReport(report: RunReport, streamName: string): SimulatedOutcome | undefined {
  const s = report.streams.find((x) => x.name === streamName);
  if (!s) return undefined;
  const consumers = report.consumers.filter((c) => c.stream === streamName);
  return {
    kind: 'simulated-outcome',
    shardCount: s.openShards,
    durationSeconds: report.simulatedMs / 1000,
    writeThrottledPercent: s.recordsAttempted > 0 ? (100 * s.recordsThrottled) / s.recordsAttempted : 0,
    droppedRecords: s.recordsDropped,
    recordsOffered: s.recordsAttempted,
    p99PutLatencyMs: s.putLatencyP99Ms,
    maxIteratorAgeMs: consumers.reduce((m, c) => Math.max(m, c.maxIteratorAgeMs), 0),
    peakShardUtilization: s.peakShardUtilisation,
    readers: readersOf(report, streamName),
  };
}

/** What the stream's other readers in the world (Firehose, Analytics) read during the run. */
function readersOf(report: RunReport, streamName: string): SimulatedReader[] {
  const out: SimulatedReader[] = [];
  const r = report as RunReport & { firehose?: FirehoseReport; analytics?: AnalyticsReport };
  for (const d of r.firehose?.deliveryStreams ?? []) {
    if (d.type === 'KinesisStreamAsSource' && d.source === streamName) {
      out.push({ kind: 'firehose', name: d.name, status: 'ACTIVE', recordsRead: d.recordsIn, lagMs: null });
    }
  }
  // In aggregate what-ifs an Analytics application without payloads runs as the polling reader it is to
  // its source (named "analytics:<app>", as the what-if runner names them).
  for (const c of report.consumers) {
    if (c.stream === streamName && c.name.startsWith('analytics:')) {
      out.push({ kind: 'analytics', name: c.name.slice('analytics:'.length), status: 'RUNNING', recordsRead: c.recordsProcessed, lagMs: c.maxIteratorAgeMs });
    }
  }
  for (const a of r.analytics?.applications ?? []) {
    if (a.sourceStream === streamName) out.push({ kind: 'analytics', name: a.name, status: a.status, recordsRead: a.recordsRead, lagMs: a.millisBehindLatest });
  }
  return out;
}

/** Streams of a scenario as an export model (consumers of type efo become registered consumers). */
export function infraFromScenario(doc: ScenarioDoc): InfraModel {
  return {
    streams: doc.streams.map((s) => ({
      name: s.name,
      mode: s.mode ?? 'PROVISIONED',
      ...(s.mode === 'ON_DEMAND' ? {} : { shardCount: s.shards ?? 1 }),
      retentionHours: Math.round(s.retentionHours ?? 24),
      encryption: { type: 'KMS' as const, keyId: 'alias/aws/kinesis' },
      efoConsumers: (doc.consumers ?? []).filter((c) => c.type === 'efo' && c.stream === s.name).map((c) => c.name),
    })),
    deliveryStreams: [],
  };
}
