/**
 * Exports are checked structurally: the CloudFormation template against the property names and
 * types of the resource reference for the three resource types; the Terraform output with a small
 * HCL parser written here (blocks, attributes, strings, numbers, bools, references, lists, maps);
 * the AWS CLI script with `bash -n` and by running it against a stub `aws` that records arguments.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { toAwsCli } from './aws-cli';
import { toCloudFormation } from './cloudformation';
import { infraFromPlan, validateInfra, type InfraModel } from './infra-model';
import { hclString, toTerraform } from './terraform';
import { planCapacity } from '../plan';
import { parseWorkload } from '../workload';

const model: InfraModel = {
  streams: [
    { name: 'orders', mode: 'PROVISIONED', shardCount: 12, retentionHours: 48, encryption: { type: 'KMS', keyId: 'alias/aws/kinesis' }, efoConsumers: ['fraud', 'audit'] },
    { name: 'click-events.v2', mode: 'ON_DEMAND', retentionHours: 24, encryption: { type: 'NONE' }, efoConsumers: [] },
  ],
  deliveryStreams: [
    { name: 'orders-to-s3', source: { kind: 'kinesis-stream', streamName: 'orders' }, destination: { kind: 's3', bucket: 'my-lake', prefix: 'orders/!{timestamp:yyyy/MM/dd}/', errorOutputPrefix: 'errors/' }, buffering: { sizeMiB: 64, intervalSeconds: 300 }, compression: 'GZIP' },
    { name: 'direct', source: { kind: 'direct-put' }, destination: { kind: 'http-endpoint', url: 'https://example.com/ingest', endpointName: "Bob's endpoint", backupBucket: 'backup' }, buffering: { sizeMiB: 1, intervalSeconds: 60 }, compression: 'UNCOMPRESSED' },
  ],
};

// Property names and JSON types per the CloudFormation resource reference (the subset we emit).
type T = 'string' | 'integer' | 'object' | 'array' | 'ref';
const CFN_SCHEMA: Record<string, Record<string, T>> = {
  'AWS::Kinesis::Stream': { Name: 'string', RetentionPeriodHours: 'integer', ShardCount: 'integer', StreamEncryption: 'object', StreamModeDetails: 'object', Tags: 'array', DesiredShardLevelMetrics: 'array', MaxRecordSizeInKiB: 'integer', WarmThroughputMiBps: 'integer' },
  'AWS::Kinesis::StreamConsumer': { ConsumerName: 'string', StreamARN: 'ref' },
  'AWS::KinesisFirehose::DeliveryStream': { DeliveryStreamName: 'string', DeliveryStreamType: 'string', KinesisStreamSourceConfiguration: 'object', ExtendedS3DestinationConfiguration: 'object', HttpEndpointDestinationConfiguration: 'object' },
};
const NESTED: Record<string, Record<string, T>> = {
  StreamEncryption: { EncryptionType: 'string', KeyId: 'string' },
  StreamModeDetails: { StreamMode: 'string' },
  KinesisStreamSourceConfiguration: { KinesisStreamARN: 'ref', RoleARN: 'ref' },
  ExtendedS3DestinationConfiguration: { BucketARN: 'string', RoleARN: 'ref', Prefix: 'string', ErrorOutputPrefix: 'string', BufferingHints: 'object', CompressionFormat: 'string' },
  HttpEndpointDestinationConfiguration: { EndpointConfiguration: 'object', BufferingHints: 'object', RoleARN: 'ref', S3BackupMode: 'string', S3Configuration: 'object' },
  BufferingHints: { SizeInMBs: 'integer', IntervalInSeconds: 'integer' },
  EndpointConfiguration: { Url: 'string', Name: 'string' },
  S3Configuration: { BucketARN: 'string', RoleARN: 'ref', CompressionFormat: 'string' },
};

function typeOf(v: unknown): T {
  if (typeof v === 'string') return 'string';
  if (Number.isInteger(v)) return 'integer';
  if (Array.isArray(v)) return 'array';
  if (v && typeof v === 'object' && (('Ref' in v) || ('Fn::GetAtt' in v))) return 'ref';
  return 'object';
}

function checkProps(props: Record<string, unknown>, schema: Record<string, T>, path: string): void {
  for (const [k, v] of Object.entries(props)) {
    expect(schema[k], `${path}.${k} is not a property of this type`).toBeDefined();
    const t = typeOf(v);
    // An intrinsic may stand for a string.
    expect(t === schema[k] || (schema[k] === 'ref' && t === 'string'), `${path}.${k}: ${t} where ${schema[k]} expected`).toBe(true);
    if (t === 'object' && NESTED[k]) checkProps(v as Record<string, unknown>, NESTED[k], `${path}.${k}`);
  }
}

describe('CloudFormation export', () => {
  const tpl = toCloudFormation(model);
  it('has the template shape with every resource typed and property names from the reference', () => {
    expect(tpl.AWSTemplateFormatVersion).toBe('2010-09-09');
    const types = Object.values(tpl.Resources).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::Kinesis::Stream')).toHaveLength(2);
    expect(types.filter((t) => t === 'AWS::Kinesis::StreamConsumer')).toHaveLength(2);
    expect(types.filter((t) => t === 'AWS::KinesisFirehose::DeliveryStream')).toHaveLength(2);
    for (const [id, r] of Object.entries(tpl.Resources)) {
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      checkProps(r.Properties, CFN_SCHEMA[r.Type], id);
    }
  });
  it('wires references to resources and parameters that exist', () => {
    const ids = new Set(Object.keys(tpl.Resources));
    const params = new Set(Object.keys(tpl.Parameters ?? {}));
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('Ref' in o) expect(ids.has(o.Ref as string) || params.has(o.Ref as string)).toBe(true);
        if ('Fn::GetAtt' in o) expect(ids.has((o['Fn::GetAtt'] as string[])[0])).toBe(true);
        Object.values(o).forEach(walk);
      }
    };
    walk(tpl.Resources);
    walk(tpl.Outputs);
  });
  it('omits ShardCount on demand and sets it for provisioned', () => {
    expect(tpl.Resources.OrdersStream.Properties).toMatchObject({ Name: 'orders', ShardCount: 12, RetentionPeriodHours: 48, StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(tpl.Resources.ClickEventsV2Stream.Properties.ShardCount).toBeUndefined();
    expect(JSON.parse(JSON.stringify(tpl))).toEqual(tpl);
  });
});

// ——— a small HCL parser (enough of HCL's native syntax to reject malformed output) ———
type Hcl = { [k: string]: unknown };
function parseHcl(src: string): { blocks: { type: string; labels: string[]; body: Hcl }[] } {
  let i = 0;
  const ws = () => {
    for (;;) {
      while (i < src.length && /[ \t\r\n]/.test(src[i])) i++;
      if (src[i] === '#' || (src[i] === '/' && src[i + 1] === '/')) while (i < src.length && src[i] !== '\n') i++;
      else return;
    }
  };
  const err = (m: string): never => {
    throw new Error(`HCL parse error at ${i} (${JSON.stringify(src.slice(i, i + 20))}): ${m}`);
  };
  const ident = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (!m) err('identifier expected');
    i += m![0].length;
    return m![0];
  };
  const str = () => {
    if (src[i] !== '"') err('string expected');
    i++;
    let out = '';
    while (src[i] !== '"') {
      if (i >= src.length || src[i] === '\n') err('unterminated string');
      if (src[i] === '\\') {
        const e = src[i + 1];
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (!(e in map)) err(`bad escape \\${e}`);
        out += map[e];
        i += 2;
      } else if (src.startsWith('${', i) || src.startsWith('%{', i)) err('unexpected template sequence in a literal');
      else if (src.startsWith('$${', i) || src.startsWith('%%{', i)) {
        out += src.slice(i + 1, i + 3);
        i += 3;
      } else out += src[i++];
    }
    i++;
    return out;
  };
  const value = (): unknown => {
    ws();
    if (src[i] === '"') return str();
    if (src[i] === '[') {
      i++;
      const items: unknown[] = [];
      ws();
      while (src[i] !== ']') {
        items.push(value());
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== ']') err('"," or "]" expected');
        ws();
      }
      i++;
      return items;
    }
    if (src[i] === '{') {
      i++;
      const obj: Hcl = {};
      ws();
      while (src[i] !== '}') {
        const k = src[i] === '"' ? str() : ident();
        ws();
        if (src[i] !== '=' && src[i] !== ':') err('"=" expected in map');
        i++;
        obj[k] = value();
        ws();
        if (src[i] === ',') i++;
        ws();
      }
      i++;
      return obj;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const path = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*/.exec(src.slice(i));
    if (!path) err('value expected');
    i += path![0].length;
    if (path![0] === 'true' || path![0] === 'false') return path![0] === 'true';
    return { ref: path![0] };
  };
  const body = (closing: boolean): { attrs: Hcl; blocks: { type: string; labels: string[]; body: Hcl }[] } => {
    const attrs: Hcl = {};
    const blocks: { type: string; labels: string[]; body: Hcl }[] = [];
    for (;;) {
      ws();
      if (closing && src[i] === '}') {
        i++;
        return { attrs, blocks };
      }
      if (!closing && i >= src.length) return { attrs, blocks };
      const name = ident();
      ws();
      if (src[i] === '=') {
        i++;
        if (name in attrs) err(`duplicate attribute ${name}`);
        attrs[name] = value();
        const rest = /^[ \t]*(\n|$)/.exec(src.slice(i));
        if (!rest) err('newline expected after attribute');
        continue;
      }
      const labels: string[] = [];
      while (src[i] === '"') {
        labels.push(str());
        ws();
      }
      if (src[i] !== '{') err('"{" expected');
      i++;
      const inner = body(true);
      blocks.push({ type: name, labels, body: { ...inner.attrs, ...Object.fromEntries(inner.blocks.map((b) => [b.type, b.body])) } });
    }
  };
  const top = body(false);
  if (Object.keys(top.attrs).length) err('attributes at top level');
  return { blocks: top.blocks };
}

