import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';
import { createInProcessInvoker, type TransformRequest } from './transform-invoker';
import { advance, newService, s3Stream, text, untext } from './test-helpers';

const LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:xform';

function lambdaStream(name: string, extra: Record<string, string> = {}) {
  const params = Object.entries({ LambdaArn: LAMBDA, BufferIntervalInSeconds: '60', ...extra }).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue }));
  return s3Stream(name, {
    BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
    ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
    ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: params }] },
  });
}

const decode = (s: string) => untext(decodeBase64(s) as Uint8Array);

describe('Lambda transformation through a TransformInvoker', () => {
  it('applies Ok / Dropped / ProcessingFailed per record and writes failures to processing-failed/', async () => {
    const { sim, service } = newService();
    service.registerTransform(LAMBDA, createInProcessInvoker((event: TransformRequest) => ({
      records: event.records.map((r) => {
        const body = decode(r.data);
        if (body.startsWith('drop')) return { recordId: r.recordId, result: 'Dropped' };
        if (body.startsWith('bad')) return { recordId: r.recordId, result: 'ProcessingFailed' };
        return { recordId: r.recordId, result: 'Ok', data: encodeBase64(text(body.toUpperCase())) };
      }),
    })));
    service.createDeliveryStream(lambdaStream('t'));
    service.putRecordBatch('t', ['keep1\n', 'drop\n', 'bad\n', 'keep2\n'].map(text));
    await advance(sim, 130_000, 5_000);
    const snap = service.snapshot('t');
    expect(snap.ledger).toMatchObject({ ingested: 4, delivered: 2, droppedByTransform: 1, errorOutput: 1, pending: 0 });
    const data = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: '2026/' }).contents;
    expect(untext(data[0].body)).toBe('KEEP1\nKEEP2\n');
    const [errObj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/processing-failed/' }).contents;
    const line = JSON.parse(untext(errObj.body).trim());
    expect(line).toMatchObject({ attemptsMade: 1, errorCode: 'Lambda.ProcessingFailedStatus', lambdaArn: LAMBDA });
    expect(decode(line.rawData)).toBe('bad\n');
    expect(snap.counters['SucceedProcessing.Records']).toBe(2);
    expect(snap.counters['ExecuteProcessing.Successes']).toBe(1);
  });

  it('retries a throwing function NumberOfRetries times, then fails the whole batch', async () => {
    const { sim, service } = newService();
    let calls = 0;
    service.registerTransform(LAMBDA, createInProcessInvoker(() => {
      calls++;
      throw new Error('boom');
    }));
    service.createDeliveryStream(lambdaStream('throws', { NumberOfRetries: '2' }));
    service.putRecordBatch('throws', [text('a'), text('b')]);
    await advance(sim, 70_000, 1_000);
    expect(calls).toBe(3);
    const snap = service.snapshot('throws');
    expect(snap.ledger).toMatchObject({ errorOutput: 2, delivered: 0, pending: 0 });
    const [errObj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/processing-failed/' }).contents;
    const lines = untext(errObj.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ attemptsMade: 3, errorCode: 'Lambda.FunctionError' });
    expect(lines[0].errorMessage).toContain('boom');
  });

  it('treats a missing recordId or bad base64 as a transformation failure', async () => {
    const { sim, service } = newService();
    service.registerTransform(LAMBDA, createInProcessInvoker((event: TransformRequest) => ({
      records: [{ recordId: event.records[0].recordId, result: 'Ok', data: '***not base64***' }],
    })));
    service.createDeliveryStream(lambdaStream('contract'));
    service.putRecordBatch('contract', [text('a'), text('b')]);
    await advance(sim, 70_000, 5_000);
    const [errObj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/processing-failed/' }).contents;
    const codes = untext(errObj.body).trim().split('\n').map((l) => JSON.parse(l).errorCode).sort();
    expect(codes).toEqual(['Lambda.InvalidBase64', 'Lambda.MissingRecordId']);
  });

  it('times out slow functions and buffers by the Lambda size hint', async () => {
    const { sim, service } = newService({ lambdaTimeoutMs: 1_000 });
    service.registerTransform(LAMBDA, createInProcessInvoker((e) => ({ records: e.records.map((r) => ({ ...r, result: 'Ok' })) }), { durationMs: 5_000 }));
    service.createDeliveryStream(lambdaStream('slow', { NumberOfRetries: '0', BufferSizeInMBs: '0.2' }));
    service.putRecordBatch('slow', [new Uint8Array(250_000)]); // ≥ 0.2 MiB: invoked at once, before the 60 s interval
    expect(service.snapshot('slow').buffers.transform?.invocationsInFlight).toBe(1);
    await advance(sim, 5_000, 1_000);
    const [errObj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: 'errors/processing-failed/' }).contents;
    expect(JSON.parse(untext(errObj.body).trim()).errorCode).toBe('Lambda.FunctionTimedOut');
  });
});
