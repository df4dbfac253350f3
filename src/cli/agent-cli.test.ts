/**
 * `npm run agent` as a user runs it: --dry-run over the worked examples (output compared with
 * examples/agent/expected-dry-run.jsonl), and live sending to the local API server through the
 * SDK clients, resuming at the checkpoint on a second run.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './server/local-api-server';
import { kinesisClient, waitForStreamActive } from './server/sdk-test-support';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'src/cli/agent.ts');
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1' };

describe('npm run agent -- --dry-run', () => {
  it('prints the worked examples exactly', async () => {
    const { stdout, stderr } = await run(TSX, [CLI, '--config', 'examples/agent/agent.json', '--dry-run'], { env });
    expect(stdout).toBe(readFileSync('examples/agent/expected-dry-run.jsonl', 'utf8'));
    expect(stderr).toMatch(/total: 20 records from 8 files; 4 dropped or unparsable/);
  }, 30_000);

  it('refuses an invalid config with every problem and its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-'));
    writeFileSync(join(dir, 'agent.json'), JSON.stringify({ flows: [{ filePattern: 'a.log', kinesisStream: 's', maxBufferSizeRecords: 501, initialPosition: 'BEGIN' }] }));
    const err = await run(TSX, [CLI, '--config', join(dir, 'agent.json'), '--dry-run'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/flows\[0\]\.maxBufferSizeRecords: maxBufferSizeRecords is 501, outside the valid range \[1, 500\]/);
    expect((err as { stderr: string }).stderr).toMatch(/flows\[0\]\.initialPosition: Value\(BEGIN\) is not legally accepted/);
  }, 30_000);
});

describe('npm run agent (live, against npm run api)', () => {
  let server: LocalApiServer;
  beforeAll(async () => {
    server = await startLocalApiServer({ port: 0, transitionDelayMs: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends a file to a stream, then resumes at the checkpoint after a restart', async () => {
    const kinesis = kinesisClient(server.endpoint, 'h2');
    await kinesis.send(new CreateStreamCommand({ StreamName: 'agent-live', ShardCount: 1 }));
    await waitForStreamActive(kinesis, 'agent-live');
    const dir = mkdtempSync(join(tmpdir(), 'agent-'));
    writeFileSync(join(dir, 'app.log'), 'first\nsecond\n');
    writeFileSync(join(dir, 'agent.json'), JSON.stringify({ flows: [{ filePattern: 'app.log', kinesisStream: 'agent-live', initialPosition: 'START_OF_FILE', maxBufferAgeMillis: 1000 }] }));
    const args = [CLI, '--config', join(dir, 'agent.json'), '--endpoint', server.endpoint, '--until-idle'];
    await run(TSX, args, { env, timeout: 30_000 });
    appendFileSync(join(dir, 'app.log'), 'third\n');
    await run(TSX, args, { env, timeout: 30_000 });
    const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'agent-live', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(got.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['first\n', 'second\n', 'third\n']);
    const cp = JSON.parse(readFileSync(join(dir, '.kinesis-agent-checkpoints.json'), 'utf8')) as { checkpoints: { offset: number }[] };
    expect(cp.checkpoints[0].offset).toBe(19);
    kinesis.destroy();
  }, 60_000);
});
