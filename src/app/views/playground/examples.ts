/**
 * The playground's examples: real AWS SDK v3 code as a producer or consumer would write it. Each
 * creates what it needs, so it runs on any scenario; e2e/playground.spec.ts runs every one against
 * the in-browser engine and checks the last line it prints.
 */
export interface PlaygroundExample {
  readonly id: 'producer' | 'consumer' | 'fanout' | 'firehose';
  /** The line the example prints last when it worked (checked by the e2e test). */
  readonly doneMarker: string;
  readonly code: string;
}

const producer = `// A producer loop with retries: PutRecords in batches; entries the stream refuses
// (ProvisionedThroughputExceededException) are sent again with exponential backoff.
import { KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand, PutRecordsCommand, ResourceInUseException } from '@aws-sdk/client-kinesis';

const client = new KinesisClient({ region: 'us-east-1' });
const StreamName = 'playground-orders';

try {
  await client.send(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
  console.log('CreateStream sent; waiting for ACTIVE…');
} catch (e) {
  if (!(e instanceof ResourceInUseException)) throw e;
}
for (;;) {
  const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
  if (s.StreamStatus === 'ACTIVE') break;
  await sleep(200);
}

const encoder = new TextEncoder();
let sent = 0, retries = 0;
for (let batch = 0; batch < 5; batch++) {
  // 1,200 records of ~1 KiB at once: more than one shard takes per second (1,000 records, 1 MiB).
  let entries = Array.from({ length: 240 }, (_, i) => ({
    PartitionKey: 'customer-' + ((batch * 240 + i) % 50),
    Data: encoder.encode(JSON.stringify({ order: batch * 240 + i, pad: 'x'.repeat(900) })),
  }));
  for (let attempt = 0; entries.length > 0; attempt++) {
    const out = await client.send(new PutRecordsCommand({ StreamName, Records: entries }));
    sent += entries.length - out.FailedRecordCount;
    if (out.FailedRecordCount === 0) break;
    const failed = entries.filter((_, i) => out.Records[i].ErrorCode);
    console.warn('batch', batch, 'attempt', attempt, ':', out.FailedRecordCount, 'refused with', out.Records.find((r) => r.ErrorCode).ErrorCode);
    if (attempt === 8) throw new Error('giving up after 8 retries');
    retries += failed.length;
    entries = failed;
    await sleep(Math.min(2000, 50 * 2 ** attempt)); // backoff (wall time; the world keeps running)
  }
}
console.log('producer done:', sent, 'records stored,', retries, 'retried');
`;

const consumer = `// A polling consumer: GetShardIterator, then GetRecords following NextShardIterator; when a
// shard is closed by a split, its last answer names the ChildShards, which the loop follows.
import { KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand, ListShardsCommand, PutRecordsCommand,
  SplitShardCommand, GetShardIteratorCommand, GetRecordsCommand } from '@aws-sdk/client-kinesis';

const client = new KinesisClient({});
const StreamName = 'playground-split-' + Math.floor(Math.random() * 1e6);
const encoder = new TextEncoder();
const waitActive = async () => {
  for (;;) {
    const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
    if (s.StreamStatus === 'ACTIVE') return;
    await sleep(200);
  }
};
const put = (from) => client.send(new PutRecordsCommand({ StreamName, Records: Array.from({ length: 10 }, (_, i) => ({ PartitionKey: 'k' + (from + i), Data: encoder.encode('record ' + (from + i)) })) }));

await client.send(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
await waitActive();
await put(0);
// Split the only shard in the middle of the hash-key space: it closes; two children open.
await client.send(new SplitShardCommand({ StreamName, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 127n).toString() }));
await waitActive();
await put(10);

const queue = ['shardId-000000000000'];
const done = new Set();
let total = 0;
while (queue.length) {
  const ShardId = queue.shift();
  if (done.has(ShardId)) continue;
  done.add(ShardId);
  let { ShardIterator } = await client.send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
  for (let polls = 0; ShardIterator && polls < 20; polls++) {
    const out = await client.send(new GetRecordsCommand({ ShardIterator, Limit: 100 }));
    total += out.Records.length;
    if (out.Records.length) console.log(ShardId, 'got', out.Records.length, 'records, e.g.', new TextDecoder().decode(out.Records[0].Data));
    if (out.ChildShards?.length) {
      console.log(ShardId, 'is closed; children:', out.ChildShards.map((c) => c.ShardId).join(', '));
      queue.push(...out.ChildShards.map((c) => c.ShardId));
    }
    if (!out.NextShardIterator) break;                 // closed shard read to its end
    if (out.Records.length === 0 && out.MillisBehindLatest === 0) break; // caught up on an open shard
    ShardIterator = out.NextShardIterator;
    await sleep(210); // GetRecords allows 5 calls per second per shard
  }
}
const { Shards } = await client.send(new ListShardsCommand({ StreamName }));
console.log('consumer done:', total, 'records from', done.size, 'shards (', Shards.length, 'listed)');
`;

