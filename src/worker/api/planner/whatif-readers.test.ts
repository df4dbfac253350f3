import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { runVariant, type VariantResult } from './run-variant';

// A what-if runs the whole world of the document: an Analytics application that reads the stream is
// one more reader of each shard's 5 reads/s, and the variant reports its reads and the throttling it causes.

const COUNT_SQL = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM COUNT(*) FROM "SOURCE_SQL_STREAM_001" GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);`;

function doc(withApp: boolean): ScenarioDoc {
  return {
    version: 1, name: 'readers', seed: 3,
    streams: [{ name: 'orders', shards: 1 }],
    producers: [{ name: 'p', stream: 'orders', rate: { kind: 'constant', recordsPerSec: 100 }, template: '{"n":{{random.number(9)}}}' }],
    // A KCL worker polling every 200 ms uses all 5 GetRecords calls a shard allows per second.
    consumers: [{ type: 'kcl', name: 'kcl', stream: 'orders', pollIntervalMs: 200 }],
    analytics: withApp ? [{ name: 'counts', sql: COUNT_SQL, input: { stream: 'orders' } }] : [],
  };
}

function readers(r: VariantResult) {
  if (!r.ok) throw new Error(r.error);
  return Object.fromEntries(r.readers.map((x) => [x.name, x]));
}

describe('what-if readers', () => {
  it("reports an Analytics application's reads and the read throttling it causes", () => {
    const alone = readers(runVariant({ id: 'a', label: 'without the app', doc: doc(false), streamName: 'orders', durationMs: 60_000 }));
    expect(Object.keys(alone)).toEqual(['kcl']);
    expect(alone.kcl.readThrottled).toBe(0);

    const shared = readers(runVariant({ id: 'b', label: 'with the app', doc: doc(true), streamName: 'orders', durationMs: 60_000 }));
    expect(shared.counts.kind).toBe('analytics');
    // One poll per second from its start (2 s in, after schema discovery) to the end: 58 calls.
    expect(shared.counts.readCalls).toBe(58);
    expect(shared.counts.recordsRead).toBeGreaterThan(5000);
    // Six calls a second against a limit of five: the shard refuses some, and the KCL worker sees them.
    expect(shared.kcl.readThrottled + shared.counts.readThrottled).toBeGreaterThan(0);
    expect(shared.kcl.readThrottled).toBeGreaterThan(0);
  });
});
