import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';
import { deaggregate } from './deaggregation';
import { newService, s3Stream, text, untext } from './test-helpers';

describe('multi-record de-aggregation', () => {
  it('splits JSON and delimited sub-records', () => {
    expect(deaggregate(text('{"a":1}{"a":"}"}\n{"b":[1,2]}'), { kind: 'JSON' }).map(untext)).toEqual(['{"a":1}', '{"a":"}"}', '{"b":[1,2]}']);
    expect(deaggregate(text('not json'), { kind: 'JSON' }).map(untext)).toEqual(['not json']);
    expect(deaggregate(text('a||b||c'), { kind: 'DELIMITED', delimiter: text('||') }).map(untext)).toEqual(['a', 'b', 'c']);
  });

  it('partitions each sub-record and re-adds newlines', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('agg', {
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      Prefix: 'c=!{partitionKeyFromQuery:c}/', ErrorOutputPrefix: 'err/!{firehose:error-output-type}/',
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          { Type: 'RecordDeAggregation', Parameters: [{ ParameterName: 'SubRecordType', ParameterValue: 'JSON' }] },
          { Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{c: .c}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] },
          { Type: 'AppendDelimiterToRecord', Parameters: [] },
        ],
      },
    }));
    service.putRecord('agg', text('{"c":"x","n":1}{"c":"y","n":2}{"c":"x","n":3}'));
    sim.advanceBy(61_000);
    const x = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'c=x/' }).contents[0];
    expect(untext(x.body)).toBe('{"c":"x","n":1}\n{"c":"x","n":3}\n');
    const snap = service.snapshot('agg');
    expect(snap.counters.IncomingRecords).toBe(1);
    expect(snap.ledger).toMatchObject({ ingested: 3, delivered: 3, pending: 0 });
  });

  it('accepts a base64 delimiter and refuses a missing one', () => {
    const { service } = newService();
    const proc = (params: { ParameterName: string; ParameterValue: string }[]) => ({ Enabled: true, Processors: [{ Type: 'RecordDeAggregation', Parameters: params }] });
    service.createDeliveryStream(s3Stream('d1', { ProcessingConfiguration: proc([{ ParameterName: 'SubRecordType', ParameterValue: 'DELIMITED' }, { ParameterName: 'Delimiter', ParameterValue: encodeBase64(text('|')) }]) }));
    expect(() => service.createDeliveryStream(s3Stream('d2', { ProcessingConfiguration: proc([{ ParameterName: 'SubRecordType', ParameterValue: 'DELIMITED' }]) }))).toThrow(/Delimiter/);
  });
});

describe('control plane', () => {
  it('limits each control-plane operation to 5 calls per second', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('rate'));
    for (let i = 0; i < 5; i++) service.describeDeliveryStream('rate');
    expect(() => service.describeDeliveryStream('rate')).toThrow(/Rate exceeded for DescribeDeliveryStream/);
    sim.advanceBy(1_000);
    expect(() => service.describeDeliveryStream('rate')).not.toThrow();
  });

  it('goes CREATING → ACTIVE, refusing puts and deletes meanwhile', () => {
    const { sim, service } = newService({ creationDelayMs: 5_000 });
    service.createDeliveryStream(s3Stream('slow'));
    expect(() => service.putRecord('slow', text('x'))).toThrow(/not ACTIVE/);
    expect(() => service.deleteDeliveryStream('slow')).toThrow(/CREATING/);
    sim.advanceBy(5_000);
    expect(service.putRecord('slow', text('x')).RecordId).toBeTruthy();
  });

  it('lets records waiting for a Lambda continue untransformed when UpdateDestination removes the processor', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('rm', {
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'arn:aws:lambda:us-east-1:0:function:gone' }] }] },
    }));
    service.putRecord('rm', text('kept'));
    service.updateDestination({
      DeliveryStreamName: 'rm', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { ProcessingConfiguration: { Enabled: false } },
    });
    sim.advanceBy(125_000);
    expect(service.snapshot('rm').ledger).toMatchObject({ delivered: 1, pending: 0 });
  });

  it('bumps the version on UpdateDestination and uses it in new object names', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('v', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }));
    service.updateDestination({
      DeliveryStreamName: 'v', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { Prefix: 'v2/' },
    });
    service.putRecord('v', text('x'));
    sim.advanceBy(61_000);
    expect(service.store.listObjectsV2({ bucket: 'sink-bucket' }).contents[0].key).toMatch(/^v2\/2026\/01\/01\/00\/v-2-/);
  });
});

