/**
 * `npm run agent -- --config agent.json [--endpoint URL] [--dry-run] [--checkpoints FILE] [--until-idle]`
 *
 * A small, real stand-in for the Java Kinesis Agent on a developer's machine: reads agent.json
 * (validated with the agent's rules; relative filePatterns resolve against the config file's
 * folder), tails the matching files and sends records with PutRecords / PutRecordBatch to any
 * Kinesis / Firehose endpoint (`npm run api`, or AWS with the standard credential chain).
 * --dry-run reads each matching file once, start to end, and prints one JSON object per record
 * instead of sending. --until-idle exits once every file is read and every record sent.
 * Checkpoints: --checkpoints, else agent.json's checkpointFile if set, else
 * .kinesis-agent-checkpoints.json beside the config.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CHECKPOINT_FILE, destinationDimension, parseAgentConfigText } from '../engine/agent/index';
import { CheckpointStore } from './agent-checkpoints';
import { dryRun } from './agent-dry-run';
import { createSdkSender } from './agent-sender';
import { FlowTailer } from './agent-tailer';

const USAGE = 'usage: npm run agent -- --config agent.json [--endpoint URL] [--dry-run] [--checkpoints FILE] [--until-idle]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!a.startsWith('--')) fail(`unexpected argument '${a}'`);
    const [key, inline] = a.slice(2).split('=', 2);
    const flag = key === 'dry-run' || key === 'until-idle';
    const value = inline ?? (flag ? 'true' : argv[++i]);
    if (value === undefined) fail(`--${key} needs a value`);
    if (!['config', 'endpoint', 'dry-run', 'checkpoints', 'until-idle'].includes(key)) fail(`unknown option --${key}`);
    args.set(key, value);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const configPath = args.get('config');
  if (!configPath) fail('--config is required');
  const absConfig = resolve(process.cwd(), configPath);
  let text: string;
  try {
    text = readFileSync(absConfig, 'utf8');
  } catch (e) {
    fail(`cannot read ${configPath}: ${(e as Error).message}`);
  }
  const parsed = parseAgentConfigText(text);
  for (const d of parsed.diagnostics) process.stderr.write(`${configPath}: ${d.severity}: ${d.path || '(root)'}: ${d.message}\n`);
  if (!parsed.ok) fail(`${configPath}: the agent would not start (${parsed.diagnostics.filter((d) => d.severity === 'error').length} errors)`, 1);
  const config = parsed.config;
  const configDir = dirname(absConfig);

  if (args.get('dry-run') === 'true') {
    const lines: string[] = [];
    dryRun(config, configDir, (l) => lines.push(l), (l) => process.stderr.write(`${l}\n`));
    process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    return;
  }

  const checkpointFile = args.get('checkpoints')
    ?? (config.checkpointFile !== DEFAULT_CHECKPOINT_FILE ? resolve(configDir, config.checkpointFile) : join(configDir, '.kinesis-agent-checkpoints.json'));
  const checkpoints = new CheckpointStore(checkpointFile);
  const sender = createSdkSender(config, args.get('endpoint'));
  const log = (l: string): void => {
    process.stderr.write(`${new Date().toISOString()} ${l}\n`);
  };
  const tailers = config.flows.map((f) => new FlowTailer(f, configDir, sender, checkpoints, log));
  log(`started ${tailers.length} flow(s); checkpoints in ${checkpointFile}`);
  const untilIdle = args.get('until-idle') === 'true';
  const pollMs = Math.min(...config.flows.map((f) => f.minTimeBetweenFilePollsMillis), 1_000);

  const report = (): void => {
    for (const t of tailers) {
      const c = t.counters;
      log(`${destinationDimension(t.flow)}: parsed ${c.parsed} records, skipped ${c.skipped}, conversion errors ${c.processingErrors}, truncated ${c.truncated}, sent ${c.sent}; `
        + `BytesSent=${t.metrics.BytesSent} RecordSendAttempts=${t.metrics.RecordSendAttempts} RecordSendErrors=${t.metrics.RecordSendErrors} ServiceErrors=${t.metrics.ServiceErrors}`);
    }
  };
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    for (const t of tailers) t.flushPartial();
    const deadline = Date.now() + 10_000; // shutdownTimeoutMillis
    const wait = setInterval(() => {
      for (const t of tailers) t.poll(Date.now());
      if (tailers.every((t) => t.idle) || Date.now() > deadline) {
        clearInterval(wait);
        report();
        sender.destroy();
        process.exit(tailers.every((t) => t.idle) ? 0 : 1);
      }
    }, 50);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const status = setInterval(report, 30_000);
  status.unref();
  setInterval(() => {
    if (stopping) return;
    const now = Date.now();
    const pending = tailers.map((t) => t.poll(now)).some(Boolean);
    if (untilIdle && !pending) stop();
  }, pollMs);
}

main().catch((e: unknown) => fail(`agent failed: ${(e as Error).stack ?? String(e)}`, 1));
