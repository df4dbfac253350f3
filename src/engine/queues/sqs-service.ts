/**
 * Amazon SQS in the engine: the queues of one account and region on the virtual clock, with
 * the operations of the SQS API taking plain inputs (binary values as bytes) and throwing
 * AwsServiceError with AWS's error names. The wire layer (engine/api/sqs) decodes requests
 * and renders responses. Queue URLs use `baseUrl` (the local server sets its own host).
 */
import type { Simulation, SimulationPart } from '../simulation';
import type { Prng } from '../random/prng';
import { invalidParameter, missingParameter, queueDoesNotExist, sqsError } from './errors';
import * as L from './limits';
import { attributesMd5, attributesSize, bodyMd5, validateAttributes, validText, type AttributeMap } from './message-attributes';
import { moveAllowance, type MoveTask } from './move-tasks';
import { applyAttributes, defaultSettings, READ_ONLY, renderSettings, SETTABLE } from './queue-attributes';
import { Queue, type Delivery, type StoredMessage } from './queue';
import { decodeHandle, encodeHandle } from './receipt-handle';
import { sha256, toHex } from './sha256';

export interface SqsServiceOptions {
  readonly region?: string;
  readonly accountId?: string;
  readonly baseUrl?: string;
}

export interface SendMessageInput {
  readonly QueueUrl: string;
  readonly MessageBody?: string;
  readonly DelaySeconds?: number;
  readonly MessageAttributes?: AttributeMap;
  readonly MessageSystemAttributes?: AttributeMap;
  readonly MessageDeduplicationId?: string;
  readonly MessageGroupId?: string;
}

export interface SendMessageOutput {
  readonly MessageId: string;
  readonly MD5OfMessageBody: string;
  readonly MD5OfMessageAttributes?: string;
  readonly MD5OfMessageSystemAttributes?: string;
  readonly SequenceNumber?: string;
}

export interface ReceiveInput {
  readonly QueueUrl: string;
  readonly MaxNumberOfMessages?: number;
  readonly VisibilityTimeout?: number;
  readonly WaitTimeSeconds?: number;
  readonly ReceiveRequestAttemptId?: string;
}

const QUEUE_NAME_RE = /^[A-Za-z0-9_-]{1,80}$/;
const DEDUP_RE = /^[\x21-\x7e]{1,128}$/;

export class SqsService implements SimulationPart {
  readonly id = 'sqs';
  readonly region: string;
  readonly accountId: string;
  baseUrl: string;
  private readonly queues = new Map<string, Queue>();
  private readonly deletedAt = new Map<string, number>();
  private readonly tasks: MoveTask[] = [];
  private readonly prng: Prng;

