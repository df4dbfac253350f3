/**
 * The live sampler against the local API server through the real SDK: it never calls faster than
 * the rate it shows (per shard and in total), it ranks the hot key first and routes it by MD5 to the
 * shard it was read from, and when the server throttles it (a greedy reader on the same shard) it
 * backs off, counts the throttles and keeps going. Backoff doubling is checked with an injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { startLocalApiServer, type LocalApiServer } from '../cli/server/local-api-server';
import { kinesisClient, sleep, waitForStreamActive } from '../cli/server/sdk-test-support';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint';
import { LiveClient } from './live-client';
import { Sampler, type ShardReads } from './sampler';
import { hashKeyOfPartitionKey, openShardFor, shardMapOf } from './shard-map';
import { workloadFromCapture } from './capture-workload';

let server: LocalApiServer;
let endpoint: ResolvedEndpoint;
const creds = { accessKeyId: 'AKIDSAMPLER', secretAccessKey: 'secret' };

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 16 });
  const r = resolveEndpoint(server.endpoint, 'us-east-1');
  if (!r.ok) throw new Error('endpoint');
  endpoint = r.endpoint;
  const sdk = kinesisClient(server.endpoint, 'h2');
  for (const name of ['rate', 'skew', 'throttle']) {
    await sdk.send(new CreateStreamCommand({ StreamName: name, ShardCount: name === 'throttle' ? 1 : 4 }));
    await waitForStreamActive(sdk, name);
  }
});
afterAll(async () => {
  await server.close();
});

async function openShardIds(client: LiveClient, stream: string): Promise<string[]> {
  return shardMapOf(await client.listShards(stream)).filter((s) => s.open).map((s) => s.shardId);
}

describe('live sampler', () => {
  it('stays within its per-shard rate and its total cap', async () => {
    const client = new LiveClient(endpoint, creds);
    const ids = await openShardIds(client, 'rate');
    const perShard = new Sampler(client, 'rate', { readsPerSecPerShard: 2, totalReadsPerSecMax: 100 });
    const capped = new Sampler(client, 'rate', { readsPerSecPerShard: 5, totalReadsPerSecMax: 4 });
    const t0 = Date.now();
    perShard.addShards(ids);
    capped.addShards(ids);
    await sleep(2_500);
    perShard.stop();
    capped.stop();
    const seconds = (Date.now() - t0) / 1000;
    for (const s of perShard.shards.values()) {
      expect(s.getRecordsCalls).toBeGreaterThanOrEqual(3);
      expect(s.getRecordsCalls).toBeLessThanOrEqual(Math.floor(2 * seconds) + 1);
    }
    // 4 shards under a 4 calls/s cap: one call per shard per second.
    expect(capped.intervalMs()).toBe(1000);
    const total = [...capped.shards.values()].reduce((n, s) => n + s.getRecordsCalls, 0);
    expect(total).toBeLessThanOrEqual(4 * (Math.floor(seconds) + 1));
    expect(capped.plannedReadsPerSec()).toBe(4);
    client.destroy();
  });

  it('ranks the hot key first and finds it on the shard its MD5 routes to', async () => {
    const client = new LiveClient(endpoint, creds);
    const map = shardMapOf(await client.listShards('skew'));
    const sampler = new Sampler(client, 'skew', { readsPerSecPerShard: 4 });
    sampler.addShards(map.filter((s) => s.open).map((s) => s.shardId));
    await sleep(400); // every shard holds a LATEST iterator before the writes
    const sdk = kinesisClient(server.endpoint, 'h2');
    const data = new Uint8Array(100);
    for (let round = 0; round < 4; round++) {
      const entries = [
        ...Array.from({ length: 60 }, () => ({ PartitionKey: 'device-hot', Data: data })),
        ...Array.from({ length: 50 }, (_, i) => ({ PartitionKey: `device-${i}`, Data: data })),
      ];
      await sdk.send(new PutRecordsCommand({ StreamName: 'skew', Records: entries }));
    }
    const until = Date.now() + 5_000;
    while (sampler.stats.records < 440 && Date.now() < until) await sleep(100);
    sampler.stop();
    expect(sampler.stats.records).toBe(440);
    const [hot, second] = sampler.stats.hotKeys(2);
    expect(hot.key).toBe('device-hot');
    expect(hot.records).toBe(240);
    expect(second.records).toBe(4);
    expect(hot.shardId).toBe(openShardFor(hashKeyOfPartitionKey('device-hot'), map));

    const capture = workloadFromCapture({ streamName: 'skew', endpointLabel: endpoint.label, seconds: 10, nowMs: Date.now(), stats: sampler.stats, openShards: 4, capturedOn: '2026-12-05' });
    expect(capture.ok).toBe(true);
    if (capture.ok) {
      expect(capture.workload.traffic.recordsPerSecond.average).toBe(44);
      expect(capture.workload.traffic.recordSize).toEqual({ kind: 'fixed', bytes: 100 });
      expect(capture.workload.traffic.keys).toMatchObject({ kind: 'explicit' });
      expect(capture.workload.currentShards).toBe(4);
    }
    client.destroy();
  });

  it('backs off when the server throttles it, counts the throttles and keeps reading', async () => {
    const client = new LiveClient(endpoint, creds);
    const [shardId] = await openShardIds(client, 'throttle');
    const sdk = kinesisClient(server.endpoint, 'h2', 1);
    // A greedy consumer spends the shard's 5 GetRecords calls per second before the sampler can.
    const it = (await sdk.send(new GetShardIteratorCommand({ StreamName: 'throttle', ShardId: shardId, ShardIteratorType: 'LATEST' }))).ShardIterator!;
    let greedy = true;
    const hog = (async () => {
      let iterator = it;
      while (greedy) {
        try {
          iterator = (await sdk.send(new GetRecordsCommand({ ShardIterator: iterator }))).NextShardIterator ?? iterator;
        } catch { /* throttled too: keep hogging */ }
        await sleep(20);
      }
    })();
    const sampler = new Sampler(client, 'throttle', { readsPerSecPerShard: 5 });
    sampler.addShards([shardId]);
    await sleep(2_000);
    const s = sampler.shards.get(shardId)!;
    expect(s.throttles).toBeGreaterThan(0);
    expect(s.lastError?.name).toBe('ProvisionedThroughputExceededException');
    greedy = false;
    await hog;
    const callsBefore = s.getRecordsCalls;
    await sleep(2_500);
    sampler.stop();
    expect(s.getRecordsCalls).toBeGreaterThan(callsBefore);
    expect(s.state).toBe('reading');
    client.destroy();
  });

  it('doubles its backoff on each throttle up to the cap, and resets after a success', async () => {
    let clock = 0;
    const waits: number[] = [];
    let failures = 6;
    const reads: ShardReads = {
      latestIterator: async () => 'it',
      getRecords: async () => {
        if (failures-- > 0) throw Object.assign(new Error('Rate exceeded for shard'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
        return { records: [], nextIterator: 'it' };
      },
    };
    const sampler = new Sampler(reads, 's', {
      readsPerSecPerShard: 1,
      backoffMaxMs: 10_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
        if (waits.length >= 9) sampler.stop();
      },
    });
    sampler.addShards(['shardId-000000000000']);
    await new Promise((r) => setTimeout(r, 50));
    // Interval 1 s; backoff 2, 4, 8, then the 10 s cap; then regular 1 s intervals after the success.
    expect(waits.slice(0, 7)).toEqual([2000, 4000, 8000, 10_000, 10_000, 10_000, 1000]);
    const s = sampler.shards.get('shardId-000000000000')!;
    expect(s.throttles).toBe(6);
    expect(s.backoffMs).toBe(0);
  });
});
