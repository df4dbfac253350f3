/**
 * The agent's checkpoint store for `npm run agent`: per (flow, file path) the file's inode and
 * the byte offset after the last record sent, in a small JSON file (the Java agent keeps the
 * same rows in SQLite). Written atomically (temp file + rename) after each successful send.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CheckpointRow {
  readonly flowId: string;
  readonly path: string;
  readonly ino: number;
  readonly offset: number;
  readonly lastUpdated: string;
}

export class CheckpointStore {
  private rows = new Map<string, CheckpointRow>();

  constructor(readonly file: string) {
    if (existsSync(file)) {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { checkpoints?: CheckpointRow[] };
      for (const r of doc.checkpoints ?? []) this.rows.set(`${r.flowId}\u0000${r.path}`, r);
    }
  }

  forFlow(flowId: string): CheckpointRow[] {
    return [...this.rows.values()].filter((r) => r.flowId === flowId);
  }

  set(flowId: string, path: string, ino: number, offset: number): void {
    const key = `${flowId}\u0000${path}`;
    const prev = this.rows.get(key);
    if (prev && prev.ino === ino && prev.offset >= offset) return; // a late buffer never moves it back
    this.rows.set(key, { flowId, path, ino, offset, lastUpdated: new Date().toISOString() });
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ checkpoints: [...this.rows.values()] }, null, 2)}\n`);
    renameSync(tmp, this.file);
  }
}
