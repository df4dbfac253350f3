/** English strings of the lessons: the list, the panel and every lesson's text (loaded with them). */
const learn = {
  title: 'Lessons',
  subtitle: 'Learn Amazon Kinesis by doing: each lesson loads its own scenario, and each step is checked from the simulated stream’s real state.',
  start: 'Start',
  restart: 'Start again',
  continue: 'Continue',
  done: 'done',
  progress: '{{done}} of {{total}} lessons done',
  step: 'Step {{n}}',
  openPage: 'Open the page for this step',
  hint: 'Hint',
  checking: 'Checked from the engine as the simulation runs.',
  finished: 'Lesson complete!',
  next: 'Next lesson: {{title}}',
  allDone: 'You have finished every lesson. Try the SDK playground next.',
  close: 'Close lesson',
  panel: 'Lesson',
  glossaryLink: 'Glossary',
  notFound: 'There is no lesson “{{id}}”.',
  lessons: {
    records: {
      title: 'Records, data blobs and partition keys',
      summary: 'What a record is and what the partition key does.',
      intro: 'A Kinesis data stream stores records. A record is a data blob (up to 1 MiB of any bytes — text, JSON, images), a partition key you choose, and a sequence number Kinesis assigns. Use the “Put a record by hand” form at the bottom of the stream’s page.',
      steps: {
        put: { text: 'Put one record into lesson-records, with any partition key and any data.', hint: 'Scroll to “Put a record by hand”, keep the example and press PutRecord.' },
        sameKey: { text: 'Put a second record with the same partition key as an earlier one.', hint: 'Records with the same key always go to the same shard, in order.' },
        json: { text: 'Put a record whose data is a JSON object.', hint: 'Choose “JSON” as the data format and type e.g. {"user": 42}. To Kinesis it is only bytes; JSON is your application’s choice.' },
      },
    },
    routing: {
      title: 'MD5 routing to hash-key ranges',
      summary: 'How a partition key picks its shard.',
      intro: 'Kinesis computes MD5 of the partition key and reads the 16-byte digest as a 128-bit integer, the hash key (0 … 2^128−1). Each open shard owns a contiguous range of hash keys; the record goes to the shard whose range holds its hash key. lesson-routing has 4 shards, each owning a quarter.',
      steps: {
        lastShard: { text: 'Put a record that lands on the last shard, shardId-000000000003.', hint: 'Try partition keys until the form shows shardId-000000000003 (about one key in four does), or give an explicit hash key of at least 255211775190703847597530955573826158592 (3 × 2^126).' },
        everyShard: { text: 'Put records so that every shard holds at least one.', hint: 'Different keys spread over the ranges; watch the marker on the hash band move.' },
      },
    },
    sequence: {
      title: 'Sequence numbers',
      summary: 'Order within a shard, and reading records back.',
      intro: 'Each record gets a sequence number when it is stored: unique within the shard and increasing over time, so records of one shard — and so of one partition key — keep their order. Sequence numbers are not consecutive, and they are not ordered across shards.',
      steps: {
        three: { text: 'Put three records into lesson-sequence and compare the sequence numbers PutRecord returns.', hint: 'Each answer shows the sequence number; the later ones are larger.' },
        readBack: { text: 'Read the records back in the data viewer.', hint: 'Use the link under the PutRecord answer, or the “Data viewer” tab: Trim horizon, Get records. That is a real GetRecords call.' },
      },
    },
    throttling: {
      title: 'Shard limits and throttling',
      summary: '1,000 records/s or 1 MiB/s per shard, and what happens beyond.',
      intro: 'Each shard accepts up to 1,000 records or 1 MiB per second for writes (and serves 2 MiB/s and 5 GetRecords calls per second for reads). Writes beyond that fail with ProvisionedThroughputExceededException; producers retry them. The producer here writes 1,500 records/s into one shard.',
      steps: {
        see: { text: 'Press Play in the header and watch the throttled writes appear.', hint: 'The “Throttled writes” figure on the stream page turns red.' },
        fix: { text: 'Give the stream enough shards that throttling stops for 10 virtual seconds.', hint: 'Open the “Resharding & settings” tab and set the shard count to 2 (UpdateShardCount); keep the clock running.' },
      },
    },
    hotKey: {
      title: 'A hot key, and why more shards do not fix it',
      summary: 'One partition key can never use more than one shard.',
      intro: 'Here 80% of 1,600 records/s carry the same partition key, user-42: about 1,280 records/s for one key. One key has one hash key, so it always lands on one shard, whose limit is 1,000 records/s — whatever the shard count.',
      steps: {
        see: { text: 'Press Play and find the hot shard.', hint: 'The findings above the tabs name the hot shard and its key.' },
        split: { text: 'Add shards: split the hot shard, or set the shard count to 3 or more.', hint: 'The finding offers a one-click split; “Resharding & settings” has UpdateShardCount.' },
        stillHot: { text: 'Let it run and see throttling continue after resharding.', hint: 'The fix is in the key: spread it (e.g. user-42#<n> suffixes) or aggregate records of that key.' },
      },
    },
    resharding: {
      title: 'Splitting, merging and resizing',
      summary: 'SplitShard, MergeShards and UpdateShardCount, and shard lineage.',
      intro: 'Resharding closes shards and opens new ones: a split turns one shard’s range into two children; a merge joins two adjacent ranges into one child; UpdateShardCount does the splits and merges for you. Closed parents stay readable until retention expires, so consumers read parents before children.',
      steps: {
        split: { text: 'Split a shard of lesson-resharding.', hint: '“Resharding & settings” → Split: choose a shard and split at the middle of its range.' },
        merge: { text: 'Merge two adjacent open shards.', hint: 'After the split, the two children are adjacent: merge them.' },
        update: { text: 'Resize the stream to exactly 4 open shards with UpdateShardCount.', hint: 'Set the target shard count to 4 and wait until the stream is ACTIVE again (Play).' },
      },
    },
    retention: {
      title: 'Retention and replay with iterators',
      summary: 'How long records stay, and reading from any position.',
      intro: 'Records stay readable for the retention period: 24 hours by default, up to 8,760 hours (365 days). A reader chooses where to start with its shard iterator: TRIM_HORIZON (oldest), LATEST (only new), AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP — so data can be replayed.',
      steps: {
        extend: { text: 'Increase the retention of lesson-retention to at least 48 hours.', hint: '“Resharding & settings” → Retention (IncreaseStreamRetentionPeriod).' },
        replay: { text: 'Replay from the oldest record: read with a TRIM_HORIZON iterator.', hint: 'Data viewer tab: Starting position “Trim horizon”, Get records.' },
      },
    },
  },
} as const;

export default learn;
