/**
 * Delivering one flushed batch to the stream's destination, with the destination's retry rules:
 * S3 until it works (24 h for Direct PUT); HTTP endpoint, OpenSearch and Splunk with exponential
 * backoff inside the retry window, then backup of the records to the S3 error output; Redshift via
 * an intermediate S3 object and COPY retried every 5 minutes, with an `errors/` manifest on failure.
 * Every record of a batch is settled in the ledger exactly once.
 */
import { encodeBase64, utf8 } from './base64';
import { compress, COMPRESSION_EXTENSION, concatBytes, CONTENT_ENCODING } from './compression';
import type { DeliveryBatch, DeliveryContext } from './delivery-context';
import { BACKOFF_CAP_MS, BACKOFF_JITTER, BACKOFF_START_MS } from './limits';
import { DELIVERY_METRIC_PREFIX } from './metrics';
import { writeParquet } from './parquet';
import { evaluatePrefix, type ErrorOutputType } from './prefix';
import { newObjectKey, randomStringFor, writeWithRetry } from './s3-writer';
import type { SinkOutcome } from './sinks';
import type { PipelineRecord, ResolvedDestination } from './types';
import { indexNameFor } from './index-rotation';

/** [sim] Redshift COPY is retried about every 5 minutes. */
const REDSHIFT_RETRY_MS = 5 * 60_000;

/** An HTTP endpoint request carries 1–10,000 records; bigger batches go out as several requests. */
export const HTTP_RECORDS_PER_REQUEST_MAX = 10_000;

export function deliverBatch(ctx: DeliveryContext, batch: DeliveryBatch): void {
  const d = ctx.config().destination;
  if (d.kind === 'http-endpoint' && batch.records.length > HTTP_RECORDS_PER_REQUEST_MAX) {
    for (let i = 0; i < batch.records.length; i += HTTP_RECORDS_PER_REQUEST_MAX) {
      const records = batch.records.slice(i, i + HTTP_RECORDS_PER_REQUEST_MAX);
      deliverBatch(ctx, { ...batch, records, bytes: records.reduce((n, r) => n + r.data.length, 0) });
    }
    return;
  }
  ctx.inFlight.add(batch);
  switch (d.kind) {
    case 's3': return deliverToS3(ctx, batch);
    case 'redshift': return deliverToRedshift(ctx, batch, d);
    case 'http-endpoint':
    case 'opensearch':
    case 'splunk':
      return deliverWithRetryWindow(ctx, batch, d);
  }
}

function settle(ctx: DeliveryContext, batch: DeliveryBatch, outcome: NonNullable<DeliveryBatch['flush']['outcome']>, attempts: number): void {
  ctx.inFlight.delete(batch);
  batch.retrying = false;
  batch.flush.outcome = outcome;
  batch.flush.deliveredAtMs = ctx.scheduler.nowMs;
  batch.flush.attempts = attempts;
}

function markDelivered(ctx: DeliveryContext, records: readonly PipelineRecord[], bytes: number): void {
  const prefix = DELIVERY_METRIC_PREFIX[ctx.config().destination.kind];
  ctx.ledger.delivered += records.length;
  ctx.metrics.add(`${prefix}.Records`, records.length);
  ctx.metrics.add(`${prefix}.Bytes`, bytes);
}

/** The object body: concatenated records, or one Parquet file when format conversion is on. */
export function objectBody(ctx: DeliveryContext, records: readonly PipelineRecord[]): { body: Uint8Array; extension: string; encoding?: string } {
  const cfg = ctx.config();
  if (cfg.formatConversion) {
    const rows = records.flatMap((r) => r.rows ?? []);
    return { body: writeParquet(rows, cfg.formatConversion.columns, cfg.formatConversion.compression), extension: cfg.s3.fileExtension ?? '.parquet' };
  }
  const raw = concatBytes(records.map((r) => r.data));
  return { body: compress(cfg.s3.compression, raw), extension: cfg.s3.fileExtension ?? COMPRESSION_EXTENSION[cfg.s3.compression], encoding: CONTENT_ENCODING[cfg.s3.compression] };
}

function dataPrefixFor(ctx: DeliveryContext, batch: DeliveryBatch): string {
  const first = batch.records[0];
  return evaluatePrefix(ctx.config().s3.dataPrefix, {
    timestampMs: batch.oldestArrivalMs, randomString: randomStringFor(ctx), queryKeys: first?.queryKeys, lambdaKeys: first?.lambdaKeys,
  });
}

function deliverToS3(ctx: DeliveryContext, batch: DeliveryBatch): void {
  const { body, extension, encoding } = objectBody(ctx, batch.records);
  const key = newObjectKey(ctx, dataPrefixFor(ctx, batch), extension);
  batch.flush.objectKey = key;
  batch.flush.storedBytes = body.length;
  writeWithRetry(ctx, { bucket: ctx.config().s3.bucket, key, body, contentEncoding: encoding, oldestArrivalMs: batch.oldestArrivalMs }, {
    onStored: (attempts) => {
      markDelivered(ctx, batch.records, body.length);
      ctx.metrics.add('DeliveryToS3.ObjectCount');
      settle(ctx, batch, 'delivered', attempts);
    },
    onExpired: (attempts) => {
      ctx.ledger.expired += batch.records.length;
      ctx.metrics.add('Expired.Records', batch.records.length);
      settle(ctx, batch, 'expired', attempts);
    },
    onRetry: () => { batch.retrying = true; },
  });
}

