/**
 * `filePattern` as the agent reads it: a literal directory plus a Java NIO glob for the file
 * name (`*`, `?`, `{a,b}`, `[abc]`); globs in the directory part are a known gap of the agent
 * and rejected; compressed files (.gz, .bz2, .zip) never match. Pure string logic, so the
 * engine's virtual files and the CLI's real files share it.
 */
import { COMPRESSED_SUFFIXES } from './limits';

export interface FilePattern {
  readonly directory: string;
  readonly glob: string;
  readonly matcher: RegExp;
}

const GLOB_CHARS = /[*?{}[\]]/;

export function parseFilePattern(pattern: string): { ok: true; value: FilePattern } | { ok: false; message: string } {
  if (pattern.length === 0) return { ok: false, message: 'filePattern is empty' };
  if (pattern.endsWith('/')) return { ok: false, message: `filePattern "${pattern}" ends with "/": name the files, e.g. "${pattern}*.log"` };
  const slash = pattern.lastIndexOf('/');
  const directory = slash < 0 ? '.' : slash === 0 ? '/' : pattern.slice(0, slash);
  const glob = pattern.slice(slash + 1);
  if (GLOB_CHARS.test(directory)) {
    return { ok: false, message: `filePattern "${pattern}": wildcards are allowed only in the file name, not in the directory "${directory}" (the agent does not support directory globs)` };
  }
  const matcher = globToRegExp(glob);
  if (!matcher) return { ok: false, message: `filePattern "${pattern}": unbalanced { } or [ ] in the file-name glob` };
  return { ok: true, value: { directory, glob, matcher } };
}

function globToRegExp(glob: string): RegExp | undefined {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      if (inGroup) return undefined;
      inGroup = true;
      re += '(?:';
    } else if (c === '}') {
      if (!inGroup) return undefined;
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) return undefined;
      let cls = glob.slice(i + 1, end);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  if (inGroup) return undefined;
  return new RegExp(`^${re}$`);
}

/** Whether a file name (no directory) is one this flow tails. */
export function matchesFileName(p: FilePattern, name: string): boolean {
  const lower = name.toLowerCase();
  if (COMPRESSED_SUFFIXES.some((s) => lower.endsWith(s))) return false;
  return p.matcher.test(name);
}
