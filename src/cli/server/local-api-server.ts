/**
 * The local AWS-compatible endpoint: the engine's World (engine/world — the same loader the console,
 * `npm run sim` and the what-ifs use) whose virtual clock follows wall time, serving its Kinesis Data
 * Streams, its Data Firehose (reading Kinesis sources from the same service) and the Firehose object
 * store as S3 path-style REST over HTTP/1.1 + h2c by the wire layer (JSON 1.1 and CBOR 1.1). An
 * optional scenario document fills the world with its streams, producers, consumers, delivery streams
 * and applications. More JSON APIs and REST handlers plug in via options.
 */
import { createFirehoseApi, FIREHOSE_BLOB_FIELDS, FIREHOSE_TIMESTAMP_FIELDS } from '../../engine/api/firehose/index';
import { createKinesisApi, KINESIS_BLOB_FIELDS, KINESIS_TIMESTAMP_FIELDS } from '../../engine/api/kinesis/index';
import type { FirehoseService } from '../../engine/firehose/index';
import type { Simulation } from '../../engine/simulation';
import type { KinesisService } from '../../engine/streams/index';
import { World } from '../../engine/world/world';
import { WireDispatcher } from '../../engine/api/wire/wire-dispatch';
import { cborCodec } from './cbor-codec';
import { startApiHttpServer } from './http-server';
import { createS3RestHandler } from './s3-rest';
import { createSqsApi } from '../../engine/api/sqs/index';
import { SqsService } from '../../engine/queues/index';
import { createSqsHandler } from './sqs-handler';
import type { SigV4Config } from './sigv4';
import type { ApiBinding, RestHandler } from './types';
import { attachVideoStreams } from './video-http';
import type { VideoService } from '../../engine/video/video-service';

export interface LocalApiServerOptions {
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Seconds-scale control-plane transitions (CREATING → ACTIVE etc.), in ms; default 500. */
  readonly transitionDelayMs?: number;
  /** Account shard quota; default the us-east-1 quota. */
  readonly shardLimit?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly seed?: number | string;
  readonly memoryBudgetBytes?: number;
  /** A scenario document whose world the server runs (default: an empty world); its seed yields to `seed`. */
  readonly scenario?: unknown;
  /** Serve Firehose_20150804 and the S3 path-style object store too (default true). */
  readonly firehose?: boolean;
  /** Serve Amazon SQS (AmazonSQS.*, JSON 1.0) too (default true). */
  readonly sqs?: boolean;
  /** How often the virtual clock catches up with wall time between requests (drives event streams). */
  readonly tickMs?: number;
  /** Verify AWS Signature Version 4 with these keys (`--auth sigv4`); absent = accept any credentials. */
  readonly sigv4?: SigV4Config;
  /** More JSON APIs on the same simulation, e.g. Firehose. */
  readonly extraApis?: (sim: Simulation, kinesis: KinesisService) => readonly ApiBinding[];
  /** Handlers for requests without X-Amz-Target (e.g. S3 path-style), tried in order. */
  readonly restHandlers?: (sim: Simulation, kinesis: KinesisService) => readonly RestHandler[];
}

export interface LocalApiServer {
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly world: World;
  readonly sim: Simulation;
  readonly kinesis: KinesisService;
  readonly firehose: FirehoseService | undefined;
  readonly video: VideoService;
  readonly sqs: SqsService | undefined;
  readonly dispatcher: WireDispatcher;
  close(): Promise<void>;
}

export const DEFAULT_TRANSITION_DELAY_MS = 500;
/** The world of a server started without a scenario: no streams until clients create them. */
const EMPTY_WORLD = { version: 1, name: 'local API', seed: 0, streams: [], producers: [] };
export const DEFAULT_TICK_MS = 50;

export async function startLocalApiServer(options: LocalApiServerOptions = {}): Promise<LocalApiServer> {
  const transitionDelayMs = options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS;
  const world = World.build(options.scenario ?? EMPTY_WORLD, {
    seed: options.seed ?? (options.scenario === undefined ? Date.now() : undefined),
    startMs: Date.now(),
    services: {
      kinesis: { region: options.region, accountId: options.accountId, transitionDelayMs, shardLimit: options.shardLimit, memoryBudgetBytes: options.memoryBudgetBytes, enforceControlPlaneRates: true },
      firehose: { region: options.region, accountId: options.accountId, creationDelayMs: transitionDelayMs, enforceControlPlaneRates: true },
    },
  });
  const sim = world.sim;
  const kinesis = world.parts.streams.run.service;
  const dispatcher = new WireDispatcher(
    [{ api: createKinesisApi(kinesis), blobFields: KINESIS_BLOB_FIELDS, timestampFields: KINESIS_TIMESTAMP_FIELDS }],
    [cborCodec],
  );
  const restHandlers = [...(options.restHandlers?.(sim, kinesis) ?? [])];
  let firehose: FirehoseService | undefined;
  if (options.firehose ?? true) {
    firehose = world.parts.firehose.service;
    dispatcher.register({ api: createFirehoseApi(firehose), blobFields: FIREHOSE_BLOB_FIELDS, timestampFields: FIREHOSE_TIMESTAMP_FIELDS });
    restHandlers.push(createS3RestHandler(firehose.store));
  }
  for (const b of options.extraApis?.(sim, kinesis) ?? []) dispatcher.register(b);

  // Wall time drives the virtual clock: catch up before every request and on a short tick, so
  // state transitions and event-stream pushes happen without traffic.
  const catchUp = (): void => {
    const now = Date.now();
    if (now > sim.nowMs) sim.runUntil(now);
  };
  const ticker = setInterval(catchUp, options.tickMs ?? DEFAULT_TICK_MS);
  ticker.unref();

  let endpoint = '';
  const video = attachVideoStreams(sim, { region: options.region, accountId: options.accountId, transitionDelayMs: options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS }, () => endpoint);
  const sqs = options.sqs ?? true ? sim.attach(new SqsService(sim, { region: options.region, accountId: options.accountId })) : undefined;
  const http = await startApiHttpServer({
    dispatcher,
    restHandlers,
    streamHandlers: [video.handler],
    targetHandlers: sqs ? [createSqsHandler(createSqsApi(sqs), catchUp)] : [],
    beforeRequest: catchUp,
    sigv4: options.sigv4,
    host: options.host,
    port: options.port,
  });
  endpoint = http.endpoint;
  if (sqs) sqs.baseUrl = http.endpoint; // queue URLs on the server's own host
  return {
    endpoint: http.endpoint,
    host: http.host,
    port: http.port,
    world,
    sim,
    kinesis,
    firehose,
    video: video.service,
    sqs,
    dispatcher,
    close: async () => {
      clearInterval(ticker);
      await http.close();
    },
  };
}
