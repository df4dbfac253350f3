/**
 * Source record backup (`S3BackupMode: Enabled` on an S3 destination): every record, as it arrived
 * and before transformation, is copied to a second bucket/prefix with its own buffering hints. A
 * copy: the ledger is untouched; failures are retried like any S3 write and counted as BackupToS3.
 */
import type { Cancellable } from '../time/scheduler';
import { compress, COMPRESSION_EXTENSION, concatBytes, CONTENT_ENCODING } from './compression';
import type { DeliveryContext } from './delivery-context';
import { evaluatePrefix } from './prefix';
import { newObjectKey, randomStringFor, writeWithRetry } from './s3-writer';
import type { PipelineRecord } from './types';

export class SourceBackup {
  private records: Uint8Array[] = [];
  private bytes = 0;
  private oldestMs = 0;
  private timer: Cancellable | undefined;

  constructor(private readonly ctx: DeliveryContext) {}

  add(record: PipelineRecord): void {
    const backup = this.ctx.config().sourceBackup;
    if (!backup) return;
    if (this.records.length === 0) {
      this.oldestMs = record.arrivalMs;
      this.timer = this.ctx.scheduler.after(backup.intervalMs, () => this.flush());
    }
    this.records.push(record.raw);
    this.bytes += record.raw.length;
    if (this.bytes >= backup.sizeBytes) this.flush();
  }

  flush(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const backup = this.ctx.config().sourceBackup;
    if (!backup || this.records.length === 0) return;
    const count = this.records.length;
    const body = compress(backup.compression, concatBytes(this.records));
    this.records = [];
    this.bytes = 0;
    const prefix = evaluatePrefix(backup.dataPrefix, { timestampMs: this.oldestMs, randomString: randomStringFor(this.ctx) });
    const key = newObjectKey(this.ctx, prefix, backup.fileExtension ?? COMPRESSION_EXTENSION[backup.compression]);
    writeWithRetry(this.ctx, { bucket: backup.bucket, key, body, contentEncoding: CONTENT_ENCODING[backup.compression], oldestArrivalMs: this.oldestMs }, {
      onStored: () => {
        this.ctx.metrics.add('BackupToS3.Records', count);
        this.ctx.metrics.add('BackupToS3.Bytes', body.length);
      },
      onExpired: () => this.ctx.metrics.add('BackupToS3.ExpiredRecords', count),
    }, 'BackupToS3');
  }

  dispose(): void {
    this.timer?.cancel();
  }
}
