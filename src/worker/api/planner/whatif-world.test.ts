/**
 * What-ifs on the whole world (issue 12): variants run every part of the document, the comparison has
 * rows for the Firehose delivery streams and Analytics applications reading the stream, and long
 * horizons switch to aggregate mode, saying so and what stays record-level.
 */
import { describe, expect, it } from 'vitest';
import logShipping from '../../../../examples/gallery/log-shipping.json';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { runVariant, whatIfDoc, whatIfMode } from './run-variant';
import { whatIfBenchDoc } from './whatif-5x1h.bench';

describe('whatIfMode', () => {
  it('simulates every record of a small run', () => {
    // 10,000 records/s × 60 s = 600,000 records ≤ 2,000,000: record mode.
    const m = whatIfMode(whatIfBenchDoc(100), 60_000);
    expect(m).toMatchObject({ mode: 'record', analyticsAsReaders: [] });
    expect(m.reason).toBe('record mode: 600,000 records in the run, every one simulated');
  });

  it('counts a long horizon per shard-second and says what the Analytics app becomes', () => {
    // 10,000 × 3,600 = 36,000,000 records: aggregate mode; the app's source has no payloads, so the
    // application is simulated as the GetRecords reader it is to the stream.
    const m = whatIfMode(whatIfBenchDoc(100), 3_600_000);
    expect(m.mode).toBe('aggregate');
    expect(m.analyticsAsReaders).toEqual(['totals']);
    expect(m.reason).toMatch(/^aggregate mode: 36,000,000 records in the run, counted per shard and per second/);
    expect(m.reason).toMatch(/Analytics 'totals' is simulated as .* a GetRecords reader polling every shard once a second/);
    const doc = whatIfDoc(whatIfBenchDoc(100), m);
    expect(doc.analytics).toEqual([]);
    expect(doc.consumers?.map((c) => [c.type, c.name])).toEqual([['kcl', 'reader'], ['kcl', 'analytics:totals']]);
    expect(doc.settings?.shardLevelMetrics).toBe(false);
  });
});

describe('a what-if variant runs the whole world', () => {
  it('compares the Firehose delivery stream reading the stream, with no fixed verdicts', () => {
    const r = runVariant({ id: 'v', label: 'log shipping', doc: logShipping as unknown as ScenarioDoc, streamName: 'app-logs', durationMs: 60_000 });
    if (!r.ok) throw new Error(r.error);
    const reader = r.comparison.rows.find((x) => x.metric === 'reader-records' && x.reader === 'logs-to-s3');
    expect(reader).toBeDefined();
    // Firehose polls its source once a second: it has read what the stream accepted, less about one
    // second's records (allowance 5 s + 2%).
    expect(reader!.verdict).toBe('agree');
    expect(reader!.simulated).toBeGreaterThan(0);
    // The readers list has it too, with what it read and the GetRecords calls the shards refused it.
    const firehose = r.readers.find((x) => x.name === 'logs-to-s3');
    expect(firehose).toMatchObject({ kind: 'firehose' });
    expect(firehose!.recordsRead).toBe(reader!.simulated);
    // One poll a second beside the consumer's stays under the shards' 5 GetRecords calls/s: none refused.
    expect(firehose!.readThrottled).toBe(0);
    const latency = r.comparison.rows.find((x) => x.metric === 'p99-put-latency')!;
    expect(latency.predicted).not.toBeNull();
    expect(r.simulation.mode).toBe('record');
  });

  it('an hour of the 100-shard bench scenario: the Analytics reader keeps up', () => {
    const r = runVariant({ id: 'v', label: '100 shards', doc: whatIfBenchDoc(100), streamName: 'events', durationMs: 3_600_000 });
    if (!r.ok) throw new Error(r.error);
    expect(r.simulation.mode).toBe('aggregate');
    expect(r.throttledPercent).toBe(0);
    // In aggregate mode the app is the polling reader that stands for it, and the readers list says so.
    expect(r.readers.find((x) => x.name === 'analytics:totals')).toMatchObject({ kind: 'kcl', standsFor: 'totals', readThrottled: 0 });
    const rows = r.comparison.rows.filter((x) => x.reader === 'totals');
    expect(rows.map((x) => [x.metric, x.verdict])).toEqual([
      ['reader-records', 'agree'],
      ['reader-lag', 'agree'],
    ]);
  }, 60_000);
});
