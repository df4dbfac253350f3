/**
 * Delivery to a general purpose bucket (data-delivery-s3-about): validate, format (records in their source
 * form, newline-delimited for JSON and STRING, back to back for BYTE_ARRAY), compress (GZIP with fflate, ZSTD as
 * a stored-block frame) and write one object under the key template; failed records to the dead-letter queue.
 */
import { gzipSync } from 'fflate';
import type { ObjectStore } from '../objectstore/object-store';
import type { BufferedRecord, Channel, DeadLetterQueue, S3Destination } from './channel';
import { evaluateKeyTemplate, parseKeyTemplate } from './key-template';
import type { RecordFailure } from './record-validation';
import { deadLetterBody, validateRecord } from './record-validation';
import { zstdStoredFrame } from './zstd-frame';

const FORMAT_EXTENSION = { JSON: '.json', GSR_JSON: '.json', STRING: '.txt', BYTE_ARRAY: '.bin' } as const;
const COMPRESSION_EXTENSION = { NONE: '', GZIP: '.gz', ZSTD: '.zst' } as const;
const CONTENT_ENCODING = { NONE: undefined, GZIP: 'gzip', ZSTD: 'zstd' } as const;

/** Bucket name of an S3 bucket ARN (arn:aws:s3:::name). */
export function bucketOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

export function ensureBucket(store: ObjectStore, name: string): void {
  if (!store.hasBucket(name)) store.createBucket(name);
}

export function deliverToS3(channel: Channel, dest: S3Destination, records: readonly BufferedRecord[], store: ObjectStore, nowMs: number): void {
  const good: Uint8Array[] = [];
  const failures: RecordFailure[] = [];
  for (const r of records) {
    const v = validateRecord(r, channel.config.recordFormat);
    if (v.ok) good.push(r.data);
    else failures.push(v.failure);
  }
  if (good.length > 0) {
    const delimited = channel.config.recordFormat !== 'BYTE_ARRAY';
    const body = compress(dest.compression, join(good, delimited));
    const segments = parseKeyTemplate(dest.outputKeyTemplate);
    if (typeof segments === 'string') throw new Error(`invariant: template validated at create: ${segments}`);
    const key = evaluateKeyTemplate(segments, {
      channelName: channel.config.name, channelId: channel.config.id, timeMs: nowMs, objectNumber: ++channel.objectNumber,
      extension: FORMAT_EXTENSION[channel.config.recordFormat] + COMPRESSION_EXTENSION[dest.compression],
    });
    const bucket = bucketOf(dest.bucketArn);
    ensureBucket(store, bucket);
    store.putObject(bucket, key, body, {
      contentType: channel.config.recordFormat === 'BYTE_ARRAY' ? 'application/octet-stream' : 'application/json',
      contentEncoding: CONTENT_ENCODING[dest.compression],
      metadata: { 'storage-class': dest.storageClass },
    });
    channel.counters.successfulRecords += good.length;
    channel.counters.bytesOut += body.byteLength;
    channel.counters.deliveries++;
  }
  writeDeadLetters(channel, dest.dlq, failures, store, nowMs);
}

export function writeDeadLetters(channel: Channel, dlq: DeadLetterQueue, failures: readonly RecordFailure[], store: ObjectStore, nowMs: number): void {
  if (failures.length === 0) return;
  const bucket = bucketOf(dlq.bucketArn);
  ensureBucket(store, bucket);
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  store.putObject(bucket, `${dlq.errorOutputPrefix}${stamp}-${String(++channel.objectNumber).padStart(6, '0')}.json`, deadLetterBody(channel.config.name, failures), {
    contentType: 'application/json',
  });
  channel.counters.failedRecords += failures.length;
  channel.counters.dlqObjects++;
}

function join(parts: readonly Uint8Array[], newlineDelimited: boolean): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.byteLength + (newlineDelimited ? 1 : 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
    if (newlineDelimited) out[o++] = 0x0a;
  }
  return out;
}

function compress(type: S3Destination['compression'], data: Uint8Array): Uint8Array {
  if (type === 'GZIP') return gzipSync(data);
  if (type === 'ZSTD') return zstdStoredFrame(data);
  return data;
}
