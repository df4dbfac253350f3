import { describe, expect, it } from 'vitest';
import { discoverSchema } from '../../../engine/analytics/input-schema';
import { checkSql } from '../../components/editor/sql-diagnostics';
import { DEMO_SCENARIO } from '../../../engine/scenario/demo';
import { World } from '../../../engine/world/world';
import { GALLERY } from '../../scenarios/gallery';
import { flinkStarter, kdaStarter, pendingStarter, pickKeyColumn } from './starter-sql';

const words = { perKey: (k: string, s: string) => `per ${k} from ${s}`, total: (s: string) => `all of ${s}` };

// Record shapes of the demo and the gallery scenarios whose producers send payloads.
const SHAPES: Record<string, string[]> = {
  demo: Array.from({ length: 12 }, (_, i) => JSON.stringify({ user: String(i * 37), page: ['/', '/cart', '/search', '/product'][i % 4], ip: `10.0.0.${i}`, at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000` })),
  fraud: Array.from({ length: 12 }, (_, i) => JSON.stringify({ card: `card-${i * 13}`, amount: i * 7, merchant: ['grocer', 'fuel', 'online', 'travel'][i % 4] })),
  logs: Array.from({ length: 12 }, (_, i) => JSON.stringify({ level: ['INFO', 'WARN', 'ERROR'][i % 3], service: ['api', 'web', 'auth'][i % 3], msg: 'request served', ms: i * 50 })),
  nested: Array.from({ length: 6 }, (_, i) => JSON.stringify({ device: { id: `d${i % 2}` }, temp: i + 0.5 })),
  numbersOnly: Array.from({ length: 6 }, (_, i) => JSON.stringify({ a: i, b: i * 2 })),
  csv: Array.from({ length: 6 }, (_, i) => `${i % 2 ? 'x' : 'y'},${i}`),
};

describe('starter SQL from a discovered schema', () => {
  for (const [name, samples] of Object.entries(SHAPES)) {
    it(`${name}: the KDA starter binds without a problem`, () => {
      const schema = discoverSchema(samples);
      const { sql } = kdaStarter(schema, samples, 'src', words);
      const check = checkSql({ sql, inputSchema: schema });
      expect(check.diagnostics, sql).toEqual([]);
      expect(check.bound).toBe(true);
    });
    it(`${name}: the Flink SQL starter binds without a problem`, () => {
      const schema = discoverSchema(samples);
      const { sql } = flinkStarter(schema, samples, 'src', words);
      const check = checkSql({ sql, inputSchema: schema });
      expect(check.diagnostics, sql).toEqual([]);
    });
  }

  it('groups by the text column whose values repeat most', () => {
    expect(pickKeyColumn(discoverSchema(SHAPES.demo), SHAPES.demo)?.Name).toBe('page');
    expect(pickKeyColumn(discoverSchema(SHAPES.fraud), SHAPES.fraud)?.Name).toBe('merchant');
    // msg never varies: a key with one value says nothing, so level (3 values) wins.
    expect(pickKeyColumn(discoverSchema(SHAPES.logs), SHAPES.logs)?.Name).toBe('level');
    expect(pickKeyColumn(discoverSchema(SHAPES.numbersOnly), SHAPES.numbersOnly)).toBeNull();
  });

  it('the pending text is only comments: no diagnostics before there is a schema', () => {
    const sql = pendingStarter(['one line', 'two lines']);
    expect(checkSql({ sql }).diagnostics).toEqual([]);
  });
});

describe('the starter on the demo and every gallery scenario', () => {
  const scenarios: [string, unknown][] = [['demo', DEMO_SCENARIO], ...GALLERY.map((g) => [g.id, g.doc] as [string, unknown])];
  for (const [id, doc] of scenarios) {
    it(`${id}: each stream's starter binds, starts and emits rows (or waits for payloads)`, () => {
      const w = World.build(doc as typeof DEMO_SCENARIO);
      w.sim.advanceBy(3000);
      const a = w.parts.analytics;
      for (const stream of a.streamNames()) {
        const d = a.discover(stream);
        if (!d.ok || !d.inputSchema) {
          // Size-only producers send no payloads: the page keeps its comment-only text, which has no problems.
          expect(checkSql({ sql: pendingStarter(['waiting']) }).diagnostics).toEqual([]);
          continue;
        }
        for (const [dialect, starter] of [['kda', kdaStarter], ['flink', flinkStarter]] as const) {
          const { sql, chartColumn } = starter(d.inputSchema, d.samples, stream, words);
          expect(checkSql({ sql, inputSchema: d.inputSchema }).diagnostics, `${id} ${dialect}\n${sql}`).toEqual([]);
          const name = `starter-${dialect}-${stream}`;
          expect(a.startApp({ name, sql, input: { stream, inputSchema: d.inputSchema, startingPosition: 'TRIM_HORIZON' } })).toEqual({ ok: true });
          w.sim.advanceBy(25_000);
          const snap = a.app(name)!.snapshot();
          expect(snap.status, snap.message).toBe('RUNNING');
          const sink = snap.outputs.find((o) => o.stream === snap.sinkStream);
          expect(sink?.rows.length ?? 0, `${id} ${dialect}`).toBeGreaterThan(0);
          expect(sink!.columns.map((c) => c.name)).toContain(chartColumn);
          expect(snap.errorsTotal).toBe(0);
          a.remove(name);
        }
      }
    });
  }
});
