/**
 * The soak scenario (issue 17): one world with everything running at once for a virtual day — a
 * 1,000-shard stream fed by producers on a daily cycle plus a hot key, two KCL applications whose
 * workers crash and come back, a Lambda consumer with failing invocations, a Firehose delivery
 * stream reading a second stream into S3 (its bucket goes down for an hour: see soak-schedule.ts),
 * and an Analytics application over that second stream. Built as a plain document so `npm run soak`,
 * the tests and the console (import) all run the same thing.
 */
import type { ScenarioDoc } from '../scenario/schema';

export const SOAK_BIG_STREAM = 'events';
export const SOAK_SMALL_STREAM = 'orders';
export const SOAK_DELIVERY_STREAM = 'orders-to-s3';
export const SOAK_BUCKET = 'soak-orders-archive';
export const SOAK_HOT_KEY = 'tenant-42';

export interface SoakOptions {
  /** Shards of the big stream (1,000 in the issue; smaller for a quick CI variant). */
  readonly shards?: number;
  /** Mean records/s on the big stream over the day (the daily sine swings ±70 % around it). */
  readonly meanRecordsPerSec?: number;
  readonly seed?: string;
}

const HOUR = 3600;

/** KCL crashes: worker `w` goes down every few hours for a few minutes, leases fail over and come back. */
function crashes(workers: number, everyHours: number, offsetSec: number): { atSec: number; worker: number; downSec: number }[] {
  const out: { atSec: number; worker: number; downSec: number }[] = [];
  for (let h = 0, i = 0; h < 24; h += everyHours, i++) out.push({ atSec: h * HOUR + offsetSec, worker: i % workers, downSec: 300 });
  return out;
}

export function soakScenario(options: SoakOptions = {}): ScenarioDoc {
  const shards = options.shards ?? 1000;
  const mean = options.meanRecordsPerSec ?? shards * 200;
  return {
    version: 1,
    name: `soak: ${shards.toLocaleString('en-US')} shards for a day`,
    description: 'Issue 17 soak: daily-cycle producers with a hot key, crashing KCL apps, a failing Lambda, Firehose with a one-hour S3 outage, an Analytics app, hourly resharding.',
    seed: options.seed ?? 'soak',
    durationSec: 24 * HOUR,
    // Aggregate mode for the volume (10⁵ records/s). The record store is held to 96 MiB so memory stays flat
    // through a day of 24-hour retention: the oldest entries are evicted (counted by the shards), and the
    // closed shards hourly resharding leaves — listed until retention — are booked in the same budget.
    settings: { mode: 'aggregate', memoryBudgetMiB: 96 },
    streams: [
      { name: SOAK_BIG_STREAM, shards, retentionHours: 24 },
      { name: SOAK_SMALL_STREAM, shards: 4, retentionHours: 24 },
    ],
    producers: [
      // Daily cycle: the trough at 03:00-ish, the peak in the afternoon.
      { name: 'fleet', stream: SOAK_BIG_STREAM, rate: { kind: 'sine', meanRecordsPerSec: mean, amplitudeRecordsPerSec: mean * 0.7, periodSec: 24 * HOUR, phaseSec: -6 * HOUR },
        size: { kind: 'fixed', bytes: 200 }, keys: { kind: 'pool', keys: 100_000, distribution: 'uniform' }, api: 'PutRecords' },
      // One hot key: 60 % of this producer's records land on one shard, past its 1,000 records/s.
      { name: 'hot-tenant', stream: SOAK_BIG_STREAM, rate: { kind: 'sine', meanRecordsPerSec: 1500, amplitudeRecordsPerSec: 1000, periodSec: 24 * HOUR, phaseSec: -6 * HOUR },
        size: { kind: 'fixed', bytes: 500 }, keys: { kind: 'hotKey', hotKey: SOAK_HOT_KEY, hotPercent: 60, otherKeys: 1000 }, api: 'PutRecords' },
      { name: 'checkout', stream: SOAK_SMALL_STREAM, rate: { kind: 'sine', meanRecordsPerSec: 200, amplitudeRecordsPerSec: 150, periodSec: 24 * HOUR, phaseSec: -6 * HOUR },
        size: { kind: 'fixed', bytes: 300 }, keys: { kind: 'pool', keys: 5000, distribution: 'zipf', zipfExponent: 1.1 },
        template: '{"card":"c{{random.number(5000)}}","amount":{{random.number(500)}}}', api: 'PutRecords' },
    ],
    consumers: [
      { type: 'kcl', name: 'enricher', stream: SOAK_BIG_STREAM, initialPosition: 'TRIM_HORIZON', workers: 4, crashes: crashes(4, 3, 1800) },
      { type: 'kcl', name: 'archiver', stream: SOAK_BIG_STREAM, initialPosition: 'TRIM_HORIZON', workers: 2, pollIntervalMs: 2000, crashes: crashes(2, 5, 2700) },
      { type: 'lambda', name: 'order-fn', stream: SOAK_SMALL_STREAM, initialPosition: 'TRIM_HORIZON', batchSize: 100, parallelizationFactor: 2,
        duration: { perBatchMs: 50, perRecordMs: 1 }, errorRate: 0.02, maxRetries: 2, bisectOnError: true, onFailureDestination: true },
    ],
    firehose: [{
      DeliveryStreamName: SOAK_DELIVERY_STREAM, DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: SOAK_SMALL_STREAM },
      ExtendedS3DestinationConfiguration: {
        BucketARN: `arn:aws:s3:::${SOAK_BUCKET}`, RoleARN: 'arn:aws:iam::000000000000:role/firehose-soak',
        // A one-minute buffer: what Firehose holds follows the daily swing of the rate, so keep it short.
        BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 }, Prefix: 'orders/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      },
    }],
    analytics: [{
      name: 'card-totals',
      sql: 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (card VARCHAR(16), payments BIGINT, total DOUBLE);\n'
        + 'CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"\n'
        + '  SELECT STREAM "card", COUNT(*), SUM("amount") FROM "SOURCE_SQL_STREAM_001"\n'
        + '  GROUP BY "card", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'60\' SECOND);',
      input: { stream: SOAK_SMALL_STREAM },
      output: { kind: 'console' },
    }],
  } as ScenarioDoc;
}
