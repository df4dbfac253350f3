/**
 * Actors around a simulated SQS queue: a producer sending at a rate profile (one SendMessage
 * per message, or SendMessageBatch of 10), and a consumer of competing pollers that receive
 * (long polling re-checks every 100 ms without a new request), process, delete what succeeded
 * (DeleteMessageBatch) and leave failures to reappear after the visibility timeout; a crash
 * stops the pollers, whose in-flight messages come back when their visibility expires.
 * Counts every request, as SQS bills them.
 */
import { AwsServiceError } from '../../api/result';
import type { Prng } from '../../random/prng';
import { RateIntegrator, rateAt } from '../../producers/rate-profile';
import type { Simulation } from '../../simulation';
import type { Cancellable } from '../../time/scheduler';
import type { Delivery } from '../queue';
import type { SqsService } from '../sqs-service';
import type { QueueConsumerSpec, QueueProducerSpec } from './queue-section';

const TICK_MS = 100;
const LATENCY_BUCKETS_MS = [10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, Infinity];

export interface ProducerStats {
  sent: number;
  requests: number;
  throttled: number;
  duplicates: number;
}

export class QueueProducer {
  readonly stats: ProducerStats = { sent: 0, requests: 0, throttled: 0, duplicates: 0 };
  private timer?: Cancellable;
  private seq = 0;
  private readonly integrator = new RateIntegrator();

  constructor(readonly spec: QueueProducerSpec, private readonly sim: Simulation, private readonly sqs: SqsService, private readonly queueName: string) {}

  start(): void {
    const startMs = this.sim.nowMs;
    const body = 'x'.repeat(Math.max(0, (this.spec.bodyBytes ?? 256) - 40));
    this.timer = this.sim.scheduler.every(TICK_MS, (now) => {
      const n = this.integrator.take(rateAt(this.spec.rate, (now - startMs) / 1000), TICK_MS);
      const url = this.sqs.urlOf(this.queueName);
      const q = this.sqs.queueByName(this.queueName);
      if (!q) return;
      for (let i = 0; i < n; i++) {
        const seq = this.seq++;
        const group = q.fifo ? `g${seq % (this.spec.groups ?? 1)}` : undefined;
        const batchStart = this.spec.batch ? i % 10 === 0 : true;
        try {
          if (batchStart) {
            this.stats.requests++;
            if (this.spec.batch) this.sqs.admit(url, 'SendMessage');
          }
          const out = this.sqs.sendMessage({
            QueueUrl: url,
            MessageBody: `{"seq":${seq},"group":"${group ?? ''}","pad":"${body}"}`,
            MessageGroupId: group,
            MessageDeduplicationId: q.fifo ? `${this.spec.name}-${seq}` : undefined,
          }, this.spec.batch === true);
          if (out.MessageId) this.stats.sent++;
        } catch (e) {
          if (!(e instanceof AwsServiceError)) throw e;
          this.stats.throttled++;
        }
      }
    });
  }

  stop(): void {
    this.timer?.cancel();
  }
}

export interface ConsumerStats {
  received: number;
  processed: number;
  failed: number;
  /** Deliveries of a message that had been received before (at-least-once). */
  redelivered: number;
  requests: number;
  emptyReceives: number;
  throttled: number;
  /** Messages out of send order within a FIFO group or overall (standard). */
  outOfOrder: number;
  latencyHistogram: number[];
  latencySumMs: number;
  crashed: boolean;
}

export class QueueConsumer {
  readonly stats: ConsumerStats = {
    received: 0, processed: 0, failed: 0, redelivered: 0, requests: 0, emptyReceives: 0, throttled: 0, outOfOrder: 0,
    latencyHistogram: LATENCY_BUCKETS_MS.map(() => 0), latencySumMs: 0, crashed: false,
  };
  private generation = 0;
  private readonly lastSeqByGroup = new Map<string, number>();
  private timers: Cancellable[] = [];

  constructor(readonly spec: QueueConsumerSpec, private readonly sim: Simulation, private readonly sqs: SqsService, private readonly queueName: string, private readonly prng: Prng) {}

