/**
 * `npm run plan -- <workload.json> [--json] [--price key=value …]`: the analytic capacity estimate and
 * the three-way monthly cost for a workload file. Node-only shell around src/engine/capacity.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_PRICE_TABLE, PRICE_KEYS, withPriceOverrides, type PriceKey, type PriceOverrides } from '../engine/capacity/price-table';
import { planCapacity } from '../engine/capacity/plan';
import { renderPlanText } from '../engine/capacity/report-text';
import { formatIssues, parseWorkload } from '../engine/capacity/workload';
import { isVideoWorkload, parseVideoWorkload } from '../engine/capacity/video-workload';
import { planVideoCost, renderVideoPlanText } from '../engine/capacity/cost-video';
import { infraFromPlan, toAwsCli, toCloudFormation, toTerraform } from '../engine/capacity/export';

const HELP = `Usage: npm run plan -- <workload.json> [--json] [--price <key>=<usd> …] [--export cloudformation|terraform|cli]

  --json                       the whole plan as JSON (Infinity drain times become null)
  --price <key>=<usd>          override one price of the us-east-1 table (repeatable)
  --export <format>            print the recommended stream as a CloudFormation template,
                               Terraform HCL or AWS CLI commands instead of the report

Estimates shards (with the binding constraint), hot keys, on-demand ramp safety and the monthly
cost in provisioned, on-demand Standard and on-demand Advantage modes (plus Firehose and analytics
when described), and recommends a mode. Prices: us-east-1 defaults; override with --price.

Workload file (JSON; sizes in bytes, rates per second; [defaults]):
  name                         string, 1–256 chars
  traffic.recordsPerSecond     { average > 0, peak ≥ average [= average],
                                 surge: { recordsPerSecond ≥ peak, seconds 1–86400 } [none],
                                 previousPeak ≥ 0 [= peak] (trailing 30-day peak, for the on-demand ramp) }
  traffic.recordSize           { kind: "fixed", bytes } | { kind: "uniform", minBytes, maxBytes }
                               | { kind: "lognormal", medianBytes, sigma 0–3 }
                               | { kind: "histogram", buckets: [{ bytes, weight > 0 }] }   (1 … maxRecordSizeBytes)
  traffic.partitionKeyBytes    1–256 [mean length of the generated key names]
  traffic.keys                 { kind: "uniform", count, prefix ["key-"] } | { kind: "zipf", count, exponent 0–5 }
                               | { kind: "hot-key", hotKey, share 0–1, otherKeys } | { kind: "explicit", weights: { key: w } }
  traffic.aggregation          { enabled [false], keysCarryOrdering [false] }
  consumers[]                  { kind: "polling", name, pollsPerSecondPerShard 0.2–5 [1], maxRecordsPerSecondPerShard,
                                   maxAcceptableLagSeconds, count 1–100 [1] }
                               | { kind: "efo", name, maxRecordsPerSecondPerShard, maxAcceptableLagSeconds, count }
                               | { kind: "lambda", name, batchSize 1–10000 [100], parallelizationFactor 1–10 [1],
                                   averageDurationMs, efo [false], maxAcceptableLagSeconds, count }
  retentionHours               24–8760 [24]
  targetUtilization            > 0 … 1 [0.8]
  maxRecordSizeBytes           1024 – 10485760 [1048576]
  longTermReadGiBPerMonth      ≥ 0 [0]
  onDemand                     { warmThroughputMiBps 1–10240, efoCountsTowardCommitment [true] }
  firehose                     { name, source: "direct-put" | "kinesis-stream" | "vended-logs", recordsPerSecond,
                                 recordSize, recordsPerEntry 1–500 [1], bufferSizeMiB 1–128 [5],
                                 bufferIntervalSeconds 0–900 [300], formatConversion [false],
                                 dynamicPartitioning: { partitions 1–500, jqHoursPerMonth [0] }, vpc: { azCount 1–6 } }
  analytics                    { kind: "flink", parallelism, parallelismPerKpu 1–4 [1], studio [false] }
                               | { kind: "legacy-sql", kpus }
  currentShards                1–100000 [none]: adds the UpdateShardCount path to the recommendation
  hoursPerMonth                1–744 [730]

Kinesis Video Streams workload (a top-level "video" section instead of "traffic"): prices the
camera fleet's data ingested, stored (GB-month) and consumed (GetMedia, HLS, DASH, GetImages).
  video.cameras                1–10000 (one stream each)
  video.bitrateKbps            > 0 … 100000 per camera
  video.recordingHoursPerDay   > 0 … 24 [24]
  video.retentionHours         0–87600
  video.consumption            { getMediaHours, hlsHours, dashHours (hours per month, all cameras) [0],
                                 getImages (images per month) [0] }

Examples: examples/workloads/*.json. Price keys: ${PRICE_KEYS.join(', ')}.
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(args.length === 0 ? 2 : 0);
}
const json = args.includes('--json');
const overrides: PriceOverrides = {};
const files: string[] = [];
const EXPORTS = ['cloudformation', 'terraform', 'cli'] as const;
let exportFormat: (typeof EXPORTS)[number] | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') continue;
  if (a === '--export') {
    const f = args[++i] ?? '';
    if (!(EXPORTS as readonly string[]).includes(f)) fail(`--export: format must be one of ${EXPORTS.join(', ')}, got "${f}"`);
    exportFormat = f as (typeof EXPORTS)[number];
    continue;
  }
  if (a === '--price') {
    const spec = args[++i] ?? '';
    const [key, value] = spec.split('=');
    if (!(PRICE_KEYS as readonly string[]).includes(key)) fail(`--price: unknown price key "${key}"; known keys: ${PRICE_KEYS.join(', ')}`);
    const v = Number(value);
    if (!(value !== undefined && value !== '' && Number.isFinite(v) && v >= 0)) fail(`--price ${key}: the price must be a number ≥ 0, got "${value ?? ''}"`);
    overrides[key as PriceKey] = v;
  } else if (a.startsWith('--')) fail(`unknown option ${a}; see --help`);
  else files.push(a);
}
if (files.length !== 1) fail(`expected one workload file, got ${files.length}; see --help`);

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(files[0], 'utf8'));
} catch (e) {
  fail(`cannot read ${files[0]}: ${(e as Error).message}`);
}
const today = new Date().toISOString().slice(0, 10);
const prices = Object.keys(overrides).length ? withPriceOverrides(DEFAULT_PRICE_TABLE, overrides, today) : DEFAULT_PRICE_TABLE;
if (isVideoWorkload(raw)) {
  if (exportFormat) fail('--export applies to data-stream workloads; a video workload has no stream template yet');
  const video = parseVideoWorkload(raw);
  if (!video.ok) fail(`${files[0]} is not a valid video workload:\n${formatIssues(video.issues)}`);
  const videoPlan = planVideoCost(video.workload, prices);
  process.stdout.write(json ? `${JSON.stringify(videoPlan, null, 2)}\n` : `${renderVideoPlanText(videoPlan)}\n`);
  process.exit(0);
}
const parsed = parseWorkload(raw);
if (!parsed.ok) fail(`${files[0]} is not a valid workload:\n${formatIssues(parsed.issues)}`);
const plan = planCapacity(parsed.workload, prices);
if (exportFormat) {
  const model = infraFromPlan(plan, parsed.workload.name.replace(/[^a-zA-Z0-9_.-]/g, '-'));
  const text =
    exportFormat === 'cloudformation' ? `${JSON.stringify(toCloudFormation(model), null, 2)}\n` : exportFormat === 'terraform' ? toTerraform(model) : toAwsCli(model);
  process.stdout.write(text);
} else {
  process.stdout.write(json ? `${JSON.stringify(plan, null, 2)}\n` : `${renderPlanText(plan)}\n`);
}
