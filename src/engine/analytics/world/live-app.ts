/**
 * One analytics application running in the live world: builds the engine's SqlApplication from its
 * configuration, polls its source stream once per virtual second as a consumer, pushes records in
 * with ingest-time ROWTIMEs, closes windows with a ROWTIME bound each second, keeps the newest rows
 * of every in-application stream and of error_stream for the console, and writes its output.
 */
import { discoverSchema, type InputSchema } from '../../analytics/input-schema';
import { SqlApplication, type OutputRow } from '../../analytics/runtime';
import { parseScript } from '../../analytics/parser';
import type { Simulation } from '../../simulation';
import type { KinesisService } from '../../streams/service';
import type { Cancellable } from '../../time/scheduler';
import type { AnalyticsAppConfig } from './app-config';
import { OutputSink, type DeliveryPut } from './output-sink';
import type { AppSnapshot, AppStatus, ErrorRowSnapshot, SnapshotRow, StreamRowsSnapshot } from './snapshot-types';
import { sampleRecords, SourceReader } from './source-reader';

/** The sink keeps enough rows for a chart (the UI draws at most 1,200 points); other streams a few. */
export const SINK_ROWS_KEPT = 1200;
export const OTHER_ROWS_KEPT = 20;
export const ERROR_ROWS_KEPT = 100;
const DATA_ROW_HEX_SHOWN = 512;
const POLL_INTERVAL_MS = 1000;
const DISCOVERY_SAMPLE_SIZE = 100;
/** Rates are averaged over the last 10 polls, so a 10-second window's burst of rows reads as a rate. */
const RATE_WINDOW_POLLS = 10;

class RowRing {
  readonly rows: SnapshotRow[] = [];
  total = 0;
  constructor(readonly capacity: number) {}
  push(row: OutputRow): void {
    this.total++;
    this.rows.push({ rowtimeMs: row.rowtimeMs, values: row.values });
    if (this.rows.length > this.capacity * 1.25) this.rows.splice(0, this.rows.length - this.capacity);
  }
  newest(): SnapshotRow[] {
    return this.rows.length > this.capacity ? this.rows.slice(this.rows.length - this.capacity) : this.rows.slice();
  }
}

/** The Flink source table that reads `stream` (its 'stream' option), else the first source. */
function flinkSourceFor(sql: string, stream: string, sources: readonly string[]): string | undefined {
  const tables = parseScript(sql).script.statements.filter((s) => s.type === 'create_table');
  for (const t of tables) {
    if (t.type !== 'create_table') continue;
    const opts = new Map(t.options);
    if (opts.get('stream') === stream && sources.includes(t.name.value)) return t.name.value;
  }
  return sources[0];
}

function perSecond(perPoll: readonly number[]): number {
  if (perPoll.length === 0) return 0;
  return perPoll.reduce((a, b) => a + b, 0) / perPoll.length / (POLL_INTERVAL_MS / 1000);
}

export class LiveAnalyticsApp {
  status: AppStatus = 'READY';
  message: string | undefined;
  private app: SqlApplication | null = null;
  private reader: SourceReader | null = null;
  private sink: OutputSink | null = null;
  private timer: Cancellable | null = null;
  private startedAtMs: number | null = null;
  private sinkStream: string | null = null;
  private flinkSource: string | undefined;
  private readonly rings = new Map<string, RowRing>();
  private readonly errors: ErrorRowSnapshot[] = [];
  private lastRowtimeMs = -Infinity;
  private readonly inputHistory: number[] = [];
  private readonly outputHistory: number[] = [];
  private lastSinkTotal = 0;
  /** The schema the app started with (discovered when the configuration had none). */
  inputSchema: InputSchema | undefined;

  constructor(
    readonly config: AnalyticsAppConfig,
    private readonly sim: Simulation,
    private readonly service: KinesisService,
    private readonly deliveryPut: () => DeliveryPut | null,
  ) {
    this.inputSchema = config.input.inputSchema;
  }

  get name(): string {
    return this.config.name;
  }

