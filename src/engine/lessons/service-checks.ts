/**
 * Building blocks of lesson checks beyond Data Streams: consumers, delivery streams, SQL
 * applications, Kinesis Agent hosts, video streams and queues — each read from the world's part
 * that owns it (the same objects the console's frames are built from), never from the page.
 */
import type { ConsumerFigures } from '../consumers/consumer-figures';
import type { AppSnapshot } from '../analytics/world/snapshot-types';
import type { DeliveryStreamView } from '../firehose/world/firehose-slice';
import type { FlushEvent } from '../firehose/metrics';
import type { AgentSnapshot } from '../agent/agent-producer';
import type { QueueReport } from '../queues/world/queues-part';
import type { LessonContext, LessonMemo } from './lesson-types';

/** Figures of the consumers (KCL, enhanced fan-out, Lambda) reading `stream`. */
export function consumersOf(ctx: LessonContext, stream: string, type?: ConsumerFigures['type']): ConsumerFigures[] {
  return ctx.world.parts.streams.run.consumers
    .map((c) => c.figures())
    .filter((f) => f.streamName === stream && (type === undefined || f.type === type));
}

/** The delivery stream's view as the Firehose page shows it, or undefined when it does not exist. */
export function deliveryView(ctx: LessonContext, name: string): DeliveryStreamView | undefined {
  const fh = ctx.world.parts.firehose;
  if (!fh || !fh.service.streamNames().includes(name)) return undefined;
  return fh.snapshot().streams.find((s) => s.name === name);
}

/** Every delivery stream's view. */
export function deliveryViews(ctx: LessonContext): readonly DeliveryStreamView[] {
  return ctx.world.parts.firehose?.snapshot().streams ?? [];
}

/**
 * True once a flush of the delivery stream matched `pick` (remembered under `key`: the flush
 * timeline keeps only the newest flushes, and an edited stream starts a new one).
 */
export function flushSeen(ctx: LessonContext, memo: LessonMemo, key: string, name: string, pick: (f: FlushEvent) => boolean): boolean {
  if (memo[key]) return true;
  const seen = deliveryView(ctx, name)?.flushes.some(pick) ?? false;
  if (seen) memo[key] = 1;
  return seen;
}

/** Remembers under `key` that `condition` held once. */
export function once(memo: LessonMemo, key: string, condition: boolean): boolean {
  if (memo[key]) return true;
  if (condition) memo[key] = 1;
  return condition;
}

/** SQL applications of the world, as the Analytics page shows them. */
export function sqlApps(ctx: LessonContext): AppSnapshot[] {
  return ctx.world.parts.analytics.list().map((a) => a.snapshot());
}

/** Rows the application has written to its output (sink) in-application stream since it started. */
export function sinkRows(app: AppSnapshot): number {
  return app.outputs.find((o) => o.stream === app.sinkStream)?.rowsTotal ?? 0;
}

/** The Kinesis Agent hosts of the world. */
export function agents(ctx: LessonContext): readonly AgentSnapshot[] {
  return ctx.world.parts.agents.snapshot().agents;
}

/** Records the agents' flows have sent to `destination` (`kinesisStream:<name>`). */
export function agentRecordsSent(ctx: LessonContext, destination: string): number {
  let n = 0;
  for (const a of ctx.world.parts.agents.report().agents) for (const f of a.flows) if (f.destination === destination) n += f.counters.sent;
  return n;
}

/** A video stream's figures: fragments ingested and a metric's total (e.g. GetImages.Requests). */
export function videoFigures(ctx: LessonContext, name: string): { fragmentsIngested: number; metric(m: string): number } | undefined {
  const v = ctx.world.parts.videoStreams;
  const r = v.report().streams.find((s) => s.name === name);
  if (!r) return undefined;
  return { fragmentsIngested: r.fragmentsIngested, metric: (m) => v.service.metrics.total(name, m) };
}

/** The world's queues (the Kinesis-vs-SQS comparison). */
export function queues(ctx: LessonContext): readonly QueueReport[] {
  return ctx.world.parts.queues.snapshot().queues;
}

/** Virtual seconds since the world started. */
export function elapsedSec(ctx: LessonContext): number {
  return ctx.world.sim.elapsedMs / 1000;
}
