/**
 * One delivery stream's data path: ingest → (Lambda stage) → partition-key extraction → format
 * conversion parse → per-partition buffers flushed on size or interval (zero buffering on a 1 s
 * tick) → delivery. Owns the buffers, the in-flight set, the ledger and the metrics; configuration
 * and AWS-shaped descriptions live in the service.
 */
import type { Cancellable } from '../time/scheduler';
import { utf8 } from './base64';
import { concatBytes } from './compression';
import { deaggregate } from './deaggregation';
import { deliverBatch } from './delivery';
import type { DeliveryBatch, DeliveryContext } from './delivery-context';
import { ZERO_BUFFER_TICK_MS } from './limits';
import type { FlushEvent } from './metrics';
import { ConversionError, parseJsonDocuments, toRow } from './parquet';
import { partitionIdentity, PrefixError } from './prefix';
import { SourceBackup } from './source-backup';
import { TransformStage, type TransformStageSnapshot } from './transform-stage';
import type { TransformInvoker } from './transform-invoker';
import type { ErrorRecord, FlushReason, PipelineRecord } from './types';
import { pendingRecords } from './types';

interface PartitionBuffer {
  readonly id: string;
  records: PipelineRecord[];
  bytes: number;
  firstArrivalMs: number;
  timer?: Cancellable;
}

export interface PartitionSnapshot {
  readonly partition: string;
  readonly records: number;
  readonly bytes: number;
  readonly ageMs: number;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
}

export interface BufferSnapshot {
  readonly partitions: readonly PartitionSnapshot[];
  readonly transform?: TransformStageSnapshot;
  readonly batchesInFlight: number;
  readonly recordsInFlight: number;
  /** DeliveryTo*.DataFreshness: age in seconds of the oldest undelivered record. */
  readonly dataFreshnessSec: number;
}

const NEWLINE = new Uint8Array([10]);

export class DeliveryPipeline {
  private readonly partitions = new Map<string, PartitionBuffer>();
  readonly transform: TransformStage;
  private readonly backup: SourceBackup;

  constructor(readonly ctx: DeliveryContext, invokerFor: (lambdaArn: string) => TransformInvoker | undefined) {
    this.transform = new TransformStage(ctx, () => ctx.config().processing.lambda, invokerFor, (records) => records.forEach((r) => this.afterTransform(r)));
    this.backup = new SourceBackup(ctx);
  }

  /** Records already admitted by the quota; counted as ingested here. */
  ingest(records: readonly PipelineRecord[]): void {
    const cfg = this.ctx.config();
    for (const put of records) {
      this.ctx.metrics.add('IncomingRecords');
      this.ctx.metrics.add('IncomingBytes', put.data.length);
      if (cfg.sourceBackup) this.backup.add(put);
      const parts = cfg.processing.deaggregation ? deaggregate(put.data, cfg.processing.deaggregation) : [put.data];
      this.ctx.ledger.ingested += parts.length;
      for (let i = 0; i < parts.length; i++) {
        const r = parts.length === 1 ? put : { ...put, recordId: `${put.recordId}.${i}`, raw: parts[i], data: parts[i] };
        if (cfg.processing.lambda) this.transform.add(r);
        else this.afterTransform(r);
      }
    }
  }

  private afterTransform(record: PipelineRecord): void {
    const cfg = this.ctx.config();
    const failures: ErrorRecord[] = [];
    const fail = (type: ErrorRecord['type'], errorCode: string, errorMessage: string) => {
      failures.push({ record, type, errorCode, errorMessage, attemptsMade: 1 });
      this.ctx.reportErrors(failures);
    };
    if (cfg.processing.metadataQuery) {
      this.ctx.metrics.add('JQProcessing.Records');
      try {
        record.queryKeys = cfg.processing.metadataQuery.run(JSON.parse(utf8.decode(record.data)));
      } catch (e) {
        return fail('partitioning-failed', 'DynamicPartitioning.MetadataExtractionFailed', `partition keys could not be extracted: ${(e as Error).message}`);
      }
    }
    if (cfg.formatConversion) {
      try {
        record.rows = parseJsonDocuments(utf8.decode(record.data)).map((doc) => toRow(doc, cfg.formatConversion?.columns ?? []));
        this.ctx.metrics.add('SucceedConversion.Records');
        this.ctx.metrics.add('SucceedConversion.Bytes', record.data.length);
      } catch (e) {
        this.ctx.metrics.add('FailedConversion.Records');
        this.ctx.metrics.add('FailedConversion.Bytes', record.data.length);
        const message = e instanceof ConversionError || e instanceof SyntaxError ? e.message : String(e);
        return fail('format-conversion-failed', 'DataFormatConversion.MalformedData', message);
      }
    } else if (cfg.processing.appendDelimiter) {
      record.data = concatBytes([record.data, NEWLINE]);
    }
    let partition = '';
    if (cfg.dynamicPartitioning) {
      try {
        partition = partitionIdentity(cfg.s3.dataPrefix, { queryKeys: record.queryKeys, lambdaKeys: record.lambdaKeys });
      } catch (e) {
        const message = e instanceof PrefixError ? e.message : String(e);
        return fail('partitioning-failed', 'DynamicPartitioning.MissingPartitionKey', message);
      }
      if (!this.partitions.has(partition) && this.partitions.size >= cfg.activePartitionsMax) {
        this.ctx.metrics.add('PartitionCountExceeded');
        return fail('activePartitionExceeded', 'DynamicPartitioning.ActivePartitionsLimitExceeded',
          `the stream already has ${cfg.activePartitionsMax} active partitions; raise the limit or reduce key cardinality`);
      }
    }
    this.addToBuffer(partition, record);
  }

