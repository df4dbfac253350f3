/**
 * Analytic estimate versus a simulated run, for the UI's what-if table: the planner's steady-state
 * prediction at the simulated shard count next to what the engine measured, each row marked agree or
 * differs with the likely cause (key skew, bursts, retries, consumer speed) in plain words.
 * Agreement tolerance for throttling is ±2 percentage points (spec §7 acceptance test).
 */
import { analyzeHotKeys } from './hot-keys';
import { keyWeights } from './key-weights';
import { consumerFigures, trafficFigures } from './traffic';
import { SHARD_SHARED_READ_BYTES_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';
import type { Workload } from './workload';

/** What a simulated run measured; all fields are plain numbers so the worker can send it as is. */
export interface SimulatedOutcome {
  readonly kind: 'simulated-outcome';
  readonly shardCount: number;
  readonly durationSeconds: number;
  /** Percentage (0–100) of put attempts refused with ProvisionedThroughputExceeded. */
  readonly writeThrottledPercent: number;
  /** Records the producers gave up on after their retries. */
  readonly droppedRecords: number;
  readonly recordsOffered: number;
  readonly p99PutLatencyMs: number;
  readonly maxIteratorAgeMs: number;
  /** Highest per-shard accepted-write utilisation in any one-second window (1 = at the limit). */
  readonly peakShardUtilization: number;
  /** The stream's other readers in the world: Firehose delivery streams and Analytics applications. */
  readonly readers?: readonly SimulatedReader[];
}

export interface SimulatedReader {
  readonly kind: 'firehose' | 'analytics';
  readonly name: string;
  readonly status: string;
  readonly recordsRead: number;
  /** MillisBehindLatest at the end of the run; null where the service does not report it. */
  readonly lagMs: number | null;
}

export type DifferenceCause = 'skew' | 'bursts' | 'retries' | 'consumer-speed' | 'model-gap';

export interface ComparisonRow {
  readonly metric: 'write-throttled' | 'peak-shard-utilization' | 'dropped-records' | 'max-iterator-age' | 'p99-put-latency' | 'reader-records' | 'reader-lag';
  /** For reader rows: which Firehose delivery stream or Analytics application. */
  readonly reader?: string;
  readonly unit: string;
  /** null where the static estimate has no model (put latency). */
  readonly predicted: number | null;
  readonly simulated: number;
  readonly verdict: 'agree' | 'differs';
  readonly cause?: DifferenceCause;
  readonly explanation: string;
}

export interface PlanVsSimulation {
  readonly kind: 'plan-vs-simulation';
  readonly shardCount: number;
  readonly rows: readonly ComparisonRow[];
  readonly summary: string;
}

/** z of the 99th percentile of a standard normal: p99 of a log-normal multiplier is e^{z·σ}. */
const Z99 = 2.3263478740408408;
/** Put-latency tolerance, relative: call sizes vary second by second around the predicted batch. */
const LATENCY_TOLERANCE = 0.25;
/** Engine defaults for producers described by a JSON workload (src/engine/producers/producer-config.ts). */
const DEFAULT_PUT_LATENCY = { baseMs: 20, perRecordMs: 0.02, sigma: 0.25 };

/**
 * p99 of one put call: (base + perRecord × records per call) × e^{z₉₉·σ}. Retried records travel in new
 * calls with the same latency model, so throttling changes how many calls there are, not their p99.
 */
export function predictedPutLatencyP99Ms(workload: Workload, recordsPerSec: number): number {
  const m = workload.putLatency ?? { ...DEFAULT_PUT_LATENCY, recordsPerCall: Math.min(500, Math.max(1, recordsPerSec / 10)) };
  return (m.baseMs + m.perRecordMs * m.recordsPerCall) * Math.exp(Z99 * m.sigma);
}

function putLatencyRow(workload: Workload, recordsPerSec: number, outcome: SimulatedOutcome): ComparisonRow {
  const predicted = predictedPutLatencyP99Ms(workload, recordsPerSec);
  const simulated = outcome.p99PutLatencyMs;
  const base = { metric: 'p99-put-latency' as const, unit: 'ms', predicted, simulated };
  if (!(simulated > 0)) return { ...base, verdict: 'differs', cause: 'model-gap', explanation: 'The run measured no put calls, so there is no latency to compare.' };
  if (Math.abs(simulated - predicted) <= LATENCY_TOLERANCE * predicted) {
    return { ...base, verdict: 'agree', explanation: 'Put calls take what the latency model predicts for their batch size.' };
  }
  return {
    ...base,
    verdict: 'differs',
    cause: simulated > predicted ? 'bursts' : 'model-gap',
    explanation:
      simulated > predicted
        ? 'Calls were larger than one tick’s records (retries and bursts fill batches), so each call carried more records and took longer.'
        : 'Calls carried fewer records than one tick’s worth (producers flush partial batches), so they returned faster than predicted.',
  };
}

/** A reader polls about once a second and may start a few seconds late: records allowed to be in flight. */
const READER_ALLOWANCE_SECONDS = 5;
const READER_TOLERANCE = 0.02;

/**
 * A Firehose delivery stream or Analytics application reading the stream should read every accepted
 * record, less what arrived in its last poll interval, as long as the shared 2 MiB/s per shard is enough
 * for all shared readers; its lag should stay near one poll interval.
 */
function readerRows(r: SimulatedReader, o: SimulatedOutcome, recordsPerSec: number, sharedReaders: number): ComparisonRow[] {
  const who = `${r.kind === 'firehose' ? 'Firehose' : 'Analytics'} '${r.name}'`;
  const accepted = o.recordsOffered * (1 - o.writeThrottledPercent / 100);
  const allowance = recordsPerSec * READER_ALLOWANCE_SECONDS + READER_TOLERANCE * accepted;
  const rows: ComparisonRow[] = [];
  const base = { metric: 'reader-records' as const, reader: r.name, unit: 'records', predicted: accepted, simulated: r.recordsRead };
  if (Math.abs(r.recordsRead - accepted) <= allowance) {
    rows.push({ ...base, verdict: 'agree', explanation: `${who} read what the stream accepted, less its last poll interval.` });
  } else {
    const stalled = r.recordsRead < accepted;
    rows.push({
      ...base,
      verdict: 'differs',
      cause: stalled ? 'consumer-speed' : 'model-gap',
      explanation: stalled
        ? r.status !== 'RUNNING' && r.status !== 'ACTIVE'
          ? `${who} is ${r.status}: it did not read the whole run (an application without an input schema needs record payloads to discover one).`
          : `${who} read ${Math.round(r.recordsRead).toLocaleString('en-US')} of ${Math.round(accepted).toLocaleString('en-US')} records: ${sharedReaders} shared readers split 2 MiB/s per shard, or it processes slower than data arrives.`
        : `${who} read more records than the stream accepted: it started from TRIM_HORIZON or re-read after a restart.`,
    });
  }
  if (r.lagMs !== null) {
    const predicted = POLL_AGE_ALLOWANCE_MS / 2;
    const agree = r.lagMs <= predicted * 1.5 + POLL_AGE_ALLOWANCE_MS;
    rows.push({
      metric: 'reader-lag', reader: r.name, unit: 'ms', predicted, simulated: r.lagMs,
      verdict: agree ? 'agree' : 'differs',
      ...(agree ? {} : { cause: 'consumer-speed' as DifferenceCause }),
      explanation: agree ? `${who} keeps up; it stays about one poll interval behind.` : `${who} is ${Math.round(r.lagMs / 1000)} s behind at the end of the run.`,
    });
  }
  return rows;
}

/** Throttling tolerance in percentage points. */
const THROTTLE_TOLERANCE_PP = 2;
/** Utilisation tolerance, relative. */
const UTILIZATION_TOLERANCE = 0.15;
/** Polling consumers see about one poll interval of age even when they keep up. */
const POLL_AGE_ALLOWANCE_MS = 2000;

export function compareWithSimulation(workload: Workload, outcome: SimulatedOutcome): PlanVsSimulation {
  const n = outcome.shardCount;
  const t = trafficFigures(workload);
  const weights = keyWeights(workload.traffic.keys);
  const hot = analyzeHotKeys({ weights, shardCount: n, bytesPerSec: t.bytesPerSecPeak, recordsPerSec: t.recordsPerSecPeak, targetUtilization: workload.targetUtilization });
  const surge = t.surge;
  const surgeFraction = surge ? Math.max(0, 1 - (n * SHARD_WRITE_BYTES_PER_SEC) / surge.bytesPerSec, 1 - (n * SHARD_WRITE_RECORDS_PER_SEC) / surge.recordsPerSec) : 0;
  const surgeSeconds = surge ? Math.min(surge.seconds, outcome.durationSeconds) : 0;
  const steadySeconds = outcome.durationSeconds - surgeSeconds;
  const offered = t.recordsPerSecPeak * steadySeconds + (surge ? surge.recordsPerSec * surgeSeconds : 0);
  const predictedThrottled = offered > 0 ? (100 * (hot.throttledFraction * t.recordsPerSecPeak * steadySeconds + surgeFraction * (surge?.recordsPerSec ?? 0) * surgeSeconds)) / offered : 0;
  const hotUtil = hot.shards[hot.hotShardIndex]?.utilization ?? 0;
  // The engine measures accepted writes per second, which cannot exceed the limit: compare like with like.
  const hotAcceptedUtil = Math.min(1, hotUtil);
  const rows: ComparisonRow[] = [];

  const dThrottle = outcome.writeThrottledPercent - predictedThrottled;
  const skewy = hot.throttledFraction > 0 || hotUtil > 1.05 * Math.max(t.bytesPerSecPeak / n / SHARD_WRITE_BYTES_PER_SEC, t.recordsPerSecPeak / n / SHARD_WRITE_RECORDS_PER_SEC);
  rows.push(
    Math.abs(dThrottle) <= THROTTLE_TOLERANCE_PP
      ? { metric: 'write-throttled', unit: '%', predicted: predictedThrottled, simulated: outcome.writeThrottledPercent, verdict: 'agree', explanation: 'Steady-state throttling matches the per-shard and per-key limits.' }
      : dThrottle > 0
        ? {
            metric: 'write-throttled', unit: '%', predicted: predictedThrottled, simulated: outcome.writeThrottledPercent, verdict: 'differs',
            cause: hotUtil > 0.8 && !skewy ? 'bursts' : skewy ? 'skew' : 'bursts',
            explanation: skewy
              ? `The simulation throttled more than the averages predict: shard ${hot.hotShardIndex} runs at ${(hotUtil * 100).toFixed(0)}% on average, and sampled keys are burstier per second than their mean share, so the hot shard overflows in more seconds.`
              : 'Arrivals vary second by second (Poisson, surges), so some seconds exceed a shard’s limit even though the average fits; retried records add load in the next seconds.',
          }
        : { metric: 'write-throttled', unit: '%', predicted: predictedThrottled, simulated: outcome.writeThrottledPercent, verdict: 'differs', cause: 'retries', explanation: 'The simulation throttled less than predicted: producer back-off spreads retried records into quieter seconds, and the write bucket lends up to one record’s size for large records.' },
  );

  const dUtil = outcome.peakShardUtilization - hotAcceptedUtil;
  rows.push(
    Math.abs(dUtil) <= UTILIZATION_TOLERANCE * Math.max(hotAcceptedUtil, 0.1)
      ? { metric: 'peak-shard-utilization', unit: 'fraction of limit', predicted: hotAcceptedUtil, simulated: outcome.peakShardUtilization, verdict: 'agree', explanation: 'The hottest shard carries what the MD5 placement of the keys predicts.' }
      : {
          metric: 'peak-shard-utilization', unit: 'fraction of limit', predicted: hotAcceptedUtil, simulated: outcome.peakShardUtilization, verdict: 'differs',
          cause: dUtil > 0 ? (surge ? 'bursts' : 'skew') : 'model-gap',
          explanation: dUtil > 0
            ? surge ? 'The simulated peak second includes the surge and retries on top of the steady rate the estimate uses.' : 'One-second windows of sampled keys peak above their average share; the estimate uses mean shares.'
            : 'The simulation measured less than the offered load: throttled producers back off, so the shard sees less than the demand the estimate assumes.',
        },
  );

  const unfixable = hot.unfixableFraction > 0 || surgeFraction > 0;
  rows.push({
    metric: 'dropped-records', unit: 'records', predicted: 0, simulated: outcome.droppedRecords,
    verdict: outcome.droppedRecords === 0 ? 'agree' : 'differs',
    ...(outcome.droppedRecords > 0 ? { cause: (unfixable ? (hot.unfixableFraction > 0 ? 'skew' : 'bursts') : 'retries') as DifferenceCause } : {}),
    explanation: outcome.droppedRecords === 0
      ? 'No records lost.'
      : unfixable
        ? `Throttled records ran out of retries: ${hot.unfixableFraction > 0 ? `key '${hot.keysOverLimit[0]?.key}' exceeds the per-key limit, so its excess can never be written` : 'the surge exceeded the shards’ capacity for longer than the retry budget'}.`
        : 'Records were dropped although the averages fit: the producer’s retry budget is too small for per-second bursts.',
  });

  const consumers = consumerFigures(workload);
  const shared = consumers.filter((c) => c.readMode === 'shared').length;
  const readPerShard = shared > 0 ? SHARD_SHARED_READ_BYTES_PER_SEC / shared : Number.POSITIVE_INFINITY;
  const slowest = consumers.reduce((m, c) => Math.min(m, (c.processingRecordsPerSecPerShard ?? Number.POSITIVE_INFINITY) * (t.bytesPerSecPeak / t.userRecordsPerSecPeak)), readPerShard);
  // The hottest shard's accepted write rate is what its consumers must keep up with.
  const writePerShard = hot.shards[hot.hotShardIndex]?.bytesPerSec ?? t.bytesPerSecPeak / n;
  const deficit = Math.max(0, Math.min(writePerShard, SHARD_WRITE_BYTES_PER_SEC) - slowest);
  const predictedAgeMs = consumers.length === 0 ? 0 : deficit > 0 ? (deficit / Math.max(slowest, 1)) * outcome.durationSeconds * 1000 : POLL_AGE_ALLOWANCE_MS / 2;
  const ageAgrees = outcome.maxIteratorAgeMs <= predictedAgeMs * 1.5 + POLL_AGE_ALLOWANCE_MS;
  rows.push({
    metric: 'max-iterator-age', unit: 'ms', predicted: predictedAgeMs, simulated: outcome.maxIteratorAgeMs,
    verdict: ageAgrees ? 'agree' : 'differs',
    ...(ageAgrees ? {} : { cause: (surge ? 'bursts' : 'consumer-speed') as DifferenceCause }),
    explanation: ageAgrees
      ? deficit > 0 ? 'Consumers fall behind at the rate the estimate predicts.' : 'Consumers keep up; the age stays near one poll interval.'
      : surge ? 'A surge built a backlog that consumers are still draining; the steady-state estimate does not include it.' : 'Consumers fall behind more than their configured speed implies (checkpoint pauses, batch overheads, or shared-read contention).',
  });

  rows.push(putLatencyRow(workload, t.userRecordsPerSecPeak, outcome));
  for (const reader of outcome.readers ?? []) rows.push(...readerRows(reader, outcome, t.userRecordsPerSecAverage, shared));

  const differing = rows.filter((r) => r.verdict === 'differs');
  const summary = differing.length === 0
    ? `At ${n} shards the simulation agrees with the estimate.`
    : `At ${n} shards the simulation differs on ${differing.map((r) => `${r.metric} (${r.cause})`).join(', ')}.`;
  return { kind: 'plan-vs-simulation', shardCount: n, rows, summary };
}
