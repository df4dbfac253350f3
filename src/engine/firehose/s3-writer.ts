/**
 * Writes objects to the simulated S3 with Firehose's S3 failure semantics: an unavailable bucket
 * (missing, injected outage or failure) is retried every few seconds until it works; Direct PUT
 * data older than 24 h is dropped and counted as expired. Also writes the error-output objects.
 */
import { encodeBase64 } from './base64';
import { compress, COMPRESSION_EXTENSION, CONTENT_ENCODING } from './compression';
import type { DeliveryContext } from './delivery-context';
import { DIRECT_PUT_RETENTION_MS, S3_RETRY_INTERVAL_MS } from './limits';
import { evaluatePrefix, objectKey, randomString11, type ErrorOutputType } from './prefix';
import type { ErrorRecord } from './types';
import { utf8 } from './base64';

export interface S3WriteRequest {
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentEncoding?: string;
  readonly oldestArrivalMs: number;
}

export interface S3WriteCallbacks {
  onStored(attempts: number): void;
  onExpired(attempts: number): void;
  /** An attempt failed and another is scheduled. */
  onRetry?(attempts: number): void;
}

export function writeWithRetry(ctx: DeliveryContext, req: S3WriteRequest, cb: S3WriteCallbacks, metricPrefix = 'DeliveryToS3'): void {
  let attempts = 0;
  const attempt = () => {
    attempts++;
    ctx.metrics.add(`${metricPrefix}.Attempts`);
    const faults = ctx.s3Faults(req.bucket);
    ctx.scheduler.after(faults.latencyMs, (nowMs) => {
      const failing = faults.down || (faults.failureRate > 0 && ctx.prng.bernoulli(faults.failureRate)) || !ctx.store.hasBucket(req.bucket);
      if (!failing) {
        ctx.store.putObject(req.bucket, req.key, req.body, { contentEncoding: req.contentEncoding, contentType: 'application/octet-stream' });
        ctx.metrics.add(`${metricPrefix}.Successes`);
        cb.onStored(attempts);
        return;
      }
      const directPut = ctx.config().type === 'DirectPut';
      if (directPut && nowMs - req.oldestArrivalMs >= DIRECT_PUT_RETENTION_MS) cb.onExpired(attempts);
      else {
        cb.onRetry?.(attempts);
        ctx.scheduler.after(S3_RETRY_INTERVAL_MS, attempt);
      }
    });
  };
  attempt();
}

export function randomStringFor(ctx: DeliveryContext): () => string {
  return () => randomString11(() => ctx.prng.nextUint32());
}

/** The object name for a batch delivered now under an evaluated prefix. */
export function newObjectKey(ctx: DeliveryContext, prefix: string, extension: string): string {
  return objectKey(prefix, ctx.streamName, ctx.version(), ctx.scheduler.nowMs, ctx.prng.uuid(), extension);
}

/** One JSON line per failed record, in the shape Firehose writes for its error type. */
export function errorLine(ctx: DeliveryContext, e: ErrorRecord, nowMs: number): string {
  const base = {
    attemptsMade: e.attemptsMade,
    arrivalTimestamp: e.record.arrivalMs,
    errorCode: e.errorCode,
    errorMessage: e.errorMessage,
    attemptEndingTimestamp: nowMs,
    rawData: encodeBase64(e.type === 'processing-failed' || e.type === 'format-conversion-failed' ? e.record.raw : e.record.data),
  };
  switch (e.type) {
    case 'processing-failed':
      return JSON.stringify({ ...base, lambdaArn: ctx.config().processing.lambda?.lambdaArn ?? '' });
    case 'format-conversion-failed': {
      const { errorCode, errorMessage, ...rest } = base;
      return JSON.stringify({ ...rest, lastErrorCode: errorCode, lastErrorMessage: errorMessage, sequenceNumber: e.record.kinesis?.sequenceNumber ?? null, subSequenceNumber: null, dataCatalogTable: {} });
    }
    case 'AmazonOpenSearchService-failed': {
      const d = ctx.config().destination;
      return JSON.stringify({ ...base, esDocumentId: e.record.recordId, esIndexName: d.kind === 'opensearch' ? d.indexName : '', esTypeName: '' });
    }
    case 'splunk-failed':
      return JSON.stringify({ ...base, EventId: e.record.recordId });
    case 'http-endpoint-failed':
      return JSON.stringify({ ...base, subsequenceNumber: 0, dataId: e.record.recordId });
    default:
      return JSON.stringify(base);
  }
}

/**
 * Writes failed records to the error output (grouped by type, one object per type), counting
 * them in the ledger only once the object is stored; nothing leaves the ledger unaccounted.
 */
export function writeErrorOutput(ctx: DeliveryContext, errors: readonly ErrorRecord[]): void {
  const byType = new Map<ErrorOutputType, ErrorRecord[]>();
  for (const e of errors) {
    const list = byType.get(e.type) ?? [];
    list.push(e);
    byType.set(e.type, list);
  }
  const cfg = ctx.config();
  for (const [type, list] of byType) {
    const nowMs = ctx.scheduler.nowMs;
    const oldest = Math.min(...list.map((e) => e.record.arrivalMs));
    const prefix = evaluatePrefix(cfg.s3.errorPrefix, { timestampMs: oldest, randomString: randomStringFor(ctx), errorOutputType: type });
    const text = list.map((e) => errorLine(ctx, e, nowMs)).join('\n') + '\n';
    const key = newObjectKey(ctx, prefix, COMPRESSION_EXTENSION[cfg.s3.compression]);
    const body = compress(cfg.s3.compression, utf8.encode(text), key.slice(key.lastIndexOf('/') + 1));
    writeWithRetry(ctx, { bucket: cfg.s3.bucket, key, body, contentEncoding: CONTENT_ENCODING[cfg.s3.compression], oldestArrivalMs: oldest }, {
      onStored: () => {
        ctx.ledger.errorOutput += list.length;
        ctx.metrics.add('ErrorOutput.Records', list.length);
      },
      onExpired: () => {
        ctx.ledger.expired += list.length;
        ctx.metrics.add('Expired.Records', list.length);
      },
    }, 'BackupToS3');
  }
}

/** [sim] Error records arising within this window share one error-output object. */
export const ERROR_OUTPUT_BATCH_MS = 1_000;

/** Collects failed records and writes them together, so a burst of failures makes few objects. */
export class ErrorOutputBuffer {
  private pending: ErrorRecord[] = [];
  private scheduled = false;
  constructor(private readonly ctx: () => DeliveryContext) {}

  add(errors: readonly ErrorRecord[]): void {
    if (errors.length === 0) return;
    this.pending.push(...errors);
    if (this.scheduled) return;
    this.scheduled = true;
    this.ctx().scheduler.after(ERROR_OUTPUT_BATCH_MS, () => {
      this.scheduled = false;
      const batch = this.pending;
      this.pending = [];
      writeErrorOutput(this.ctx(), batch);
    });
  }

  get size(): number {
    return this.pending.length;
  }
}