  start(): void {
    const at = (sec: number | undefined, fn: () => void) => {
      if (sec === undefined) return;
      this.timers.push(this.sim.scheduler.at(this.sim.nowMs + sec * 1000, () => fn()));
    };
    const begin = () => this.launch();
    if (this.spec.startAtSec) at(this.spec.startAtSec, begin);
    else begin();
    at(this.spec.crashAtSec, () => {
      this.stats.crashed = true;
      this.generation++; // pollers of the old generation stop where they are
      at(this.spec.restartAfterSec, () => {
        this.stats.crashed = false;
        this.launch();
      });
    });
  }

  stop(): void {
    this.generation++;
    for (const t of this.timers) t.cancel();
  }

  private launch(): void {
    const gen = this.generation;
    for (let i = 0; i < (this.spec.pollers ?? 1); i++) this.sim.scheduler.after(i, () => this.poll(gen, undefined));
  }

  private poll(gen: number, deadlineMs: number | undefined): void {
    if (gen !== this.generation) return;
    const now = this.sim.nowMs;
    const url = this.sqs.urlOf(this.queueName);
    const wait = this.spec.waitTimeSeconds ?? 20;
    if (deadlineMs === undefined) this.stats.requests++;
    let got: Delivery[];
    try {
      got = this.sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: this.spec.maxMessages ?? 10 });
    } catch (e) {
      if (!(e instanceof AwsServiceError)) throw e;
      this.stats.throttled++;
      this.sim.scheduler.after(TICK_MS, () => this.poll(gen, undefined));
      return;
    }
    if (got.length === 0) {
      const deadline = deadlineMs ?? now + wait * 1000;
      if (now + TICK_MS <= deadline && wait > 0) {
        this.sim.scheduler.after(TICK_MS, () => this.poll(gen, deadline));
      } else {
        this.stats.emptyReceives++;
        this.sim.scheduler.after(wait > 0 ? 0 : 1_000, () => this.poll(gen, undefined));
      }
      return;
    }
    this.stats.received += got.length;
    const workMs = (this.spec.processingMs ?? 10) * got.length;
    this.sim.scheduler.after(Math.max(1, workMs), () => this.finish(gen, url, got));
  }

  private finish(gen: number, url: string, got: Delivery[]): void {
    if (gen !== this.generation) return; // crashed while processing: nothing deleted
    const now = this.sim.nowMs;
    let deleted = 0;
    for (const d of got) {
      const m = d.message;
      if (m.receiveCount > 1) this.stats.redelivered++;
      const seq = Number(/"seq":(\d+)/.exec(m.body)?.[1] ?? -1);
      const key = m.groupId ?? '';
      if (seq < (this.lastSeqByGroup.get(key) ?? -1)) this.stats.outOfOrder++;
      this.lastSeqByGroup.set(key, Math.max(seq, this.lastSeqByGroup.get(key) ?? -1));
      if (this.prng.bernoulli(this.spec.failureRate ?? 0)) {
        this.stats.failed++;
        continue;
      }
      try {
        this.sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: d.receiptHandle }, true);
        deleted++;
        this.stats.processed++;
        const latency = now - m.sentMs;
        this.stats.latencySumMs += latency;
        this.stats.latencyHistogram[LATENCY_BUCKETS_MS.findIndex((b) => latency <= b)]++;
      } catch (e) {
        if (!(e instanceof AwsServiceError)) throw e;
        this.stats.failed++; // its receipt handle expired while processing took too long
      }
    }
    if (deleted > 0) this.stats.requests++; // one DeleteMessageBatch
    this.poll(gen, undefined);
  }

  latencyP99Ms(): number {
    const total = this.stats.latencyHistogram.reduce((a, b) => a + b, 0);
    let seen = 0;
    for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) {
      seen += this.stats.latencyHistogram[i];
      if (seen >= total * 0.99) return LATENCY_BUCKETS_MS[i];
    }
    return 0;
  }
}