  /** Failures carry the Kinesis Data Analytics API's error name (API_CreateApplication, API_DiscoverInputSchema). */
  start(): { ok: true } | { ok: false; name: string; message: string } {
    if (this.status === 'RUNNING') return { ok: true };
    const fail = (message: string, name = 'CodeValidationException') => {
      this.status = 'FAILED';
      this.message = message;
      return { ok: false as const, name, message };
    };
    const stream = this.service.stream(this.config.input.stream);
    if (!stream || stream.deleted) return fail(`source stream ${this.config.input.stream} does not exist in this scenario`, 'ResourceNotFoundException');
    if (!this.inputSchema) {
      const samples = sampleRecords(stream, DISCOVERY_SAMPLE_SIZE, this.sim.nowMs);
      if (samples.length === 0) return fail(`no records in ${stream.name} to discover an input schema from: run the scenario a few seconds or give the schema`, 'UnableToDetectSchemaException');
      this.inputSchema = discoverSchema(samples);
    }
    const created = SqlApplication.create(this.config.sql, {
      input: { namePrefix: this.config.input.namePrefix, inputSchema: this.inputSchema },
      references: this.config.reference?.map((r) => ({ tableName: r.tableName, referenceSchema: r.referenceSchema, body: r.body })),
      prng: this.sim.prng.fork(`analytics:${this.name}`),
      startMs: this.sim.nowMs,
    });
    const firstError = created.diagnostics.find((d) => d.severity === 'error');
    if (!created.app || firstError) {
      const where = firstError ? `${firstError.range.start.line}:${firstError.range.start.column}: ` : '';
      return fail(`the SQL does not compile: ${where}${firstError?.message ?? 'unknown error'}`);
    }
    const app = created.app;
    this.rings.clear();
    this.errors.length = 0;
    const streams = app.streams();
    this.sinkStream = this.config.output?.inAppStream ?? app.sinkStreamNames()[0] ?? null;
    if (this.sinkStream && !streams.some((s) => s.name === this.sinkStream)) return fail(`output in-application stream ${this.sinkStream} is not defined by the SQL`);
    for (const s of streams) {
      // KDA tables are reference data (no rows flow); Flink tables are the streams themselves.
      if (s.role === 'error' || (s.role === 'table' && app.dialect === 'kda')) continue;
      const ring = new RowRing(s.name === this.sinkStream ? SINK_ROWS_KEPT : OTHER_ROWS_KEPT);
      this.rings.set(s.name, ring);
      app.subscribe(s.name, (row) => ring.push(row));
    }
    app.onError((e) => {
      this.errors.push({ errorTimeMs: e.errorTimeMs, errorName: e.errorName, message: e.message, dataRowtimeMs: e.dataRowtimeMs, dataRow: e.dataRow.slice(0, DATA_ROW_HEX_SHOWN) });
      if (this.errors.length > ERROR_ROWS_KEPT * 1.25) this.errors.splice(0, this.errors.length - ERROR_ROWS_KEPT);
    });
    const output = this.config.output ?? { kind: 'console' as const };
    if (this.sinkStream) {
      const sinkInfo = streams.find((s) => s.name === this.sinkStream)!;
      const sink = new OutputSink(output, this.sinkStream, sinkInfo.columns, this.service, this.sim.prng.fork(`analytics:${this.name}:output`), this.deliveryPut());
      this.sink = sink;
      app.subscribe(this.sinkStream, (row) => sink.write(row));
    } else this.sink = null;
    this.flinkSource = app.dialect === 'flink' ? flinkSourceFor(this.config.sql, stream.name, app.sourceStreamNames()) : undefined;
    this.app = app;
    this.reader = new SourceReader(stream, /SEQUENCE_NUMBER/i.test(this.config.sql), this.config.input.startingPosition ?? 'NOW');
    this.startedAtMs = this.sim.nowMs;
    this.lastRowtimeMs = -Infinity;
    this.lastSinkTotal = 0;
    this.inputHistory.length = 0;
    this.outputHistory.length = 0;
    this.status = 'RUNNING';
    this.message = firstError ? undefined : created.diagnostics.length ? `${created.diagnostics.length} warning(s)` : undefined;
    this.timer = this.sim.scheduler.every(POLL_INTERVAL_MS, (now) => this.poll(now));
    return { ok: true };
  }

