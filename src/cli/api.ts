/**
 * `npm run api -- [options]`: the local AWS-compatible Kinesis endpoint (HTTP/1.1 and h2c on one
 * port, JSON 1.1 and CBOR 1.1), with the simulation's clock following wall time. Runs until
 * interrupted.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_SCENARIO } from '../engine/scenario/demo';
import { SHARD_LIMIT_DEFAULT } from '../engine/streams/index';
import { DEFAULT_TRANSITION_DELAY_MS, startLocalApiServer } from './server/local-api-server';

const HELP = `Usage: npm run api -- [options]

Serves the Kinesis Data Streams API (X-Amz-Target: Kinesis_20131202.<Operation>), the Data Firehose
API (Firehose_20150804.<Operation>), Firehose's object store as S3 path-style REST (GET /bucket/key)
and Kinesis Video Streams (REST-JSON POST /createStream …, PUT-style streamed POST /putMedia, GetMedia,
archived media and the HLS/DASH session routes; GetDataEndpoint answers with this server's URL)
on one port that speaks HTTP/1.1 (AWS CLI, browsers, fetch) and cleartext HTTP/2 (the Node AWS SDK's
default), with application/x-amz-json-1.1 and application/x-amz-cbor-1.1 bodies. By default any
credentials and region are accepted and signatures are not checked; with --auth sigv4 every request
must carry a valid AWS Signature Version 4 made with one of the --access-key pairs, and failures get
AWS's errors (MissingAuthenticationToken, IncompleteSignature, UnrecognizedClient, InvalidSignature;
for S3 AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed). The virtual
clock follows wall time.

Options:
  --port <n>               TCP port (default 4567; 0 picks a free one)
  --host <addr>            address to listen on (default 127.0.0.1)
  --transition-delay <s>   seconds a stream/consumer stays CREATING, UPDATING or DELETING
                           (default ${DEFAULT_TRANSITION_DELAY_MS / 1000})
  --shard-limit <n>        account shard quota (default ${SHARD_LIMIT_DEFAULT}, as in us-east-1)
  --region <name>          region used in ARNs (default us-east-1)
  --seed <n|text>          seed of the simulation's random choices (default: the scenario's, else the start time)
  --scenario <file|demo>   run a scenario's world behind the API: its streams, producers, consumers,
                           delivery streams and SQL applications (the same world npm run sim and the
                           console build), so clients read live traffic
  --auth <none|sigv4>      check request signatures (default none: accept any credentials)
  --access-key <ID:SECRET> an access key accepted with --auth sigv4 (repeat for several)
  -h, --help               show this help

Example:
  aws --endpoint-url http://127.0.0.1:4567 kinesis list-streams
  new KinesisClient({ endpoint: 'http://127.0.0.1:4567', region: 'us-east-1',
                      credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })
`;

function fail(message: string): never {
  console.error(`npm run api: ${message}\n\n${HELP}`);
  process.exit(2);
}

function numberOption(raw: string | undefined, name: string, fallback: number, check: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) fail(`--${name} ${raw} is not valid`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'transition-delay': { type: 'string' },
      'shard-limit': { type: 'string' },
      region: { type: 'string' },
      seed: { type: 'string' },
      scenario: { type: 'string' },
      auth: { type: 'string' },
      'access-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { values } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = numberOption(values.port, 'port', 4567, (n) => Number.isInteger(n) && n >= 0 && n < 65536);
const transitionDelayS = numberOption(values['transition-delay'], 'transition-delay', DEFAULT_TRANSITION_DELAY_MS / 1000, (n) => n >= 0);
const shardLimit = numberOption(values['shard-limit'], 'shard-limit', SHARD_LIMIT_DEFAULT, (n) => Number.isInteger(n) && n >= 1);
const seedText = values.seed;
const seed = seedText === undefined ? undefined : /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;

let scenario: unknown;
if (values.scenario === 'demo') scenario = DEMO_SCENARIO;
else if (values.scenario !== undefined) {
  try {
    scenario = JSON.parse(readFileSync(values.scenario, 'utf8'));
  } catch (e) {
    fail(`cannot read the scenario ${values.scenario}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const auth = values.auth ?? 'none';
if (auth !== 'none' && auth !== 'sigv4') fail(`--auth ${auth} is not valid; use none or sigv4`);
const keys = new Map<string, string>();
for (const pair of values['access-key'] ?? []) {
  const colon = pair.indexOf(':');
  if (colon <= 0 || colon === pair.length - 1) fail(`--access-key ${pair} must be ID:SECRET`);
  keys.set(pair.slice(0, colon), pair.slice(colon + 1));
}
if (auth === 'sigv4' && keys.size === 0) fail('--auth sigv4 needs at least one --access-key ID:SECRET');
if (auth === 'none' && keys.size > 0) fail('--access-key only applies with --auth sigv4');

const server = await startLocalApiServer({
  scenario,
  sigv4: auth === 'sigv4' ? { keys } : undefined,
  port,
  host: values.host ?? '127.0.0.1',
  transitionDelayMs: transitionDelayS * 1000,
  shardLimit,
  region: values.region ?? 'us-east-1',
  seed,
}).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
if (scenario !== undefined) {
  const doc = server.world.doc;
  console.log(`Scenario "${server.world.name}": streams ${doc.streams.map((s) => s.name).join(', ') || 'none'}; delivery streams ${(doc.firehose ?? []).map((f) => f.DeliveryStreamName).join(', ') || 'none'}; SQL applications ${(doc.analytics ?? []).map((a) => a.name).join(', ') || 'none'}`);
}

// Ready for Ctrl+C before saying we listen: a caller that reads the banner may interrupt at once.
let stopping = false;
const stop = (): void => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log('\nStopping…');
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log(`Kinesis Sandbox API listening on ${server.endpoint} (HTTP/1.1 + h2c, JSON 1.1 + CBOR 1.1; Kinesis, Firehose, S3 path-style; SQS JSON 1.0)`);
console.log(`  region ${server.kinesis.region}, account ${server.kinesis.accountId}, shard limit ${shardLimit}, transition delay ${transitionDelayS}s, seed ${server.sim.seed}`);
console.log(auth === 'sigv4'
  ? `  SigV4 required; access keys: ${[...keys.keys()].join(', ')}`
  : '  any credentials accepted (signatures not checked; --auth sigv4 to check them)');
console.log(`  try: aws --endpoint-url ${server.endpoint} kinesis list-streams`);
console.log(`       aws --endpoint-url ${server.endpoint} s3 ls`);
console.log(`       aws --endpoint-url ${server.endpoint} kinesisvideo list-streams`);
console.log('Press Ctrl+C to stop.');

