/**
 * Node side of `npm run agent`: resolving a flow's filePattern against the config file's folder,
 * listing the files it matches (oldest first by modification time, then by name), and reading
 * a file's bytes from an offset.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { matchesFileName, parseFilePattern } from '../engine/agent/index';
import type { FlowConfig } from '../engine/agent/index';

export interface SourceFileInfo {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export function resolveDirectory(flow: FlowConfig, configDir: string): string {
  return isAbsolute(flow.file.directory) ? flow.file.directory : resolve(configDir, flow.file.directory);
}

/** A flow's pattern re-anchored to the config's folder (relative patterns are resolved there). */
export function absolutePattern(pattern: string, configDir: string): string {
  const parsed = parseFilePattern(pattern);
  if (!parsed.ok) return pattern;
  const dir = isAbsolute(parsed.value.directory) ? parsed.value.directory : resolve(configDir, parsed.value.directory);
  return join(dir, parsed.value.glob);
}

export function listMatchingFiles(flow: FlowConfig, configDir: string): SourceFileInfo[] {
  const dir = resolveDirectory(flow, configDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // a missing directory is not an error: the flow sees no files until it appears
  }
  const files: SourceFileInfo[] = [];
  for (const name of names) {
    if (!matchesFileName(flow.file, name)) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isFile()) files.push({ path, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
    } catch {
      // vanished between readdir and stat
    }
  }
  return files.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Bytes [0, size) of the file: the pipeline addresses records by absolute file offsets. */
export function readFileUpTo(path: string, size: number, cache?: { bytes: Uint8Array }): Uint8Array {
  const have = cache?.bytes.length ?? 0;
  if (cache && have === size) return cache.bytes;
  const out = new Uint8Array(size);
  let from = 0;
  if (cache && have < size) {
    out.set(cache.bytes);
    from = have;
  }
  const fd = openSync(path, 'r');
  try {
    while (from < size) {
      const n = readSync(fd, out, from, size - from, from);
      if (n <= 0) break;
      from += n;
    }
  } finally {
    closeSync(fd);
  }
  return from === size ? out : out.subarray(0, from);
}
