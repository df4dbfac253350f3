/**
 * The Lambda transformation stage: its own buffer (BufferSizeInMBs / BufferIntervalInSeconds),
 * asynchronous invocation through a TransformInvoker, retries of failed invocations
 * (NumberOfRetries), validation of the response against the Lambda record contract, and routing
 * of each record: Ok → onward, Dropped → counted, ProcessingFailed → `processing-failed` output.
 */
import type { Cancellable } from '../time/scheduler';
import { decodeBase64, encodeBase64 } from './base64';
import type { DeliveryContext } from './delivery-context';
import { LAMBDA_PAYLOAD_BYTES_MAX } from './limits';
import type { TransformInvoker, TransformOutcome, TransformRequest } from './transform-invoker';
import type { ErrorRecord, PipelineRecord, ResolvedLambda } from './types';

export interface TransformStageSnapshot {
  readonly bufferedRecords: number;
  readonly bufferedBytes: number;
  readonly bufferAgeMs: number;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
  readonly invocationsInFlight: number;
  readonly recordsInFlight: number;
}

export class TransformStage {
  private buffer: PipelineRecord[] = [];
  private bytes = 0;
  private firstArrivalMs = 0;
  private timer: Cancellable | undefined;
  private readonly inFlight = new Map<string, PipelineRecord[]>();

  constructor(
    private readonly ctx: DeliveryContext,
    private readonly lambda: () => ResolvedLambda | undefined,
    private readonly invokerFor: (lambdaArn: string) => TransformInvoker | undefined,
    private readonly onward: (records: PipelineRecord[]) => void,
  ) {}

  add(record: PipelineRecord): void {
    const cfg = this.lambda();
    if (!cfg) return this.onward([record]);
    if (this.buffer.length === 0) {
      this.firstArrivalMs = this.ctx.scheduler.nowMs;
      this.timer = this.ctx.scheduler.after(cfg.bufferIntervalMs, () => this.flush());
    }
    this.buffer.push(record);
    this.bytes += record.data.length;
    if (this.bytes >= cfg.bufferBytes) this.flush();
  }

  flush(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    this.bytes = 0;
    this.invoke(records, 1);
  }

  /** Records buffered or in flight, oldest arrival first (for DataFreshness). */
  oldestPendingArrivalMs(): number | undefined {
    let oldest: number | undefined;
    for (const r of this.buffer) oldest = Math.min(oldest ?? r.arrivalMs, r.arrivalMs);
    for (const list of this.inFlight.values()) for (const r of list) oldest = Math.min(oldest ?? r.arrivalMs, r.arrivalMs);
    return oldest;
  }

