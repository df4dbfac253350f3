/**
 * The document's `queues` section: SQS queues with their attributes, producers (a rate profile,
 * message size, FIFO message groups) and competing consumers (pollers, long polling,
 * processing time, failures, a crash). Checked with field paths.
 */
import type { RateProfile } from '../../producers/rate-profile';

export interface QueueProducerSpec {
  readonly name: string;
  readonly rate: RateProfile;
  readonly bodyBytes?: number;
  /** FIFO: messages spread over this many message groups (group = key order, like partition keys). */
  readonly groups?: number;
  /** Send up to 10 messages per SendMessageBatch call (one request) instead of one per call. */
  readonly batch?: boolean;
}

export interface QueueConsumerSpec {
  readonly name: string;
  /** Competing workers polling the same queue. */
  readonly pollers?: number;
  readonly maxMessages?: number;
  readonly waitTimeSeconds?: number;
  /** Processing time per message, ms. */
  readonly processingMs?: number;
  /** Share of messages whose processing fails (not deleted: redelivered after the visibility timeout). */
  readonly failureRate?: number;
  readonly startAtSec?: number;
  /** The consumer's process dies at this second (in-flight messages wait out their visibility timeout)… */
  readonly crashAtSec?: number;
  /** …and comes back this many seconds later. */
  readonly restartAfterSec?: number;
}

export interface QueueSectionEntry {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly producers?: readonly QueueProducerSpec[];
  readonly consumers?: readonly QueueConsumerSpec[];
}

function num(errors: string[], path: string, v: unknown, min: number, max: number, integer = false): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    errors.push(`${path} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
}

export function validateQueuesSection(section: unknown): string[] {
  if (section === undefined) return [];
  if (!Array.isArray(section)) return ['queues must be an array'];
  const errors: string[] = [];
  const names = new Set<string>();
  section.forEach((raw: unknown, i) => {
    const where = `queues[${i}]`;
    const q = raw as Partial<QueueSectionEntry> | null;
    if (!q || typeof q !== 'object') return void errors.push(`${where} must be an object with a name`);
    if (typeof q.name !== 'string' || !/^[A-Za-z0-9_-]{1,75}(\.fifo)?$/.test(q.name)) {
      errors.push(`${where}.name must be 1-80 of A-Z a-z 0-9 _ - (FIFO queues end in .fifo)`);
    } else if (names.has(q.name)) errors.push(`${where}.name: a queue named ${q.name} already exists`);
    else names.add(q.name);
    if (q.attributes !== undefined && (typeof q.attributes !== 'object' || Object.values(q.attributes).some((v) => typeof v !== 'string'))) {
      errors.push(`${where}.attributes must map attribute names to strings, e.g. {"VisibilityTimeout": "30"}`);
    }
    (q.producers ?? []).forEach((p, j) => {
      const pp = `${where}.producers[${j}]`;
      if (typeof p?.name !== 'string') errors.push(`${pp}.name must be a string`);
      if (!p?.rate || typeof p.rate !== 'object' || typeof (p.rate as { kind?: unknown }).kind !== 'string') errors.push(`${pp}.rate must be a rate profile such as {"kind":"constant","recordsPerSec":100}`);
      num(errors, `${pp}.bodyBytes`, p?.bodyBytes, 1, 1_048_576, true);
      num(errors, `${pp}.groups`, p?.groups, 1, 100_000, true);
    });
    (q.consumers ?? []).forEach((c, j) => {
      const cp = `${where}.consumers[${j}]`;
      if (typeof c?.name !== 'string') errors.push(`${cp}.name must be a string`);
      num(errors, `${cp}.pollers`, c?.pollers, 1, 1_000, true);
      num(errors, `${cp}.maxMessages`, c?.maxMessages, 1, 10, true);
      num(errors, `${cp}.waitTimeSeconds`, c?.waitTimeSeconds, 0, 20, true);
      num(errors, `${cp}.processingMs`, c?.processingMs, 0, 43_200_000);
      num(errors, `${cp}.failureRate`, c?.failureRate, 0, 1);
      num(errors, `${cp}.startAtSec`, c?.startAtSec, 0, 1e9);
      num(errors, `${cp}.crashAtSec`, c?.crashAtSec, 0, 1e9);
      num(errors, `${cp}.restartAfterSec`, c?.restartAfterSec, 0, 1e9);
    });
  });
  return errors;
}
