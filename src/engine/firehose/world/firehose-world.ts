/**
 * The Firehose part of the world: one FirehoseService (attached to the Simulation as part
 * `firehose`, reading Kinesis sources from the scenario's KinesisService), the delivery streams of
 * the scenario's `firehose` section, their built-in Direct PUT producers, transforms (through the
 * runner's TransformHost) and fault settings. Console edits go through `save`/`remove`, which change
 * the live service and the world's document alike, so a clock reset rebuilds what the user made.
 */
import { AwsServiceError, type ApiErrorShape } from '../../api/result';
import { FirehoseService } from '../../firehose/firehose-service';
import { kinesisSourcesFrom } from '../../firehose/kinesis-source-adapter';
import type { ParquetColumnType } from '../../firehose/parquet';
import { ScenarioError } from '../../scenario/load';
import type { Simulation } from '../../simulation';
import type { KinesisService } from '../../streams/service';
import type { PartContext, PartInstance } from '../../world/part';
import { DirectPutProducer } from './direct-put-producer';
import { firehoseReport, type FirehoseReport } from './firehose-report';
import { failingInvoker } from './failing-invoker';
import {
  checkEntry, destinationKeyOf, toCreateInput, transformArn, TRANSFORM_TIMEOUT_MS_DEFAULT, withTransform,
  type CreateEnv, type FaultSpec, type FirehoseSectionEntry,
} from './scenario-section';
import { streamView, type FirehoseSlice } from './firehose-slice';
import { sinkView } from './sink-view';

/** `message` is the error as one line; `error` carries its AWS name (InvalidArgumentException for a bad section entry). */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly error: ApiErrorShape };

const describe = (e: unknown): string => (e instanceof AwsServiceError ? `${e.name}: ${e.message}` : e instanceof Error ? e.message : String(e));
const failed = (e: unknown): Outcome => ({
  ok: false,
  message: describe(e),
  error: e instanceof AwsServiceError ? e.toShape() : { name: 'InvalidArgumentException', message: e instanceof Error ? e.message : String(e), httpStatus: 400, retryable: false },
});

export class FirehoseWorld implements PartInstance<FirehoseReport, FirehoseSlice> {
  readonly service: FirehoseService;
  private readonly entries = new Map<string, FirehoseSectionEntry>();
  private readonly producers = new Map<string, DirectPutProducer>();
  private readonly env: CreateEnv;

  private readonly sim: Simulation;
  private readonly kinesis: KinesisService;
  private started = false;

  constructor(private readonly ctx: PartContext, kinesis: KinesisService) {
    const sim = ctx.sim;
    this.sim = sim;
    this.kinesis = kinesis;
    // [sim] Console and scenario actions are not held to the 5 TPS control-plane quota: a scenario may create many streams at t=0.
    this.service = new FirehoseService(sim, { enforceControlPlaneRates: false, ...ctx.services.firehose, kinesisSources: kinesisSourcesFrom(kinesis) });
    if (!sim.part('firehose')) sim.attach(this.service);
    this.env = {
      region: this.service.region,
      accountId: this.service.accountId,
      streamArn: (name) => (kinesis.stream(name) && !kinesis.stream(name)?.deleted ? kinesis.streamArn(name) : undefined),
    };
    (ctx.doc.firehose ?? []).forEach((entry, i) => {
      try {
        this.create(entry);
      } catch (e) {
        // validate() accepted the entry, so the engine's own check (config.ts) refused an AWS member.
        throw new ScenarioError([`firehose[${i}] (${entry.DeliveryStreamName}): ${describe(e)}`]);
      }
    });
  }

  /** Starts the Direct PUT producers (those added later by the console start right away). */
  start(): void {
    this.started = true;
    for (const p of this.producers.values()) p.start();
  }

  stop(): void {
    this.started = false;
    for (const p of this.producers.values()) p.stop();
  }

