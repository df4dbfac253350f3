/**
 * Enhanced fan-out consumers: registration (CREATING → ACTIVE, DELETING → gone on the virtual clock), lookup by
 * ARN or stream + name, and each consumer's dedicated 2 MiB/s per shard read budget. Subscriptions
 * (SubscribeToShard) are tracked per consumer and shard so only one is live at a time.
 */
import { limitExceeded, resourceInUse, resourceNotFound, invalidArgument } from './errors';
import { CONSUMERS_CREATING_MAX, CONSUMERS_PER_STREAM_MAX, CONSUMERS_PER_STREAM_MAX_ADVANTAGE, EFO_BYTES_PER_SEC_MAX } from './limits';
import type { KinesisService } from './service';
import type { ReadPage, RecordVisitor, ShardReader } from './shard-reader';
import type { Stream } from './stream';

export type ConsumerStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

/** A live subscription's handle, as the registry needs it (the subscription module owns the rest). */
export interface SubscriptionHandle {
  readonly startedAtMs: number;
  close(reason: 'replaced' | 'deregistered' | 'closed'): void;
}

/** A registered enhanced fan-out consumer; as a ShardReader it reads within its own 2 MiB/s per shard. */
export class Consumer implements ShardReader {
  status: ConsumerStatus = 'CREATING';
  /** Per shard number: the current second and the bytes already pushed in it. */
  private readonly budgetSecond = new Map<number, number>();
  private readonly budgetBytes = new Map<number, number>();
  readonly subscriptions = new Map<number, SubscriptionHandle>();
  readonly tags = new Map<string, string>();
  outgoingRecords = 0;
  outgoingBytes = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly stream: Stream,
    readonly createdAtMs: number,
  ) {}

  /** Bytes this consumer may still receive from the shard in the second of `nowMs`. */
  bytesLeft(shardNumber: number, nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    if (this.budgetSecond.get(shardNumber) !== second) return EFO_BYTES_PER_SEC_MAX;
    return Math.max(0, EFO_BYTES_PER_SEC_MAX - (this.budgetBytes.get(shardNumber) ?? 0));
  }

  /**
   * Reads for this consumer within its own 2 MiB/s budget on the shard (not shared with polling readers), through
   * the stream's dedicated reader (which counts the shard's outgoing records and bytes). `page.records` is 0 when
   * the budget for this second is spent.
   */
  read(shardNumber: number, fromCounter: number, maxRecords: number, maxBytes: number, nowMs: number, page: ReadPage, visit?: RecordVisitor): boolean {
    if (!this.stream.shard(shardNumber)) throw resourceNotFound(`Shard ${shardNumber} of stream ${this.stream.name} not found.`);
    const left = Math.min(maxBytes, this.bytesLeft(shardNumber, nowMs));
    this.stream.dedicated.read(shardNumber, fromCounter, maxRecords, left, nowMs, page, visit);
    const second = Math.floor(nowMs / 1000);
    const used = this.budgetSecond.get(shardNumber) === second ? (this.budgetBytes.get(shardNumber) ?? 0) : 0;
    this.budgetSecond.set(shardNumber, second);
    this.budgetBytes.set(shardNumber, used + page.bytes);
    this.outgoingRecords += page.records;
    this.outgoingBytes += page.bytes;
    return true;
  }
}

const CONSUMER_ARN = /^(arn:aws[\w-]*:kinesis:[\w-]+:\d{12}:stream\/[a-zA-Z0-9_.-]{1,128})\/consumer\/([a-zA-Z0-9_.-]{1,128}):(\d+)$/;

export class ConsumerRegistry {
  private readonly byArnMap = new Map<string, Consumer>();

  constructor(private readonly service: KinesisService) {}

  forStream(stream: Stream): Consumer[] {
    return [...this.byArnMap.values()].filter((c) => c.stream === stream).sort((a, b) => a.createdAtMs - b.createdAtMs || (a.name < b.name ? -1 : 1));
  }

  register(stream: Stream, name: string): Consumer {
    const existing = this.forStream(stream);
    if (existing.some((c) => c.name === name)) {
      throw resourceInUse(`Consumer ${name} is already registered on stream ${stream.name}.`);
    }
    // 20 consumers per stream; 50 for on-demand streams with On-demand Advantage (API_RegisterStreamConsumer).
    const max = stream.mode === 'ON_DEMAND' && this.service.account.commitmentActive ? CONSUMERS_PER_STREAM_MAX_ADVANTAGE : CONSUMERS_PER_STREAM_MAX;
    if (existing.length >= max) {
      throw limitExceeded(`Stream ${stream.name} already has ${max} registered consumers, the maximum.`);
    }
    if (existing.filter((c) => c.status === 'CREATING').length >= CONSUMERS_CREATING_MAX) {
      throw limitExceeded(`Only ${CONSUMERS_CREATING_MAX} consumers of a stream can be CREATING at once; wait for them to become ACTIVE.`);
    }
    const now = this.service.nowMs;
    const arn = `${stream.arn}/consumer/${name}:${Math.floor(now / 1000)}`;
    const consumer = new Consumer(name, arn, stream, now);
    this.byArnMap.set(arn, consumer);
    this.service.after(this.service.delays.consumerMs, () => {
      if (consumer.status === 'CREATING') consumer.status = 'ACTIVE';
    });
    return consumer;
  }

  deregister(consumer: Consumer): void {
    consumer.status = 'DELETING';
    for (const sub of consumer.subscriptions.values()) sub.close('deregistered');
    consumer.subscriptions.clear();
    this.service.after(this.service.delays.consumerMs, () => this.byArnMap.delete(consumer.arn));
  }

  /** Looks up by ConsumerARN, or by StreamARN + ConsumerName (DescribeStreamConsumer/Deregister). */
  find(ref: { ConsumerARN?: string; StreamARN?: string; ConsumerName?: string }): Consumer {
    if (ref.ConsumerARN !== undefined) {
      const m = CONSUMER_ARN.exec(ref.ConsumerARN);
      if (!m) throw invalidArgument(`ConsumerARN ${ref.ConsumerARN} is not a consumer ARN (<streamARN>/consumer/<name>:<epoch seconds>).`);
      const consumer = this.byArnMap.get(ref.ConsumerARN);
      if (!consumer) throw resourceNotFound(`Consumer ${ref.ConsumerARN} under account ${this.service.accountId} not found.`);
      return consumer;
    }
    if (ref.StreamARN === undefined || ref.ConsumerName === undefined) {
      throw invalidArgument('Pass ConsumerARN, or both StreamARN and ConsumerName.');
    }
    const stream = this.service.resolve({ StreamARN: ref.StreamARN });
    const consumer = this.forStream(stream).find((c) => c.name === ref.ConsumerName);
    if (!consumer) throw resourceNotFound(`Consumer ${ref.ConsumerName} of stream ${stream.name} under account ${this.service.accountId} not found.`);
    return consumer;
  }

  dropStream(stream: Stream): void {
    for (const c of this.forStream(stream)) {
      for (const sub of c.subscriptions.values()) sub.close('deregistered');
      this.byArnMap.delete(c.arn);
    }
  }
}
