import { describe, expect, it } from 'vitest';
import { hyparquetRoundTrip } from './parquet-reader.test-util';
import { newService, s3Stream, text, untext } from './test-helpers';

const dynamic = (extra: Record<string, unknown> = {}) => s3Stream('dp', {
  BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
  Prefix: 'customer=!{partitionKeyFromQuery:customer}/year=!{timestamp:yyyy}/',
  ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
  DynamicPartitioningConfiguration: { Enabled: true },
  ProcessingConfiguration: {
    Enabled: true,
    Processors: [
      { Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer: .customer_id}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] },
      { Type: 'AppendDelimiterToRecord', Parameters: [] },
    ],
  },
  ...extra,
});

describe('dynamic partitioning', () => {
  it('buffers and delivers one object per partition, with newline delimiters', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(dynamic());
    service.putRecordBatch('dp', ['{"customer_id":"a","n":1}', '{"customer_id":"b","n":2}', '{"customer_id":"a","n":3}'].map(text));
    expect(service.snapshot('dp').buffers.partitions).toHaveLength(2);
    sim.advanceBy(61_000);
    const keys = service.store.listObjectsV2({ bucket: 'sink-bucket' }).contents.map((o) => o.key);
    expect(keys.some((k) => k.startsWith('customer=a/year=2026/dp-1-'))).toBe(true);
    expect(keys.some((k) => k.startsWith('customer=b/year=2026/dp-1-'))).toBe(true);
    const a = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'customer=a/' }).contents[0];
    expect(untext(a.body)).toBe('{"customer_id":"a","n":1}\n{"customer_id":"a","n":3}\n');
  });

  it('sends records without the key, or beyond the active-partition limit, to the error output', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(dynamic());
    service.putRecordBatch('dp', [text('not json'), text('{"other":1}')]);
    sim.advanceBy(61_000);
    const errors = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/partitioning-failed/' }).contents;
    expect(errors.length).toBeGreaterThan(0);
    expect(service.snapshot('dp').ledger).toMatchObject({ ingested: 2, errorOutput: 2, pending: 0 });
  });

  it('refuses invalid setups: zero interval, missing ErrorOutputPrefix, keys without partitioning', () => {
    const { service } = newService();
    expect(() => service.createDeliveryStream(dynamic({ BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 0 } }))).toThrow(/60–900/);
    expect(() => service.createDeliveryStream(dynamic({ ErrorOutputPrefix: undefined }))).toThrow(/ErrorOutputPrefix/);
    expect(() => service.createDeliveryStream(s3Stream('x', { Prefix: 'c=!{partitionKeyFromQuery:c}/', ErrorOutputPrefix: 'e/!{firehose:error-output-type}/' }))).toThrow('Dynamic Partitioning Namespaces can only be part of a prefix expression when Dynamic Partitioning is enabled.');
  });
});

describe('record format conversion to Parquet', () => {
  it('writes a Parquet file (PAR1 … PAR1) that round-trips, and sends bad records to format-conversion-failed', async () => {
    const { sim, service } = newService();
    service.registerTable('db', 'orders', [
      { name: 'id', type: 'int' }, { name: 'customer', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'ts', type: 'timestamp' },
    ]);
    service.createDeliveryStream(s3Stream('pq', {
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      DataFormatConversionConfiguration: {
        Enabled: true,
        SchemaConfiguration: { DatabaseName: 'db', TableName: 'orders', RoleARN: 'arn:aws:iam::000000000000:role/r' },
        InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
        OutputFormatConfiguration: { Serializer: { ParquetSerDe: { Compression: 'SNAPPY' } } },
      },
    }));
    service.putRecordBatch('pq', [
      text('{"id":1,"Customer":"c-1","amount":9.5,"ts":"2026-01-01T00:00:00Z"}{"id":2,"customer":"c-2","amount":"3","ts":1767225600}'),
      text('{"id":"not a number"}'),
      text('[1,2]'),
    ]);
    sim.advanceBy(61_000);
    const [obj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: '2026/' }).contents;
    expect(obj.key.endsWith('.parquet')).toBe(true);
    expect(untext(obj.body.subarray(0, 4))).toBe('PAR1');
    expect(untext(obj.body.subarray(obj.body.length - 4))).toBe('PAR1');
    const rows = await hyparquetRoundTrip(obj.body);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 1, customer: 'c-1', amount: 9.5 });
    expect(rows[1]).toMatchObject({ id: 2, customer: 'c-2', amount: 3 });
    expect(new Date(rows[1].ts as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const [err] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/format-conversion-failed/' }).contents;
    const lines = untext(err.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveProperty('lastErrorCode');
    expect(service.snapshot('pq').counters['FailedConversion.Records']).toBe(2);
  });

  it('requires UNCOMPRESSED S3 compression and a registered table', () => {
    const { service } = newService();
    const fc = { Enabled: true, SchemaConfiguration: { DatabaseName: 'db', TableName: 'missing' }, OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } } };
    expect(() => service.createDeliveryStream(s3Stream('a', { DataFormatConversionConfiguration: fc }))).toThrow(/not registered/);
    service.registerTable('db', 'missing', [{ name: 'a', type: 'string' }]);
    expect(() => service.createDeliveryStream(s3Stream('b', { CompressionFormat: 'GZIP', DataFormatConversionConfiguration: fc }))).toThrow(/UNCOMPRESSED/);
    expect(() => service.createDeliveryStream(s3Stream('c', { BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 }, DataFormatConversionConfiguration: fc }))).toThrow(/64–128/);
  });
});
