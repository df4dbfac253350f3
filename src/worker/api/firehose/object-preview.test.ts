import { describe, expect, it } from 'vitest';
import type { FirehoseWorld } from '../../../engine/firehose/world/firehose-world';
import { World } from '../../../engine/world/world';
import { describeObject, listObjects, type ObjectDetail } from './object-preview';

// The Firehose page's object browser, over what the world's Firehose part delivered.

const s3 = (interval = 5, extra: Record<string, unknown> = {}) => ({
  BucketARN: 'arn:aws:s3:::orders-archive', RoleARN: 'arn:aws:iam::000000000000:role/fh',
  BufferingHints: { SizeInMBs: 1, IntervalInSeconds: interval }, Prefix: 'orders/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/', ...extra,
});

function world(doc: Record<string, unknown>): { live: World; fh: FirehoseWorld } {
  const live = World.build({ version: 1, name: 't', seed: 7, streams: [{ name: 'clicks', shards: 1 }], producers: [], consumers: [], ...doc });
  return { live, fh: live.parts.firehose };
}

async function objectDetail(fh: FirehoseWorld, bucket: string, key: string): Promise<ObjectDetail | { error: string }> {
  return describeObject(fh.service.store.getObject(bucket, key));
}

describe('object preview', () => {
  it('lists objects by prefix and previews gzip content as text', async () => {
    const { live, fh } = world({ firehose: [{ DeliveryStreamName: 'orders', ExtendedS3DestinationConfiguration: s3(1, { CompressionFormat: 'GZIP' }), producer: { recordsPerSec: 5, template: '{"n":{{seq}}}' } }] });
    live.sim.advanceBy(8000);
    const top = listObjects(fh.service.store, 'orders-archive', '');
    expect(top.folders).toEqual(['orders/']);
    let listing = top;
    while (listing.objects.length === 0) listing = listObjects(fh.service.store, 'orders-archive', listing.folders[0]);
    const obj = listing.objects[0];
    expect(obj.key.endsWith('.gz')).toBe(true);
    const detail = await objectDetail(fh, 'orders-archive', obj.key);
    if ('error' in detail && !('body' in detail)) throw new Error(detail.error);
    expect(detail.format).toBe('GZIP');
    expect(detail.previewText).toContain('{"n":1}\n');
    expect(detail.body[0]).toBe(0x1f);
    expect(detail.decodedBytes).toBeGreaterThan(0);
  });
});

describe('record format conversion', () => {
  it('converts JSON to Parquet with a schema table from the section, and previews the rows', async () => {
    const { live, fh } = world({ firehose: [{
      DeliveryStreamName: 'pq',
      schemaTable: { DatabaseName: 'db', TableName: 'events', Columns: [{ Name: 'id', Type: 'int' }, { Name: 'user', Type: 'string' }] },
      ExtendedS3DestinationConfiguration: s3(10, {
        BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 10 }, CompressionFormat: 'UNCOMPRESSED',
        DataFormatConversionConfiguration: {
          Enabled: true, SchemaConfiguration: { DatabaseName: 'db', TableName: 'events' },
          InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } }, OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
        },
      }),
      producer: { recordsPerSec: 5, template: '{"id":{{seq}},"user":"u{{int:1:3}}"}' },
    }] });
    live.sim.advanceBy(25_000);
    const keys: string[] = [];
    const walk = (prefix: string) => {
      const l = listObjects(fh.service.store, 'orders-archive', prefix);
      keys.push(...l.objects.map((o) => o.key));
      l.folders.forEach(walk);
    };
    walk('');
    const key = keys.find((k) => k.endsWith('.parquet'));
    expect(key).toBeDefined();
    const detail = await objectDetail(fh, 'orders-archive', key!);
    if (!('body' in detail)) throw new Error(detail.error);
    expect(detail.format).toBe('PARQUET');
    expect(detail.parquet?.columns).toEqual(['id', 'user']);
    expect(detail.parquet?.rows[0]).toEqual({ id: 1, user: expect.stringMatching(/^u[1-3]$/) });
    expect(detail.parquet?.rowCount).toBeGreaterThan(10);
  });
});

