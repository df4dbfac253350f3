import { describe, expect, it } from 'vitest';
import type { ConsoleFrame } from '../../../worker/api/streams-api';
import { buildPipeline, layoutPipeline } from './pipeline-graph';

const frame = {
  seq: 1, nowMs: 0, builtAtEpochMs: 0, detail: null, consumerSeries: null,
  streams: [{ name: 'orders', status: 'ACTIVE', mode: 'PROVISIONED', openShards: 2, retentionHours: 24, incomingRecordsPerSec: 1500, incomingBytesPerSec: 1e5, throttledPerSec: 120, readThrottledPerSec: 0, maxShardUtil: 1 }],
  producers: [{ name: 'web', stream: 'orders', wantedRecordsPerSec: 1700, acceptedPerSec: 1500, throttledPerSec: 120, droppedTotal: 0, backlogRecords: 0 }],
  consumers: [{ name: 'kcl', type: 'kcl', stream: 'orders', recordsPerSec: 1400, recordsProcessed: 1, iteratorAgeMs: 90_000, lagRecords: 5000, readThrottled: 0, errors: 0, lagSlopePerSec: 10, drainSec: null, state: 'falling-behind' }],
} as unknown as ConsoleFrame;

describe('buildPipeline', () => {
  it('turns the world into columns of nodes with rated, flagged edges', () => {
    const g = buildPipeline(frame, [{ name: 'to-s3', source: 'orders', destination: 's3', bucket: 'lake', recordsPerSec: Number.NaN, throttled: false }], [{ name: 'sql', source: 'orders', inputRecordsPerSec: 1500, outputRowsPerSec: 3, behindMs: 0, errors: 0, output: { kind: 'stream', name: 'orders' } }]);
    expect(g.nodes.map((n) => [n.id, n.column])).toEqual([
      ['stream:orders', 1], ['producer:web', 0], ['consumer:kcl', 2], ['delivery:to-s3', 2], ['analytics:sql', 2], ['dest:s3:lake', 3],
    ]);
    expect(g.nodes.find((n) => n.id === 'stream:orders')!.alert).toBe('120 records/s throttled');
    expect(g.nodes.find((n) => n.id === 'consumer:kcl')!.alert).toBe('falling behind');
    expect(g.edges.find((e) => e.from === 'producer:web')).toMatchObject({ to: 'stream:orders', recordsPerSec: 1500, alert: 'throttled' });
    expect(g.edges.find((e) => e.from === 'analytics:sql')!.to).toBe('stream:orders');
    const { placed, width } = layoutPipeline(g);
    expect(new Set(placed.map((p) => p.x)).size).toBe(4);
    expect(width).toBeGreaterThan(4 * 188);
  });

  it('is empty for an empty world', () => {
    expect(buildPipeline({ ...frame, streams: [], producers: [], consumers: [] }, [], [])).toEqual({ nodes: [], edges: [] });
  });
});
