import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../../engine/scenario/demo';
import { World } from '../../../engine/world/world';
import { checkSql } from '../../components/editor/sql-diagnostics';
import { SQL_EXAMPLES } from './examples';

describe('example applications', () => {
  for (const ex of SQL_EXAMPLES) {
    it(`${ex.id} compiles and produces rows on the demo clickstream`, () => {
      const w = World.build(DEMO_SCENARIO);
      w.sim.advanceBy(2000);
      const a = w.parts.analytics;
      const d = a.discover('clickstream');
      const check = checkSql({ sql: ex.sql, inputSchema: d.inputSchema });
      expect(check.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([]);
      expect(check.dialect).toBe(ex.dialect);
      const r = a.startApp({ name: ex.id, sql: ex.sql, input: { stream: 'clickstream', inputSchema: d.inputSchema } });
      expect(r).toEqual({ ok: true });
      w.sim.advanceBy(45_000);
      const snap = a.app(ex.id)!.snapshot();
      expect(snap.status).toBe('RUNNING');
      const sink = snap.outputs.find((o) => o.stream === snap.sinkStream);
      expect(sink?.rows.length ?? 0).toBeGreaterThan(0);
      if (ex.chartColumn) expect(sink!.columns.map((c) => c.name)).toContain(ex.chartColumn);
    });
  }
});
