/**
 * Live mode reads per-shard traffic and throttling from CloudWatch when the endpoint offers it, and
 * falls back to sampling silently when it does not. The real CloudWatchClient (AWS JSON 1.0, target
 * GraniteServiceVersion20100801.GetMetricData in this SDK line) talks to a small HTTP server in this
 * test that answers GetMetricData with canned per-shard values and forwards every Kinesis call to our
 * local API server; the fallback runs against the local API server alone, which has no CloudWatch.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, EnableEnhancedMonitoringCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startLocalApiServer, type LocalApiServer } from '../cli/server/local-api-server';
import { kinesisClient, waitForStreamActive, waitUntil } from '../cli/server/sdk-test-support';
import { LiveSession } from '../worker/live/live-session';
import type { LiveFrame } from '../worker/live/live-types';
import { metricQueries, shardLevelMetrics, snapshotOf } from './cloudwatch-metrics';

const CREDS = { accessKeyId: 'AKIDCLOUDWATCH', secretAccessKey: 'secret' };
const PERIOD_START_S = Math.floor(Date.now() / 60_000) * 60 - 120;

/** Canned Sum per shard for one minute: shard 0 is hot and throttled, shard 1 is quiet. */
const CANNED: Record<string, Record<string, number>> = {
  'shardId-000000000000': { IncomingRecords: 90_000, IncomingBytes: 45_000_000, WriteProvisionedThroughputExceeded: 1_234, ReadProvisionedThroughputExceeded: 7, IteratorAgeMilliseconds: 2_500 },
  'shardId-000000000001': { IncomingRecords: 600, IncomingBytes: 300_000, WriteProvisionedThroughputExceeded: 0, ReadProvisionedThroughputExceeded: 0, IteratorAgeMilliseconds: 0 },
};

interface Query { Id: string; MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string } }

let api: LocalApiServer;
let cloudwatch: Server;
let cloudwatchUrl: string;
const seenTargets: string[] = [];
const seenQueries: Query[] = [];

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

beforeAll(async () => {
  api = await startLocalApiServer({ transitionDelayMs: 0, seed: 16 });
  const target = new URL(api.endpoint);
  cloudwatch = createServer((req, res) => {
    void body(req).then((raw) => {
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      if (amzTarget.startsWith('GraniteServiceVersion20100801.')) {
        seenTargets.push(amzTarget);
        const input = JSON.parse(raw.toString('utf8')) as { MetricDataQueries: Query[] };
        seenQueries.push(...input.MetricDataQueries);
        const results = input.MetricDataQueries.map((q) => {
          const shard = q.MetricStat.Metric.Dimensions.find((d) => d.Name === 'ShardId')?.Value;
          const v = shard ? CANNED[shard]?.[q.MetricStat.Metric.MetricName] : undefined;
          // Two periods, newest first: the newer one is what the console shows.
          return v === undefined
            ? { Id: q.Id, Timestamps: [], Values: [], StatusCode: 'Complete' }
            : { Id: q.Id, Label: q.MetricStat.Metric.MetricName, Timestamps: [PERIOD_START_S, PERIOD_START_S - 60], Values: [v, v / 2], StatusCode: 'Complete' };
        });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ MetricDataResults: results, Messages: [] }));
        return;
      }
      // Everything else is Kinesis: forward it to the local API server unchanged.
      const fwd = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      fwd.on('error', () => res.destroy());
      fwd.end(raw);
    });
  });
  await new Promise<void>((r) => cloudwatch.listen(0, '127.0.0.1', r));
  cloudwatchUrl = `http://127.0.0.1:${(cloudwatch.address() as AddressInfo).port}`;

  const kinesis = kinesisClient(api.endpoint, 'http1');
  for (const name of ['watched', 'plain']) {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 2 }));
    await waitForStreamActive(kinesis, name);
  }
  await kinesis.send(new EnableEnhancedMonitoringCommand({ StreamName: 'watched', ShardLevelMetrics: ['ALL'] }));
  await waitForStreamActive(kinesis, 'watched');
  kinesis.destroy();
});

afterAll(async () => {
  await new Promise<void>((r) => cloudwatch?.close(() => r()));
  await api?.close();
});

async function frameWhen(session: LiveSession, ok: (f: LiveFrame) => boolean): Promise<LiveFrame> {
  let last: LiveFrame | undefined;
  await waitUntil('live frame', async () => {
    last = session.frame(Date.now());
    return last !== undefined && ok(last);
  }, 8_000);
  return last!;
}

