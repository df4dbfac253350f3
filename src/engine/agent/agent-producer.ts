/**
 * The Kinesis Agent as an actor of the simulation: an agent.json, the host's virtual log
 * files (optionally written by synthetic log generators), one FlowRunner per flow polling
 * every minTimeBetweenFilePollsMillis, and what the console shows — recent records before
 * and after processing, batches with their outcomes, checkpoints, the agent's metrics.
 * `restart()` drops everything in memory and resumes from the checkpoints, as the real
 * agent does after a service restart. All buffers are bounded.
 */
import type { Simulation, SimulationPart } from '../simulation';
import type { Cancellable } from '../time/scheduler';
import type { Prng } from '../random/prng';
import type { AgentConfig, FlowConfig } from './config-types';
import type { AgentDestination } from './destinations';
import { FlowRunner, type BatchEvent, type FlowCounters } from './flow-runner';
import { logLine, type LogKind } from './log-generator';
import type { AgentMetrics } from './publisher';
import type { AgentRecord } from './record-pipeline';
import { VirtualFileSystem } from './virtual-files';

export interface LogGeneratorSpec {
  readonly path: string;
  readonly kind: LogKind;
  readonly linesPerSecond: number;
}

export interface RecordView {
  readonly atMs: number;
  readonly flow: number;
  readonly file: string;
  readonly offset: number;
  readonly before: string;
  readonly after?: string;
  readonly status: AgentRecord['status'];
  readonly truncated: boolean;
  readonly partitionKey?: string;
  readonly note?: string;
}

export interface AgentSnapshot {
  readonly id: string;
  readonly running: boolean;
  readonly restarts: number;
  readonly flows: readonly {
    readonly index: number;
    readonly id: string;
    readonly destination: string;
    readonly counters: FlowCounters;
    readonly metrics: AgentMetrics;
    readonly bufferedRecords: number;
    readonly queuedBuffers: number;
    readonly bytesBehind: number;
    readonly checkpoints: readonly { readonly file: string; readonly offset: number }[];
  }[];
  readonly files: readonly { readonly path: string; readonly size: number; readonly tail: string }[];
  readonly recentRecords: readonly RecordView[];
  readonly recentBatches: readonly BatchEvent[];
}

const RECENT_MAX = 200;
const TAIL_BYTES = 4_096;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT_MAX) list.splice(0, list.length - RECENT_MAX);
}

export class AgentProducer implements SimulationPart {
  readonly files: VirtualFileSystem;
  private runners: FlowRunner[] = [];
  private readonly checkpoints = new Map<string, Map<string, number>>();
  private readonly recentRecords: RecordView[] = [];
  private readonly recentBatches: BatchEvent[] = [];
  private timers: Cancellable[] = [];
  private running = false;
  private restarts = 0;

  constructor(
    readonly id: string,
    private readonly sim: Simulation,
    private config: AgentConfig,
    private readonly destination: AgentDestination,
    private readonly prng: Prng,
    generators: readonly LogGeneratorSpec[] = [],
    files?: VirtualFileSystem,
  ) {
    this.files = files ?? new VirtualFileSystem();
    this.generators = generators;
  }

  private readonly generators: readonly LogGeneratorSpec[];
  private generatorTimers: Cancellable[] | undefined;

  private startGenerator(g: LogGeneratorSpec): Cancellable {
    const p = this.prng.fork(`generator:${g.path}`);
    const tickMs = 100;
    if (!this.files.get(g.path)) this.files.create(g.path, this.sim.nowMs);
    return this.sim.scheduler.every(tickMs, (now) => {
      const n = p.poisson((g.linesPerSecond * tickMs) / 1000);
      if (n === 0) return;
      let text = '';
      for (let i = 0; i < n; i++) text += logLine(g.kind, p, now);
      this.files.append(g.path, encoder.encode(text), now);
    });
  }