  report(): FirehoseReport {
    return firehoseReport(this.snapshot());
  }

  list(): FirehoseSectionEntry[] {
    return [...this.entries.values()].map((e) => structuredClone(e));
  }

  /** Creates the stream, or applies the entry to the existing one (UpdateDestination). */
  save(raw: unknown): Outcome {
    try {
      const entry = checkEntry(raw, 'delivery stream');
      const existing = this.entries.get(entry.DeliveryStreamName);
      if (!existing) this.create(entry);
      else this.update(existing, entry);
      this.persist();
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  }

  remove(name: string): Outcome {
    try {
      this.service.deleteDeliveryStream(name);
      this.producers.get(name)?.stop();
      this.producers.delete(name);
      this.entries.delete(name);
      this.persist();
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  }

  flush(name: string): Outcome {
    try {
      this.service.flushNow(name);
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  }

  /** Puts the given records now (the page's "send test records"). */
  put(name: string, records: readonly string[]): Outcome & { failed?: number } {
    try {
      const enc = new TextEncoder();
      const out = this.service.putRecordBatch(name, records.map((r) => enc.encode(r))) as { FailedPutCount: number };
      return { ok: true, failed: out.FailedPutCount };
    } catch (e) {
      return failed(e);
    }
  }

  snapshot(): FirehoseSlice {
    const stats = this.service.store.stats();
    const streams = [...this.entries.values()].filter((e) => this.service.streamNames().includes(e.DeliveryStreamName)).map((entry) => {
      const name = entry.DeliveryStreamName;
      const config = this.service.config(name);
      const producer = this.producers.get(name);
      return streamView({
        snapshot: this.service.snapshot(name),
        type: config.type,
        source: entry.KinesisStreamSourceConfiguration?.StreamName ?? config.kinesisStreamArn,
        destination: config.destination.kind,
        bucket: config.s3.bucket,
        sizeLimitBytes: config.sizeBytes,
        intervalMs: config.intervalMs,
        hasTransform: config.processing.lambda !== undefined,
        producer: producer && entry.producer ? { ...producer.counts(), recordsPerSec: entry.producer.recordsPerSec } : undefined,
        sink: sinkView(this.service, config),
      });
    });
    return {
      kind: 'firehose',
      streams,
      store: {
        objectCount: stats.objectCount, bytesStored: stats.bytesStored, bytesLimit: stats.bytesLimit, evictedObjects: stats.evictedObjects,
        buckets: this.service.store.listBuckets().map((b) => b.name),
      },
      sourceStreams: this.kinesis.allStreams().filter((s) => !s.deleted).map((s) => s.name),
      sandboxAttached: this.ctx.host.transforms?.attached() ?? false,
    };
  }

  // --- internals ---------------------------------------------------------------------------

  private registerSchema(entry: FirehoseSectionEntry): void {
    const t = entry.schemaTable;
    if (t) this.service.registerTable(t.DatabaseName, t.TableName, t.Columns.map((c) => ({ name: c.Name, type: c.Type.toLowerCase() as ParquetColumnType })));
  }

  private create(entry: FirehoseSectionEntry): void {
    const name = entry.DeliveryStreamName;
    this.registerSchema(entry);
    if (entry.transform) this.registerTransform(entry);
    this.service.createDeliveryStream(toCreateInput(entry, this.env));
    this.entries.set(name, entry);
    this.applyFaults(entry.faults, name);
    this.syncProducer(entry);
  }

  private update(previous: FirehoseSectionEntry, entry: FirehoseSectionEntry): void {
    const name = entry.DeliveryStreamName;
    const sameSource = (previous.DeliveryStreamType ?? 'DirectPut') === (entry.DeliveryStreamType ?? 'DirectPut')
      && JSON.stringify(previous.KinesisStreamSourceConfiguration ?? null) === JSON.stringify(entry.KinesisStreamSourceConfiguration ?? null);
    if (!sameSource) {
      // The source of a Firehose stream cannot change in AWS: the console recreates the stream.
      this.remove(name);
      this.create(entry);
      return;
    }
    const key = destinationKeyOf(entry);
    if (!key) throw new Error(`${name}: no destination configuration`);
    this.registerSchema(entry);
    if (entry.transform) this.registerTransform(entry);
    const updateKey = key.replace('Configuration', 'Update');
    const current = (this.service.describeDeliveryStream(name).DeliveryStreamDescription as { VersionId: string }).VersionId;
    const destinationChanged = JSON.stringify(previous[key] ?? null) !== JSON.stringify(entry[key] ?? null)
      || JSON.stringify(previous.transform ?? null) !== JSON.stringify(entry.transform ?? null)
      || JSON.stringify(previous.schemaTable ?? null) !== JSON.stringify(entry.schemaTable ?? null) || destinationKeyOf(previous) !== key;
    if (destinationChanged) {
      this.service.updateDestination({
        DeliveryStreamName: name, CurrentDeliveryStreamVersionId: current, DestinationId: 'destinationId-000000000001',
        [updateKey]: withTransform(entry[key] as Record<string, unknown>, entry, this.env),
      });
    }
    this.entries.set(name, entry);
    this.applyFaults(entry.faults, name);
    this.syncProducer(entry);
  }

  private registerTransform(entry: FirehoseSectionEntry): void {
    const name = entry.DeliveryStreamName;
    const arn = transformArn(this.env.region, this.env.accountId, name);
    const spec = () => {
      const t = this.entries.get(name)?.transform ?? entry.transform;
      return { source: t?.source ?? '', timeoutMs: t?.timeoutMs ?? TRANSFORM_TIMEOUT_MS_DEFAULT };
    };
    const transforms = this.ctx.host.transforms;
    this.service.registerTransform(arn, transforms ? transforms.invoker(name, spec) : failingInvoker);
  }

  private syncProducer(entry: FirehoseSectionEntry): void {
    const name = entry.DeliveryStreamName;
    const running = this.producers.get(name);
    const wanted = entry.producer && (entry.DeliveryStreamType ?? 'DirectPut') === 'DirectPut' && entry.producer.recordsPerSec > 0;
    if (!wanted) {
      running?.stop();
      this.producers.delete(name);
      return;
    }
    if (running) running.update(entry.producer!);
    else {
      const p = new DirectPutProducer(this.service, name, entry.producer!, this.sim.scheduler, this.sim.prng.fork(`firehose-producer:${name}`));
      if (this.started) p.start();
      this.producers.set(name, p);
    }
  }

  /** Fault injection on whatever the stream delivers to: its bucket, endpoint, domain, cluster or HEC. */
  private applyFaults(faults: FaultSpec | undefined, name: string): void {
    const config = this.service.config(name);
    const d = config.destination;
    const target = d.kind === 's3' ? this.service.s3Faults(config.s3.bucket)
      : d.kind === 'http-endpoint' ? this.service.sinks.httpEndpoint(d.url).faults
      : d.kind === 'opensearch' ? this.service.sinks.searchDomain(d.domain).faults
      : d.kind === 'redshift' ? this.service.sinks.warehouse(d.cluster).faults
      : this.service.sinks.splunk(d.hecEndpoint).faults;
    const f = faults ?? {};
    if (f.latencyMs !== undefined) target.latencyMs = f.latencyMs;
    target.failureRate = f.failureRate ?? 0;
    target.down = f.down ?? false;
    target.failureStatus = f.failureStatus ?? 500;
    if (d.kind === 'splunk') this.service.sinks.splunk(d.hecEndpoint).ackLossRate = f.ackLossRate ?? 0;
  }

  /** Writes the current entries back to the world's document (the host reloads it on reset). */
  private persist(): void {
    this.ctx.writeSection('firehose', this.list());
  }
}
