/**
 * The seeded scenario documents the lessons start from: small worlds with one stream (named
 * `lesson-<id>`) and only the actors the lesson needs, so what the learner changes is what they see.
 */
import { comparisonScenario, DEFAULT_COMPARISON } from '../queues/world/comparison';
import type { ScenarioConsumer, ScenarioDoc, ScenarioProducer } from '../scenario/schema';

export function scenario(id: string, shards: number, producers: readonly ScenarioProducer[] = [], retentionHours = 24): ScenarioDoc {
  return {
    version: 1,
    name: `lesson: ${id}`,
    seed: `lesson-${id}`,
    streams: [{ name: `lesson-${id}`, mode: 'PROVISIONED', shards, retentionHours }],
    producers,
  } as ScenarioDoc;
}

export function producer(stream: string, recordsPerSec: number, keys: ScenarioProducer['keys'], bytes = 200, template?: string): ScenarioProducer {
  return {
    name: 'app', stream, rate: { kind: 'constant', recordsPerSec }, size: { kind: 'fixed', bytes }, keys, api: 'PutRecords',
    batch: { maxRecords: 500, lingerMs: 100 }, retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000, maxRecordAgeMs: 10_000, jitter: 'full' },
    ...(template ? { template } : {}),
  } as ScenarioProducer;
}

/** Click events with the columns the Analytics examples use (user, page, ip). */
export const CLICK_TEMPLATE = '{"user":"{{random.number(50)}}","page":"{{random.arrayElement(["/","/cart","/search","/product"])}}","ip":"{{internet.ip}}"}';

// AUTO record distribution is for on-demand streams only (API_UpdateStreamRecordDistributionStrategy).
export function autoDistributionScenario(stream: string): ScenarioDoc {
  const doc = scenario('auto-distribution', 0, [producer(stream, 1600, { kind: 'hotKey', hotKey: 'user-42', hotPercent: 80, otherKeys: 1000, prefix: 'user-' })]);
  return { ...doc, streams: [{ name: stream, mode: 'ON_DEMAND', retentionHours: 24 }] };
}

// A polling KCL application that spends 6 ms per record on 500 records/s: 3 s of work per second, so it falls behind.
export function consumersScenario(stream: string): ScenarioDoc {
  const slow: ScenarioConsumer = {
    type: 'kcl', name: 'polling-app', stream, initialPosition: 'LATEST', workers: 1, pollIntervalMs: 1000, maxRecords: 1000, checkpointEveryRecords: 1000,
    processing: { perBatchMs: 5, perRecordMs: 6 },
  };
  return { ...scenario('consumers', 1, [producer(stream, 500, { kind: 'uuid' })]), consumers: [slow] };
}

function s3Destination(bucket: string, sizeMiB: number, intervalSec: number, compression = 'UNCOMPRESSED'): Record<string, unknown> {
  return {
    BucketARN: `arn:aws:s3:::${bucket}`, RoleARN: 'arn:aws:iam::000000000000:role/firehose-delivery',
    BufferingHints: { SizeInMBs: sizeMiB, IntervalInSeconds: intervalSec }, CompressionFormat: compression, Prefix: 'lesson/',
  };
}

// Buffering: 50 records/s of 200 B is ~10 KB/s, so a 1 MiB buffer fills in ~105 s; with a 60 s
// interval the interval wins; with 300 s the size does ("whichever comes first"):
// https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html
export function firehoseBufferingScenario(stream: string, delivery: string): ScenarioDoc {
  return {
    ...scenario('firehose', 1, [producer(stream, 50, { kind: 'uuid' })]),
    firehose: [{
      DeliveryStreamName: delivery, DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: stream },
      ExtendedS3DestinationConfiguration: s3Destination('lesson-bucket', 1, 60),
    }],
  } as unknown as ScenarioDoc;
}

/** A Direct PUT delivery stream with its own producer of JSON events, flushing every 10 s. */
export function firehoseDeliveryScenario(delivery: string): ScenarioDoc {
  return {
    version: 1, name: 'lesson: firehose-delivery', seed: 'lesson-firehose-delivery', streams: [], producers: [],
    firehose: [{
      DeliveryStreamName: delivery, DeliveryStreamType: 'DirectPut',
      ExtendedS3DestinationConfiguration: s3Destination('lesson-delivery-bucket', 1, 10),
      producer: { recordsPerSec: 20, template: '{"seq":{{seq}},"action":"{{pick:click|view|buy}}"}' },
    }],
  } as unknown as ScenarioDoc;
}

/** A data stream and a delivery stream that reads it: the same records, kept for readers and delivered to S3. */
export function streamsVsFirehoseScenario(stream: string, delivery: string): ScenarioDoc {
  return {
    ...scenario('streams-vs-firehose', 1, [producer(stream, 20, { kind: 'uuid' }, 200, CLICK_TEMPLATE)]),
    firehose: [{
      DeliveryStreamName: delivery, DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: stream },
      ExtendedS3DestinationConfiguration: s3Destination('lesson-archive', 1, 10),
    }],
  } as unknown as ScenarioDoc;
}

const PAGE_SECTIONS = '/,home\n/cart,checkout\n/search,browse\n/product,browse\n';

/** Reference data (an S3 object in the service) joined to the stream: each URL path's site section, counted per 10-second interval. */
export const ENRICH_SQL = `-- Clicks per site section every 10 seconds: the stream joined with reference data.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (section VARCHAR(16), n BIGINT);
CREATE OR REPLACE PUMP "SECTION_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM r."section", COUNT(*)
  FROM "SOURCE_SQL_STREAM_001" AS s JOIN "PAGE_SECTIONS" AS r ON s."page" = r."page"
  GROUP BY r."section", STEP(s.ROWTIME BY INTERVAL '10' SECOND);
`;

const CLICK_SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'user', Mapping: '$.user', SqlType: 'VARCHAR(16)' },
    { Name: 'page', Mapping: '$.page', SqlType: 'VARCHAR(16)' },
    { Name: 'ip', Mapping: '$.ip', SqlType: 'VARCHAR(64)' },
  ],
};

export function sqlScenario(id: string, stream: string, withReference: boolean): ScenarioDoc {
  const doc = scenario(id, 1, [producer(stream, 20, { kind: 'uuid' }, 200, CLICK_TEMPLATE)]);
  if (!withReference) return doc;
  return {
    ...doc,
    analytics: [{
      name: 'sections', sql: ENRICH_SQL, autoStart: false,
      input: { stream, inputSchema: CLICK_SCHEMA },
      reference: [{
        tableName: 'PAGE_SECTIONS', body: PAGE_SECTIONS,
        referenceSchema: {
          RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ',' } } },
          RecordColumns: [{ Name: 'page', SqlType: 'VARCHAR(16)' }, { Name: 'section', SqlType: 'VARCHAR(16)' }],
        },
      }],
    }],
  } as unknown as ScenarioDoc;
}

/** A video stream with no camera yet: the learner starts the simulated one. */
export function videoScenario(id: string, videoStream: string): ScenarioDoc {
  return { version: 1, name: `lesson: ${id}`, seed: `lesson-${id}`, streams: [], producers: [], videoStreams: [{ name: videoStream, retentionHours: 24 }] } as unknown as ScenarioDoc;
}

/** The Kinesis-vs-SQS page's own workload, seeded: a stream and a queue with the same three consumers. */
export function sqsScenario(): ScenarioDoc {
  return comparisonScenario(DEFAULT_COMPARISON);
}