  /** Stops polling; the last rows stay visible. State (open windows) is discarded, as on the service. */
  stop(message?: string): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.status === 'RUNNING') this.status = 'STOPPED';
    this.message = message;
  }

  private poll(nowMs: number): void {
    const app = this.app;
    const reader = this.reader;
    if (!app || !reader) return;
    if (reader.gone) {
      this.stop(`source stream ${reader.streamName} was deleted`);
      return;
    }
    const records = reader.poll(nowMs);
    for (const r of records) {
      // ROWTIME = when the app ingests the record: within the last poll interval (its arrival when it is that
      // recent, so live rows keep their spacing; a backlog read from TRIM_HORIZON gets the poll's time),
      // never earlier than what the stream already holds.
      const ingestMs = Math.min(nowMs, Math.max(r.arrivalMs, nowMs - POLL_INTERVAL_MS));
      const rowtimeMs = Math.max(this.lastRowtimeMs, ingestMs);
      this.lastRowtimeMs = rowtimeMs;
      app.push({ data: r.data, rowtimeMs, arrivalMs: r.arrivalMs, partitionKey: r.partitionKey, sequenceNumber: r.sequenceNumber, shardId: r.shardId, source: this.flinkSource });
    }
    // The virtual clock's ROWTIME bound: windows close even when input stalls.
    if (app.dialect === 'kda') {
      app.advanceWatermark(nowMs);
      this.lastRowtimeMs = Math.max(this.lastRowtimeMs, nowMs);
    }
    this.sink?.flush(nowMs);
    const sinkTotal = this.sinkStream ? (this.rings.get(this.sinkStream)?.total ?? 0) : 0;
    this.inputHistory.push(records.length);
    this.outputHistory.push(sinkTotal - this.lastSinkTotal);
    if (this.inputHistory.length > RATE_WINDOW_POLLS) this.inputHistory.shift();
    if (this.outputHistory.length > RATE_WINDOW_POLLS) this.outputHistory.shift();
    this.lastSinkTotal = sinkTotal;
  }

  snapshot(): AppSnapshot {
    const streams = this.app?.streams() ?? [];
    const outputs: StreamRowsSnapshot[] = [];
    for (const s of streams) {
      const ring = this.rings.get(s.name);
      if (!ring) continue;
      outputs.push({ stream: s.name, columns: s.columns.map((c) => ({ name: c.writtenName, type: c.type })), rowsTotal: ring.total, rows: ring.newest() });
    }
    const t = this.reader?.totals;
    const running = this.status === 'RUNNING';
    return {
      name: this.name,
      status: this.status,
      dialect: this.app?.dialect ?? parseScript(this.config.sql).script.dialect,
      message: this.message,
      config: { ...this.config, input: { ...this.config.input, inputSchema: this.inputSchema } },
      startedAtMs: this.startedAtMs,
      source: {
        stream: this.config.input.stream,
        shardsPolled: running ? (this.reader?.shardsPolled ?? 0) : 0,
        readCallsTotal: t?.readCalls ?? 0,
        readThrottlesTotal: t?.readThrottles ?? 0,
        recordsReadTotal: t?.records ?? 0,
        bytesReadTotal: t?.bytes ?? 0,
        recordsWithoutPayloadTotal: t?.withoutPayload ?? 0,
        millisBehindLatest: t?.millisBehindLatest ?? 0,
      },
      inputRecordsPerSec: running ? perSecond(this.inputHistory) : 0,
      outputRowsPerSec: running ? perSecond(this.outputHistory) : 0,
      errorsTotal: this.app?.errorsTotal.count ?? 0,
      streams,
      sinkStream: this.sinkStream,
      outputs,
      errors: this.errors.slice(-ERROR_ROWS_KEPT),
      output: this.sink?.snapshot() ?? { kind: this.config.output?.kind ?? 'console', name: this.config.output?.name, inAppStream: '', recordsDeliveredTotal: 0, throttledTotal: 0, pendingRecords: 0 },
    };
  }
}
