import { afterEach, describe, expect, it } from 'vitest';
import { createNodeTransformInvoker, normalizeSource, type NodeTransformInvoker } from './firehose-transform-node';
import { Simulation } from '../engine/simulation';
import { FirehoseService } from '../engine/firehose/firehose-service';
import type { TransformRequest } from '../engine/firehose/transform-invoker';

const request = (n = 2): TransformRequest => ({
  invocationId: 'inv-1', deliveryStreamArn: 'arn:aws:firehose:us-east-1:0:deliverystream/s', region: 'us-east-1',
  records: Array.from({ length: n }, (_, i) => ({ recordId: `r${i}`, approximateArrivalTimestamp: 1, data: Buffer.from(`rec${i}`).toString('base64') })),
});

const UPPERCASE = `
exports.handler = async (event) => ({
  records: event.records.map((r) => ({
    recordId: r.recordId, result: 'Ok',
    data: Buffer.from(Buffer.from(r.data, 'base64').toString('utf8').toUpperCase()).toString('base64'),
  })),
});`;

let open: NodeTransformInvoker[] = [];
const make = (src: string) => {
  const inv = createNodeTransformInvoker(src);
  open.push(inv);
  return inv;
};
afterEach(async () => {
  await Promise.all(open.map((i) => i.close()));
  open = [];
});

describe('Node transform invoker (worker_threads + vm)', () => {
  it('runs a Lambda-style handler and returns its response', async () => {
    const out = await make(UPPERCASE).invoke(request(), 5_000);
    expect(out.kind).toBe('result');
    const records = (out as { response: { records: { data: string }[] } }).response.records;
    expect(records.map((r) => Buffer.from(r.data, 'base64').toString())).toEqual(['REC0', 'REC1']);
  });

  it('reports a throwing function as FunctionError', async () => {
    const out = await make('function handler() { throw new TypeError("bad input"); }').invoke(request(), 5_000);
    expect(out).toMatchObject({ kind: 'error', errorType: 'FunctionError', message: 'TypeError: bad input' });
  });

  it('kills a never-ending function at the time limit, and recovers for the next call', async () => {
    const inv = make('let calls = 0; exports.handler = (e) => { if (++calls === 1) { for (;;) {} } return { records: [] }; };');
    const t0 = Date.now();
    const out = await inv.invoke(request(), 300);
    expect(out).toMatchObject({ kind: 'error', errorType: 'Timeout' });
    expect(Date.now() - t0).toBeLessThan(3_000);
    // A fresh worker: the counter restarts, so this call loops again and times out as well.
    expect((await inv.invoke(request(), 300)).kind).toBe('error');
  });

  it('reports syntax errors and missing handlers as InvalidFunction', async () => {
    expect(await make('exports.handler = (').invoke(request(), 2_000)).toMatchObject({ kind: 'error', errorType: 'InvalidFunction' });
    expect(await make('const x = 1;').invoke(request(), 2_000)).toMatchObject({ kind: 'error', errorType: 'InvalidFunction' });
  });

  it('accepts ES-module style sources', () => {
    expect(normalizeSource('export const handler = 1')).toBe('const handler = 1');
    expect(normalizeSource('export default async (e) => e')).toBe('exports.handler = async (e) => e');
  });

  it('drives a delivery stream end to end', async () => {
    const sim = new Simulation({ seed: 'node-invoker' });
    const service = new FirehoseService(sim);
    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:upper';
    service.registerTransform(arn, make(UPPERCASE));
    service.createDeliveryStream({
      DeliveryStreamName: 'n',
      ExtendedS3DestinationConfiguration: {
        BucketARN: 'arn:aws:s3:::node-bucket', RoleARN: 'r', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: arn }] }] },
      },
    });
    service.putRecordBatch('n', [Buffer.from('a\n'), Buffer.from('b\n')]);
    sim.advanceBy(60_000); // Lambda buffer interval: the invocation starts
    for (let i = 0; i < 200 && service.snapshot('n').buffers.transform?.invocationsInFlight; i++) await new Promise((r) => setTimeout(r, 10));
    sim.advanceBy(5_000); // the outcome lands on the virtual clock
    sim.advanceBy(60_000); // the S3 buffer interval
    const [obj] = service.store.listObjectsV2({ bucket: 'node-bucket' }).contents;
    expect(new TextDecoder().decode(obj.body)).toBe('A\nB\n');
  });
});