  /** Appends text to a virtual file (pasted or uploaded logs). */
  write(path: string, text: string): void {
    this.files.append(path, encoder.encode(text), this.sim.nowMs);
  }

  private checkpointsOf(flow: FlowConfig): Map<string, number> {
    let m = this.checkpoints.get(flow.id);
    if (!m) this.checkpoints.set(flow.id, (m = new Map()));
    return m;
  }

  /** Starts the log generators (once) and the agent's tailing. */
  start(): void {
    this.generatorTimers ??= this.generators.map((g) => this.startGenerator(g));
    if (this.running) return;
    this.running = true;
    const random = () => this.prng.next();
    this.runners = this.config.flows.map((flow) => new FlowRunner(flow, this.files, this.destination, {
      random,
      checkpoints: this.checkpointsOf(flow),
      onRecord: (f, file, r) => pushBounded(this.recentRecords, {
        atMs: this.sim.nowMs, flow: f.index, file, offset: r.startOffset, before: r.raw,
        after: r.data ? decoder.decode(r.data) : undefined, status: r.status, truncated: r.truncated, partitionKey: r.partitionKey, note: r.note,
      }),
      onBatch: (e) => pushBounded(this.recentBatches, e),
    }, this.sim.nowMs));
    const pollMs = Math.min(...this.config.flows.map((f) => f.minTimeBetweenFilePollsMillis), 1_000);
    this.timers = [this.sim.scheduler.every(pollMs, (now) => this.poll(now))];
  }

  /** Stops the agent and its generators. */
  shutdown(): void {
    this.stop();
    for (const t of this.generatorTimers ?? []) t.cancel();
    this.generatorTimers = undefined;
  }

  /** Stops tailing; buffered, unsent records are lost (they are re-read from the checkpoints). */
  stop(): void {
    for (const t of this.timers) t.cancel();
    this.timers = [];
    this.runners = [];
    this.running = false;
  }

  /** The agent service restarted: in-memory buffers are gone, tailing resumes at the checkpoints. */
  restart(config?: AgentConfig): void {
    this.stop();
    if (config) this.config = config;
    this.restarts++;
    this.start();
  }

  private poll(now: number): void {
    for (const r of this.runners) r.poll(now);
    this.trimFiles();
  }

  /** Drops file bytes every flow has passed (keeping a short tail for display). */
  private trimFiles(): void {
    const needed = new Map<string, number>();
    for (const r of this.runners) for (const [p, o] of r.neededOffsets()) needed.set(p, Math.min(needed.get(p) ?? Infinity, o));
    for (const f of this.files.list()) {
      const keep = Math.min(needed.get(f.path) ?? this.files.size(f), this.files.size(f) - TAIL_BYTES);
      if (keep - f.baseOffset > 1_048_576) this.files.trimBefore(f, keep);
    }
  }

  get flowRunners(): readonly FlowRunner[] {
    return this.runners;
  }

  snapshot(): AgentSnapshot {
    return {
      id: this.id,
      running: this.running,
      restarts: this.restarts,
      flows: this.runners.map((r) => ({
        index: r.flow.index,
        id: r.flow.id,
        destination: `${r.flow.destinationKind}:${r.flow.destinationName}`,
        counters: { ...r.counters },
        metrics: { ...r.metrics },
        bufferedRecords: r.pendingRecords,
        queuedBuffers: r.queue.length,
        bytesBehind: r.bytesBehind(),
        checkpoints: [...this.checkpointsOf(r.flow)].map(([file, offset]) => ({ file: file.slice(0, file.lastIndexOf('|')), offset })),
      })),
      files: this.files.list().map((f) => {
        const size = this.files.size(f);
        return { path: f.path, size, tail: decoder.decode(this.files.read(f, Math.max(0, size - TAIL_BYTES)).bytes) };
      }),
      recentRecords: [...this.recentRecords],
      recentBatches: [...this.recentBatches],
    };
  }
}
