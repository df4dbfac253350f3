/**
 * Where an application's output in-application stream goes: the console only, a Kinesis data
 * stream of the scenario (records put into the engine stream, under its write limits), or a
 * delivery stream when the Firehose extension offers a way in. Writes are at-least-once: a refused
 * put stays queued and is retried each second, so the application falls behind instead of losing rows.
 */
import type { StreamColumnInfo } from '../../analytics/in-app-stream';
import type { OutputRow, Value } from '../../analytics/runtime';
import { formatTimestamp } from '../../analytics/values';
import type { Prng } from '../../random/prng';
import type { KinesisService } from '../../streams/service';
import { PUT_THROTTLED } from '../../streams/put-outcome';
import { BATCH_BYTES_MAX, BATCH_RECORDS_MAX } from '../../firehose/limits';
import type { AnalyticsOutputConfig } from './app-config';
import type { OutputSnapshot } from './snapshot-types';

/**
 * PutRecordBatch into a delivery stream: which records were accepted (per-record throttling keeps
 * the refused ones queued), 'throttled' when the whole call was refused, or a problem message.
 */
export type DeliveryPut = (deliveryStream: string, records: readonly Uint8Array[]) => { accepted: boolean[] } | 'throttled' | { problem: string };


/** Rows waiting for a refused destination; beyond this the oldest are dropped and counted. */
export const PENDING_ROWS_MAX = 100_000;
const encoder = new TextEncoder();

function renderValue(v: Value, type: string): unknown {
  if (v === null) return null;
  if (typeof v === 'number' && (type.startsWith('TIMESTAMP') || type === 'DATE' || type === 'TIME')) return formatTimestamp(v);
  return v;
}

/** One output row as the KDA JSON (or CSV) record: the declared columns as written, not ROWTIME. */
export function serializeRow(row: OutputRow, columns: readonly StreamColumnInfo[], format: 'JSON' | 'CSV'): string {
  if (format === 'CSV') return row.values.map((v, i) => (v === null ? '' : String(renderValue(v, columns[i]?.type ?? '')))).join(',');
  const doc: Record<string, unknown> = {};
  row.values.forEach((v, i) => {
    const c = columns[i];
    doc[c?.writtenName ?? `COL${i + 1}`] = renderValue(v, c?.type ?? '');
  });
  return JSON.stringify(doc);
}

export class OutputSink {
  private readonly pending: Uint8Array[] = [];
  private delivered = 0;
  private throttled = 0;
  private dropped = 0;
  private problem: string | undefined;

  constructor(
    readonly config: AnalyticsOutputConfig,
    readonly inAppStream: string,
    private readonly columns: readonly StreamColumnInfo[],
    private readonly service: KinesisService,
    private readonly prng: Prng,
    private readonly deliveryPut: DeliveryPut | null,
  ) {
    if (config.kind === 'firehose' && !deliveryPut) this.problem = 'delivery streams cannot receive analytics output in this build: rows are shown in the console only';
  }

  write(row: OutputRow): void {
    if (this.config.kind === 'console') {
      this.delivered++;
      return;
    }
    if (this.pending.length >= PENDING_ROWS_MAX) {
      this.pending.shift();
      this.dropped++;
      this.problem = `the destination refuses writes: more than ${PENDING_ROWS_MAX.toLocaleString('en-US')} rows waited, the oldest were dropped (${this.dropped})`;
    }
    this.pending.push(encoder.encode(serializeRow(row, this.columns, this.config.format ?? 'JSON')));
  }

  /** Delivers queued rows in order until the destination refuses one. */
  flush(nowMs: number): void {
    if (this.config.kind === 'console' || this.pending.length === 0) return;
    let sent = 0;
    if (this.config.kind === 'stream') {
      const target = this.service.stream(this.config.name ?? '');
      if (!target || target.deleted) {
        this.problem = `output stream ${this.config.name} does not exist: rows wait until it does`;
        return;
      }
      while (sent < this.pending.length) {
        // KDA spreads output with random partition keys.
        const result = target.putRecord(this.prng.uuid(), this.pending[sent], undefined, nowMs);
        if (result === PUT_THROTTLED) {
          this.throttled++;
          break;
        }
        if (result < 0) {
          this.problem = `output stream ${this.config.name} refused a record (code ${result})`;
          break;
        }
        sent++;
      }
    } else if (this.deliveryPut) {
      this.flushToDelivery(this.deliveryPut);
      return;
    } else {
      this.delivered += this.pending.length;
      this.pending.length = 0;
      return;
    }
    if (sent > 0) {
      this.pending.splice(0, sent);
      this.delivered += sent;
      if (this.dropped === 0) this.problem = undefined;
    }
  }

  private flushToDelivery(put: DeliveryPut): void {
    const name = this.config.name ?? '';
    // A few calls per second at most, like the service's own writer.
    for (let call = 0; call < 5 && this.pending.length > 0; call++) {
      let bytes = 0;
      let n = 0;
      while (n < this.pending.length && n < BATCH_RECORDS_MAX && bytes + this.pending[n].length <= BATCH_BYTES_MAX) bytes += this.pending[n++].length;
      const batch = this.pending.slice(0, Math.max(1, n));
      const r = put(name, batch);
      if (r === 'throttled') {
        this.throttled += batch.length;
        return;
      }
      if ('problem' in r) {
        this.problem = r.problem;
        return;
      }
      const refused = batch.filter((_, i) => !r.accepted[i]);
      this.pending.splice(0, batch.length, ...refused);
      this.delivered += batch.length - refused.length;
      this.throttled += refused.length;
      if (this.dropped === 0) this.problem = undefined;
      if (refused.length) return;
    }
  }

  snapshot(): OutputSnapshot {
    return {
      kind: this.config.kind, name: this.config.name, inAppStream: this.inAppStream,
      recordsDeliveredTotal: this.delivered, throttledTotal: this.throttled, pendingRecords: this.pending.length, problem: this.problem,
    };
  }
}
