/**
 * SQS as a part of the world: the document's `queues` section built into an SqsService on the
 * simulation (attached as "sqs", so the API server and the console find it) with its producers
 * and competing consumers. Reports per queue: messages, requests, throttling, redeliveries,
 * ordering, latency, and the monthly cost of the request rate at list prices.
 */
import { DEFAULT_PRICE_TABLE, price } from '../../capacity/price-table';
import type { ScenarioDoc } from '../../scenario/schema';
import type { Simulation } from '../../simulation';
import type { PartInstance, WorldPart } from '../../world/part';
import { BILLING_CHUNK_BYTES, FREE_REQUESTS_PER_MONTH } from '../limits';
import { SqsService } from '../sqs-service';
import { QueueConsumer, QueueProducer, type ConsumerStats, type ProducerStats } from './queue-actors';
import { validateQueuesSection, type QueueSectionEntry } from './queue-section';

const SECONDS_PER_MONTH = 2_592_000; // 30 days

export interface QueueReport {
  readonly name: string;
  readonly fifo: boolean;
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
  readonly totals: Readonly<Record<string, number>>;
  readonly producers: readonly ({ readonly name: string } & ProducerStats)[];
  readonly consumers: readonly ({ readonly name: string; readonly latencyAvgMs: number; readonly latencyP99Ms: number } & Omit<ConsumerStats, 'latencyHistogram'>)[];
  readonly requestsPerSec: number;
  readonly monthlyCostUsd: number;
}

export interface QueuesReport {
  readonly queues: readonly QueueReport[];
}

/** Monthly request cost: requests × 64 KB chunks per message, first million free. */
export function sqsMonthlyCostUsd(requestsPerSec: number, bodyBytes: number, fifo: boolean): number {
  const chunks = Math.max(1, Math.ceil(bodyBytes / BILLING_CHUNK_BYTES));
  const perMonth = requestsPerSec * chunks * SECONDS_PER_MONTH;
  const billable = Math.max(0, perMonth - FREE_REQUESTS_PER_MONTH);
  return (billable / 1e6) * price(DEFAULT_PRICE_TABLE, fifo ? 'sqsFifoPerMillion' : 'sqsStandardPerMillion');
}

export class QueuesWorld implements PartInstance<QueuesReport, QueuesReport> {
  private readonly producers = new Map<string, QueueProducer[]>();
  private readonly consumers = new Map<string, QueueConsumer[]>();
  private startedMs = 0;

  constructor(readonly service: SqsService, private readonly entries: readonly QueueSectionEntry[], private readonly sim: Simulation) {
    // Dead-letter targets first: a RedrivePolicy names a queue that must already exist.
    const ordered = [...entries].sort((a, b) => Number(Boolean(a.attributes?.RedrivePolicy)) - Number(Boolean(b.attributes?.RedrivePolicy)));
    for (const e of ordered) {
      service.createQueue({ QueueName: e.name, Attributes: { ...(e.name.endsWith('.fifo') ? { FifoQueue: 'true' } : {}), ...e.attributes } });
      this.producers.set(e.name, (e.producers ?? []).map((p) => new QueueProducer(p, sim, service, e.name)));
      this.consumers.set(e.name, (e.consumers ?? []).map((c) => new QueueConsumer(c, sim, service, e.name, sim.prng.fork(`queue:${e.name}:${c.name}`))));
    }
  }

  start(): void {
    this.startedMs = this.sim.nowMs;
    for (const list of this.producers.values()) for (const p of list) p.start();
    for (const list of this.consumers.values()) for (const c of list) c.start();
  }

  stop(): void {
    for (const list of this.producers.values()) for (const p of list) p.stop();
    for (const list of this.consumers.values()) for (const c of list) c.stop();
  }

  report(): QueuesReport {
    const elapsedSec = Math.max(1, (this.sim.nowMs - this.startedMs) / 1000);
    return {
      queues: this.entries.map((e) => {
        const q = this.service.queueByName(e.name);
        const counts = q ? q.counts(this.sim.nowMs) : { visible: 0, inFlight: 0, delayed: 0 };
        const producers = this.producers.get(e.name) ?? [];
        const consumers = this.consumers.get(e.name) ?? [];
        const requests = producers.reduce((n, p) => n + p.stats.requests, 0) + consumers.reduce((n, c) => n + c.stats.requests, 0);
        const bodyBytes = producers[0]?.spec.bodyBytes ?? 256;
        return {
          name: e.name,
          fifo: q?.fifo ?? false,
          ...counts,
          totals: { ...(q?.totals ?? {}) },
          producers: producers.map((p) => ({ name: p.spec.name, ...p.stats })),
          consumers: consumers.map((c) => {
            const { latencyHistogram: _h, ...rest } = c.stats;
            return { name: c.spec.name, ...rest, latencyAvgMs: c.stats.processed ? c.stats.latencySumMs / c.stats.processed : 0, latencyP99Ms: c.latencyP99Ms() };
          }),
          requestsPerSec: requests / elapsedSec,
          monthlyCostUsd: sqsMonthlyCostUsd(requests / elapsedSec, bodyBytes, q?.fifo ?? false),
        };
      }),
    };
  }

  snapshot(): QueuesReport {
    return this.report();
  }
}

export const queuesPart: WorldPart<'queues', QueuesWorld> = {
  key: 'queues',
  validate: (doc: ScenarioDoc) => validateQueuesSection(doc.queues),
  build(ctx) {
    const existing = ctx.sim.part<SqsService>('sqs');
    const service = existing ?? ctx.sim.attach(new SqsService(ctx.sim));
    return new QueuesWorld(service, ctx.doc.queues ?? [], ctx.sim);
  },
};