  constructor(private readonly sim: Simulation, options: SqsServiceOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.baseUrl = options.baseUrl ?? `https://sqs.${this.region}.amazonaws.com`;
    this.prng = sim.prng.fork('sqs');
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  arnOf(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  urlOf(name: string): string {
    return `${this.baseUrl}/${this.accountId}/${name}`;
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  queueByName(name: string): Queue | undefined {
    return this.queues.get(name);
  }

  /** Resolves a QueueUrl (any host: only /<account>/<name> matters) or a bare queue name. */
  queue(queueUrl: string | undefined): Queue {
    if (!queueUrl) throw missingParameter('QueueUrl');
    const path = queueUrl.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/+/, '');
    const parts = path.split('/');
    const name = parts.length >= 2 ? parts[parts.length - 1] : parts[0];
    if (parts.length >= 2 && parts[parts.length - 2] !== this.accountId) throw queueDoesNotExist();
    const q = this.queues.get(name);
    if (!q) throw queueDoesNotExist();
    return q;
  }

  queueByArn(arn: string): Queue | undefined {
    const name = arn.split(':').pop() ?? '';
    const q = this.queues.get(name);
    return q && q.arn === arn ? q : undefined;
  }

  afterAdvance(nowMs: number): void {
    for (const t of this.tasks) if (t.status === 'RUNNING') this.advanceTask(t, nowMs);
  }

  // ---- queues ----

  createQueue(input: { QueueName?: string; Attributes?: Record<string, string>; tags?: Record<string, string> }): { QueueUrl: string } {
    const name = input.QueueName;
    if (!name) throw missingParameter('QueueName');
    const fifo = name.endsWith('.fifo');
    const base = fifo ? name.slice(0, -5) : name;
    if (!QUEUE_NAME_RE.test(base) || name.length > L.QUEUE_NAME_MAX) {
      throw invalidParameter('QueueName', name, 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length; a FIFO queue name ends with .fifo (counted in the 80).');
    }
    const attrs = input.Attributes ?? {};
    if (!fifo && attrs.FifoQueue !== undefined && String(attrs.FifoQueue).toLowerCase() === 'true') {
      throw invalidParameter('QueueName', name, 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
    }
    if (fifo && String(attrs.FifoQueue ?? 'false').toLowerCase() !== 'true') {
      throw invalidParameter('QueueName', name, 'A queue name ending in .fifo needs the attribute FifoQueue=true.');
    }
    const settings = applyAttributes(defaultSettings(fifo), attrs, true);
    if (settings.RedrivePolicy) this.checkRedriveTarget(settings.RedrivePolicy.deadLetterTargetArn, fifo, this.arnOf(name));
    const existing = this.queues.get(name);
    if (existing) {
      const want = renderSettings(settings);
      const have = renderSettings(existing.settings);
      for (const k of Object.keys(attrs)) {
        if (want[k] !== have[k]) throw sqsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${k}`);
      }
      return { QueueUrl: this.urlOf(name) };
    }
    const deleted = this.deletedAt.get(name);
    if (deleted !== undefined && this.nowMs - deleted < L.QUEUE_NAME_REUSE_MS) {
      throw sqsError('QueueDeletedRecently', 'You must wait 60 seconds after deleting a queue before you can create another with the same name.');
    }
    const tags = new Map(Object.entries(input.tags ?? {}));
    if (tags.size > L.TAGS_PER_QUEUE_MAX) throw invalidParameter('Tags', tags.size, `A queue can have at most ${L.TAGS_PER_QUEUE_MAX} tags.`);
    this.queues.set(name, new Queue(name, this.arnOf(name), () => this.urlOf(name), settings, this.nowMs, tags));
    return { QueueUrl: this.urlOf(name) };
  }

  private checkRedriveTarget(arn: string, fifo: boolean, sourceArn: string): void {
    const dlq = this.queueByArn(arn);
    if (!dlq) throw sqsError('InvalidAttributeValue', `Value ${arn} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
    if (dlq.fifo !== fifo) throw sqsError('InvalidAttributeValue', 'Value for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be of the same type as the source queue (FIFO or standard).');
    const allow = dlq.settings.RedriveAllowPolicy;
    if (allow?.redrivePermission === 'denyAll' || (allow?.redrivePermission === 'byQueue' && !allow.sourceQueueArns?.includes(sourceArn))) {
      throw sqsError('InvalidAttributeValue', `Value for parameter RedrivePolicy is invalid. Reason: The RedriveAllowPolicy of ${arn} does not allow this queue as a source.`);
    }
  }

  getQueueUrl(input: { QueueName?: string; QueueOwnerAWSAccountId?: string }): { QueueUrl: string } {
    if (!input.QueueName) throw missingParameter('QueueName');
    if (input.QueueOwnerAWSAccountId && input.QueueOwnerAWSAccountId !== this.accountId) throw queueDoesNotExist();
    if (!this.queues.has(input.QueueName)) throw queueDoesNotExist();
    return { QueueUrl: this.urlOf(input.QueueName) };
  }

  deleteQueue(input: { QueueUrl?: string }): void {
    const q = this.queue(input.QueueUrl);
    this.queues.delete(q.name);
    this.deletedAt.set(q.name, this.nowMs);
  }

  listQueues(input: { QueueNamePrefix?: string; MaxResults?: number; NextToken?: string }): { QueueUrls?: string[]; NextToken?: string } {
    const max = input.MaxResults;
    if (max !== undefined && (max < 1 || max > L.LIST_QUEUES_MAX)) throw invalidParameter('MaxResults', max, `Must be between 1 and ${L.LIST_QUEUES_MAX}.`);
    const names = [...this.queues.keys()].filter((n) => n.startsWith(input.QueueNamePrefix ?? '')).sort();
    return this.page(names.map((n) => this.urlOf(n)), max, input.NextToken, 'QueueUrls');
  }

  private page<K extends string>(items: string[], max: number | undefined, token: string | undefined, key: K): { [P in K]?: string[] } & { NextToken?: string } {
    let start = 0;
    if (token) {
      start = Number(token);
      if (!Number.isInteger(start) || start < 0) throw invalidParameter('NextToken', token, 'Invalid or expired next token.');
    }
    const limit = max ?? L.LIST_QUEUES_MAX;
    const slice = items.slice(start, start + limit);
    const out = {} as { [P in K]?: string[] } & { NextToken?: string };
    if (slice.length > 0) (out as Record<string, unknown>)[key] = slice;
    if (max !== undefined && start + limit < items.length) out.NextToken = String(start + limit);
    return out;
  }

  getQueueAttributes(input: { QueueUrl?: string; AttributeNames?: string[] }): { Attributes?: Record<string, string> } {
    const q = this.queue(input.QueueUrl);
    const names = input.AttributeNames ?? [];
    if (names.length === 0) return {};
    q.expire(this.nowMs);
    const c = q.counts(this.nowMs);
    const all: Record<string, string> = {
      ...renderSettings(q.settings),
      QueueArn: q.arn,
      ApproximateNumberOfMessages: String(c.visible),
      ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
      ApproximateNumberOfMessagesDelayed: String(c.delayed),
      CreatedTimestamp: String(Math.floor(q.createdMs / 1000)),
      LastModifiedTimestamp: String(Math.floor(q.lastModifiedMs / 1000)),
    };
    if (names.includes('All')) return { Attributes: all };
    const out: Record<string, string> = {};
    for (const n of names) {
      if (!SETTABLE.includes(n) && !READ_ONLY.includes(n)) throw sqsError('InvalidAttributeName', `Unknown Attribute ${n}.`);
      if (all[n] !== undefined) out[n] = all[n];
    }
    return { Attributes: out };
  }

  setQueueAttributes(input: { QueueUrl?: string; Attributes?: Record<string, string> }): void {
    const q = this.queue(input.QueueUrl);
    if (!input.Attributes) throw missingParameter('Attributes');
    const next = applyAttributes(q.settings, input.Attributes, false);
    if (input.Attributes.RedrivePolicy && next.RedrivePolicy) this.checkRedriveTarget(next.RedrivePolicy.deadLetterTargetArn, q.fifo, q.arn);
    q.settings = next;
    q.lastModifiedMs = this.nowMs;
  }

  purgeQueue(input: { QueueUrl?: string }): void {
    const q = this.queue(input.QueueUrl);
    if (this.nowMs - q.lastPurgeMs < L.PURGE_INTERVAL_MS) {
      throw sqsError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${q.name} is allowed every 60 seconds.`);
    }
    q.purge(this.nowMs);
  }

  listDeadLetterSourceQueues(input: { QueueUrl?: string; MaxResults?: number; NextToken?: string }): { queueUrls: string[]; NextToken?: string } {
    const dlq = this.queue(input.QueueUrl);
    const sources = [...this.queues.values()].filter((q) => q.settings.RedrivePolicy?.deadLetterTargetArn === dlq.arn).map((q) => q.url()).sort();
    const p = this.page(sources, input.MaxResults, input.NextToken, 'queueUrls');
    return { queueUrls: p.queueUrls ?? [], NextToken: p.NextToken };
  }

  tagQueue(input: { QueueUrl?: string; Tags?: Record<string, string> }): void {
    const q = this.queue(input.QueueUrl);
    for (const [k, v] of Object.entries(input.Tags ?? {})) q.tags.set(k, v);
    if (q.tags.size > L.TAGS_PER_QUEUE_MAX) throw invalidParameter('Tags', q.tags.size, `A queue can have at most ${L.TAGS_PER_QUEUE_MAX} tags.`);
  }

  untagQueue(input: { QueueUrl?: string; TagKeys?: string[] }): void {
    const q = this.queue(input.QueueUrl);
    for (const k of input.TagKeys ?? []) q.tags.delete(k);
  }

  listQueueTags(input: { QueueUrl?: string }): { Tags?: Record<string, string> } {
    const q = this.queue(input.QueueUrl);
    return q.tags.size > 0 ? { Tags: Object.fromEntries(q.tags) } : {};
  }

  // ---- messages ----

  /** Counts one call of `action` against a FIFO queue's throughput (batches count once). */
  admit(queueUrl: string | undefined, action: string): void {
    this.queue(queueUrl).admit(action, this.nowMs);
  }

  sendMessage(input: SendMessageInput, admitted = false): SendMessageOutput {
    const q = this.queue(input.QueueUrl);
    if (!admitted) q.admit('SendMessage', this.nowMs);
    const body = input.MessageBody;
    if (body === undefined) throw missingParameter('MessageBody');
    if (body.length === 0) throw invalidParameter('MessageBody', body, 'The message body must be at least one character long.');
    if (!validText(body)) {
      throw sqsError('InvalidMessageContents', 'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
    }
    validateAttributes(input.MessageAttributes, 'message');
    validateAttributes(input.MessageSystemAttributes, 'system');
    const size = new TextEncoder().encode(body).length + attributesSize(input.MessageAttributes);
    if (size > q.settings.MaximumMessageSize) {
      throw invalidParameter('MessageBody', `(${size} bytes)`, `Message must be shorter than ${q.settings.MaximumMessageSize} bytes (the queue's MaximumMessageSize; the body and message attributes count).`);
    }
    let dedupId = input.MessageDeduplicationId;
    if (q.fifo) {
      if (input.DelaySeconds !== undefined) throw invalidParameter('DelaySeconds', input.DelaySeconds, 'The request include parameter that is not valid for this queue type: FIFO queues support only a queue-level delay.');
      if (!input.MessageGroupId) throw missingParameter('MessageGroupId');
      if (!dedupId) {
        if (!q.settings.ContentBasedDeduplication) {
          throw invalidParameter('MessageDeduplicationId', '', 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        }
        dedupId = toHex(sha256(new TextEncoder().encode(body)));
      }
      if (!DEDUP_RE.test(dedupId)) throw invalidParameter('MessageDeduplicationId', dedupId, 'Use 1-128 alphanumeric or punctuation characters.');
    } else {
      if (dedupId !== undefined) throw invalidParameter('MessageDeduplicationId', dedupId, 'The request includes a parameter that is not valid for this queue type.');
      const d = input.DelaySeconds;
      if (d !== undefined && (!Number.isInteger(d) || d < 0 || d > L.DELAY_SECONDS_MAX)) {
        throw invalidParameter('DelaySeconds', d, `DelaySeconds must be >= 0 and <= ${L.DELAY_SECONDS_MAX}`);
      }
    }
    if (input.MessageGroupId !== undefined && !DEDUP_RE.test(input.MessageGroupId)) {
      throw invalidParameter('MessageGroupId', input.MessageGroupId, 'Use 1-128 alphanumeric or punctuation characters.');
    }
    const md5OfBody = bodyMd5(body);
    const md5OfAttributes = attributesMd5(input.MessageAttributes);
    const md5OfSystemAttributes = attributesMd5(input.MessageSystemAttributes);
    const r = q.send({
      messageId: this.prng.uuid(),
      body,
      md5OfBody,
      attributes: input.MessageAttributes,
      md5OfAttributes,
      systemAttributes: input.MessageSystemAttributes,
      md5OfSystemAttributes,
      delaySeconds: input.DelaySeconds,
      groupId: input.MessageGroupId,
      dedupId,
      senderId: `AIDA${this.accountId}`,
    }, this.nowMs);
    return {
      MessageId: r.messageId,
      MD5OfMessageBody: md5OfBody,
      ...(md5OfAttributes ? { MD5OfMessageAttributes: md5OfAttributes } : {}),
      ...(md5OfSystemAttributes ? { MD5OfMessageSystemAttributes: md5OfSystemAttributes } : {}),
      ...(r.sequenceNumber ? { SequenceNumber: r.sequenceNumber } : {}),
    };
  }

  /** One receive attempt now (no waiting: long polling is the caller's loop). */
  receiveMessage(input: ReceiveInput): Delivery[] {
    const q = this.queue(input.QueueUrl);
    q.admit('ReceiveMessage', this.nowMs);
    const max = input.MaxNumberOfMessages ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > L.RECEIVE_MAX_MESSAGES) {
      throw invalidParameter('MaxNumberOfMessages', max, `Must be between 1 and ${L.RECEIVE_MAX_MESSAGES}, if provided.`);
    }
    const vis = input.VisibilityTimeout ?? q.settings.VisibilityTimeout;
    if (!Number.isInteger(vis) || vis < 0 || vis > L.VISIBILITY_SECONDS_MAX) {
      throw invalidParameter('VisibilityTimeout', vis, `Must be >= 0 and <= ${L.VISIBILITY_SECONDS_MAX}, if provided.`);
    }
    const wait = input.WaitTimeSeconds;
    if (wait !== undefined && (!Number.isInteger(wait) || wait < 0 || wait > L.WAIT_SECONDS_MAX)) {
      throw invalidParameter('WaitTimeSeconds', wait, `Must be >= 0 and <= ${L.WAIT_SECONDS_MAX}, if provided.`);
    }
    return q.receive(max, vis, this.nowMs, (m) => this.handleFor(q, m), (m, src) => this.deadLetter(q, m, src), input.ReceiveRequestAttemptId);
  }

  private handleFor(q: Queue, m: StoredMessage): string {
    return encodeHandle({ queueArn: q.arn, messageId: m.messageId, receiptSeq: m.receiptSeq }, this.prng.nextUint32().toString(36));
  }

  private deadLetter(source: Queue, m: StoredMessage, sourceArn: string): boolean {
    const target = source.settings.RedrivePolicy && this.queueByArn(source.settings.RedrivePolicy.deadLetterTargetArn);
    if (!target) return false; // a missing DLQ keeps the message in the source queue
    target.adopt(m, this.nowMs, sourceArn);
    return true;
  }

  private parseHandle(q: Queue, handle: string | undefined): { messageId: string; receiptSeq: number } {
    if (!handle) throw missingParameter('ReceiptHandle');
    const p = decodeHandle(handle);
    if (!p || p.queueArn !== q.arn) throw sqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);
    return p;
  }

  deleteMessage(input: { QueueUrl?: string; ReceiptHandle?: string }, admitted = false): void {
    const q = this.queue(input.QueueUrl);
    if (!admitted) q.admit('DeleteMessage', this.nowMs);
    const p = this.parseHandle(q, input.ReceiptHandle);
    q.delete(p.messageId, p.receiptSeq, input.ReceiptHandle as string, this.nowMs);
  }

  changeMessageVisibility(input: { QueueUrl?: string; ReceiptHandle?: string; VisibilityTimeout?: number }, admitted = false): void {
    const q = this.queue(input.QueueUrl);
    if (!admitted) q.admit('ChangeMessageVisibility', this.nowMs);
    const p = this.parseHandle(q, input.ReceiptHandle);
    const v = input.VisibilityTimeout;
    if (v === undefined) throw missingParameter('VisibilityTimeout');
    if (!Number.isInteger(v) || v < 0 || v > L.VISIBILITY_SECONDS_MAX) {
      throw invalidParameter('VisibilityTimeout', v, `Must be >= 0 and <= ${L.VISIBILITY_SECONDS_MAX}.`);
    }
    q.changeVisibility(p.messageId, p.receiptSeq, input.ReceiptHandle as string, v, this.nowMs);
  }

  // ---- dead-letter redrive ----

  startMessageMoveTask(input: { SourceArn?: string; DestinationArn?: string; MaxNumberOfMessagesPerSecond?: number }): { TaskHandle: string } {
    if (!input.SourceArn) throw missingParameter('SourceArn');
    const source = this.queueByArn(input.SourceArn);
    if (!source) throw sqsError('ResourceNotFoundException', 'The resource that you specified for the SourceArn parameter doesn\'t exist.');
    const isDlq = [...this.queues.values()].some((q) => q.settings.RedrivePolicy?.deadLetterTargetArn === source.arn);
    if (!isDlq) throw invalidParameter('SourceArn', input.SourceArn, 'Source queue must be configured as a Dead Letter Queue.');
    if (input.DestinationArn && !this.queueByArn(input.DestinationArn)) {
      throw sqsError('ResourceNotFoundException', 'The resource that you specified for the DestinationArn parameter doesn\'t exist.');
    }
    const rate = input.MaxNumberOfMessagesPerSecond;
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > L.MOVE_TASK_RATE_MAX)) {
      throw invalidParameter('MaxNumberOfMessagesPerSecond', rate, `Must be between 1 and ${L.MOVE_TASK_RATE_MAX}.`);
    }
    if (this.tasks.some((t) => t.sourceArn === source.arn && t.status === 'RUNNING')) {
      throw sqsError('UnsupportedOperation', 'There is already a task running. Only one active task is allowed for each source queue.');
    }
    const task: MoveTask = {
      taskHandle: this.prng.uuid(),
      sourceArn: source.arn,
      destinationArn: input.DestinationArn,
      maxPerSecond: rate,
      startedMs: this.nowMs,
      status: 'RUNNING',
      moved: 0,
      toMove: source.messages.size,
      credit: 0,
      lastMs: this.nowMs,
    };
    this.tasks.push(task);
    return { TaskHandle: task.taskHandle };
  }

  private advanceTask(task: MoveTask, nowMs: number): void {
    const source = this.queueByArn(task.sourceArn);
    if (!source) {
      task.status = 'FAILED';
      task.failureReason = 'AWS.SimpleQueueService.NonExistentQueue';
      return;
    }
    let budget = moveAllowance(task, nowMs);
    for (const m of [...source.messages.values()]) {
      if (task.moved >= task.toMove) break;
      if (budget <= 0) return;
      if (m.visibleAtMs > nowMs && m.receiveCount > 0) continue; // in flight in the DLQ: skipped until visible
      const dest = this.queueByArn(task.destinationArn ?? m.deadLetterSourceArn ?? '');
      if (!dest) continue;
      source.messages.delete(m.messageId);
      dest.adopt({ ...m, receiveCount: 0, deadLetterSourceArn: undefined }, nowMs);
      task.moved++;
      budget--;
    }
    task.status = 'COMPLETED';
  }

  cancelMessageMoveTask(input: { TaskHandle?: string }): { ApproximateNumberOfMessagesMoved: number } {
    if (!input.TaskHandle) throw missingParameter('TaskHandle');
    const t = this.tasks.find((x) => x.taskHandle === input.TaskHandle);
    if (!t) throw sqsError('ResourceNotFoundException', 'The task handle does not match a move task.');
    if (t.status !== 'RUNNING') throw sqsError('UnsupportedOperation', `Only a RUNNING task can be cancelled; this one is ${t.status}.`);
    t.status = 'CANCELLED';
    return { ApproximateNumberOfMessagesMoved: t.moved };
  }

  listMessageMoveTasks(input: { SourceArn?: string; MaxResults?: number }): { Results: Record<string, unknown>[] } {
    if (!input.SourceArn) throw missingParameter('SourceArn');
    if (!this.queueByArn(input.SourceArn)) throw sqsError('ResourceNotFoundException', 'The resource that you specified for the SourceArn parameter doesn\'t exist.');
    const max = input.MaxResults ?? 1;
    if (max < 1 || max > 10) throw invalidParameter('MaxResults', max, 'Must be between 1 and 10.');
    const results = this.tasks.filter((t) => t.sourceArn === input.SourceArn).reverse().slice(0, max).map((t) => ({
      ...(t.status === 'RUNNING' ? { TaskHandle: t.taskHandle } : {}),
      Status: t.status,
      SourceArn: t.sourceArn,
      ...(t.destinationArn ? { DestinationArn: t.destinationArn } : {}),
      ...(t.maxPerSecond ? { MaxNumberOfMessagesPerSecond: t.maxPerSecond } : {}),
      ApproximateNumberOfMessagesMoved: t.moved,
      ApproximateNumberOfMessagesToMove: t.toMove,
      ...(t.failureReason ? { FailureReason: t.failureReason } : {}),
      StartedTimestamp: t.startedMs,
    }));
    return { Results: results };
  }
}