/** Writes a copy of the batch to the S3 backup (AllData modes); a copy, so the ledger is untouched. */
function backupAll(ctx: DeliveryContext, batch: DeliveryBatch): void {
  const cfg = ctx.config();
  const raw = concatBytes(batch.records.map((r) => r.data));
  const body = compress(cfg.s3.compression, raw);
  const key = newObjectKey(ctx, dataPrefixFor(ctx, batch), COMPRESSION_EXTENSION[cfg.s3.compression]);
  writeWithRetry(ctx, { bucket: cfg.s3.bucket, key, body, contentEncoding: CONTENT_ENCODING[cfg.s3.compression], oldestArrivalMs: batch.oldestArrivalMs }, {
    onStored: () => {
      ctx.metrics.add('BackupToS3.Records', batch.records.length);
      ctx.metrics.add('BackupToS3.Bytes', body.length);
    },
    onExpired: () => undefined,
  }, 'BackupToS3');
}

const FAILED_TYPE: Record<'http-endpoint' | 'opensearch' | 'splunk', ErrorOutputType> = {
  'http-endpoint': 'http-endpoint-failed',
  'opensearch': 'AmazonOpenSearchService-failed',
  'splunk': 'splunk-failed',
};

type RetryingDestination = Extract<ResolvedDestination, { kind: 'http-endpoint' | 'opensearch' | 'splunk' }>;

/** Exponential backoff from 1 s, ×2 per retry, ±15 % jitter, capped at 2 min. */
export function backoffMs(retry: number, jitter01: number): number {
  const base = Math.min(BACKOFF_START_MS * 2 ** retry, BACKOFF_CAP_MS);
  return Math.round(base * (1 + BACKOFF_JITTER * (2 * jitter01 - 1)));
}

function deliverWithRetryWindow(ctx: DeliveryContext, batch: DeliveryBatch, d: RetryingDestination): void {
  if (d.backupMode === 'All') backupAll(ctx, batch);
  const prefix = DELIVERY_METRIC_PREFIX[d.kind];
  const requestId = ctx.prng.uuid();
  let attempts = 0;
  let firstFailureMs: number | undefined;
  const pending = batch.records;
  const attempt = () => {
    attempts++;
    ctx.metrics.add(`${prefix}.Attempts`);
    const faults = d.kind === 'http-endpoint' ? ctx.sinks.httpEndpoint(d.url).faults : d.kind === 'opensearch' ? ctx.sinks.searchDomain(d.domain).faults : ctx.sinks.splunk(d.hecEndpoint).faults;
    ctx.scheduler.after(faults.latencyMs, (nowMs) => {
      const outcome = send(ctx, d, pending, requestId, nowMs);
      let waitMs = 0;
      if (outcome.ok) {
        const failedIdx = new Set((outcome.failedItems ?? []).map((f) => f.index));
        const succeeded = pending.filter((_, i) => !failedIdx.has(i));
        markDelivered(ctx, succeeded, succeeded.reduce((n, r) => n + r.data.length, 0));
        ctx.metrics.add(`${prefix}.Successes`);
        if (failedIdx.size > 0) {
          // Document-level rejections are not retried: they go straight to the backup.
          ctx.reportErrors((outcome.failedItems ?? []).map((f) => ({ record: pending[f.index], type: FAILED_TYPE[d.kind], errorCode: f.errorCode, errorMessage: f.errorMessage, attemptsMade: attempts })));
        }
        settle(ctx, batch, failedIdx.size > 0 ? 'error-output' : 'delivered', attempts);
        return;
      }
      if (d.kind === 'http-endpoint' && outcome.status === 413) {
        // 413 is permanent for HTTP endpoints: neither retried nor backed up; counted, never silent.
        ctx.ledger.rejectedPermanently += pending.length;
        ctx.metrics.add('PermanentlyRejected.Records', pending.length);
        settle(ctx, batch, 'rejected', attempts);
        return;
      }
      if ('ackLost' in outcome && outcome.ackLost && d.kind === 'splunk') waitMs = d.ackTimeoutMs;
      firstFailureMs ??= nowMs + waitMs;
      const nextMs = nowMs + waitMs + backoffMs(attempts - 1, ctx.prng.next());
      if (nextMs - firstFailureMs > d.retryDurationMs) {
        const givenUp = pending;
        ctx.scheduler.at(nowMs + waitMs, () => {
          ctx.reportErrors(givenUp.map((record) => ({ record, type: FAILED_TYPE[d.kind], errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, attemptsMade: attempts })));
          settle(ctx, batch, 'error-output', attempts);
        });
        return;
      }
      batch.retrying = true;
      ctx.scheduler.at(nextMs, attempt);
    });
  };
  attempt();
}

