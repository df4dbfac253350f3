/**
 * `npm run api` as a user runs it: --help documents the options; the server starts on the
 * requested port, prints its endpoint, answers, and stops on SIGINT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const entry = join(root, 'src', 'cli', 'api.ts');

describe('npm run api', () => {
  it('documents its options', () => {
    const out = spawnSync(tsx, [entry, '--help'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    for (const flag of ['--port', '--host', '--transition-delay', '--shard-limit', '--region', '--seed', '--auth', '--access-key']) expect(out.stdout).toContain(flag);
  });

  it('rejects a bad option value', () => {
    const out = spawnSync(tsx, [entry, '--port', 'abc'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--port abc');
  });

  it('needs an access key for --auth sigv4', () => {
    const out = spawnSync(tsx, [entry, '--auth', 'sigv4'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--access-key ID:SECRET');
  });

  it('serves until interrupted', async () => {
    const child = spawn(tsx, [entry, '--port', '0', '--region', 'ap-south-1', '--seed', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          const m = /listening on (http:\/\/\S+)/.exec(text);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
      });
      const res = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'X-Amz-Target': 'Kinesis_20131202.ListStreams', 'Content-Type': 'application/x-amz-json-1.1', Authorization: 'x' },
        body: '{}',
      });
      expect(await res.json()).toMatchObject({ StreamNames: [] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
