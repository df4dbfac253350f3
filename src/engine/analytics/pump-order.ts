/**
 * Pump scheduling: pumps ordered so each runs after the pumps writing the streams it reads (cycles
 * are a diagnostic), and grouped by the stream they write so a target's rows are complete before
 * its readers run.
 */
import type { Statement } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { InAppStream } from './in-app-stream';
import { BaseOperator } from './operators/operator';
import type { Pump } from './runtime-types';

/** The pumps writing one stream; `windowed` counts their operators that emit on a ROWTIME bound. */
export interface WriterGroup {
  readonly target: InAppStream | undefined;
  readonly pumps: Pump[];
  windowed: number;
}

/** Orders pumps so every pump runs after the pumps that write the streams it reads. */
export function orderPumps(pumps: Pump[], diagnostics: Diagnostic[], statements: readonly Statement[]): Pump[] {
  const ordered: Pump[] = [];
  const done = new Set<Pump>();
  const visiting = new Set<Pump>();
  const visit = (p: Pump): boolean => {
    if (done.has(p)) return true;
    if (visiting.has(p)) return false;
    visiting.add(p);
    for (const r of p.reads) for (const w of pumps.filter((q) => q.target === r)) if (!visit(w)) return false;
    visiting.delete(p);
    done.add(p);
    ordered.push(p);
    return true;
  };
  for (const p of pumps) {
    if (!visit(p)) {
      const stmt = statements.find((s) => s.type === 'create_pump' && s.name.value === p.name);
      diagnostics.push(diagnostic(`pump ${p.name} is part of a cycle of streams; pumps must form a pipeline without loops`, stmt?.range ?? statements[0].range));
      return pumps;
    }
  }
  return ordered;
}

/**
 * Pumps grouped by the stream they write, groups in pipeline order: a group runs at the position
 * of its last pump, which follows every pump it reads from (pumps are topologically ordered and
 * streams cannot form cycles), so a target's rows are complete before its readers run.
 */
export function groupWriters(pumps: readonly Pump[], findStream: (name: string) => InAppStream | undefined): WriterGroup[] {
  const byTarget = new Map<string, WriterGroup & { last: number }>();
  pumps.forEach((p, i) => {
    const g = byTarget.get(p.target) ?? { target: findStream(p.target), pumps: [], windowed: 0, last: i };
    g.pumps.push(p);
    g.windowed += p.operators.filter((op) => op.onWatermark !== BaseOperator.prototype.onWatermark).length;
    g.last = i;
    byTarget.set(p.target, g);
  });
  return [...byTarget.values()].sort((a, b) => a.last - b.last);
}
