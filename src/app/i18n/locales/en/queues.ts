/** English strings of the Kinesis vs SQS page (loaded with the page). Facts per point: spec sqs.md §9. */
const queues = {
  title: 'Kinesis vs SQS',
  subtitle: 'The same workload on a <stream>data stream</stream> and on an <sqs>Amazon SQS</sqs> queue (Amazon Simple Queue Service), compared point by point as it runs.',
  workload: 'Workload',
  rate: 'Messages per second',
  size: 'Message size (bytes)',
  sizeLabel: 'Message size',
  shards: 'Shards',
  fifo: 'FIFO queue',
  replaces: 'Running replaces the loaded scenario with this comparison (export yours first if you want to keep it).',
  run: 'Run the comparison',
  comparison: 'Comparison',
  after: 'Point by point, after {{sec}} s',
  head: { point: 'point', kinesis: 'Kinesis Data Streams', sqs: 'Amazon SQS', today: 'true today' },
  points: {
    ordering: {
      point: 'Ordering',
      kinesis: 'strict per shard (by sequence number); records of one partition key stay in order — {{shards}} shard(s) here',
      sqsFifo: 'FIFO: strict per message group, one message of a group in flight at a time; out-of-order deliveries seen: {{n}}',
      sqsStandard: 'standard: best effort (no order promise), at-least-once; out-of-order deliveries seen: {{n}}',
      note: 'FIFO queues do keep order (per message group); and Kinesis on-demand streams with AUTO distribution give no per-key order.',
    },
    fanOut: {
      point: 'Fan-out',
      kinesis: 'every consumer reads every record: {{list}} of {{written}} written',
      sqs: 'competing consumers share the messages: {{list}} of {{sent}} sent (total {{total}})',
      note: 'For SQS fan-out, publish to SNS (or EventBridge) with one queue per consumer.',
    },
    crash: {
      point: 'A consumer crashes',
      kinesis: '“crashes” resumes from its checkpoint: {{redelivered}} records re-delivered, lag now {{lag}}',
      sqs: 'its in-flight messages reappear after the visibility timeout and go to the other consumers: {{n}} redelivered',
    },
    replay: {
      point: 'Replay and retention',
      kinesis: '“replays” starts late and still reads from TRIM_HORIZON: {{n}} records; retention 24 h default, up to 365 days',
      sqs: '“replays” only gets what is still queued: {{n}} messages; deleted messages are gone (DLQ redrive only); retention 60 s – 14 days, default 4 days',
      note: 'Kinesis retention is no longer capped at 7 days: up to 8,760 hours (365 days).',
    },
    throughput: {
      point: 'Throughput units and throttling',
      kinesis: 'provisioned: 1 MiB/s or 1,000 records/s in and 2 MiB/s out per shard; throttled writes so far {{n}}',
      sqsFifo: 'FIFO: 300 calls/s per action (3,000 msg/s with batches of 10), more in high-throughput mode; throttled so far {{n}}',
      sqsStandard: 'standard: nearly unlimited calls per action; throttled so far {{n}}',
      note: 'Message size: SQS now takes up to 1 MiB (was 256 KiB); Kinesis records up to 1 MiB by default and up to 10 MiB per stream.',
    },
    latency: {
      point: 'Latency',
      kinesis: 'records are readable at once; polling consumers see them within their poll interval (max iterator age now {{ms}} ms)',
      sqs: 'long polling returns as soon as a message arrives; end-to-end avg {{avg}} ms, p99 ≤ {{p99}} ms (steady consumer)',
    },
    cost: {
      point: 'Monthly cost of this workload',
      kinesis: '≈ {{usd}} (provisioned {{shards}} shard(s), PUT payload units)',
      sqs: '≈ {{usd}} ({{rps}} requests/s measured over {{sec}} s, per 64 KB chunk, first 1 M free)',
      note: 'SQS bills every request — sends, receives (empty ones too) and deletes; Kinesis bills shard-hours and PUT payload units regardless of the number of readers.',
    },
  },
} as const;

export default queues;
