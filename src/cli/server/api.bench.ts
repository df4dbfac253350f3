/**
 * `api.putrecords.sdk`: records/s accepted by the local API server through the real
 * @aws-sdk/client-kinesis (default HTTP/2 handler), 500-record PutRecords batches of 100-byte
 * records from several concurrent loops into a stream with enough shards never to throttle.
 * The server runs as `npm run api` does, in a child process (as users run it: client and server
 * on separate cores); `api.putrecords.sdk.inprocess` puts both in this process, so its figure
 * also pays for the SDK's own serialisation on the same thread.
 */
import { CreateStreamCommand, KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Benchmark } from '../../engine/bench/harness';
import { startLocalApiServer } from './local-api-server';
import { waitForStreamActive } from './sdk-test-support';

const SHARDS = 256;
const BATCH_RECORDS = 500;
const RECORD_BYTES = 100;
const CONCURRENT_LOOPS = 8;
const BATCHES_PER_LOOP = 25;
const STREAM = 'bench-putrecords';


function makeBatches(count: number): PutRecordsRequestEntry[][] {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed;
  };
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return Array.from({ length: count }, () => Array.from({ length: BATCH_RECORDS }, () => {
    const data = new Uint8Array(RECORD_BYTES);
    for (let i = 0; i < RECORD_BYTES; i++) data[i] = 32 + (next() % 95);
    return { PartitionKey: `${hex(next())}-${hex(next())}-${hex(next())}-${hex(next())}`, Data: data };
  }));
}

interface ServerHandle {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts `src/cli/api.ts` as a child process on a free port and waits for its endpoint line. */
async function startChildServer(): Promise<ServerHandle> {
  const root = join(import.meta.dirname, '..', '..', '..');
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'api.ts'), '--port', '0', '--transition-delay', '0', '--seed', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`api server exited with ${code}`)));
  });
  return {
    endpoint,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    }),
  };
}

async function startInProcessServer(): Promise<ServerHandle> {
  return startLocalApiServer({ transitionDelayMs: 0, seed: 1 });
}

function putRecordsBenchmark(name: string, start: () => Promise<ServerHandle>, goal?: number): Benchmark {
  let server: ServerHandle | undefined;
  let client: KinesisClient | undefined;
  let batches: PutRecordsRequestEntry[][] = [];
  return {
    name,
    unit: 'records/s',
    higherIsBetter: true,
    runs: 5,
    goal,
    async setup() {
      server = await start();
      client = new KinesisClient({
        endpoint: server.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      });
      await client.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: SHARDS }));
      await waitForStreamActive(client, STREAM);
      batches = makeBatches(CONCURRENT_LOOPS * 4);
      // Warm-up: JIT on both sides, HTTP/2 session.
      for (let i = 0; i < 3; i++) {
        await Promise.all(batches.slice(0, CONCURRENT_LOOPS).map((Records) => client!.send(new PutRecordsCommand({ StreamName: STREAM, Records }))));
      }
      await new Promise((r) => setTimeout(r, 1100));
    },
    async teardown() {
      client?.destroy();
      await server?.close();
    },
    async run() {
      const c = client!;
      let accepted = 0;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: CONCURRENT_LOOPS }, async (_, loop) => {
        for (let i = 0; i < BATCHES_PER_LOOP; i++) {
          const Records = batches[(loop * 4 + (i % 4)) % batches.length];
          const out = await c.send(new PutRecordsCommand({ StreamName: STREAM, Records }));
          accepted += Records.length - (out.FailedRecordCount ?? 0);
        }
      }));
      const seconds = (performance.now() - t0) / 1000;
      // Let the per-second write windows roll over so runs do not throttle each other.
      await new Promise((r) => setTimeout(r, 1100));
      return accepted / seconds;
    },
  };
}

export const benchmarks: Benchmark[] = [
  putRecordsBenchmark('api.putrecords.sdk', startChildServer, 30_000),
  putRecordsBenchmark('api.putrecords.sdk.inprocess', startInProcessServer),
];