function send(ctx: DeliveryContext, d: RetryingDestination, records: readonly PipelineRecord[], requestId: string, nowMs: number): SinkOutcome & { ackLost?: boolean } {
  switch (d.kind) {
    case 'http-endpoint': {
      const sink = ctx.sinks.httpEndpoint(d.url);
      const doc = { requestId, timestamp: nowMs, records: records.map((r) => ({ data: encodeBase64(r.data) })) };
      const headers: Record<string, string> = {
        'X-Amz-Firehose-Protocol-Version': '1.0',
        'X-Amz-Firehose-Request-Id': requestId,
        'X-Amz-Firehose-Source-Arn': ctx.streamArn,
        'Content-Type': 'application/json',
        'X-Amz-Firehose-Common-Attributes': JSON.stringify({ commonAttributes: d.commonAttributes }),
      };
      if (d.accessKey) headers['X-Amz-Firehose-Access-Key'] = d.accessKey;
      let body = utf8.encode(JSON.stringify(doc));
      if (d.gzip) {
        headers['Content-Encoding'] = 'gzip';
        body = compress('GZIP', body);
      }
      const { status, response } = sink.receive(headers, body, nowMs);
      // Only 200 with the same requestId is success; anything else counts as a failure.
      if (status === 200 && response.requestId === requestId) return { ok: true };
      const message = typeof response.errorMessage === 'string' ? response.errorMessage : `endpoint answered HTTP ${status}`;
      return { ok: false, status: status === 200 ? 500 : status, errorCode: 'HttpEndpoint.DestinationException', errorMessage: message };
    }
    case 'opensearch': {
      const index = indexNameFor(d.indexName, d.rotation, records[0]?.arrivalMs ?? nowMs);
      return ctx.sinks.searchDomain(d.domain).bulk(index, records.map((r) => ({ id: r.recordId, body: r.data })), nowMs);
    }
    case 'splunk': {
      const events = records.map((r) => (d.endpointType === 'Event' ? JSON.stringify({ event: utf8.decode(r.data), time: r.arrivalMs / 1000 }) : utf8.decode(r.data)));
      return ctx.sinks.splunk(d.hecEndpoint).post(events, nowMs);
    }
  }
}

function deliverToRedshift(ctx: DeliveryContext, batch: DeliveryBatch, d: Extract<ResolvedDestination, { kind: 'redshift' }>): void {
  const cfg = ctx.config();
  const { body, extension, encoding } = objectBody(ctx, batch.records);
  const key = newObjectKey(ctx, dataPrefixFor(ctx, batch), extension);
  batch.flush.objectKey = key;
  batch.flush.storedBytes = body.length;
  writeWithRetry(ctx, { bucket: cfg.s3.bucket, key, body, contentEncoding: encoding, oldestArrivalMs: batch.oldestArrivalMs }, {
    onExpired: (attempts) => {
      ctx.ledger.expired += batch.records.length;
      settle(ctx, batch, 'expired', attempts);
    },
    onStored: () => {
      let attempts = 0;
      const startMs = ctx.scheduler.nowMs;
      const copy = () => {
        attempts++;
        ctx.metrics.add('DeliveryToRedshift.Attempts');
        const wh = ctx.sinks.warehouse(d.cluster);
        ctx.scheduler.after(wh.faults.latencyMs, (nowMs) => {
          const stored = ctx.store.hasBucket(cfg.s3.bucket) ? ctx.store.objectsUnder(cfg.s3.bucket, key) : [];
          const outcome = stored.length > 0
            ? wh.copy(d.table, d.columns, stored.map((o) => o.body), d.copyOptions, nowMs)
            : { ok: false as const, status: 404, errorCode: 'Redshift.IntermediateObjectMissing', errorMessage: `s3://${cfg.s3.bucket}/${key} is gone (evicted or deleted)` };
          if (outcome.ok) {
            ctx.metrics.add('DeliveryToRedshift.Successes');
            markDelivered(ctx, batch.records, body.length);
            settle(ctx, batch, 'delivered', attempts);
          } else if (nowMs + REDSHIFT_RETRY_MS - startMs <= d.retryDurationMs) {
            ctx.scheduler.after(REDSHIFT_RETRY_MS, copy);
          } else {
            // Skipped objects are listed in a manifest under errors/ for a manual backfill.
            const manifest = JSON.stringify({ entries: [{ url: `s3://${cfg.s3.bucket}/${key}`, mandatory: true }], error: outcome.errorMessage });
            const manifestKey = `errors/manifests/${key.slice(key.lastIndexOf('/') + 1)}.manifest`;
            writeWithRetry(ctx, { bucket: cfg.s3.bucket, key: manifestKey, body: utf8.encode(manifest), oldestArrivalMs: batch.oldestArrivalMs }, {
              onStored: () => {
                ctx.ledger.errorOutput += batch.records.length;
                ctx.metrics.add('ErrorOutput.Records', batch.records.length);
                settle(ctx, batch, 'error-output', attempts);
              },
              onExpired: () => {
                ctx.ledger.expired += batch.records.length;
                settle(ctx, batch, 'expired', attempts);
              },
            }, 'BackupToS3');
          }
        });
      };
      copy();
    },
  });
}