  /** Stops the buffer timer (the stream was deleted). */
  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.buffer = [];
  }

  snapshot(): TransformStageSnapshot {
    const cfg = this.lambda() ?? { bufferBytes: 0, bufferIntervalMs: 0 };
    let recordsInFlight = 0;
    for (const list of this.inFlight.values()) recordsInFlight += list.length;
    return {
      bufferedRecords: this.buffer.length,
      bufferedBytes: this.bytes,
      bufferAgeMs: this.buffer.length ? this.ctx.scheduler.nowMs - this.firstArrivalMs : 0,
      sizeLimitBytes: cfg.bufferBytes,
      intervalMs: cfg.bufferIntervalMs,
      invocationsInFlight: this.inFlight.size,
      recordsInFlight,
    };
  }

  private invoke(records: PipelineRecord[], attempt: number): void {
    const cfg = this.lambda();
    // The processor was removed by UpdateDestination while records waited: they continue untransformed.
    if (!cfg) return this.onward(records);
    const invocationId = this.ctx.prng.uuid();
    const request: TransformRequest = {
      invocationId,
      deliveryStreamArn: this.ctx.streamArn,
      region: this.ctx.streamArn.split(':')[3] ?? 'us-east-1',
      records: records.map((r) => ({
        recordId: r.recordId,
        approximateArrivalTimestamp: r.arrivalMs,
        data: encodeBase64(r.data),
        ...(r.kinesis ? { kinesisRecordMetadata: { ...r.kinesis, approximateArrivalTimestamp: r.arrivalMs } } : {}),
      })),
    };
    this.inFlight.set(invocationId, records);
    this.ctx.metrics.add('ExecuteProcessing.Invocations');
    const startMs = this.ctx.scheduler.nowMs;
    const invoker = this.invokerFor(cfg.lambdaArn);
    const pending: Promise<TransformOutcome> = invoker
      ? invoker.invoke(request, cfg.timeoutMs)
      : Promise.resolve({ kind: 'error', errorType: 'InvalidFunction', message: `no transformation function is registered for ${cfg.lambdaArn}`, durationMs: 0 });
    void pending.then((outcome) => {
      // The engine applies the outcome on the virtual clock, after the invocation's duration.
      this.ctx.scheduler.at(startMs + Math.max(0, outcome.durationMs), () => this.apply(invocationId, records, attempt, outcome));
    });
  }

  private apply(invocationId: string, records: PipelineRecord[], attempt: number, outcome: TransformOutcome): void {
    this.inFlight.delete(invocationId);
    this.ctx.metrics.add('ExecuteProcessing.DurationTotalMs', outcome.durationMs);
    const failure = outcome.kind === 'error' ? outcome : checkResponseShape(outcome.response);
    if (failure) {
      const retries = this.lambda()?.retries ?? 0;
      if (attempt <= retries) return this.invoke(records, attempt + 1);
      const code = failure.errorType === 'Timeout' ? 'Lambda.FunctionTimedOut' : failure.errorType === 'InvalidFunction' ? 'Lambda.InvalidFunction' : 'Lambda.FunctionError';
      this.fail(records.map((record) => ({ record, type: 'processing-failed', errorCode: code, errorMessage: failure.message, attemptsMade: attempt })));
      return;
    }
    this.ctx.metrics.add('ExecuteProcessing.Successes');
    const response = (outcome as { response: { records: unknown[] } }).response;
    const byId = new Map<string, Record<string, unknown>>();
    for (const r of response.records) {
      if (r && typeof r === 'object' && typeof (r as { recordId?: unknown }).recordId === 'string') {
        const id = (r as { recordId: string }).recordId;
        if (!byId.has(id)) byId.set(id, r as Record<string, unknown>);
      }
    }
    const ok: PipelineRecord[] = [];
    const failed: ErrorRecord[] = [];
    let dropped = 0;
    for (const record of records) {
      const out = byId.get(record.recordId);
      const failWith = (errorCode: string, errorMessage: string) => failed.push({ record, type: 'processing-failed', errorCode, errorMessage, attemptsMade: attempt });
      if (!out) { failWith('Lambda.MissingRecordId', `the function did not return recordId ${record.recordId}`); continue; }
      if (out.result === 'Dropped') { dropped++; continue; }
      if (out.result === 'ProcessingFailed') { failWith('Lambda.ProcessingFailedStatus', 'the function marked the record ProcessingFailed'); continue; }
      if (out.result !== 'Ok') { failWith('Lambda.InvalidResult', `result must be Ok, Dropped or ProcessingFailed, got ${JSON.stringify(out.result)}`); continue; }
      const data = typeof out.data === 'string' ? decodeBase64(out.data) : undefined;
      if (!data) { failWith('Lambda.InvalidBase64', 'the returned data is missing or not valid base64'); continue; }
      record.data = data;
      const keys = (out.metadata as { partitionKeys?: unknown } | undefined)?.partitionKeys;
      if (keys && typeof keys === 'object') record.lambdaKeys = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, String(v)]));
      ok.push(record);
      this.ctx.metrics.add('SucceedProcessing.Bytes', data.length);
    }
    this.ctx.metrics.add('SucceedProcessing.Records', ok.length);
    this.ctx.metrics.add('DroppedProcessing.Records', dropped);
    this.ctx.ledger.droppedByTransform += dropped;
    if (failed.length) this.fail(failed);
    if (ok.length) this.onward(ok);
  }

  private fail(errors: ErrorRecord[]): void {
    this.ctx.metrics.add('FailedProcessing.Records', errors.length);
    this.ctx.reportErrors(errors);
  }
}

function checkResponseShape(response: unknown): { errorType: string; message: string } | undefined {
  if (!response || typeof response !== 'object' || !Array.isArray((response as { records?: unknown }).records)) {
    return { errorType: 'FunctionError', message: 'the function must return {records: [...]}' };
  }
  if (JSON.stringify(response).length > LAMBDA_PAYLOAD_BYTES_MAX) {
    return { errorType: 'PayloadTooLarge', message: `the response exceeds the ${LAMBDA_PAYLOAD_BYTES_MAX}-byte Lambda payload limit` };
  }
  return undefined;
}
