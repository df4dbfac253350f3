/**
 * Worker operations for the Agents page: agent.json validation as the user types (diagnostics
 * with editor ranges), adding an agent to the live world, restarting it, appending text to one
 * of its files. The agents themselves are the engine world's Agents part.
 */
import { jsonSpans, lineColumn, locatePath, parseAgentConfigText, type AgentSectionEntry } from '../../engine/agent/index';
import type { WorkerContext } from './context';
import { DONE, invalid, NO_SCENARIO, notFound, type WorkerResult } from './worker-result';

export type { AgentSectionEntry } from '../../engine/agent/index';
export type { AgentSnapshot, RecordView, BatchEvent } from '../../engine/agent/index';

export interface AgentDiagnosticView {
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface AgentsApi {
  agentValidate(text: string): Promise<AgentDiagnosticView[]>;
  /** Adds or replaces an agent; a bad entry is a ValidationException listing every problem with its field path. */
  agentSave(entry: AgentSectionEntry): Promise<WorkerResult>;
  agentRestart(name: string): Promise<WorkerResult>;
  agentAppend(name: string, path: string, text: string): Promise<WorkerResult>;
}

/** agent.json problems with line/column ranges (JSON syntax errors at the reported position). */
function validateAgentText(text: string): AgentDiagnosticView[] {
  const parsed = parseAgentConfigText(text);
  const spans = jsonSpans(text);
  return parsed.diagnostics.map((d) => {
    let span = locatePath(spans, d.path);
    const pos = /position (\d+)/.exec(d.message);
    if (d.path === '' && pos) span = { start: Number(pos[1]), end: Number(pos[1]) + 1 };
    const a = lineColumn(text, span.start);
    const b = lineColumn(text, span.end);
    return { path: d.path, message: d.path ? `${d.path}: ${d.message}` : d.message, severity: d.severity, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  });
}

export function agentsApi(ctx: WorkerContext): AgentsApi {
  const part = () => ctx.world()?.world.parts.agents;
  const done = (r: WorkerResult): WorkerResult => {
    ctx.host.publishNow();
    return r;
  };
  return {
    async agentValidate(text) {
      return validateAgentText(text);
    },
    async agentSave(entry) {
      const p = part();
      if (!p) return NO_SCENARIO;
      const r = p.save(entry);
      return done(r.ok ? DONE : invalid(r.message.split('\n')));
    },
    async agentRestart(name) {
      const a = part()?.find(name);
      if (!a) return notFound(`no agent named ${name}`);
      a.restart();
      return done(DONE);
    },
    async agentAppend(name, path, text) {
      const a = part()?.find(name);
      if (!a) return notFound(`no agent named ${name}`);
      a.write(path, text.endsWith('\n') ? text : `${text}\n`);
      return done(DONE);
    },
  };
}