const fanout = `// Enhanced fan-out: register a consumer, then SubscribeToShard pushes records over an event
// stream (its own 2 MiB/s per shard, no polling). Read events for a while, then stop.
import { KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand, PutRecordCommand, RegisterStreamConsumerCommand,
  DescribeStreamConsumerCommand, SubscribeToShardCommand, ResourceInUseException } from '@aws-sdk/client-kinesis';

const client = new KinesisClient({});
const StreamName = 'playground-fanout';
try { await client.send(new CreateStreamCommand({ StreamName, ShardCount: 1 })); } catch (e) { if (!(e instanceof ResourceInUseException)) throw e; }
let arn;
for (;;) {
  const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
  if (s.StreamStatus === 'ACTIVE') { arn = s.StreamARN; break; }
  await sleep(200);
}
for (let i = 0; i < 5; i++) await client.send(new PutRecordCommand({ StreamName, PartitionKey: 'k' + i, Data: new TextEncoder().encode('hello ' + i) }));

const ConsumerName = 'playground-efo-' + Math.floor(Math.random() * 1e6);
const { Consumer } = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName }));
for (;;) {
  const { ConsumerDescription: c } = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN: Consumer.ConsumerARN }));
  if (c.ConsumerStatus === 'ACTIVE') break;
  await sleep(200);
}
const abort = new AbortController();
const { EventStream } = await client.send(new SubscribeToShardCommand({
  ConsumerARN: Consumer.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' },
}), { abortSignal: abort.signal });
let records = 0, events = 0;
try {
  for await (const ev of EventStream) {
    if (!ev.SubscribeToShardEvent) continue;
    events++;
    records += ev.SubscribeToShardEvent.Records.length;
    console.log('event', events, ':', ev.SubscribeToShardEvent.Records.length, 'records, behind', ev.SubscribeToShardEvent.MillisBehindLatest, 'ms');
    if (records >= 5 || events >= 20) break;
  }
} finally {
  abort.abort();
}
console.log('fan-out done:', records, 'records in', events, 'events');
`;

const firehose = `// Amazon Data Firehose (formerly Kinesis Data Firehose): create a delivery stream to S3 and send a
// batch; it buffers by size and time before writing an object.
import { FirehoseClient, CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';

const client = new FirehoseClient({});
const DeliveryStreamName = 'playground-delivery-' + Math.floor(Math.random() * 1e6);
await client.send(new CreateDeliveryStreamCommand({
  DeliveryStreamName,
  ExtendedS3DestinationConfiguration: {
    BucketARN: 'arn:aws:s3:::playground-bucket', RoleARN: 'arn:aws:iam::123456789012:role/firehose',
    BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
  },
}));
for (;;) {
  const { DeliveryStreamDescription: d } = await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName }));
  if (d.DeliveryStreamStatus === 'ACTIVE') break;
  await sleep(200);
}
const out = await client.send(new PutRecordBatchCommand({
  DeliveryStreamName,
  Records: Array.from({ length: 10 }, (_, i) => ({ Data: new TextEncoder().encode(JSON.stringify({ i }) + '\\n') })),
}));
console.log('firehose done:', 10 - out.FailedPutCount, 'records accepted; open the Firehose page to watch the buffer flush');
`;

export const EXAMPLES: readonly PlaygroundExample[] = [
  { id: 'producer', doneMarker: 'producer done:', code: producer },
  { id: 'consumer', doneMarker: 'consumer done: 20 records from 3 shards', code: consumer },
  { id: 'fanout', doneMarker: 'fan-out done: 5 records', code: fanout },
  { id: 'firehose', doneMarker: 'firehose done: 10 records accepted', code: firehose },
];
