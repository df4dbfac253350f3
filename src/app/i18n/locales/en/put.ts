/** English strings of the put-a-record form on a stream's page (loaded with the Streams page). */
const put = {
  title: 'Put a record by hand',
  note: 'A real PutRecord call on this stream. Kinesis hashes the partition key with MD5 into a 128-bit integer (the hash key) and stores the record in the open shard whose hash-key range holds it.',
  partitionKey: 'Partition key',
  explicitHashKey: 'Explicit hash key (optional, decimal)',
  format: 'Data as',
  formats: { text: 'Text', json: 'JSON', base64: 'Base64' },
  data: 'Data',
  md5: 'MD5 of the partition key',
  hashKey: 'Hash key (128-bit, decimal)',
  hashKeyExplicit: 'Hash key (explicit, decimal)',
  predicted: 'Shard whose range holds it',
  size: 'Record size',
  put: 'PutRecord',
  result: 'Stored in {{shard}} with sequence number',
  open: 'Open this record in the data viewer',
  badKey: 'The explicit hash key must be a decimal integer from 0 to 2^128−1 (340282366920938463463374607431768211455).',
  badJson: 'The data is not valid JSON: {{detail}}',
  badBase64: 'The data is not valid base64 (letters, digits, +, / and = padding): “{{detail}}”',
  needKey: 'A partition key is required (1 to 256 characters).',
  band: 'Where this hash key falls in the key space',
} as const;

export default put;
