/**
 * One SQS queue's messages on the virtual clock: send (delay, FIFO deduplication within
 * 5 minutes and sequence numbers), receive (visibility timeout, receive counts, FIFO message
 * groups never two in flight, dead-letter moves when maxReceiveCount is exceeded), delete and
 * visibility changes by receipt handle, retention and purge. Rules: SQS API reference
 * (SendMessage, ReceiveMessage, DeleteMessage, ChangeMessageVisibility) and the developer guide
 * pages on visibility timeout, FIFO delivery logic and dead-letter queues
 * (docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/).
 * Standard queues here deliver in send order and never duplicate; the real service only tries.
 */
import { invalidParameter, sqsError } from './errors';
import * as L from './limits';
import type { AttributeMap } from './message-attributes';
import type { QueueSettings } from './queue-attributes';

export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes?: AttributeMap;
  readonly md5OfAttributes?: string;
  readonly systemAttributes?: AttributeMap;
  readonly md5OfSystemAttributes?: string;
  /** SentTimestamp (epoch ms); retention counts from here. */
  readonly sentMs: number;
  readonly senderId: string;
  readonly groupId?: string;
  readonly dedupId?: string;
  readonly sequenceNumber?: string;
  readonly deadLetterSourceArn?: string;
  /** Not receivable before this (delay, then visibility timeout). */
  visibleAtMs: number;
  receiveCount: number;
  firstReceiveMs?: number;
  lastReceiveMs?: number;
  /** Bumped on every receive: only the newest receipt handle is current. */
  receiptSeq: number;
}

export interface Delivery {
  readonly message: StoredMessage;
  readonly receiptHandle: string;
}

export interface SendInput {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes?: AttributeMap;
  readonly md5OfAttributes?: string;
  readonly systemAttributes?: AttributeMap;
  readonly md5OfSystemAttributes?: string;
  readonly delaySeconds?: number;
  readonly groupId?: string;
  readonly dedupId?: string;
  readonly senderId: string;
}

export interface SendResult {
  readonly messageId: string;
  readonly sequenceNumber?: string;
  /** A FIFO duplicate within the deduplication interval: accepted, not enqueued. */
  readonly duplicate: boolean;
}

interface DedupEntry {
  readonly messageId: string;
  readonly sequenceNumber?: string;
  readonly expiresMs: number;
}

/** Where a message exceeding maxReceiveCount goes (the service resolves the DLQ). */
export type DeadLetterSink = (message: StoredMessage, sourceArn: string) => boolean;

