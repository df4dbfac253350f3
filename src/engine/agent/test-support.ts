/** Test helper: run one flow config over a file's text and return the records' data as text. */
import { parseAgentConfig } from './config';
import type { FlowConfig } from './config-types';
import { newCursor, readAvailable, type AgentRecord } from './record-pipeline';

export function flowOf(flow: Record<string, unknown>): FlowConfig {
  const r = parseAgentConfig({ flows: [{ filePattern: '/var/log/app.log', kinesisStream: 's', ...flow }] });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return r.config.flows[0];
}

export function run(flow: Record<string, unknown>, text: string, nowMs = Date.UTC(2026, 0, 1)): AgentRecord[] {
  const f = flowOf(flow);
  return readAvailable(f, new TextEncoder().encode(text), newCursor(f), { nowMs, random: () => 0.5 }).records;
}

export function sent(flow: Record<string, unknown>, text: string, nowMs?: number): string[] {
  const dec = new TextDecoder();
  return run(flow, text, nowMs).filter((r) => r.data).map((r) => dec.decode(r.data));
}
