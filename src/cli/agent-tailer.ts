/**
 * One flow of `npm run agent`: tails the files its filePattern matches, turns new bytes into
 * records with the engine's pipeline, buffers them with the agent's limits and sends each
 * buffer with retries and backoff; checkpoints advance after each successful send.
 * Start-up as the agent does it: resume at checkpoints; without any, open the newest file at
 * initialPosition (END_OF_FILE skips what is there) and ignore older files; files that appear
 * later are read from their beginning; a file that shrank (copytruncate) is read again from 0.
 */
import {
  addToBuffer, advanceCheckpoints, afterSuccess, backoffMs, emptyMetrics, isExpired, isFull, newCursor, readAvailable,
  wouldOverflow,
  endOfFileCursor,
} from '../engine/agent/index';
import type { AgentMetrics, BufferedRecord, FileCursor, FlowConfig, SendBuffer } from '../engine/agent/index';
import { listMatchingFiles, readFileUpTo } from './agent-files';
import type { CheckpointStore } from './agent-checkpoints';
import type { BatchSender } from './agent-sender';

/** The agent's parser buffer: at most this much is read from a file per poll. */
const READ_CHUNK_BYTES = 5 * 1_048_576;

interface Tracked {
  ino: number;
  cursor: FileCursor;
}

export interface TailerCounters {
  parsed: number;
  skipped: number;
  processingErrors: number;
  truncated: number;
  sent: number;
}

export class FlowTailer {
  private readonly files = new Map<string, Tracked>();
  private buffer: SendBuffer;
  private readonly queue: SendBuffer[] = [];
  private inFlight = false;
  private failures = 0;
  private nextSendMs = 0;
  private nextBufferId = 1;
  readonly metrics: AgentMetrics = emptyMetrics();
  readonly counters: TailerCounters = { parsed: 0, skipped: 0, processingErrors: 0, truncated: 0, sent: 0 };

  constructor(
    readonly flow: FlowConfig,
    private readonly configDir: string,
    private readonly sender: BatchSender,
    private readonly checkpoints: CheckpointStore,
    private readonly log: (line: string) => void,
  ) {
    this.buffer = this.newBuffer(Date.now());
    this.start();
  }

  private newBuffer(nowMs: number): SendBuffer {
    return { id: this.nextBufferId++, createdMs: nowMs, records: [], bytes: 0, attempts: 0 };
  }

  private start(): void {
    const files = listMatchingFiles(this.flow, this.configDir);
    const saved = this.checkpoints.forFlow(this.flow.id);
    if (saved.length > 0) {
      for (const f of files) {
        const cp = saved.find((c) => c.path === f.path && c.ino === f.ino);
        const offset = cp && cp.offset <= f.size ? cp.offset : cp ? 0 : f.size;
        this.files.set(f.path, { ino: f.ino, cursor: cp ? { ...newCursor(this.flow, offset) } : { offset, headerLinesToSkip: 0, ended: false } });
        if (cp) this.log(`flow ${this.flow.index}: resuming ${f.path} at byte ${offset} (checkpoint)`);
      }
      return;
    }
    const newest = files[files.length - 1];
    for (const f of files) {
      if (f !== newest) this.files.set(f.path, { ino: f.ino, cursor: { offset: f.size, headerLinesToSkip: 0, ended: false } });
    }
    if (!newest) return;
    if (this.flow.initialPosition === 'START_OF_FILE') {
      this.files.set(newest.path, { ino: newest.ino, cursor: newCursor(this.flow) });
      return;
    }
    // END_OF_FILE: skip header lines, then everything up to the last complete line.
    const cursor = endOfFileCursor(this.flow, readFileUpTo(newest.path, newest.size));
    this.files.set(newest.path, { ino: newest.ino, cursor });
  }

