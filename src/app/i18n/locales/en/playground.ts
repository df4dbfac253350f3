/** English strings of the SDK playground (loaded with it). */
const playground = {
  title: 'SDK playground',
  subtitle: 'JavaScript with the real AWS SDK v3 (@aws-sdk/client-kinesis, @aws-sdk/client-firehose), answered by the simulated world in this page.',
  code: 'Code',
  example: 'Example',
  examples: { producer: 'Producer loop with retries', consumer: 'Polling consumer across a split', fanout: 'Enhanced fan-out subscriber', firehose: 'Amazon Data Firehose batch' },
  notes: {
    producer: 'PutRecords in batches larger than one shard takes per second; refused entries come back with ErrorCode ProvisionedThroughputExceededException and are retried with backoff. Press Play in the header so the shard’s per-second budget refills.',
    consumer: 'GetShardIterator and GetRecords, following NextShardIterator; after a SplitShard the parent’s last answer lists its ChildShards and the loop reads them too.',
    fanout: 'RegisterStreamConsumer, then SubscribeToShard: records are pushed over an event stream. Records arrive as virtual time runs: press Play.',
    firehose: 'Creates a delivery stream to S3 and sends a PutRecordBatch; the Firehose page shows the buffer fill and flush.',
  },
  run: 'Run',
  stop: 'Stop',
  status: { idle: 'not run yet', running: 'running…', ok: 'finished', failed: 'failed', stopped: 'stopped' },
  output: 'Console output',
  empty: 'Output from console.log appears here.',
  effects: 'Everything the code creates lives in the same world as the console: see it on',
  streamsLink: 'Streams',
} as const;

export default playground;
