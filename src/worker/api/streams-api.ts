/**
 * Worker operations for the Overview, Streams, Producers and Consumers pages: the console frame
 * channel (what the UI watches, typed arrays transferred), Kinesis control-plane calls through the
 * JSON API (so validation and error names are exactly the API's), the data viewer, and live edits
 * of producers and consumers. Expected failures come back as data.
 */
import * as Comlink from 'comlink';
import { createKinesisApi, type KinesisJsonApi } from '../../engine/api/kinesis';
import type { ScenarioConsumer, ScenarioProducer } from '../../engine/scenario/schema';
import { validateWorld } from '../../engine/world/world';
import type { ScenarioDoc } from '../../engine/scenario/schema';
import type { LiveWorld } from '../runtime';
import type { WorkerContext } from './context';
import type { ActorConfigs, EditResult, ReadRequest, ReadResult, WatchRequest } from './streams/console-types';
import { done, invalid, notFound, NO_SCENARIO, failure, type WorkerResult } from './worker-result';
import { consoleWorldOf } from './streams/console-world';
import { CONSOLE_KINESIS_OPERATIONS, type ConsoleKinesisOperation, type ConsoleKinesisRequests, type ControlResult } from './streams/control-plane';
import { midpointHashKey } from '../../engine/streams/midpoint';
import { actorConfigs, writeBackToDoc, removeConsumer, removeProducer, samplePayloads, saveConsumer, saveProducer } from './streams/actor-edits';
import { readRecordsPage } from './streams/data-viewer';

export type * from './streams/console-types';
export type * from './streams/control-plane';
export { errorLine } from '../protocol';
export type { WorkerError, WorkerResult } from '../protocol';

const CONSOLE_OPERATIONS = new Set<string>(CONSOLE_KINESIS_OPERATIONS);

export interface StreamsApi {
  /** Says what the visible page needs (a stream's detail, the Firehose or Analytics slice); the next frames carry exactly that. */
  watch(req: WatchRequest): Promise<void>;
  /** One Kinesis control-plane call, its request typed by the operation; errors carry the AWS error name. */
  kinesis<O extends ConsoleKinesisOperation>(operation: O, request: ConsoleKinesisRequests[O]): Promise<ControlResult>;
  /** SplitShard at the shard's hash-range midpoint (ListShards, the midpoint kernel, SplitShard). */
  splitShardAtMidpoint(stream: string, shardId: string): Promise<ControlResult<{ readonly newStartingHashKey: string }>>;
  /** UpdateStreamMode by stream name (DescribeStreamSummary for the ARN, then UpdateStreamMode). */
  switchCapacityMode(stream: string, mode: 'PROVISIONED' | 'ON_DEMAND'): Promise<ControlResult>;
  readRecords(req: ReadRequest): Promise<ReadResult>;
  actorConfigs(): Promise<ActorConfigs>;
  saveProducer(originalName: string | null, producer: ScenarioProducer): Promise<EditResult>;
  removeProducer(name: string): Promise<EditResult>;
  saveConsumer(originalName: string | null, consumer: ScenarioConsumer): Promise<EditResult>;
  removeConsumer(name: string): Promise<EditResult>;
  samplePayloads(template: string): Promise<WorkerResult<string[]>>;
  /**
   * Checks a scenario document (errors name their field paths). Runs here rather than on the main
   * thread because the validator compiles payload templates, which pulls in the fake-data library.
   */
  validateScenarioDoc(doc: unknown): Promise<WorkerResult<ScenarioDoc>>;
}

const apis = new WeakMap<LiveWorld, KinesisJsonApi>();

export function streamsApi(ctx: WorkerContext): StreamsApi {
  const world = (): LiveWorld | null => ctx.world();
  const kinesisOf = (w: LiveWorld): KinesisJsonApi => {
    let api = apis.get(w);
    if (!api) apis.set(w, (api = createKinesisApi(w.scenario.service)));
    return api;
  };
  const edited = <T,>(w: LiveWorld, r: T): T => {
    consoleWorldOf(w).syncSamplers();
    writeBackToDoc(w);
    ctx.host.publishNow();
    return r;
  };
  /** A producer or consumer edit of the live world, written back and published when it succeeds. */
  const edit = (change: (w: LiveWorld) => EditResult): EditResult => {
    const w = world();
    return w ? edited(w, change(w)) : NO_SCENARIO;
  };
  return {
    async watch(req) {
      ctx.watch = req;
      ctx.host.publishNow();
    },
    async kinesis(operation, request) {
      const w = world();
      if (!w) return NO_SCENARIO;
      if (!CONSOLE_OPERATIONS.has(operation)) return failure({ name: 'UnknownOperationException', message: `The console does not send ${operation}.`, httpStatus: 400, retryable: false });
      return edited(w, kinesisOf(w).handle(operation, request as unknown as Record<string, unknown>));
    },
    async splitShardAtMidpoint(stream, shardId) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const shard = w.scenario.service.stream(stream)?.openShards().find((s) => s.id === shardId);
      if (!shard) return notFound(`${shardId} is not an open shard of ${stream}.`);
      const newStartingHashKey = midpointHashKey(shard.range).toString();
      const r = kinesisOf(w).handle('SplitShard', { StreamName: stream, ShardToSplit: shardId, NewStartingHashKey: newStartingHashKey });
      return edited(w, r.ok ? done({ newStartingHashKey }) : r);
    },
    async switchCapacityMode(stream, mode) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const api = kinesisOf(w);
      const d = api.handle('DescribeStreamSummary', { StreamName: stream });
      if (!d.ok) return d;
      const arn = (d.value.StreamDescriptionSummary as { StreamARN: string }).StreamARN;
      return edited(w, api.handle('UpdateStreamMode', { StreamARN: arn, StreamModeDetails: { StreamMode: mode } }));
    },
    async readRecords(req) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const r = readRecordsPage(kinesisOf(w), w.scenario.service, req);
      return r.ok ? Comlink.transfer(r, [...new Set(r.value.records.map((x) => x.data.buffer as ArrayBuffer))]) : r;
    },
    async actorConfigs() {
      const w = world();
      return w ? actorConfigs(w) : { streams: [], producers: [], consumers: [] };
    },
    saveProducer: async (originalName, producer) => edit((w) => saveProducer(w, originalName, producer)),
    removeProducer: async (name) => edit((w) => removeProducer(w, name)),
    saveConsumer: async (originalName, consumer) => edit((w) => saveConsumer(w, originalName, consumer)),
    removeConsumer: async (name) => edit((w) => removeConsumer(w, name)),
    async samplePayloads(template) {
      const w = world();
      return samplePayloads(template, w ? `${w.seed}/preview` : 'preview', w?.sim.nowMs ?? 0);
    },
    async validateScenarioDoc(doc) {
      const v = validateWorld(doc);
      return v.ok ? done(v.doc) : invalid(v.errors);
    },
  };
}
