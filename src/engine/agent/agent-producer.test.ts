/**
 * The simulated agent end to end on the engine: tailing a growing file into a Kinesis stream,
 * throttling retried with backoff until every record is in, restart resuming at the
 * checkpoints without duplicates, and a Firehose stream with a Kinesis source refusing it.
 */
import { describe, expect, it } from 'vitest';
import { FirehoseService, kinesisSourcesFrom } from '../firehose/index';
import { Simulation } from '../simulation';
import { KinesisService } from '../streams/service';
import { AgentProducer } from './agent-producer';
import { parseAgentConfig } from './config';
import { engineDestination } from './destinations';
import { VirtualFileSystem } from './virtual-files';

function world(flow: Record<string, unknown>, seed = 'agent') {
  const sim = new Simulation({ seed });
  const kinesis = new KinesisService(sim, { transitionDelayMs: 0 });
  const firehose = sim.attach(new FirehoseService(sim, { kinesisSources: kinesisSourcesFrom(kinesis) }));
  const parsed = parseAgentConfig({ flows: [{ filePattern: '/var/log/app/*.log', initialPosition: 'START_OF_FILE', maxBufferAgeMillis: 1000, ...flow }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const files = new VirtualFileSystem();
  const make = () => {
    const agent = new AgentProducer('agent:web-1', sim, parsed.config, engineDestination(kinesis, firehose), sim.prng.fork('agent'), [], files);
    agent.start();
    return agent;
  };
  return { sim, kinesis, firehose, make, files };
}

function streamRecordCount(kinesis: KinesisService, name: string): number {
  return kinesis.stream(name)!.shards.reduce((n, s) => n + s.counters.incomingRecords, 0);
}

describe('agent producer', () => {
  it('tails a growing file into a stream, batching by age', () => {
    const { sim, kinesis, make } = world({ kinesisStream: 'logs' });
    kinesis.createStream('logs', 'PROVISIONED', 1);
    sim.advanceBy(1);
    const agent = make();
    agent.write('/var/log/app/a.log', 'one\ntwo\n');
    sim.advanceBy(500);
    expect(agent.snapshot().flows[0].bufferedRecords).toBe(2);
    sim.advanceBy(1_000);
    agent.write('/var/log/app/a.log', 'three\npartial');
    sim.advanceBy(1_500);
    const snap = agent.snapshot();
    expect(snap.flows[0].counters.sent).toBe(3);
    expect(snap.flows[0].metrics).toMatchObject({ BytesSent: 14, RecordSendErrors: 0, ServiceErrors: 0 });
    expect(snap.flows[0].checkpoints).toEqual([{ file: '/var/log/app/a.log', offset: 14 }]);
    expect(streamRecordCount(kinesis, 'logs')).toBe(3);
  });

  it('retries throttled records with backoff until all are in', () => {
    const { sim, kinesis, make } = world({ kinesisStream: 'hot', maxBufferSizeRecords: 500 });
    kinesis.createStream('hot', 'PROVISIONED', 1);
    sim.advanceBy(1);
    const agent = make();
    agent.write('/var/log/app/a.log', Array.from({ length: 2_500 }, (_, i) => `line-${i}\n`).join(''));
    sim.advanceBy(20_000);
    const f = agent.snapshot().flows[0];
    expect(f.metrics.RecordSendErrors).toBeGreaterThan(0);
    expect(f.counters.throttled).toBeGreaterThan(0);
    expect(f.counters.sent).toBe(2_500);
    expect(streamRecordCount(kinesis, 'hot')).toBe(2_500);
    expect(agent.snapshot().recentBatches.some((b) => b.errors.includes('ProvisionedThroughputExceededException'))).toBe(true);
  });

  it('a restart resumes at the checkpoint: nothing sent twice, nothing lost', () => {
    const { sim, kinesis, make } = world({ kinesisStream: 'r' });
    kinesis.createStream('r', 'PROVISIONED', 1);
    sim.advanceBy(1);
    const agent = make();
    agent.write('/var/log/app/a.log', 'a\nb\n');
    sim.advanceBy(2_000);
    agent.write('/var/log/app/a.log', 'c\n');
    sim.advanceBy(300); // c is read and buffered, not yet sent
    agent.restart();
    agent.write('/var/log/app/a.log', 'd\n');
    sim.advanceBy(3_000);
    expect(streamRecordCount(kinesis, 'r')).toBe(4);
    expect(agent.snapshot().restarts).toBe(1);
  });

  it('END_OF_FILE skips what is already there (after header lines), new lines are sent', () => {
    const { sim, kinesis, make, files } = world({ kinesisStream: 'e', initialPosition: 'END_OF_FILE' });
    kinesis.createStream('e', 'PROVISIONED', 1);
    sim.advanceBy(1);
    files.append('/var/log/app/a.log', new TextEncoder().encode('old-1\nold-2\n'), sim.nowMs);
    const agent = make();
    agent.write('/var/log/app/a.log', 'new\n');
    sim.advanceBy(2_000);
    expect(agent.snapshot().recentRecords.map((r) => r.before)).toEqual(['new\n']);
  });

  it('a delivery stream fed by a Kinesis stream refuses the agent\'s direct puts', () => {
    const { sim, kinesis, firehose, make } = world({ deliveryStream: 'from-kds' });
    const s = kinesis.createStream('src', 'PROVISIONED', 1);
    sim.advanceBy(1);
    firehose.createDeliveryStream({
      DeliveryStreamName: 'from-kds', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: s.arn, RoleARN: 'arn:aws:iam::000000000000:role/r' },
      ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::agent-sink', RoleARN: 'r' },
    });
    sim.advanceBy(10_000);
    const agent = make();
    agent.write('/var/log/app/a.log', 'x\n');
    sim.advanceBy(2_000);
    const snap = agent.snapshot();
    expect(snap.flows[0].metrics.ServiceErrors).toBeGreaterThan(0);
    expect(snap.recentBatches[0].errors[0]).toBe('InvalidArgumentException: This operation is not permitted on KinesisStreamAsSource delivery stream type.');
  });
});
