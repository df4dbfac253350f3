/**
 * One flow of the simulated agent: tails the virtual files its filePattern matches, turns new
 * bytes into records, buffers and sends them through an AgentDestination, retrying failed
 * records with backoff and advancing checkpoints after successful sends. Start-up follows the
 * agent: resume at checkpoints; without any, the newest file at initialPosition and older
 * files ignored; files that appear later are read from the start; a shrunk file
 * (copytruncate) is read again from 0.
 */
import { AwsServiceError } from '../api/result';
import type { FlowConfig } from './config-types';
import type { AgentDestination } from './destinations';
import { matchesFileName } from './file-pattern';
import {
  addToBuffer, afterSuccess, backoffMs, emptyMetrics, isExpired, isFull, wouldOverflow,
  type AgentMetrics, type BufferedRecord, type SendBuffer,
} from './publisher';
import { endOfFileCursor, newCursor, readAvailable, type AgentRecord, type FileCursor } from './record-pipeline';
import type { VirtualFile, VirtualFileSystem } from './virtual-files';

/** Buffers one poll may send (the agent's sender pool works on several at once). */
const SENDS_PER_POLL = 8;
/** Bytes read from one file per poll (the agent's parser buffer). */
const READ_CHUNK_BYTES = 5 * 1_048_576;

export interface BatchEvent {
  readonly atMs: number;
  readonly flow: number;
  readonly bufferId: number;
  readonly attempt: number;
  readonly records: number;
  readonly bytes: number;
  readonly failed: number;
  /** Error codes of failed records, or the whole call's error name. */
  readonly errors: readonly string[];
  readonly retryInMs?: number;
}

export interface FlowCounters {
  parsed: number;
  skipped: number;
  processingErrors: number;
  truncated: number;
  sent: number;
  throttled: number;
}

export interface FlowHooks {
  readonly random: () => number;
  readonly onRecord: (flow: FlowConfig, file: string, r: AgentRecord) => void;
  readonly onBatch: (e: BatchEvent) => void;
  /** Persistent checkpoints keyed "path|ino" → offset; survives restarts. */
  readonly checkpoints: Map<string, number>;
}

export class FlowRunner {
  private readonly files = new Map<string, { ino: number; cursor: FileCursor }>();
  private buffer: SendBuffer;
  readonly queue: SendBuffer[] = [];
  private failures = 0;
  private nextSendMs = 0;
  private nextBufferId = 1;
  readonly metrics: AgentMetrics = emptyMetrics();
  readonly counters: FlowCounters = { parsed: 0, skipped: 0, processingErrors: 0, truncated: 0, sent: 0, throttled: 0 };

  constructor(
    readonly flow: FlowConfig,
    private readonly fs: VirtualFileSystem,
    private readonly destination: AgentDestination,
    private readonly hooks: FlowHooks,
    nowMs: number,
  ) {
    this.buffer = this.newBuffer(nowMs);
    this.start();
  }

  private newBuffer(nowMs: number): SendBuffer {
    return { id: this.nextBufferId++, createdMs: nowMs, records: [], bytes: 0, attempts: 0 };
  }

  private matching(): VirtualFile[] {
    return this.fs.inDirectory(this.flow.file.directory)
      .filter((f) => matchesFileName(this.flow.file, f.path.slice(f.path.lastIndexOf('/') + 1)))
      .sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
  }

  private start(): void {
    const files = this.matching();
    const cps = this.hooks.checkpoints;
    if (cps.size > 0) {
      for (const f of files) {
        const cp = cps.get(`${f.path}|${f.ino}`);
        const size = this.fs.size(f);
        this.files.set(f.path, { ino: f.ino, cursor: cp !== undefined && cp <= size ? newCursor(this.flow, cp) : { offset: size, headerLinesToSkip: 0, ended: false } });
      }
      return;
    }
    const newest = files[files.length - 1];
    for (const f of files) if (f !== newest) this.files.set(f.path, { ino: f.ino, cursor: { offset: this.fs.size(f), headerLinesToSkip: 0, ended: false } });
    if (!newest) return;
    if (this.flow.initialPosition === 'START_OF_FILE') {
      this.files.set(newest.path, { ino: newest.ino, cursor: newCursor(this.flow) });
      return;
    }
    const { base, bytes } = this.fs.read(newest, 0);
    const cursor = endOfFileCursor(this.flow, bytes, base);
    this.files.set(newest.path, { ino: newest.ino, cursor });
  }