describe('backups', () => {
  it('copies untransformed source records to the backup bucket (S3BackupMode Enabled), which cannot be disabled', async () => {
    const { createInProcessInvoker } = await import('./transform-invoker');
    const { advance } = await import('./test-helpers');
    const { sim, service } = newService();
    const lambda = 'arn:aws:lambda:us-east-1:0:function:up';
    service.registerTransform(lambda, createInProcessInvoker((e) => ({
      records: e.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: encodeBase64(text(untext(decodeBase64(r.data) as Uint8Array).toUpperCase())) })),
    })));
    service.createDeliveryStream(s3Stream('bk', {
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: lambda }] }] },
      S3BackupMode: 'Enabled',
      S3BackupConfiguration: { BucketARN: 'arn:aws:s3:::raw-backup', RoleARN: 'r', Prefix: 'source/', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
    }));
    service.putRecordBatch('bk', [text('a\n'), text('b\n')]);
    await advance(sim, 130_000, 5_000);
    const [raw] = service.store.listObjectsV2({ bucket: 'raw-backup', prefix: 'source/' }).contents;
    expect(untext(raw.body)).toBe('a\nb\n');
    const [out] = service.store.listObjectsV2({ bucket: 'sink-bucket' }).contents;
    expect(untext(out.body)).toBe('A\nB\n');
    expect(() => service.updateDestination({
      DeliveryStreamName: 'bk', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { S3BackupMode: 'Disabled' },
    })).toThrow(/cannot be disabled/);
  });

  it('HTTP endpoint: gzip content encoding and AllData backup', () => {
    const { sim, service } = newService();
    service.createDeliveryStream({
      DeliveryStreamName: 'hz',
      HttpEndpointDestinationConfiguration: {
        EndpointConfiguration: { Url: 'https://gz.example.com/' }, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        RequestConfiguration: { ContentEncoding: 'GZIP' }, S3BackupMode: 'AllData',
        S3Configuration: { BucketARN: 'arn:aws:s3:::all-data', RoleARN: 'r' },
      },
    });
    service.putRecord('hz', text('payload'));
    sim.advanceBy(62_000);
    const sink = service.sinks.httpEndpoint('https://gz.example.com/');
    expect(sink.requests[0].headers['Content-Encoding']).toBe('gzip');
    expect(sink.recordsReceived).toBe(1);
    const [copy] = service.store.listObjectsV2({ bucket: 'all-data' }).contents;
    expect(untext(copy.body)).toBe('payload');
    expect(service.snapshot('hz').ledger).toMatchObject({ delivered: 1, pending: 0 });
  });
});

describe('request shaping and Lambda partition keys', () => {
  it('splits an HTTP endpoint batch into requests of at most 10,000 records', () => {
    const { sim, service } = newService();
    service.createDeliveryStream({
      DeliveryStreamName: 'many',
      HttpEndpointDestinationConfiguration: {
        EndpointConfiguration: { Url: 'https://many.example.com/' }, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        S3Configuration: { BucketARN: 'arn:aws:s3:::many-backup', RoleARN: 'r' },
      },
    });
    service.setQuota('many', { recordsPerSecMax: 1e6, requestsPerSecMax: 1e6, bytesPerSecMax: 1e9 });
    const one = text('x');
    for (let i = 0; i < 50; i++) service.putRecordBatch('many', Array.from({ length: 500 }, () => one));
    sim.advanceBy(62_000);
    const sink = service.sinks.httpEndpoint('https://many.example.com/');
    expect(sink.requests.map((r) => JSON.parse(r.body).records.length)).toEqual([10_000, 10_000, 5_000]);
    expect(service.snapshot('many').ledger).toMatchObject({ delivered: 25_000, pending: 0 });
    expect(service.snapshot('many').buffers.batchesInFlight).toBe(0);
  });

  it('partitions by keys the Lambda returns in metadata.partitionKeys', async () => {
    const { createInProcessInvoker } = await import('./transform-invoker');
    const { advance } = await import('./test-helpers');
    const { sim, service } = newService();
    const lambda = 'arn:aws:lambda:us-east-1:0:function:keys';
    service.registerTransform(lambda, createInProcessInvoker((e) => ({
      records: e.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data, metadata: { partitionKeys: { tenant: untext(decodeBase64(r.data) as Uint8Array).slice(0, 1) } } })),
    })));
    service.createDeliveryStream(s3Stream('lk', {
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      Prefix: 'tenant=!{partitionKeyFromLambda:tenant}/', ErrorOutputPrefix: 'err/!{firehose:error-output-type}/',
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: lambda }] }] },
    }));
    service.putRecordBatch('lk', [text('a1'), text('b1'), text('a2')]);
    await advance(sim, 130_000, 5_000);
    const prefixes = service.store.listObjectsV2({ bucket: 'sink-bucket', delimiter: '/' }).commonPrefixes;
    expect(prefixes).toEqual(['tenant=a/', 'tenant=b/']);
    expect(untext(service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'tenant=a/' }).contents[0].body)).toBe('a1a2');
  });
});
