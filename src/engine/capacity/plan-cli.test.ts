/**
 * End-to-end check of `npm run plan` (src/cli/plan.ts), kept beside the engine module it fronts:
 * JSON output parses, validation errors exit 2 naming the field, exports print.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run plan', () => {
  it('prints the plan as JSON with --json', () => {
    const r = run(join(root, 'examples/workloads/clickstream-hot-key.json'), '--json');
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.kind).toBe('capacity-plan');
    expect(plan.recommendation.settings.mode).toBe('provisioned');
    expect(plan.hotKeys.keysOverLimit[0].key).toBe('device-17');
  });

  it('exits 2 and names each bad field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', traffic: { recordsPerSecond: { average: 10 }, recordSize: { kind: 'fixed', bytes: 10 }, keys: { kind: 'uniform', count: 1 } }, targetUtilization: 2 }));
    const r = run(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/targetUtilization: must be a number > 0 and ≤ 1, got 2/);
  });

  it('applies --price overrides and --export formats', () => {
    const file = join(root, 'examples/workloads/log-shipping-firehose.json');
    const r = run(file, '--json', '--price', 'shardHour=1');
    expect(JSON.parse(r.stdout).costs.provisioned.lines[0]).toMatchObject({ unitPrice: 1 });
    expect(run(file, '--price', 'nope=1').status).toBe(2);
    const cfn = JSON.parse(run(file, '--export', 'cloudformation').stdout);
    expect(Object.values(cfn.Resources).map((x) => (x as { Type: string }).Type)).toEqual(['AWS::Kinesis::Stream']);
  });
});
