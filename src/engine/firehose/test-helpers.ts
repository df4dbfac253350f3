/** Shared set-up for Firehose tests: a simulation, a service, and helpers to drive async transforms. */
import { Simulation } from '../simulation';
import { FirehoseService, type FirehoseServiceOptions } from './firehose-service';
import type { Doc } from './config';

export function newService(options: FirehoseServiceOptions = {}, seed: string | number = 'firehose-test'): { sim: Simulation; service: FirehoseService } {
  const sim = new Simulation({ seed });
  return { sim, service: new FirehoseService(sim, options) };
}

export const text = (s: string) => new TextEncoder().encode(s);
export const untext = (b: Uint8Array) => new TextDecoder().decode(b);

export function s3Stream(name: string, extra: Doc = {}, streamExtra: Doc = {}): Doc {
  return {
    DeliveryStreamName: name,
    ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::000000000000:role/firehose', BucketARN: 'arn:aws:s3:::sink-bucket', ...extra },
    ...streamExtra,
  };
}

/** Lets pending promise callbacks (in-process async transforms) run: they need only microtask turns. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Advances virtual time in steps, letting async transform outcomes land between steps. */
export async function advance(sim: Simulation, totalMs: number, stepMs = 1_000): Promise<void> {
  for (let t = 0; t < totalMs; t += stepMs) {
    sim.advanceBy(Math.min(stepMs, totalMs - t));
    await settle();
  }
  sim.advanceBy(0);
}
