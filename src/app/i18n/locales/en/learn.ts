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
  code: 'Code for this step',
  copy: 'Copy',
  copied: 'Copied',
  // Lesson intros and step texts may wrap a glossary term in a tag named by its id
  // (<partitionKey>partition key</partitionKey>): the panel renders it as a link to the glossary.
  lessons: {
    records: {
      title: 'Records, data blobs and partition keys',
      summary: 'What a record is and what the partition key does.',
      intro: 'A Kinesis <dataStream>data stream</dataStream> stores <record>records</record>. A record is a <dataBlob>data blob</dataBlob> (any bytes — text, JSON, images — up to 1 MiB by default; a stream can raise its MaxRecordSizeInKiB to accept <largeRecords>large records</largeRecords> of up to 10 MiB), a <partitionKey>partition key</partitionKey> you choose, and a <sequenceNumber>sequence number</sequenceNumber> Kinesis assigns. Use the “Put a record by hand” form at the bottom of the stream’s page.',
      steps: {
        put: { text: 'Put one record into lesson-records, with any partition key and any data.', hint: 'Scroll to “Put a record by hand”, keep the example and press PutRecord.' },
        sameKey: { text: 'Put a second record with the same <partitionKey>partition key</partitionKey> as an earlier one.', hint: 'Records with the same key always go to the same shard, in order.' },
        json: { text: 'Put a record whose data is a JSON object.', hint: 'Choose “JSON” as the data format and type e.g. {"user": 42}. To Kinesis it is only bytes; JSON is your application’s choice.' },
      },
    },
    routing: {
      title: 'MD5 routing to hash-key ranges',
      summary: 'How a partition key picks its shard.',
      intro: 'Kinesis computes <md5>MD5</md5> of the partition key and reads the 16-byte digest as a 128-bit integer, the <hashKey>hash key</hashKey> (0 … 2^128−1). Each open <shard>shard</shard> owns a contiguous <hashKeyRange>range of hash keys</hashKeyRange>; the record goes to the shard whose range holds its hash key. lesson-routing has 4 shards, each owning a quarter.',
      steps: {
        lastShard: { text: 'Put a record that lands on the last shard, shardId-000000000003.', hint: 'Try partition keys until the form shows shardId-000000000003 (about one key in four does), or give an explicit hash key of at least 255211775190703847597530955573826158592 (3 × 2^126).' },
        everyShard: { text: 'Put records so that every shard holds at least one.', hint: 'Different keys spread over the ranges; watch the marker on the hash band move.' },
      },
    },
    sequence: {
      title: 'Sequence numbers',
      summary: 'Order within a shard, and reading records back.',
      intro: 'Each record gets a <sequenceNumber>sequence number</sequenceNumber> when it is stored: unique within the shard and increasing over time, so records of one shard — and so of one partition key — keep their order. Sequence numbers are not consecutive, and they are not ordered across shards.',
      steps: {
        three: { text: 'Put three records into lesson-sequence and compare the sequence numbers PutRecord returns.', hint: 'Each answer shows its sequence number; later ones are larger.' },
        readBack: { text: 'Read the records back in the data viewer.', hint: 'The link under the PutRecord answer, or the “Data viewer” tab: Trim horizon, Get records. It is a real GetRecords call.' },
      },
    },
    throttling: {
      title: 'Shard limits and throttling',
      summary: '1,000 records or 1 MiB per second per shard, and what happens beyond.',
      intro: 'Each <shard>shard</shard> takes up to 1,000 records or 1 MiB per second of writes and serves 2 MiB per second and 5 GetRecords calls per second of reads. Writes beyond that fail with ProvisionedThroughputExceededException — <throttling>throttling</throttling> — and producers retry them. A single record may be up to 1 MiB by default, or up to 10 MiB on a stream whose maximum record size was raised (<largeRecords>large records</largeRecords>), and each still counts against its shard’s 1 MiB per second. The producer here writes 1,500 records/s into one shard.',
      steps: {
        see: { text: 'Press Play in the header and watch the throttled writes appear.', hint: 'The “Throttled writes” figure on the stream page turns red.' },
        fix: { text: 'Give the stream enough shards that <throttling>throttling</throttling> stops for 10 virtual seconds.', hint: 'Open the “Resharding & settings” tab and set the shard count to 2 (UpdateShardCount); keep the clock running.' },
      },
    },
    hotKey: {
      title: 'A hot key, and why more shards do not fix it',
      summary: 'One partition key can never use more than one shard.',
      intro: 'Here 80% of 1,600 records/s carry the same partition key, user-42: about 1,280 records/s for one key — a <hotKey>hot key</hotKey>. One key has one hash key, so it always lands on one shard, whose limit is 1,000 records/s — whatever the shard count.',
      steps: {
        see: { text: 'Press Play and find the hot key.', hint: 'The findings above the tabs name the hot key and the shard it lands on.' },
        split: { text: 'Add shards: set the shard count to 3 or more, or split the hot shard.', hint: '“Resharding & settings” → Update shard count to 4 (or split the hot shard there), then keep the clock running.' },
        stillHot: { text: 'Let it run and see <throttling>throttling</throttling> continue after <resharding>resharding</resharding>.', hint: 'The fix is in the key: spread it (e.g. suffixes user-42#1 … user-42#8) or aggregate records of that key. The next lesson shows a third way.' },
      },
    },
    autoDistribution: {
      title: 'AUTO record distribution: a hot key spread, ordering given up',
      summary: 'Let Kinesis place records on an on-demand stream, and what you lose.',
      intro: 'lesson-auto-distribution is an <provisioned>on-demand</provisioned> stream with the same hot key as before. On-demand streams can switch their <recordDistribution>record distribution strategy</recordDistribution> from USER_PARTITION_KEY (the key’s hash picks the shard) to AUTO: Kinesis then spreads records over the shards itself. The hot key stops throttling — but records of one key no longer share a shard, so they lose their per-key order. Use it only when your consumers do not need that order.',
      steps: {
        see: { text: 'Press Play and see the hot key throttle on the on-demand stream.', hint: 'The “Throttled writes” figure turns red, as with a provisioned stream: each shard still takes 1,000 records/s.' },
        auto: { text: 'In the SDK playground, call UpdateStreamRecordDistributionStrategy with AUTO for lesson-auto-distribution.', hint: 'Paste the code below into the playground and press Run. The console has no button for it: it is an API call.' },
        spread: { text: 'Back on the stream, keep the clock running: <throttling>throttling</throttling> stops for 10 s, and user-42’s records now sit on several shards.', hint: 'The Data viewer shows user-42 on more than one shard: their order across shards is gone.' },
      },
    },
    resharding: {
      title: 'Splitting, merging and resizing',
      summary: 'SplitShard, MergeShards and UpdateShardCount, and shard lineage.',
      intro: '<resharding>Resharding</resharding> closes shards and opens new ones: a split turns one shard’s range into two children; a merge joins two adjacent ranges into one child; UpdateShardCount does the splits and merges for you. Closed parents stay readable until retention expires, so consumers read parents before children.',
      steps: {
        split: { text: 'Split a shard of lesson-resharding.', hint: '“Resharding & settings” → Split: choose a shard and split at the middle of its range, then press Play: the children open once the stream is ACTIVE again.' },
        merge: { text: 'Merge two adjacent open shards.', hint: 'After the split, the two children are adjacent: merge them.' },
        update: { text: 'Resize the stream to exactly 4 open shards with UpdateShardCount.', hint: 'Set the target shard count to 4 and wait until the stream is ACTIVE again (Play).' },
      },
    },
    retention: {
      title: 'Retention and replay with iterators',
      summary: 'How long records stay, and reading from any position.',
      intro: 'Records stay readable for the <retention>retention period</retention>: 24 hours by default, up to 8,760 hours (365 days). A reader chooses where to start with its <shardIterator>shard iterator</shardIterator>: TRIM_HORIZON (oldest), LATEST (only new), AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP — so data can be replayed.',
      steps: {
        extend: { text: 'Increase the retention of lesson-retention to at least 48 hours.', hint: '“Resharding & settings” → Retention (IncreaseStreamRetentionPeriod).' },
        replay: { text: 'Replay from the oldest record: read with a TRIM_HORIZON iterator.', hint: 'Data viewer tab: Starting position “Trim horizon”, Get records.' },
      },
    },
    consumers: {
      title: 'Consumers — polling, enhanced fan-out, Lambda — and lag',
      summary: 'Three ways to read a stream, and how far behind a reader is.',
      intro: 'A <consumer>consumer</consumer> reads a stream in one of three ways: polling with GetRecords (usually through the <kcl>Kinesis Client Library</kcl>), which shares each shard’s 2 MiB/s and 5 calls/s with every other poller; <enhancedFanOut>enhanced fan-out</enhancedFanOut>, which pushes records over SubscribeToShard with 2 MiB/s per shard for each registered consumer; or an AWS Lambda <lambdaEsm>event source mapping</lambdaEsm>, which polls for you and invokes a function with batches. How far behind a consumer is shows as its <iteratorAge>iterator age</iteratorAge> (GetRecords’ MillisBehindLatest). Here polling-app spends 6 ms on each of 500 records per second — 3 s of work every second.',
      steps: {
        lag: { text: 'Press Play and watch polling-app’s iterator age climb past 30 seconds.', hint: 'The Consumers page shows its iterator age and lag; the trend says “falling behind”.' },
        catchUp: { text: 'Make polling-app fast enough: edit it so that processing takes 0.1 ms per record, and see its iterator age fall under 5 s.', hint: 'Edit → “Processing: per record” 0.1 → Apply changes. A consumer that processes faster than records arrive catches up.' },
        fanOut: { text: 'Add an enhanced fan-out consumer of lesson-consumers.', hint: 'Add consumer → Type “Enhanced fan-out”, any name → Add consumer. It gets its own 2 MiB/s per shard.' },
        lambda: { text: 'Add a Lambda event-source mapping and see it invoked.', hint: 'Add consumer → Type “Lambda event-source mapping”, any name → Add consumer.' },
      },
    },
    firehose: {
      title: 'Amazon Data Firehose buffering by size and time',
      summary: 'Why delivery waits, and which of the two hints wins.',
      intro: '<firehose>Amazon Data Firehose</firehose> (formerly Amazon Kinesis Data Firehose) reads lesson-firehose and writes objects to S3. It <buffering>buffers</buffering> records and writes a batch when the buffer reaches its size (here 1 MiB) or its interval (here 60 s), whichever comes first. The producer sends about 10 KB/s, so 1 MiB takes about 105 s.',
      steps: {
        interval: { text: 'Press Play and wait for the first delivery: the 60-second interval fills first.', hint: 'The Firehose page’s flush timeline shows each batch and why it was written.' },
        size: { text: 'Change the buffer interval to 300 s or more, and see a batch written because the buffer reached 1 MiB.', hint: 'Edit lesson-to-s3 on the Firehose page (buffer interval), save, and keep the clock running at a higher speed.' },
      },
    },
    firehoseDelivery: {
      title: 'Firehose: compression, a transform, destinations and failures',
      summary: 'What Firehose does to records on their way, and what happens when the destination fails.',
      intro: 'lesson-delivery is a <directPut>Direct PUT</directPut> <deliveryStream>delivery stream</deliveryStream> with its own producer, writing to S3 every 10 seconds. Firehose can <compression>compress</compression> each object (GZIP, ZIP, Snappy), pass records through a Lambda <transform>transformation</transform> first, and deliver to other <destination>destinations</destination> (HTTP endpoints, Amazon OpenSearch Service, Amazon Redshift, Splunk, Snowflake, Apache Iceberg tables). When a destination fails, Firehose retries; S3 is retried for up to 24 hours, and records that cannot be delivered go to the <errorOutput>error output</errorOutput> prefix, counted — never silently lost.',
      steps: {
        gzip: { text: 'Switch compression to GZIP and see a .gz object delivered.', hint: 'Firehose page → Edit → Compression “GZIP” → Save changes, then Play. The object browser below shows the .gz object and its ratio.' },
        transform: { text: 'Turn on “Transform records” and see records come back Ok from the function.', hint: 'Edit → tick “Transform records” → Save changes. The example function drops “view” events and marks the rest processed.' },
        fail: { text: 'Make the destination fail: tick “Destination down” and see the delivery attempts fail.', hint: 'Edit → “Destination down” → Save changes. “Retries” counts failed attempts; nothing is delivered meanwhile.' },
        recover: { text: 'Bring the destination back and see a batch delivered after its retries.', hint: 'Edit → untick “Destination down” → Save changes. The flush timeline shows the batch delivered with more than one attempt.' },
      },
    },
    streamsVsFirehose: {
      title: 'Kinesis Data Streams vs Amazon Data Firehose',
      summary: 'A stream you read yourself, or a delivery service with no shards to manage.',
      intro: 'A <dataStream>data stream</dataStream> keeps records for its retention period so that any number of consumers can read and replay them in order, with shards you size. <firehose>Firehose</firehose> is a delivery service: no shards and no consumer code; it buffers, transforms and delivers to a destination, and you cannot read a record back from it. Here lesson-archive reads the stream lesson-streams-vs-firehose and archives it to S3 — the common pairing.',
      steps: {
        read: { text: 'Read the stream yourself: get records from the trim horizon in the data viewer.', hint: 'Streams → lesson-streams-vs-firehose → “Data viewer” → Get records. Reading does not remove them: read again and they are still there.' },
        delivered: { text: 'Press Play and see Firehose deliver the same records to S3.', hint: 'Firehose → lesson-archive: a flush every 10 s; the object browser shows the objects.' },
        directPut: { text: 'Create a Direct PUT delivery stream (no data stream in front) and send it records.', hint: 'Firehose → New delivery stream, Source “Direct PUT” → Create; then “Send 10 records”.' },
      },
    },
    sqlWindows: {
      title: 'Streaming SQL: windows and reference data',
      summary: 'Aggregating a stream over time, and joining it with a table.',
      intro: 'Streaming SQL runs continuously over a stream. A <window>tumbling window</window> (GROUP BY STEP(ROWTIME BY INTERVAL …)) groups rows into fixed periods that do not overlap and emits one row per group when a period closes; a sliding window moves with every row. <referenceData>Reference data</referenceData> is a table (an S3 object) that the application joins to the stream, such as each page’s site section. This is the legacy Kinesis Data Analytics SQL dialect: Amazon Kinesis Data Analytics for SQL Applications is retired, and its successor is Amazon Managed Service for Apache Flink (next lesson).',
      steps: {
        tumbling: { text: 'Start a tumbling-window application on lesson-sql and see its rows: one per page every 10 seconds.', hint: 'Analytics: press Play so the schema is discovered from the stream; the editor then holds a starter query counting records per page in 10-second tumbling windows. Press Start application.' },
        reference: { text: 'Start the application “sections”, which joins the stream with the PAGE_SECTIONS reference table, and see counts per section.', hint: 'Pick “sections” in the applications bar above the editor and press Start application. Its rows name sections (home, checkout, browse) that exist only in the reference data.' },
      },
    },
    flinkSql: {
      title: 'Flink SQL',
      summary: 'The same window in Amazon Managed Service for Apache Flink’s SQL.',
      intro: '<flink>Amazon Managed Service for Apache Flink</flink> (formerly Amazon Kinesis Data Analytics) runs Apache Flink applications, including Flink SQL. A Kinesis stream becomes a table (CREATE TABLE … WITH (\'connector\' = \'kinesis\')), time is a column (PROCTIME() or an event-time watermark), and windows are table-valued functions: TUMBLE, HOP, CUMULATE. The result is a table you INSERT INTO.',
      steps: {
        start: { text: 'Switch the editor to Flink SQL and start the TUMBLE example on lesson-flink.', hint: 'Analytics → “Flink SQL” → press Play: once the schema is discovered, the starter query is a TUMBLE window over the stream’s columns → Start application.' },
        windows: { text: 'See the window rows arrive: window_start, window_end, page and count, every 10 seconds.', hint: 'Keep the clock running; each row appears when its 10-second window ends.' },
      },
    },
    agent: {
      title: 'The Kinesis Agent',
      summary: 'Tail log files into a stream without writing a producer.',
      intro: 'The <agent>Kinesis Agent</agent> is a Java program on your servers: agent.json lists flows, each a file pattern and a destination stream or delivery stream. It tails the files, splits them into records (one line each, or multi-line), can convert lines to JSON (LOGTOJSON), batches them into PutRecords calls and keeps a <checkpoint>checkpoint</checkpoint> per file, so a restart resumes where it left off.',
      steps: {
        add: { text: 'Add an agent that tails an Apache access log into lesson-agent, press Play and see records arrive.', hint: 'Kinesis Agent → Log generator “apache-access” (agent.json is filled in) → Add agent → Play.' },
        json: { text: 'Check the stream: every record is a JSON object made from one log line.', hint: 'Streams → lesson-agent → “Data viewer” → Get records. LOGTOJSON with COMBINEDAPACHELOG did it.' },
        restart: { text: 'Restart the agent and see it carry on from its checkpoints.', hint: 'Kinesis Agent → Restart agent, keep the clock running. Nothing is sent twice from the start of the file.' },
      },
    },
    video: {
      title: 'Amazon Kinesis Video Streams',
      summary: 'Media in fragments: ingest, then play back and extract images.',
      intro: '<videoStreams>Amazon Kinesis Video Streams</videoStreams> ingests media with PutMedia as <fragment>fragments</fragment> (Matroska clusters that start on a key frame), stores them for the retention period and serves them back: live and archived playback (HLS, DASH, GetMedia), clips (GetClip) and images (GetImages). It is a separate service from Data Streams: no shards, no partition keys.',
      steps: {
        camera: { text: 'Start the simulated camera on lesson-camera, press Play and see fragments arrive.', hint: 'Video → lesson-camera → Start simulated camera. The fragments counter grows.' },
        images: { text: 'Get images of the recorded range from the archive.', hint: 'Press “Get images of the range”: a GetImages call, one image per sampling interval.' },
      },
    },
    sqs: {
      title: 'Kinesis vs Amazon SQS',
      summary: 'A stream every consumer reads, or a queue whose consumers share the work.',
      intro: 'A stream keeps records; every consumer reads every record, in order per shard, and can replay within retention. An <sqs>Amazon SQS</sqs> queue hands each message to one of its consumers, which deletes it when done: consumers compete and share the work, a crashed consumer’s messages come back after the <visibilityTimeout>visibility timeout</visibilityTimeout>, and deleted messages are gone. Standard queues promise no order; <fifo>FIFO queues</fifo> keep order per message group. The same workload runs on both here.',
      steps: {
        fanOut: { text: 'Press Play and let it run 30 seconds: each Kinesis consumer has read every record, while the SQS consumers have shared the messages.', hint: 'Kinesis vs SQS page, “Fan-out” row. Set a higher speed to get there faster.' },
        replay: { text: 'Let it run past 2 minutes: the late consumer “replays” reads the stream from the start, but gets only what is still queued in SQS.', hint: '“Replay and retention” row.' },
        fifo: { text: 'Tick “FIFO queue” and run the comparison again: the queue keeps order per message group.', hint: 'Tick “FIFO queue” → Run the comparison; let it run 10 seconds. The “Ordering” row counts out-of-order deliveries: none.' },
      },
    },
    capacity: {
      title: 'Capacity and cost',
      summary: 'How many shards a load needs, and what it costs per month.',
      intro: 'lesson-capacity gets 2,500 records/s of 400 bytes on one shard. The Planner works out the shards a load needs — each shard takes 1,000 records/s or 1 MiB/s in and 2 MiB/s out — with headroom, hot keys and consumers, and prices it per month: <provisioned>provisioned</provisioned> (shard-hours and PUT payload units) against on-demand (per GB written and read, plus the stream-hour).',
      steps: {
        apply: { text: 'Open the Planner, read the recommendation and its monthly cost, and apply it.', hint: 'Planner → Recommendation → Apply. The scenario restarts with the recommended shard count.' },
        verify: { text: 'Run it on the stream: no <throttling>throttling</throttling> for 10 virtual seconds.', hint: 'Streams → lesson-capacity → Play. “Throttled writes” stays at 0.' },
      },
    },
  },
} as const;

export default learn;
