/**
 * The one producer-to-stream batch write (putBatch, PutRecords semantics) that the API, the Kinesis
 * Agent and every batch producer share: one outcome per record in order, throttling per record, and the
 * call's size limit refusing the whole batch.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { AwsServiceError } from '../api/result';
import { putBatch } from './data-plane';
import { KinesisService } from './service';

function setup() {
  const sim = new Simulation({ seed: 'put-batch' });
  const zero = { createMs: 0, deleteMs: 0, updateMs: 0, reshardMs: 0, consumerMs: 0 };
  const service = new KinesisService(sim, { delays: zero });
  service.createStream('s', 'PROVISIONED', 1);
  sim.advanceBy(1);
  return { service, stream: service.stream('s')! };
}

const record = (bytes: number, key = 'k') => ({ partitionKey: key, data: new Uint8Array(bytes) });

describe('putBatch', () => {
  it('answers every record in order; past the shard\'s 1,000 records/s the rest fail alone as throttled', () => {
    const { service, stream } = setup();
    const out = putBatch(service, stream, Array.from({ length: 1200 }, () => record(10)));
    expect(out.records).toHaveLength(1200);
    const accepted = out.records.filter((r) => r.ok).length;
    expect(accepted).toBe(1000);
    expect(out.failed).toBe(200);
    expect(out.records.slice(0, 1000).every((r) => r.ok)).toBe(true);
    const last = out.records[1199];
    expect(last.ok ? null : last.errorCode).toBe('ProvisionedThroughputExceededException');
    expect(last.ok ? null : last.errorMessage).toMatch(/^Rate exceeded for shard shardId-000000000000 in stream s under account \d{12}\.$/);
    // Accepted records got increasing sequence counters on the shard they routed to.
    const counters = out.records.slice(0, 1000).map((r) => (r.ok ? r.counter : -1));
    expect(counters.every((c, i) => i === 0 || c > counters[i - 1])).toBe(true);
  });

  it('refuses the whole batch when data plus keys exceed 5 MiB, writing nothing', () => {
    const { service, stream } = setup();
    const big = Array.from({ length: 6 }, () => record(1_000_000, 'key'));
    let name = '';
    let message = '';
    try {
      putBatch(service, stream, big);
    } catch (e) {
      if (!(e instanceof AwsServiceError)) throw e;
      ({ name, message } = e);
    }
    expect({ name, message }).toEqual({ name: 'InvalidArgumentException', message: 'Records size exceeds 5 MB limit' });
    expect(stream.shards[0].nextCounter).toBe(stream.shards[0].startCounter);
  });
});