export class Queue {
  readonly messages = new Map<string, StoredMessage>();
  private readonly dedup = new Map<string, DedupEntry>();
  private readonly attempts = new Map<string, { expiresMs: number; deliveries: Delivery[] }>();
  private seqCounter = 0n;
  lastPurgeMs = -Infinity;
  /** FIFO throughput admission: calls per action in the current second. */
  private readonly tps = new Map<string, { second: number; calls: number }>();
  lastModifiedMs: number;
  /** Totals for the console and the comparison page. */
  readonly totals = { sent: 0, received: 0, deleted: 0, deadLettered: 0, expired: 0, duplicatesDropped: 0, emptyReceives: 0, throttled: 0 };

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly url: () => string,
    public settings: QueueSettings,
    readonly createdMs: number,
    readonly tags: Map<string, string>,
  ) {
    this.lastModifiedMs = createdMs;
  }

  get fifo(): boolean {
    return this.settings.FifoQueue;
  }

  /**
   * FIFO queues take 300 calls per second per action (Send, Receive, Delete…), more in high
   * throughput mode; a call over the limit is throttled. Standard queues: nearly unlimited.
   * Source: "Amazon SQS message quotas" and "Troubleshoot FIFO throttling issues in Amazon SQS".
   */
  admit(action: string, nowMs: number): void {
    if (!this.fifo) return;
    const high = this.settings.DeduplicationScope === 'messageGroup' && this.settings.FifoThroughputLimit === 'perMessageGroupId';
    const limit = high ? L.FIFO_HIGH_THROUGHPUT_TPS_PER_ACTION : L.FIFO_TPS_PER_ACTION;
    const second = Math.floor(nowMs / 1000);
    const w = this.tps.get(action);
    if (!w || w.second !== second) {
      this.tps.set(action, { second, calls: 1 });
      return;
    }
    if (w.calls >= limit) {
      this.totals.throttled++;
      throw sqsError('RequestThrottled', `Rate exceeded: this FIFO queue takes ${limit} ${action} calls per second${high ? '' : ' (enable high throughput: DeduplicationScope=messageGroup, FifoThroughputLimit=perMessageGroupId; or batch up to 10 messages per call)'}.`);
    }
    w.calls++;
  }

  /** Drops messages past the retention period and dedup ids past 5 minutes. */
  expire(nowMs: number): void {
    const retentionMs = this.settings.MessageRetentionPeriod * 1000;
    for (const [id, m] of this.messages) {
      if (nowMs - m.sentMs >= retentionMs) {
        this.messages.delete(id);
        this.totals.expired++;
      }
    }
    for (const [k, d] of this.dedup) if (d.expiresMs <= nowMs) this.dedup.delete(k);
    for (const [k, a] of this.attempts) if (a.expiresMs <= nowMs) this.attempts.delete(k);
  }

  counts(nowMs: number): { visible: number; inFlight: number; delayed: number } {
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const m of this.messages.values()) {
      if (m.visibleAtMs <= nowMs) visible++;
      else if (m.receiveCount > 0) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }

  private nextSequenceNumber(nowMs: number): string {
    const floor = BigInt(Math.floor(nowMs)) * 10_000_000n;
    this.seqCounter = this.seqCounter + 1n > floor ? this.seqCounter + 1n : floor;
    return this.seqCounter.toString().padStart(20, '0');
  }

  send(input: SendInput, nowMs: number): SendResult {
    let sequenceNumber: string | undefined;
    if (this.fifo) {
      const key = this.settings.DeduplicationScope === 'messageGroup' ? `${input.groupId}\u0000${input.dedupId}` : (input.dedupId as string);
      const seen = this.dedup.get(key);
      if (seen && seen.expiresMs > nowMs) {
        this.totals.duplicatesDropped++;
        return { messageId: seen.messageId, sequenceNumber: seen.sequenceNumber, duplicate: true };
      }
      sequenceNumber = this.nextSequenceNumber(nowMs);
      this.dedup.set(key, { messageId: input.messageId, sequenceNumber, expiresMs: nowMs + L.DEDUP_WINDOW_MS });
    }
    const delay = input.delaySeconds ?? this.settings.DelaySeconds;
    this.messages.set(input.messageId, {
      messageId: input.messageId,
      body: input.body,
      md5OfBody: input.md5OfBody,
      attributes: input.attributes,
      md5OfAttributes: input.md5OfAttributes,
      systemAttributes: input.systemAttributes,
      md5OfSystemAttributes: input.md5OfSystemAttributes,
      sentMs: nowMs,
      senderId: input.senderId,
      groupId: input.groupId,
      dedupId: this.fifo ? input.dedupId : undefined,
      sequenceNumber,
      visibleAtMs: nowMs + delay * 1000,
      receiveCount: 0,
      receiptSeq: 0,
    });
    this.totals.sent++;
    return { messageId: input.messageId, sequenceNumber, duplicate: false };
  }

  /** Re-enqueues a message moved from another queue (dead-letter move or redrive). */
  adopt(m: StoredMessage, nowMs: number, sourceArn?: string): void {
    const copy: StoredMessage = {
      ...m,
      deadLetterSourceArn: sourceArn ?? m.deadLetterSourceArn,
      // A FIFO queue's enqueue time resets on a move; a standard queue keeps the original.
      sentMs: this.fifo ? nowMs : m.sentMs,
      visibleAtMs: nowMs,
      receiptSeq: m.receiptSeq,
    };
    this.messages.set(m.messageId, copy);
  }

  receive(
    max: number,
    visibilitySeconds: number,
    nowMs: number,
    handleOf: (m: StoredMessage) => string,
    deadLetter: DeadLetterSink | undefined,
    attemptId?: string,
  ): Delivery[] {
    this.expire(nowMs);
    if (attemptId && this.fifo) {
      const prior = this.attempts.get(attemptId);
      if (prior && prior.deliveries.every((d) => this.messages.get(d.message.messageId)?.receiptSeq === d.message.receiptSeq)) {
        return prior.deliveries;
      }
    }
    const { inFlight } = this.counts(nowMs);
    const cap = this.fifo ? L.INFLIGHT_FIFO_MAX : L.INFLIGHT_STANDARD_MAX;
    if (inFlight >= cap) {
      if (!this.fifo) throw sqsError('OverLimit', `Too many messages in flight: the queue already has ${inFlight} in-flight messages, the limit is ${cap}. Delete messages or let their visibility expire.`);
      return [];
    }
    const out: Delivery[] = [];
    const blocked = new Set<string>();
    if (this.fifo) {
      for (const m of this.messages.values()) if (m.visibleAtMs > nowMs && m.groupId !== undefined) blocked.add(m.groupId);
    }
    const maxReceive = this.settings.RedrivePolicy?.maxReceiveCount;
    for (const m of [...this.messages.values()]) {
      if (out.length >= max || inFlight + out.length >= cap) break;
      if (this.fifo && m.groupId !== undefined && blocked.has(m.groupId)) continue;
      if (m.visibleAtMs > nowMs) continue;
      if (maxReceive !== undefined && m.receiveCount >= maxReceive && deadLetter?.(m, this.arn)) {
        this.messages.delete(m.messageId);
        this.totals.deadLettered++;
        continue;
      }
      m.receiveCount++;
      m.firstReceiveMs ??= nowMs;
      m.lastReceiveMs = nowMs;
      m.receiptSeq++;
      m.visibleAtMs = nowMs + visibilitySeconds * 1000;
      out.push({ message: m, receiptHandle: handleOf(m) });
    }
    this.totals.received += out.length;
    if (out.length === 0) this.totals.emptyReceives++;
    if (attemptId && this.fifo) this.attempts.set(attemptId, { expiresMs: nowMs + L.RECEIVE_ATTEMPT_WINDOW_MS, deliveries: out });
    return out;
  }

  /** Deletes by a receipt handle's (messageId, receiptSeq). */
  delete(messageId: string, receiptSeq: number, handle: string, nowMs: number): void {
    const m = this.messages.get(messageId);
    if (!m) return; // already deleted: DeleteMessage is idempotent
    if (m.receiptSeq !== receiptSeq) {
      // Standard: the call succeeds but an outdated handle deletes nothing. FIFO: an error.
      if (this.fifo) throw invalidParameter('ReceiptHandle', handle, 'The receipt handle has expired.');
      return;
    }
    if (this.fifo && m.visibleAtMs <= nowMs) throw invalidParameter('ReceiptHandle', handle, 'The receipt handle has expired.');
    this.messages.delete(messageId);
    this.totals.deleted++;
  }

  changeVisibility(messageId: string, receiptSeq: number, handle: string, seconds: number, nowMs: number): void {
    const m = this.messages.get(messageId);
    if (!m) throw invalidParameter('ReceiptHandle', handle, 'Message does not exist or is not available for visibility timeout change.');
    if (m.receiptSeq !== receiptSeq || m.visibleAtMs <= nowMs) {
      throw sqsError('MessageNotInflight', 'The specified message isn\'t in flight: its visibility timeout has expired or it was received again with a newer receipt handle.');
    }
    const since = m.lastReceiveMs ?? nowMs;
    if (nowMs + seconds * 1000 - since > L.VISIBILITY_SECONDS_MAX * 1000) {
      throw invalidParameter('VisibilityTimeout', seconds, `Total VisibilityTimeout for the message is beyond the limit [${L.VISIBILITY_SECONDS_MAX} seconds]`);
    }
    m.visibleAtMs = nowMs + seconds * 1000;
  }

  purge(nowMs: number): number {
    const n = this.messages.size;
    this.messages.clear();
    this.lastPurgeMs = nowMs;
    return n;
  }
}