  /**
   * The lowest offset still to be read per file (for trimming virtual files). Buffered records
   * keep their own bytes (views of the old storage), so only the read cursors matter.
   */
  neededOffsets(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [path, t] of this.files) out.set(path, t.cursor.offset);
    return out;
  }

  /** The publish queue is full: the tailer stops reading (the agent blocks up to waitOnFullPublishQueueMillis, then retries). */
  get backPressured(): boolean {
    return this.queue.length >= this.flow.publishQueueCapacity;
  }

  bytesBehind(): number {
    let n = 0;
    for (const f of this.matching()) {
      const t = this.files.get(f.path);
      n += this.fs.size(f) - (t && t.ino === f.ino ? t.cursor.offset : 0);
    }
    return n;
  }

  poll(nowMs: number): void {
    for (const f of this.backPressured ? [] : this.matching()) {
      let t = this.files.get(f.path);
      const size = this.fs.size(f);
      if (!t || t.ino !== f.ino) {
        t = { ino: f.ino, cursor: newCursor(this.flow) };
        this.files.set(f.path, t);
      } else if (size < t.cursor.offset) {
        t.cursor = newCursor(this.flow);
      }
      if (t.cursor.ended || size <= t.cursor.offset) continue;
      const view = this.fs.read(f, t.cursor.offset);
      const chunk = view.bytes.subarray(0, READ_CHUNK_BYTES);
      const { records, cursor } = readAvailable(this.flow, chunk, { ...t.cursor, offset: view.base }, { nowMs, random: this.hooks.random }, view.base);
      t.cursor = cursor;
      for (const r of records) {
        this.counters.parsed++;
        this.hooks.onRecord(this.flow, f.path, r);
        if (!r.data) {
          this.counters.skipped++;
          continue;
        }
        if (r.status === 'raw-after-error') this.counters.processingErrors++;
        if (r.truncated) this.counters.truncated++;
        const br: BufferedRecord = { file: `${f.path}|${f.ino}`, record: r, data: r.data, partitionKey: r.partitionKey };
        if (this.buffer.records.length === 0) this.buffer.createdMs = nowMs;
        if (wouldOverflow(this.flow, this.buffer, br)) this.publish(nowMs);
        addToBuffer(this.buffer, br);
        if (isFull(this.flow, this.buffer)) this.publish(nowMs);
      }
    }
    if (isExpired(this.flow, this.buffer, nowMs)) this.publish(nowMs);
    this.send(nowMs);
  }

  private publish(nowMs: number): void {
    if (this.buffer.records.length === 0) return;
    this.queue.push(this.buffer);
    this.buffer = this.newBuffer(nowMs);
  }

  get pendingRecords(): number {
    return this.buffer.records.length + this.queue.reduce((n, b) => n + b.records.length, 0);
  }

  private send(nowMs: number): void {
    for (let i = 0; i < SENDS_PER_POLL && this.queue.length > 0 && nowMs >= this.nextSendMs; i++) {
      const buf = this.queue[0];
      buf.attempts++;
      this.metrics.RecordSendAttempts += buf.records.length;
      let codes: (string | undefined)[];
      try {
        codes = this.destination.put(this.flow, buf.records);
      } catch (e) {
        if (!(e instanceof AwsServiceError)) throw e;
        this.metrics.ServiceErrors++;
        this.failures++;
        const wait = backoffMs(this.flow, this.failures, this.hooks.random);
        this.nextSendMs = nowMs + wait;
        this.hooks.onBatch({ atMs: nowMs, flow: this.flow.index, bufferId: buf.id, attempt: buf.attempts, records: buf.records.length, bytes: buf.bytes, failed: buf.records.length, errors: [`${e.name}: ${e.message}`], retryInMs: wait });
        return;
      }
      const failed = buf.records.filter((_, j) => codes[j] !== undefined);
      const sent = buf.records.filter((_, j) => codes[j] === undefined);
      for (const r of sent) {
        this.metrics.BytesSent += r.data.length;
        const prev = this.hooks.checkpoints.get(r.file) ?? 0;
        if (r.record.endOffset > prev) this.hooks.checkpoints.set(r.file, r.record.endOffset);
      }
      this.counters.sent += sent.length;
      this.metrics.RecordSendErrors += failed.length;
      const errorCodes = codes.filter((c): c is string => c !== undefined);
      this.counters.throttled += errorCodes.filter((c) => c.includes('Exceeded') || c.includes('Throttl') || c === 'ServiceUnavailableException').length;
      if (failed.length === 0) {
        this.queue.shift();
        this.failures = afterSuccess(this.failures);
        this.hooks.onBatch({ atMs: nowMs, flow: this.flow.index, bufferId: buf.id, attempt: buf.attempts, records: buf.records.length, bytes: buf.bytes, failed: 0, errors: [] });
        continue;
      }
      buf.records.splice(0, buf.records.length, ...failed);
      buf.bytes = failed.reduce((n, r) => n + r.data.length + (r.partitionKey?.length ?? 0), 0);
      this.failures++;
      const wait = backoffMs(this.flow, this.failures, this.hooks.random);
      this.nextSendMs = nowMs + wait;
      this.hooks.onBatch({ atMs: nowMs, flow: this.flow.index, bufferId: buf.id, attempt: buf.attempts, records: sent.length + failed.length, bytes: buf.bytes, failed: failed.length, errors: [...new Set(errorCodes)], retryInMs: wait });
      return;
    }
  }
}
