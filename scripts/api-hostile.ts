/**
 * Measures `npm run api` under hostile traffic and prints the figures:
 *   node --expose-gc --import tsx scripts/api-hostile.ts [--connections 8000] [--flood 40000] [--json]
 * The server runs on this thread; the load comes from a worker thread, so the heap figures are
 * the server's alone (each V8 isolate has its own heap); the load is scripts/api-hostile-load.mjs. Phases: baseline → N concurrent
 * keep-alive connections each answered → a flood of malformed/unknown/oversized requests over
 * HTTP/1 and HTTP/2 → slow clients that stall mid-headers (closed by the header deadline) →
 * heap after GC, compared with the baseline. 127.0.0.1 only; every loop is bounded.
 * Both ends share this process's file-descriptor limit: keep connections below half of `ulimit -n`.
 */
import { Worker } from 'node:worker_threads';
import { startLocalApiServer } from '../src/cli/server/local-api-server';

interface Load { port: number; connections: number; flood: number }
type Report = Record<string, number | string>;

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0';
const MIB = 1_048_576;

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / MIB) * 10) / 10;
}

async function main(): Promise<void> {
  const arg = (name: string, dflt: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') console.warn('run with node --expose-gc for heap figures after collection');
  const server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1 });
  const kinesisReady = await fetch(`${server.endpoint}/`, { method: 'POST', headers: { 'x-amz-target': 'Kinesis_20131202.CreateStream', authorization: AUTH, 'content-type': 'application/x-amz-json-1.1' }, body: '{"StreamName":"load","ShardCount":2}' });
  if (kinesisReady.status !== 200) throw new Error(`CreateStream failed: ${kinesisReady.status}`);
  await new Promise((r) => setTimeout(r, 200));
  const baselineHeap = heapMiB();
  const baselineRss = Math.round(process.memoryUsage().rss / MIB);
  let peakConnections = 0;
  const load: Load = { port: server.port, connections: arg('connections', 8_000), flood: arg('flood', 40_000) };
  const worker = new Worker(new URL('./api-hostile-load.mjs', import.meta.url), { workerData: load });
  const connectionsProbe = setInterval(() => {
    // The server's own count of open TCP connections, sampled while the load runs.
    void countConnections(server.port).then((n) => { peakConnections = Math.max(peakConnections, n); });
  }, 100);
  const report = await new Promise<Report>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  clearInterval(connectionsProbe);
  await worker.terminate();
  await new Promise((r) => setTimeout(r, 500));
  const stillUp = await fetch(`${server.endpoint}/`, { method: 'POST', headers: { 'x-amz-target': 'Kinesis_20131202.DescribeStreamSummary', authorization: AUTH, 'content-type': 'application/x-amz-json-1.1' }, body: '{"StreamName":"load"}' });
  const afterHeap = heapMiB();
  const out = {
    ...report,
    peakOpenConnectionsSeenByServer: peakConnections,
    serverStillAnswers: stillUp.status === 200 ? 'yes' : `no (${stillUp.status})`,
    heapBaselineMiB: baselineHeap,
    heapAfterMiB: afterHeap,
    heapGrowthMiB: Math.round((afterHeap - baselineHeap) * 10) / 10,
    rssBaselineMiB: baselineRss,
    rssAfterMiB: Math.round(process.memoryUsage().rss / MIB),
  };
  await server.close();
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(34)} ${v}`);
}

/** Open connections to `port`, from /proc/net/tcp (Linux), counting the server side of established sockets. */
async function countConnections(port: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const text = await readFile('/proc/net/tcp', 'utf8').catch(() => '');
  let n = 0;
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '01') n++;
  }
  return n;
}

main().catch((e) => { console.error(e); process.exit(1); });
