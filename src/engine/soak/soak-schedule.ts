/**
 * The soak's timed events on the simulation's own scheduler: UpdateShardCount on the big stream
 * every virtual hour (through the engine's Kinesis JSON API, so AWS's checks and errors apply —
 * including the limit of 10 calls per rolling 24 hours, after which AWS answers
 * LimitExceededException and the soak counts the refusal), and the Firehose destination going down
 * for one hour (the delivery stream's `faults`, re-saved through the Firehose part as the console would).
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html
 */
import { createKinesisApi } from '../api/kinesis';
import type { World } from '../world/world';
import { SOAK_BIG_STREAM, SOAK_DELIVERY_STREAM } from './soak-scenario';

const HOUR_MS = 3_600_000;

export interface ReshardEvent {
  readonly atHour: number;
  readonly target: number;
  readonly ok: boolean;
  /** AWS's error (name: message) when the call was refused. */
  readonly error?: string;
}

export interface SoakSchedule {
  readonly reshards: ReshardEvent[];
  /** Whether the Firehose destination is down right now. */
  destinationDown(): boolean;
}

export interface ScheduleOptions {
  readonly baseShards: number;
  /** Virtual hour (from the start) the destination goes down, for one hour. */
  readonly outageAtHour?: number;
}

export function scheduleSoak(world: World, options: ScheduleOptions): SoakSchedule {
  const sim = world.sim;
  const api = createKinesisApi(world.parts.streams.run.service);
  const startMs = sim.nowMs;
  const reshards: ReshardEvent[] = [];
  let down = false;
  // Alternate +10 % and back: UNIFORM_SCALING within AWS's half-to-double bounds.
  const up = Math.round(options.baseShards * 1.1);
  sim.scheduler.every(HOUR_MS, () => {
    const atHour = Math.round((sim.nowMs - startMs) / HOUR_MS);
    const target = atHour % 2 === 1 ? up : options.baseShards;
    const result = api.handle('UpdateShardCount', { StreamName: SOAK_BIG_STREAM, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
    if (result.ok) reshards.push({ atHour, target, ok: true });
    else reshards.push({ atHour, target, ok: false, error: `${result.error.name}: ${result.error.message}` });
  }, startMs + HOUR_MS - 60_000);

  const setDown = (value: boolean) => {
    down = value;
    const fh = world.parts.firehose;
    const entry = fh.list().find((e) => e.DeliveryStreamName === SOAK_DELIVERY_STREAM);
    if (!entry) return;
    const saved = fh.save({ ...entry, faults: value ? { down: true } : {} });
    if (!saved.ok) throw new Error(`soak: cannot set the destination ${value ? 'down' : 'up'}: ${saved.message}`);
  };
  const outageAt = options.outageAtHour ?? 3;
  sim.scheduler.at(startMs + outageAt * HOUR_MS, () => setDown(true));
  sim.scheduler.at(startMs + (outageAt + 1) * HOUR_MS, () => setDown(false));
  return { reshards, destinationDown: () => down };
}