describe('CloudWatch figures in live mode', () => {
  it('uses shard-level GetMetricData figures when the endpoint answers, and says so', async () => {
    const session = new LiveSession({ requestHandler: new NodeHttpHandler() });
    try {
      const c = await session.connect({ target: cloudwatchUrl, signingRegion: 'eu-west-3', credentials: CREDS });
      expect(c.ok).toBe(true);
      expect((await session.startSampling('watched', 1)).ok).toBe(true);
      const f = await frameWhen(session, (x) => x.metrics.status !== 'trying');

      expect(seenTargets[0]).toBe('GraniteServiceVersion20100801.GetMetricData');
      // Enhanced monitoring is ALL: every metric is asked per shard, with both dimensions.
      const hot = seenQueries.filter((q) => q.MetricStat.Metric.Dimensions.some((d) => d.Value === 'shardId-000000000000'));
      expect(hot.map((q) => q.MetricStat.Metric.MetricName).sort()).toEqual(['IncomingBytes', 'IncomingRecords', 'IteratorAgeMilliseconds', 'ReadProvisionedThroughputExceeded', 'WriteProvisionedThroughputExceeded']);
      expect(hot.every((q) => q.MetricStat.Metric.Namespace === 'AWS/Kinesis' && q.MetricStat.Period === 60)).toBe(true);
      expect(hot[0].MetricStat.Metric.Dimensions.map((d) => d.Name)).toEqual(['StreamName', 'ShardId']);

      expect(f.metrics).toMatchObject({ source: 'cloudwatch', status: 'cloudwatch', perShard: true, periodSec: 60, writeThrottled: 1_234, readThrottled: 7, iteratorAgeMs: 2_500 });
      expect(f.metrics.periodEndMs).toBe((PERIOD_START_S + 60) * 1000);
      // 10 metrics per poll, one poll a minute, at $0.01 per 1,000 metrics.
      expect(f.metrics.metricsPerHour).toBe(600);
      expect(f.metrics.usdPerHour).toBeCloseTo(0.006, 10);
      const s0 = f.shards.find((s) => s.shardId === 'shardId-000000000000')!;
      const s1 = f.shards.find((s) => s.shardId === 'shardId-000000000001')!;
      expect(s0).toMatchObject({ source: 'cloudwatch', recordsPerSec: 1_500, bytesPerSec: 750_000, writeThrottled: 1_234, readThrottled: 7, iteratorAgeMs: 2_500 });
      expect(s0.writeUtilization).toBeCloseTo(1.5, 10);
      expect(s1).toMatchObject({ source: 'cloudwatch', recordsPerSec: 10, bytesPerSec: 5_000, writeThrottled: 0 });
      expect(f.totals.recordsPerSec).toBe(1_510);
    } finally {
      await session.disconnect();
    }
  });

  it('falls back to sampling, with no error, on an endpoint without CloudWatch (our local API server)', async () => {
    const session = new LiveSession({ requestHandler: new NodeHttpHandler() });
    try {
      expect((await session.connect({ target: api.endpoint, signingRegion: 'eu-west-3', credentials: CREDS })).ok).toBe(true);
      expect((await session.startSampling('plain', 1)).ok).toBe(true);
      const f = await frameWhen(session, (x) => x.metrics.status !== 'trying' && x.shards.every((s) => s.state === 'reading'));
      expect(f.metrics).toMatchObject({ source: 'sampled', status: 'unavailable', perShard: false, metricsPerHour: 0, usdPerHour: 0 });
      expect(f.shards.every((s) => s.source === 'sampled' && s.lastError === undefined && s.errors === 0)).toBe(true);
      expect(f.shards.some((s) => s.writeThrottled !== undefined)).toBe(false);
    } finally {
      await session.disconnect();
    }
  });
});

describe('metric queries and results', () => {
  it('asks stream-level metrics (GetRecords.IteratorAgeMilliseconds) when enhanced monitoring is off', () => {
    const { queries } = metricQueries('s', ['shardId-000000000000', 'shardId-000000000001'], shardLevelMetrics([]));
    expect(queries).toHaveLength(5);
    expect(queries.map((q) => q.MetricStat?.Metric?.MetricName)).toContain('GetRecords.IteratorAgeMilliseconds');
    expect(queries.every((q) => q.MetricStat?.Metric?.Dimensions?.length === 1)).toBe(true);
  });

  it('asks only the enabled metrics per shard', () => {
    const level = shardLevelMetrics(['IncomingRecords', 'IncomingBytes', 'OutgoingBytes']);
    expect(level).toEqual(['IncomingRecords', 'IncomingBytes']);
    expect(metricQueries('s', ['a', 'b', 'c'], level).queries).toHaveLength(2 * 3 + 3);
  });

  it('keeps the newest datapoint of a query across pages', () => {
    const { targets } = metricQueries('s', ['a'], shardLevelMetrics(['ALL']));
    const snap = snapshotOf([
      { Id: 'm0s0', Timestamps: [new Date(120_000)], Values: [600] },
      { Id: 'm0s0', Timestamps: [new Date(60_000)], Values: [60] },
    ], targets, shardLevelMetrics(['ALL']), 5);
    expect(snap.shards.a.recordsPerSec).toBe(10);
    expect(snap.shards.a.periodEndMs).toBe(180_000);
  });
});
