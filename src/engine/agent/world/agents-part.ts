/**
 * The Kinesis Agent as a part of the world: the document's `agents` section — one entry per
 * host running the agent, with its agent.json, synthetic log generators and pasted files —
 * validated with field paths (the agent's own rules inside `config`, destinations that must
 * exist in `streams` or `firehose`), built on the world's Kinesis and Firehose services.
 */
import { invariant } from '../../api/result';
import type { FirehoseService } from '../../firehose/index';
import type { ScenarioDoc } from '../../scenario/schema';
import type { KinesisService } from '../../streams/service';
import type { PartContext, PartInstance, WorldPart } from '../../world/part';
import { AgentProducer, type AgentSnapshot, type LogGeneratorSpec } from '../agent-producer';
import { parseAgentConfig } from '../config';
import { engineDestination } from '../destinations';
import { LOG_KINDS } from '../log-generator';
import type { AgentMetrics } from '../publisher';
import type { FlowCounters } from '../flow-runner';

export interface AgentSectionEntry {
  readonly name: string;
  /** The agent.json text. */
  readonly config: unknown;
  readonly generators?: readonly LogGeneratorSpec[];
  /** Files present on the host at the start (pasted or uploaded logs). */
  readonly files?: readonly { readonly path: string; readonly content: string }[];
}

export interface AgentsReport {
  readonly agents: readonly {
    readonly name: string;
    readonly flows: readonly { readonly destination: string; readonly counters: FlowCounters; readonly metrics: AgentMetrics; readonly bytesBehind: number }[];
  }[];
}

export interface AgentsSnapshot {
  readonly agents: readonly AgentSnapshot[];
}

export function validateAgentsSection(doc: ScenarioDoc): string[] {
  const section: unknown = doc.agents;
  if (section === undefined) return [];
  if (!Array.isArray(section)) return ['agents must be an array'];
  const errors: string[] = [];
  const names = new Set<string>();
  const streams = new Set(doc.streams.map((s) => s.name));
  const deliveryStreams = new Set((doc.firehose ?? []).map((f) => (f as { DeliveryStreamName?: string }).DeliveryStreamName));
  section.forEach((raw: unknown, i) => {
    const where = `agents[${i}]`;
    const e = raw as Partial<AgentSectionEntry> | null;
    if (!e || typeof e !== 'object') return void errors.push(`${where} must be an object with name and config`);
    if (typeof e.name !== 'string' || e.name === '') errors.push(`${where}.name must be a non-empty string`);
    else if (names.has(e.name)) errors.push(`${where}.name: an agent named ${e.name} already exists`);
    else names.add(e.name);
    const parsed = parseAgentConfig(e.config);
    for (const d of parsed.diagnostics) if (d.severity === 'error') errors.push(`${where}.config${d.path ? `.${d.path}` : ''}: ${d.message}`);
    if (parsed.ok) {
      for (const f of parsed.config.flows) {
        const path = `${where}.config.flows[${f.index}]`;
        if (f.destinationKind === 'kinesisStream' && !streams.has(f.destinationName)) errors.push(`${path}.kinesisStream: no stream named ${f.destinationName} in this scenario's streams`);
        if (f.destinationKind === 'deliveryStream' && !deliveryStreams.has(f.destinationName)) errors.push(`${path}.deliveryStream: no delivery stream named ${f.destinationName} in this scenario's firehose section`);
      }
    }
    (e.generators ?? []).forEach((g, j) => {
      const gp = `${where}.generators[${j}]`;
      if (typeof g?.path !== 'string' || !g.path.startsWith('/')) errors.push(`${gp}.path must be an absolute file path such as /var/log/httpd/access_log`);
      if (!(LOG_KINDS as readonly string[]).includes(g?.kind)) errors.push(`${gp}.kind must be one of ${LOG_KINDS.join(', ')}`);
      if (typeof g?.linesPerSecond !== 'number' || !(g.linesPerSecond >= 0 && g.linesPerSecond <= 100_000)) errors.push(`${gp}.linesPerSecond must be a number from 0 to 100000`);
    });
    (e.files ?? []).forEach((f, j) => {
      if (typeof f?.path !== 'string' || typeof f?.content !== 'string') errors.push(`${where}.files[${j}] must be {path, content} strings`);
    });
  });
  return errors;
}

export class AgentsWorld implements PartInstance<AgentsReport, AgentsSnapshot> {
  readonly agents: AgentProducer[] = [];
  private entries: AgentSectionEntry[];

  constructor(
    entries: readonly AgentSectionEntry[],
    private readonly build: (e: AgentSectionEntry) => AgentProducer,
    private readonly ctx?: PartContext,
  ) {
    this.entries = [...entries];
    for (const e of entries) this.agents.push(build(e));
  }

  /** Adds (or replaces, by name) an agent on the running world and writes it into the scenario. */
  save(entry: AgentSectionEntry): { ok: true } | { ok: false; message: string } {
    if (!this.ctx) return { ok: false, message: 'this world cannot be edited' };
    const others = this.entries.filter((e) => e.name !== entry.name);
    const errors = validateAgentsSection({ ...this.ctx.doc, agents: [...others, entry] });
    if (errors.length) return { ok: false, message: errors.join('\n') };
    const at = this.agents.findIndex((a) => a.id === entry.name);
    if (at >= 0) this.agents.splice(at, 1)[0].shutdown();
    const agent = this.build(entry);
    agent.start();
    this.agents.push(agent);
    this.entries = [...others, entry];
    this.ctx.writeSection('agents', this.entries);
    return { ok: true };
  }

  find(name: string): AgentProducer | undefined {
    return this.agents.find((a) => a.id === name);
  }

  start(): void {
    for (const a of this.agents) a.start();
  }

  stop(): void {
    for (const a of this.agents) a.shutdown();
  }

  report(): AgentsReport {
    return {
      agents: this.agents.map((a) => {
        const s = a.snapshot();
        return { name: a.id, flows: s.flows.map((f) => ({ destination: f.destination, counters: f.counters, metrics: f.metrics, bytesBehind: f.bytesBehind })) };
      }),
    };
  }

  snapshot(): AgentsSnapshot {
    return { agents: this.agents.map((a) => a.snapshot()) };
  }
}

export const agentsPart: WorldPart<'agents', AgentsWorld> = {
  key: 'agents',
  validate: validateAgentsSection,
  build(ctx) {
    const kinesis = ctx.sim.part<KinesisService>('kinesis-data-streams');
    invariant(kinesis !== undefined, 'the Data Streams part is built before the agents');
    const firehose = ctx.sim.part<FirehoseService>('firehose');
    const entries = ctx.doc.agents ?? [];
    const destination = engineDestination(kinesis, firehose);
    return new AgentsWorld(entries, (e) => {
      const parsed = parseAgentConfig(e.config);
      invariant(parsed.ok, 'agents are validated before they are built');
      const agent = new AgentProducer(e.name, ctx.sim, parsed.config, destination, ctx.sim.prng.fork(`agent:${e.name}`), e.generators ?? []);
      for (const f of e.files ?? []) agent.write(f.path, f.content);
      return agent;
    }, ctx);
  },
};