  /** Reads new data and publishes due buffers; returns whether any file still has unread bytes. */
  poll(nowMs: number): boolean {
    let pending = false;
    for (const f of listMatchingFiles(this.flow, this.configDir)) {
      let t = this.files.get(f.path);
      if (!t || t.ino !== f.ino) {
        t = { ino: f.ino, cursor: newCursor(this.flow) };
        this.files.set(f.path, t);
      } else if (f.size < t.cursor.offset) {
        this.log(`flow ${this.flow.index}: ${f.path} shrank to ${f.size} bytes (truncated); reading it again from the start`);
        t.cursor = newCursor(this.flow);
      }
      if (t.cursor.ended || f.size <= t.cursor.offset) continue;
      const upTo = Math.min(f.size, t.cursor.offset + READ_CHUNK_BYTES);
      const whole = readFileUpTo(f.path, upTo);
      const chunk = whole.subarray(t.cursor.offset);
      const { records, cursor } = readAvailable(this.flow, chunk, t.cursor, { nowMs, random: Math.random }, t.cursor.offset);
      t.cursor = cursor;
      if (upTo < f.size) pending = true;
      for (const r of records) {
        this.counters.parsed++;
        if (!r.data) {
          this.counters.skipped++;
          continue;
        }
        if (r.status === 'raw-after-error') this.counters.processingErrors++;
        if (r.truncated) this.counters.truncated++;
        this.enqueue({ file: `${f.path}\u0000${f.ino}`, record: r, data: r.data, partitionKey: r.partitionKey }, nowMs);
      }
    }
    if (isExpired(this.flow, this.buffer, nowMs)) this.publish(nowMs);
    void this.pump(nowMs);
    return pending;
  }

  private enqueue(r: BufferedRecord, nowMs: number): void {
    if (this.buffer.records.length === 0) this.buffer.createdMs = nowMs;
    if (wouldOverflow(this.flow, this.buffer, r)) this.publish(nowMs);
    addToBuffer(this.buffer, r);
    if (isFull(this.flow, this.buffer)) this.publish(nowMs);
  }

  private publish(nowMs: number): void {
    if (this.buffer.records.length === 0) return;
    this.queue.push(this.buffer);
    this.buffer = this.newBuffer(nowMs);
  }

  /** Publishes the partly filled buffer now (shutdown, --until-idle). */
  flushPartial(): void {
    this.publish(Date.now());
    void this.pump(Date.now());
  }

  get idle(): boolean {
    return !this.inFlight && this.queue.length === 0 && this.buffer.records.length === 0;
  }

  private async pump(nowMs: number): Promise<void> {
    if (this.inFlight || this.queue.length === 0 || nowMs < this.nextSendMs) return;
    const buf = this.queue[0];
    this.inFlight = true;
    buf.attempts++;
    this.metrics.RecordSendAttempts += buf.records.length;
    try {
      const outcome = await this.sender.send(this.flow, buf.records);
      const failed = buf.records.filter((_, i) => outcome[i] !== undefined);
      const sent = buf.records.filter((_, i) => outcome[i] === undefined);
      for (const r of sent) this.metrics.BytesSent += r.data.length;
      this.counters.sent += sent.length;
      this.metrics.RecordSendErrors += failed.length;
      const done = new Map<string, number>();
      advanceCheckpoints(done, sent);
      for (const [key, offset] of done) {
        const [path, ino] = key.split('\u0000');
        this.checkpoints.set(this.flow.id, path, Number(ino), offset);
      }
      if (done.size > 0) this.checkpoints.save();
      if (failed.length === 0) {
        this.queue.shift();
        this.failures = afterSuccess(this.failures);
        this.nextSendMs = 0;
      } else {
        const codes = [...new Set(outcome.filter((c) => c !== undefined))].join(', ');
        buf.records.splice(0, buf.records.length, ...failed);
        buf.bytes = failed.reduce((n, r) => n + r.data.length + (r.partitionKey?.length ?? 0), 0);
        this.failures++;
        this.nextSendMs = Date.now() + backoffMs(this.flow, this.failures, Math.random);
        this.log(`flow ${this.flow.index}: ${failed.length} of ${failed.length + sent.length} records failed (${codes}); retrying them in ${this.nextSendMs - Date.now()} ms`);
      }
    } catch (e) {
      this.metrics.ServiceErrors++;
      this.failures++;
      this.nextSendMs = Date.now() + backoffMs(this.flow, this.failures, Math.random);
      this.log(`flow ${this.flow.index}: send to ${this.flow.destinationKind}:${this.flow.destinationName} failed: ${(e as Error).name}: ${(e as Error).message}; retrying in ${this.nextSendMs - Date.now()} ms`);
    } finally {
      this.inFlight = false;
    }
    void this.pump(Date.now());
  }
}
