/**
 * Worker operations for the Overview, Streams, Producers and Consumers pages: the console frame
 * channel (what the UI watches, typed arrays transferred), Kinesis control-plane calls through the
 * JSON API (so validation and error names are exactly the API's), the data viewer, and live edits
 * of producers and consumers. Expected failures come back as data.
 */
import * as Comlink from 'comlink';
import { createKinesisApi, type KinesisJsonApi } from '../../engine/api/kinesis';
import type { ScenarioConsumer, ScenarioProducer } from '../../engine/scenario/schema';
import { validateWorld, type WorldValidation } from '../../engine/world/world';
import type { LiveWorld } from '../runtime';
import type { WorkerContext } from './context';
import type { ActorConfigs, ConsoleFrame, EditResult, KinesisCallResult, ReadRequest, ReadResult, WatchRequest } from './streams/console-types';
import { consoleWorldOf, frameTransferables } from './streams/console-world';
import { actorConfigs, writeBackToDoc, removeConsumer, removeProducer, samplePayloads, saveConsumer, saveProducer } from './streams/actor-edits';
import { readRecordsPage } from './streams/data-viewer';

export type * from './streams/console-types';

/** Control-plane operations the console may send (the data plane goes through the viewer). */
const CONSOLE_OPERATIONS = new Set([
  'CreateStream', 'DeleteStream', 'DescribeStreamSummary', 'ListShards', 'SplitShard', 'MergeShards', 'UpdateShardCount',
  'UpdateStreamMode', 'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod', 'DescribeLimits', 'ListStreams', 'PutRecord',
]);

export interface StreamsApi {
  /** Receives one console frame per published frame (wrap the listener in Comlink.proxy). */
  onConsoleFrame(listener: (frame: ConsoleFrame) => void): Promise<void>;
  /** Says what the visible page needs; the next frames carry exactly that. */
  watch(req: WatchRequest): Promise<void>;
  /** One Kinesis JSON API call (AWS wire shapes); errors carry the AWS error name. */
  kinesis(operation: string, body: Record<string, unknown>): Promise<KinesisCallResult>;
  readRecords(req: ReadRequest): Promise<ReadResult>;
  actorConfigs(): Promise<ActorConfigs>;
  saveProducer(originalName: string | null, producer: ScenarioProducer): Promise<EditResult>;
  removeProducer(name: string): Promise<EditResult>;
  saveConsumer(originalName: string | null, consumer: ScenarioConsumer): Promise<EditResult>;
  removeConsumer(name: string): Promise<EditResult>;
  samplePayloads(template: string): Promise<{ ok: true; samples: string[] } | { ok: false; error: string }>;
  /**
   * Checks a scenario document (errors name their field paths). Runs here rather than on the main
   * thread because the validator compiles payload templates, which pulls in the fake-data library.
   */
  validateScenarioDoc(doc: unknown): Promise<WorldValidation>;
}

const apis = new WeakMap<LiveWorld, KinesisJsonApi>();
const noWorld = { ok: false as const, errors: ['no scenario is loaded'] };

export function streamsApi(ctx: WorkerContext): StreamsApi {
  let watch: WatchRequest = { stream: null };
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
  return {
    async onConsoleFrame(listener) {
      ctx.host.onFrame(() => {
        const w = world();
        if (!w) return;
        const cw = consoleWorldOf(w);
        cw.watch = watch;
        const frame = cw.frame();
        listener(Comlink.transfer(frame, frameTransferables(frame)));
      });
    },
    async watch(req) {
      watch = req;
      ctx.host.publishNow();
    },
    async kinesis(operation, body) {
      const w = world();
      if (!w) return { ok: false, error: { name: 'ResourceNotFoundException', message: 'No scenario is loaded.' } };
      if (!CONSOLE_OPERATIONS.has(operation)) return { ok: false, error: { name: 'UnknownOperationException', message: `The console does not send ${operation}.` } };
      const r = kinesisOf(w).handle(operation, body);
      return edited(w, r.ok ? { ok: true, value: r.value } : { ok: false, error: { name: r.error.name, message: r.error.message } });
    },
    async readRecords(req) {
      const w = world();
      if (!w) return { ok: false, error: { name: 'ResourceNotFoundException', message: 'No scenario is loaded.' } };
      const r = readRecordsPage(kinesisOf(w), req);
      return r.ok ? Comlink.transfer(r, [...new Set(r.records.map((x) => x.data.buffer as ArrayBuffer))]) : r;
    },
    async actorConfigs() {
      const w = world();
      return w ? actorConfigs(w) : { streams: [], producers: [], consumers: [] };
    },
    async saveProducer(originalName, producer) {
      const w = world();
      return w ? edited(w, saveProducer(w, originalName, producer)) : noWorld;
    },
    async removeProducer(name) {
      const w = world();
      return w ? edited(w, removeProducer(w, name)) : noWorld;
    },
    async saveConsumer(originalName, consumer) {
      const w = world();
      return w ? edited(w, saveConsumer(w, originalName, consumer)) : noWorld;
    },
    async removeConsumer(name) {
      const w = world();
      return w ? edited(w, removeConsumer(w, name)) : noWorld;
    },
    async samplePayloads(template) {
      const w = world();
      return samplePayloads(template, w ? `${w.seed}/preview` : 'preview', w?.sim.nowMs ?? 0);
    },
    async validateScenarioDoc(doc) {
      return validateWorld(doc);
    },
  };
}
