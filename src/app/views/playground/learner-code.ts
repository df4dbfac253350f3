/**
 * Turns what a learner types into a function body the sandbox can run: `import … from
 * '@aws-sdk/client-…'` declarations become lookups in the modules the sandbox provides (the real
 * SDK packages, with their clients wired to the in-browser engine). Only import declarations are
 * rewritten, one per line, as the examples and the SDK documentation write them; everything else
 * runs as written, top-level `await` included (the body runs inside an async function).
 */
export const PROVIDED_MODULES = ['@aws-sdk/client-kinesis', '@aws-sdk/client-firehose'] as const;

// An import declaration, possibly over several lines (named lists are often wrapped).
const IMPORT_DECL = /^([ \t]*)import\s+([^'";]*?)\s+from\s+['"]([^'"]+)['"][ \t]*;?/gm;

export type Prepared = { ok: true; body: string } | { ok: false; line: number; message: string };

const lineOf = (source: string, index: number) => source.slice(0, index).split('\n').length;

export function prepareLearnerCode(source: string): Prepared {
  let failure: Prepared | null = null;
  const body = source.replace(IMPORT_DECL, (decl: string, indent: string, clause: string, from: string, index: number) => {
    if (failure) return decl;
    const line = lineOf(source, index);
    if (!(PROVIDED_MODULES as readonly string[]).includes(from)) {
      failure = { ok: false, line, message: `The playground provides ${PROVIDED_MODULES.join(' and ')}; “${from}” is not available here.` };
      return decl;
    }
    const mod = `__modules[${JSON.stringify(from)}]`;
    const star = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(clause.trim());
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    // Keep the line count, so error line numbers still match what the learner sees.
    const keep = '\n'.repeat(decl.split('\n').length - 1);
    if (star) return `${indent}const ${star[1]} = ${mod};${keep}`;
    if (named) return `${indent}const {${named[1].replace(/\bas\b/g, ':').replace(/\s*\n\s*/g, ' ')}} = ${mod};${keep}`;
    failure = { ok: false, line, message: 'Use a named import ({ KinesisClient, … }) or a namespace import (* as kinesis).' };
    return decl;
  });
  if (failure) return failure;
  const stray = /^[ \t]*import\s/m.exec(body);
  if (stray) return { ok: false, line: lineOf(body, stray.index), message: "Only SDK imports are supported: import { KinesisClient } from '@aws-sdk/client-kinesis';" };
  return { ok: true, body };
}

/** One console argument as text: objects as JSON (BigInt and bytes made readable). */
export function formatArg(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'bigint') return x.toString();
      if (x instanceof Uint8Array) return `Uint8Array(${x.byteLength}) "${new TextDecoder().decode(x.subarray(0, 80))}"`;
      return x;
    }, 1)?.replace(/\n\s*/g, ' ') ?? String(v);
  } catch {
    return String(v);
  }
}