  private addToBuffer(partition: string, record: PipelineRecord): void {
    const cfg = this.ctx.config();
    let buffer = this.partitions.get(partition);
    if (!buffer) {
      buffer = { id: partition, records: [], bytes: 0, firstArrivalMs: this.ctx.scheduler.nowMs };
      this.partitions.set(partition, buffer);
      const waitMs = cfg.intervalMs === 0 ? ZERO_BUFFER_TICK_MS : cfg.intervalMs;
      const reason: FlushReason = cfg.intervalMs === 0 ? 'zero-buffer' : 'interval';
      buffer.timer = this.ctx.scheduler.after(waitMs, () => this.flush(partition, reason));
    }
    buffer.records.push(record);
    buffer.bytes += record.data.length;
    if (buffer.bytes >= cfg.sizeBytes) this.flush(partition, 'size');
  }

  flush(partition: string, reason: FlushReason): void {
    const buffer = this.partitions.get(partition);
    if (!buffer) return;
    buffer.timer?.cancel();
    this.partitions.delete(partition);
    const flush: FlushEvent = { atMs: this.ctx.scheduler.nowMs, partition, reason, records: buffer.records.length, bytes: buffer.bytes };
    this.ctx.metrics.flushes.push(flush);
    let oldest = buffer.firstArrivalMs;
    for (const r of buffer.records) oldest = Math.min(oldest, r.arrivalMs);
    const batch: DeliveryBatch = { partition, records: buffer.records, bytes: buffer.bytes, oldestArrivalMs: oldest, flush };
    deliverBatch(this.ctx, batch);
  }

  /** Flushes every buffer now (the Lambda buffer first), e.g. before deleting the stream. */
  flushAll(reason: FlushReason = 'shutdown'): void {
    this.backup.flush();
    this.transform.flush();
    for (const id of [...this.partitions.keys()]) this.flush(id, reason);
  }

  /** Cancels timers; used when the stream is deleted. */
  dispose(): void {
    this.backup.dispose();
    this.transform.dispose();
    for (const b of this.partitions.values()) b.timer?.cancel();
  }

  snapshot(): BufferSnapshot {
    const cfg = this.ctx.config();
    const now = this.ctx.scheduler.nowMs;
    let oldest = this.transform.oldestPendingArrivalMs();
    const partitions: PartitionSnapshot[] = [];
    for (const b of this.partitions.values()) {
      partitions.push({ partition: b.id, records: b.records.length, bytes: b.bytes, ageMs: now - b.firstArrivalMs, sizeLimitBytes: cfg.sizeBytes, intervalMs: cfg.intervalMs });
      for (const r of b.records) oldest = Math.min(oldest ?? r.arrivalMs, r.arrivalMs);
    }
    let recordsInFlight = 0;
    for (const batch of this.ctx.inFlight) {
      recordsInFlight += batch.records.length;
      oldest = Math.min(oldest ?? batch.oldestArrivalMs, batch.oldestArrivalMs);
    }
    return {
      partitions,
      transform: cfg.processing.lambda ? this.transform.snapshot() : undefined,
      batchesInFlight: this.ctx.inFlight.size,
      recordsInFlight,
      dataFreshnessSec: oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000),
    };
  }

  /** Whether a flushed batch is being retried after a failed delivery attempt (the destination is failing). */
  deliveryFailing(): boolean {
    for (const batch of this.ctx.inFlight) if (batch.retrying) return true;
    return false;
  }

  pending(): number {
    return pendingRecords(this.ctx.ledger);
  }
}
