/**
 * The two endpoints the live-mode journeys connect to, started by the tests on random loopback
 * ports: our own `npm run api` server (src/cli/server) and kinesalite from the npm registry (a
 * foreign implementation, in memory). A writer puts a skewed workload on a 4-shard stream through
 * the AWS SDK: one hot key and 50 cold keys.
 */
import type { Server } from 'node:http';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import kinesalite from 'kinesalite';
import { startLocalApiServer } from '../src/cli/server/local-api-server';
import { hashKeyOfPartitionKey, openShardFor, shardMapOf } from '../src/live/shard-map';

export const HOT_KEY = 'device-hot';
export const COLD_KEYS = 50;
export const STREAM = 'clicks';
export const ACCESS_KEY = 'AKIDLIVEJOURNEY';
export const SECRET = 'live-journey-secret';

export interface Endpoint {
  readonly name: 'npm run api' | 'kinesalite';
  readonly url: string;
  close(): Promise<void>;
}

export async function startOurApi(): Promise<Endpoint> {
  const s = await startLocalApiServer({ transitionDelayMs: 0, seed: 16, sigv4: { keys: new Map([[ACCESS_KEY, SECRET]]) } });
  return { name: 'npm run api', url: s.endpoint, close: () => s.close() };
}

export async function startKinesalite(): Promise<Endpoint> {
  const server: Server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { name: 'kinesalite', url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

function client(url: string): KinesisClient {
  // HTTP/1.1: kinesalite speaks no cleartext HTTP/2.
  return new KinesisClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }, requestHandler: new NodeHttpHandler() });
}

/** Creates the 4-shard stream (or another) and returns the shard MD5 routes the hot key to. */
export async function createSkewedStream(url: string, name = STREAM, shards = 4): Promise<string> {
  const c = client(url);
  await c.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  for (let i = 0; i < 100; i++) {
    const d = await c.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    if (d.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const map = shardMapOf((await c.send(new ListShardsCommand({ StreamName: name }))).Shards ?? []);
  c.destroy();
  return openShardFor(hashKeyOfPartitionKey(HOT_KEY), map)!;
}

/** Puts 30 hot and 10 cold records every 250 ms (160 records/s, 75% on one key) until stopped. */
export function startSkewedWriter(url: string): () => Promise<void> {
  const c = client(url);
  const data = new TextEncoder().encode(JSON.stringify({ page: '/checkout', ms: 123, pad: 'x'.repeat(180) }));
  let round = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const records = [
        ...Array.from({ length: 30 }, () => ({ PartitionKey: HOT_KEY, Data: data })),
        ...Array.from({ length: 10 }, (_, i) => ({ PartitionKey: `device-${(round * 10 + i) % COLD_KEYS}`, Data: data })),
      ];
      round++;
      await c.send(new PutRecordsCommand({ StreamName: STREAM, Records: records })).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    c.destroy();
  };
}

