/**
 * `npm run agent -- --dry-run`: every matching file of every flow read once from its start to
 * its end through the flow's processing; one JSON line per record on stdout,
 * {"flow": i, "destination": "kinesisStream:NAME" | "deliveryStream:NAME", "data": "<UTF-8>"};
 * counts (records, lines dropped or unparsable, conversion errors, truncations, an
 * unterminated last line) on stderr.
 */
import { newCursor, readAvailable } from '../engine/agent/index';
import type { AgentConfig } from '../engine/agent/index';
import { listMatchingFiles, readFileUpTo } from './agent-files';

export interface DryRunCounts {
  records: number;
  skipped: number;
  processingErrors: number;
  truncated: number;
  files: number;
  unterminatedBytes: number;
}

export function dryRun(config: AgentConfig, configDir: string, out: (line: string) => void, err: (line: string) => void): DryRunCounts {
  const total: DryRunCounts = { records: 0, skipped: 0, processingErrors: 0, truncated: 0, files: 0, unterminatedBytes: 0 };
  const decoder = new TextDecoder();
  for (const flow of config.flows) {
    const destination = `${flow.destinationKind}:${flow.destinationName}`;
    const files = listMatchingFiles(flow, configDir);
    if (files.length === 0) err(`flow ${flow.index} (${flow.id}): no file matches ${flow.filePattern}`);
    for (const f of files) {
      total.files++;
      const bytes = readFileUpTo(f.path, f.size);
      const ctx = { nowMs: Date.now(), random: Math.random };
      const { records, cursor } = readAvailable(flow, bytes, newCursor(flow), ctx);
      const counts = { records: 0, skipped: 0, errors: 0, truncated: 0 };
      for (const r of records) {
        if (!r.data) {
          counts.skipped++;
          continue;
        }
        if (r.status === 'raw-after-error') counts.errors++;
        if (r.truncated) counts.truncated++;
        counts.records++;
        out(JSON.stringify({ flow: flow.index, destination, data: decoder.decode(r.data) }));
      }
      const rest = cursor.ended ? 0 : bytes.length - cursor.offset;
      err(`flow ${flow.index} ${f.path}: ${counts.records} records, ${counts.skipped} dropped or unparsable, ${counts.errors} conversion errors (sent raw), ${counts.truncated} truncated`
        + (rest > 0 ? `, ${rest} bytes after the last newline not sent (the agent waits for the line to end)` : '')
        + (cursor.ended ? ', stopped at the footer line' : ''));
      total.records += counts.records;
      total.skipped += counts.skipped;
      total.processingErrors += counts.errors;
      total.truncated += counts.truncated;
      total.unterminatedBytes += rest;
    }
  }
  err(`total: ${total.records} records from ${total.files} files; ${total.skipped} dropped or unparsable; ${total.processingErrors} conversion errors; ${total.truncated} truncated`);
  return total;
}
