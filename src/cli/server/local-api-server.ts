/**
 * The local AWS-compatible endpoint: one Simulation whose virtual clock follows wall time, with
 * Kinesis Data Streams, Data Firehose (reading Kinesis sources from the same service) and the
 * Firehose object store as S3 path-style REST, served over HTTP/1.1 + h2c by the wire layer
 * (JSON 1.1 and CBOR 1.1). More JSON APIs and REST handlers plug in via options.
 */
import { createFirehoseApi, FIREHOSE_BLOB_FIELDS, FIREHOSE_TIMESTAMP_FIELDS } from '../../engine/api/firehose/index';
import { createKinesisApi, KINESIS_BLOB_FIELDS, KINESIS_TIMESTAMP_FIELDS } from '../../engine/api/kinesis/index';
import { FirehoseService, kinesisSourcesFrom } from '../../engine/firehose/index';
import { Simulation } from '../../engine/simulation';
import { KinesisService } from '../../engine/streams/index';
import { WireDispatcher } from '../../app/sdk/wire-dispatch';
import { cborCodec } from './cbor-codec';
import { startApiHttpServer } from './http-server';
import { createS3RestHandler } from './s3-rest';
import { createSqsApi } from '../../engine/api/sqs/index';
import { SqsService } from '../../engine/queues/index';
import { createSqsHandler } from './sqs-handler';
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
  /** Serve Firehose_20150804 and the S3 path-style object store too (default true). */
  readonly firehose?: boolean;
  /** Serve Amazon SQS (AmazonSQS.*, JSON 1.0) too (default true). */
  readonly sqs?: boolean;
  /** How often the virtual clock catches up with wall time between requests (drives event streams). */
  readonly tickMs?: number;
  /** More JSON APIs on the same simulation, e.g. Firehose. */
  readonly extraApis?: (sim: Simulation, kinesis: KinesisService) => readonly ApiBinding[];
  /** Handlers for requests without X-Amz-Target (e.g. S3 path-style), tried in order. */
  readonly restHandlers?: (sim: Simulation, kinesis: KinesisService) => readonly RestHandler[];
}

export interface LocalApiServer {
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly sim: Simulation;
  readonly kinesis: KinesisService;
  readonly firehose: FirehoseService | undefined;
  readonly video: VideoService;
  readonly sqs: SqsService | undefined;
  readonly dispatcher: WireDispatcher;
  close(): Promise<void>;
}

export const DEFAULT_TRANSITION_DELAY_MS = 500;
export const DEFAULT_TICK_MS = 50;

export async function startLocalApiServer(options: LocalApiServerOptions = {}): Promise<LocalApiServer> {
  const sim = new Simulation({ seed: options.seed ?? Date.now(), startMs: Date.now() });
  const kinesis = new KinesisService(sim, {
    region: options.region,
    accountId: options.accountId,
    transitionDelayMs: options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS,
    shardLimit: options.shardLimit,
    memoryBudgetBytes: options.memoryBudgetBytes,
  });
  const dispatcher = new WireDispatcher(
    [{ api: createKinesisApi(kinesis), blobFields: KINESIS_BLOB_FIELDS, timestampFields: KINESIS_TIMESTAMP_FIELDS }],
    [cborCodec],
  );
  const restHandlers = [...(options.restHandlers?.(sim, kinesis) ?? [])];
  let firehose: FirehoseService | undefined;
  if (options.firehose ?? true) {
    firehose = new FirehoseService(sim, {
      region: options.region,
      accountId: options.accountId,
      creationDelayMs: options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS,
      kinesisSources: kinesisSourcesFrom(kinesis),
    });
    sim.attach(firehose);
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
    host: options.host,
    port: options.port,
  });
  endpoint = http.endpoint;
  if (sqs) sqs.baseUrl = http.endpoint; // queue URLs on the server's own host
  return {
    endpoint: http.endpoint,
    host: http.host,
    port: http.port,
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
