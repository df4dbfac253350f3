import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../scenario/demo';
import { WORLD_PARTS } from './parts';
import { runWorld } from './run';
import { World, validateWorld } from './world';

const s3 = { BucketARN: 'arn:aws:s3:::archive', RoleARN: 'arn:aws:iam::000000000000:role/fh', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 10 } };
const COUNT_SQL = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM "page", COUNT(*) FROM "SOURCE_SQL_STREAM_001"
  GROUP BY "page", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);`;

const WHOLE = {
  ...DEMO_SCENARIO,
  firehose: [{ DeliveryStreamName: 'clicks-archive', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'clickstream' }, ExtendedS3DestinationConfiguration: s3 }],
  analytics: [{ name: 'page-counts', sql: COUNT_SQL, input: { stream: 'clickstream' } }],
};

describe('the world', () => {
  it('lists Data Streams first, then the services that read from it', () => {
    expect(WORLD_PARTS.map((p) => p.key)).toEqual(['streams', 'firehose', 'analytics', 'videoStreams', 'agents', 'queues']);
  });

  it('collects every problem of every section with its field path', () => {
    const bad = validateWorld({
      ...DEMO_SCENARIO,
      firehose: [{ DeliveryStreamName: 'a' }, { DeliveryStreamName: 'b', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'nope' }, ExtendedS3DestinationConfiguration: s3 }],
      analytics: [{ name: 'x', sql: 'SELECT 1', input: { stream: 'missing' } }],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      expect.stringMatching(/^firehose\[0\] needs exactly one destination configuration/),
      "firehose[1].KinesisStreamSourceConfiguration.StreamName: no stream named nope in this scenario's streams",
      "analytics[0].input.stream: no stream named missing in this scenario's streams",
    ]);
    expect(validateWorld(WHOLE).ok).toBe(true);
  });

  it('reports every part: a record walks from the producers through the stream to a delivered object and SQL rows', () => {
    const { report } = runWorld(WHOLE, 60_000);
    const accepted = report.streams[0].recordsAccepted;
    const fh = report.firehose.deliveryStreams[0];
    expect(fh.recordsIn).toBeGreaterThan(0);
    // Firehose reads what the stream accepted (less what arrived after its last poll).
    expect(fh.recordsIn).toBeLessThanOrEqual(accepted);
    expect(fh.recordsDelivered + fh.recordsBuffered + fh.recordsFailed).toBe(fh.recordsIn);
    expect(fh.objectsDelivered).toBeGreaterThan(0);
    const app = report.analytics.applications[0];
    expect(app.status).toBe('RUNNING');
    expect(app.readCalls).toBeGreaterThan(0);
    expect(app.recordsRead).toBeGreaterThan(0);
    expect(app.rowsEmitted).toBeGreaterThan(0);
  });

  it('is deterministic: same document and seed, same report', () => {
    const a = runWorld(WHOLE, 30_000).report;
    const b = runWorld(WHOLE, 30_000).report;
    expect(b).toEqual(a);
    const other = runWorld(WHOLE, 30_000, undefined, { seed: 'another' }).report;
    expect(other.streams[0].recordsAccepted).not.toBe(a.streams[0].recordsAccepted);
  });

  it('owns its document: edits bump the revision and never reach the caller', () => {
    const doc = structuredClone(WHOLE);
    const w = World.build(doc);
    expect(w.parts.firehose.remove('clicks-archive')).toEqual({ ok: true });
    expect(w.revision).toBe(1);
    expect(w.doc.firehose).toEqual([]);
    expect(doc.firehose).toHaveLength(1);
  });
});