describe('Terraform export', () => {
  const hcl = toTerraform(model);
  const parsed = parseHcl(hcl);
  const resources = parsed.blocks.filter((b) => b.type === 'resource');

  it('parses as HCL with the AWS provider resource types', () => {
    expect(resources.map((r) => r.labels[0]).sort()).toEqual([
      'aws_kinesis_firehose_delivery_stream',
      'aws_kinesis_firehose_delivery_stream',
      'aws_kinesis_stream',
      'aws_kinesis_stream',
      'aws_kinesis_stream_consumer',
      'aws_kinesis_stream_consumer',
    ]);
    for (const r of resources) expect(r.labels[1]).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  it('writes the stream arguments with their types', () => {
    const orders = resources.find((r) => r.labels[0] === 'aws_kinesis_stream' && r.body.name === 'orders')!.body;
    expect(orders).toEqual({ name: 'orders', shard_count: 12, retention_period: 48, encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis', stream_mode_details: { stream_mode: 'PROVISIONED' } });
    const od = resources.find((r) => r.body.name === 'click-events.v2')!.body;
    expect(od.shard_count).toBeUndefined();
  });

  it('references streams and the role variable that exist, and keeps template-looking text literal', () => {
    const fh = resources.find((r) => r.body.name === 'orders-to-s3')!.body as Record<string, Record<string, unknown>>;
    expect(fh.destination).toBe('extended_s3');
    expect(fh.kinesis_source_configuration.kinesis_stream_arn).toEqual({ ref: 'aws_kinesis_stream.orders.arn' });
    expect(fh.extended_s3_configuration).toMatchObject({ bucket_arn: 'arn:aws:s3:::my-lake', buffering_size: 64, buffering_interval: 300, compression_format: 'GZIP', role_arn: { ref: 'var.firehose_role_arn' } });
    expect(parsed.blocks.some((b) => b.type === 'variable' && b.labels[0] === 'firehose_role_arn')).toBe(true);
    const direct = resources.find((r) => r.body.name === 'direct')!.body as Record<string, Record<string, unknown>>;
    expect(direct.http_endpoint_configuration.name).toBe("Bob's endpoint");
  });

  it('escapes strings so that they round-trip', () => {
    for (const s of ['plain', 'quote " and \\ back', 'new\nline', 'template ${var.x} and %{ if }', 'unicode ✓']) {
      const parsedBack = parseHcl(`x {\n  a = ${hclString(s)}\n}\n`).blocks[0].body.a;
      expect(parsedBack).toBe(s);
    }
  });

  it('the checker rejects malformed HCL', () => {
    expect(() => parseHcl('resource "a" "b" {\n  x = \n}\n')).toThrow();
    expect(() => parseHcl('resource "a" "b" {\n  x = "open\n}\n')).toThrow();
    expect(() => parseHcl('resource "a" "b" {\n  x = 1\n')).toThrow();
  });
});

describe('AWS CLI export', () => {
  const script = toAwsCli(model);
  it('is valid bash', () => {
    const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('passes each argument intact to aws, JSON included', () => {
    // A stub `aws` records its argv, one call per line as JSON; describe-stream-summary answers an ARN.
    const stub = `aws() { printf '%s\\0' "$@" > /dev/null; node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@" >&2; if [ "$2" = describe-stream-summary ]; then echo arn:aws:kinesis:us-east-1:1:stream/$4; fi; }\n`;
    const r = spawnSync('bash', ['-c', stub + script.replace('#!/usr/bin/env bash', '')], { encoding: 'utf8', env: { ...process.env, FIREHOSE_ROLE_ARN: 'arn:aws:iam::1:role/fh' } });
    expect(r.status).toBe(0);
    const calls = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(calls[0]).toEqual(['kinesis', 'create-stream', '--stream-name', 'orders', '--shard-count', '12']);
    expect(calls).toContainEqual(['kinesis', 'increase-stream-retention-period', '--stream-name', 'orders', '--retention-period-hours', '48']);
    expect(calls).toContainEqual(['kinesis', 'register-stream-consumer', '--consumer-name', 'fraud', '--stream-arn', 'arn:aws:kinesis:us-east-1:1:stream/orders']);
    expect(calls).toContainEqual(['kinesis', 'create-stream', '--stream-name', 'click-events.v2', '--stream-mode-details', 'StreamMode=ON_DEMAND']);
    const fh = calls.find((c) => c[1] === 'create-delivery-stream' && c[3] === 'orders-to-s3')!;
    expect(fh).toContain('KinesisStreamARN=arn:aws:kinesis:us-east-1:1:stream/orders,RoleARN=arn:aws:iam::1:role/fh');
    const conf = JSON.parse(fh[fh.indexOf('--extended-s3-destination-configuration') + 1]);
    expect(conf).toMatchObject({ RoleARN: 'arn:aws:iam::1:role/fh', BucketARN: 'arn:aws:s3:::my-lake', Prefix: 'orders/!{timestamp:yyyy/MM/dd}/', BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 300 } });
    const http = calls.find((c) => c[3] === 'direct')!;
    expect(JSON.parse(http[http.indexOf('--http-endpoint-destination-configuration') + 1]).EndpointConfiguration.Name).toBe("Bob's endpoint");
  });
});

describe('infra model', () => {
  it('validates names, shard counts and source streams', () => {
    expect(validateInfra(model)).toEqual([]);
    const bad: InfraModel = {
      streams: [{ name: 'bad name', mode: 'PROVISIONED', retentionHours: 10, encryption: { type: 'NONE' }, efoConsumers: [] }],
      deliveryStreams: [{ name: 'd', source: { kind: 'kinesis-stream', streamName: 'nope' }, destination: { kind: 's3', bucket: 'b' }, buffering: { sizeMiB: 200, intervalSeconds: 60 }, compression: 'GZIP' }],
    };
    expect(validateInfra(bad)).toHaveLength(5);
  });
  it('builds from a plan’s recommendation', () => {
    const w = parseWorkload({ name: 'x', traffic: { recordsPerSecond: { average: 5000 }, recordSize: { kind: 'fixed', bytes: 500 }, keys: { kind: 'uniform', count: 1000 } }, consumers: [{ kind: 'efo', name: 'fast' }] });
    if (!w.ok) throw new Error('workload');
    const m = infraFromPlan(planCapacity(w.workload), 'x-stream');
    expect(m.streams[0]).toMatchObject({ name: 'x-stream', mode: 'PROVISIONED', shardCount: 7, efoConsumers: ['fast'] });
    expect(validateInfra(m)).toEqual([]);
  });
});
