/**
 * The built-in demo: a 4-shard clickstream with a mildly hot key (15% of 2,000–3,600 records/s lands
 * on one key, so its shard runs near its 1,000 records/s and throttles during bursts), a KCL application that
 * polls every second and checkpoints every 1,000 records and crashes at 40 s, and a Lambda
 * consumer whose batches are slow enough to build lag. Interesting within the first minute.
 */
import type { ScenarioDoc } from './schema';

export const DEMO_SCENARIO: ScenarioDoc = {
  version: 1,
  name: 'clickstream demo',
  description: 'A clickstream with a mildly hot key, a KCL application and a Lambda consumer.',
  seed: 'demo-1',
  durationSec: 300,
  streams: [{ name: 'clickstream', mode: 'PROVISIONED', shards: 4, retentionHours: 24 }],
  producers: [
    {
      name: 'web-frontend',
      stream: 'clickstream',
      rate: { kind: 'bursts', baseRecordsPerSec: 2000, burstRecordsPerSec: 3600, everySec: 30, burstDurationSec: 8, firstBurstAtSec: 20 },
      size: { kind: 'logNormal', medianBytes: 300, sigma: 0.5, minBytes: 80, maxBytes: 4096 },
      keys: { kind: 'hotKey', hotKey: 'user-42', hotPercent: 15, otherKeys: 5000, prefix: 'user-' },
      template: '{"user":"{{random.number(5000)}}","page":"{{random.arrayElement(["/","/cart","/search","/product"])}}","ip":"{{internet.ip}}","at":"{{date.now("YYYY-MM-DDTHH:mm:ss.SSS")}}"}',
      api: 'PutRecords',
      batch: { maxRecords: 500, lingerMs: 100 },
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 2000, maxRecordAgeMs: 30_000, jitter: 'full' },
    },
  ],
  consumers: [
    { type: 'kcl', name: 'sessionizer', stream: 'clickstream', initialPosition: 'TRIM_HORIZON', workers: 2, pollIntervalMs: 1000, checkpointEveryRecords: 1000, processing: { perBatchMs: 20, perRecordMs: 0.2 }, crashes: [{ atSec: 40, worker: 0, downSec: 30 }] },
    { type: 'lambda', name: 'enrich-fn', stream: 'clickstream', initialPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSec: 1, parallelizationFactor: 2, duration: { perBatchMs: 120, perRecordMs: 1.5, sigma: 0.2 }, errorRate: 0.02, maxRetries: 2, bisectOnError: true, onFailureDestination: true },
  ],
};
