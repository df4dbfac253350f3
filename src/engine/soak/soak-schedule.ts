/**
 * The soak's timed events on the simulation's own scheduler: a reshard of the big stream every
 * virtual hour, all through the engine's Kinesis JSON API so AWS's checks and errors apply, and the
 * Firehose destination going down for one hour (the delivery stream's `faults`, re-saved through the
 * Firehose part as the console would).
 * Resharding is UpdateShardCount while AWS allows it — 10 calls per rolling 24 hours; the 11th is
 * answered LimitExceededException and counted — then, as an operator would, SplitShard on the hot
 * key's shard and MergeShards of its two children in alternate hours (neither has a daily limit).
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html
 */
import { createKinesisApi, type KinesisJsonApi } from '../api/kinesis';
import { hashKeyToBigInt } from '../hash/hash-key';
import { md5PartitionKey } from '../hash/md5';
import { midpointHashKey } from '../streams/midpoint';
import type { World } from '../world/world';
import { SOAK_BIG_STREAM, SOAK_DELIVERY_STREAM } from './soak-scenario';

const HOUR_MS = 3_600_000;

export interface ReshardEvent {
  readonly atHour: number;
  readonly operation: 'UpdateShardCount' | 'SplitShard' | 'MergeShards';
  /** Open shards the call aims at (UpdateShardCount's target; one more after a split, one fewer after a merge). */
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
  /** The partition key of the hot tenant: its shard is the one an operator splits. */
  readonly hotKey: string;
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
  const hotHash = hashKeyToBigInt(md5PartitionKey(options.hotKey));
  // The shard the last split closed: its two children are merged back the hour after (a split completes
  // asynchronously, so they are looked up then).
  let splitParent: string | undefined;
  sim.scheduler.every(HOUR_MS, () => {
    const atHour = Math.round((sim.nowMs - startMs) / HOUR_MS);
    const target = atHour % 2 === 1 ? up : options.baseShards;
    const result = api.handle('UpdateShardCount', { StreamName: SOAK_BIG_STREAM, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
    reshards.push(event(atHour, 'UpdateShardCount', target, result));
    if (result.ok || result.error.name !== 'LimitExceededException') return;
    const open = openShards(api);
    const children = splitParent === undefined ? [] : open.filter((s) => s.parent === splitParent).sort((a, b) => (a.start < b.start ? -1 : 1));
    splitParent = undefined;
    if (children.length === 2) {
      const merged = api.handle('MergeShards', { StreamName: SOAK_BIG_STREAM, ShardToMerge: children[0].id, AdjacentShardToMerge: children[1].id });
      reshards.push(event(atHour, 'MergeShards', open.length - 1, merged));
      return;
    }
    const hot = open.find((s) => s.start <= hotHash && hotHash <= s.end);
    if (!hot) return;
    const split = api.handle('SplitShard', { StreamName: SOAK_BIG_STREAM, ShardToSplit: hot.id, NewStartingHashKey: String(midpointHashKey(hot)) });
    reshards.push(event(atHour, 'SplitShard', open.length + 1, split));
    if (split.ok) splitParent = hot.id;
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

type ApiResult = ReturnType<KinesisJsonApi['handle']>;

function event(atHour: number, operation: ReshardEvent['operation'], target: number, result: ApiResult): ReshardEvent {
  return result.ok ? { atHour, operation, target, ok: true } : { atHour, operation, target, ok: false, error: `${result.error.name}: ${result.error.message}` };
}

interface ListedShard { readonly id: string; readonly parent?: string; readonly start: bigint; readonly end: bigint }

/** The big stream's open shards, through ListShards (ShardFilter AT_LATEST, following NextToken) as a client reads them. */
function openShards(api: KinesisJsonApi): ListedShard[] {
  const out: ListedShard[] = [];
  let token: string | undefined;
  do {
    const page = api.handle('ListShards', token ? { NextToken: token } : { StreamName: SOAK_BIG_STREAM, ShardFilter: { Type: 'AT_LATEST' } });
    if (!page.ok) throw new Error(`soak: ListShards failed: ${page.error.name}: ${page.error.message}`);
    for (const s of page.value.Shards as { ShardId: string; ParentShardId?: string; HashKeyRange: { StartingHashKey: string; EndingHashKey: string } }[]) {
      out.push({ id: s.ShardId, parent: s.ParentShardId, start: BigInt(s.HashKeyRange.StartingHashKey), end: BigInt(s.HashKeyRange.EndingHashKey) });
    }
    token = page.value.NextToken as string | undefined;
  } while (token);
  return out;
}
