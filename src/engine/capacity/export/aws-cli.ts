/**
 * AWS CLI commands (bash) that create an InfraModel's resources in order: streams (waiting until
 * ACTIVE), retention and encryption, EFO consumers, then Firehose delivery streams. Every argument
 * is single-quoted so names and JSON survive the shell unchanged.
 */
import type { InfraDeliveryStream, InfraModel, InfraStream } from './infra-model';

/** Single-quotes a word for POSIX shells ('It'\''s'). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const cmd = (...words: string[]) => words.map(shellQuote).join(' ');

export function toAwsCli(model: InfraModel): string {
  const lines: string[] = ['#!/usr/bin/env bash', '# Kinesis resources exported from Kinesis Sandbox', 'set -euo pipefail', ''];
  if (model.deliveryStreams.length > 0) lines.push(': "${FIREHOSE_ROLE_ARN:?set FIREHOSE_ROLE_ARN to the IAM role Firehose assumes}"', '');
  for (const s of model.streams) lines.push(...streamCommands(s), '');
  for (const d of model.deliveryStreams) lines.push(...deliveryCommands(d), '');
  return lines.join('\n');
}

function streamCommands(s: InfraStream): string[] {
  const out: string[] = [`# stream ${s.name}`];
  out.push(
    s.mode === 'PROVISIONED'
      ? cmd('aws', 'kinesis', 'create-stream', '--stream-name', s.name, '--shard-count', String(s.shardCount ?? 1))
      : cmd('aws', 'kinesis', 'create-stream', '--stream-name', s.name, '--stream-mode-details', 'StreamMode=ON_DEMAND'),
  );
  out.push(cmd('aws', 'kinesis', 'wait', 'stream-exists', '--stream-name', s.name));
  if (s.retentionHours > 24) out.push(cmd('aws', 'kinesis', 'increase-stream-retention-period', '--stream-name', s.name, '--retention-period-hours', String(s.retentionHours)));
  if (s.encryption.type === 'KMS') out.push(cmd('aws', 'kinesis', 'start-stream-encryption', '--stream-name', s.name, '--encryption-type', 'KMS', '--key-id', s.encryption.keyId));
  if (s.efoConsumers.length > 0) {
    out.push(`${streamArnVar(s.name)}=$(${cmd('aws', 'kinesis', 'describe-stream-summary', '--stream-name', s.name, '--query', 'StreamDescriptionSummary.StreamARN', '--output', 'text')})`);
    for (const c of s.efoConsumers) out.push(`${cmd('aws', 'kinesis', 'register-stream-consumer', '--consumer-name', c, '--stream-arn')} "$${streamArnVar(s.name)}"`);
  }
  return out;
}

function streamArnVar(name: string): string {
  return `STREAM_ARN_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

function deliveryCommands(d: InfraDeliveryStream): string[] {
  const out: string[] = [`# delivery stream ${d.name}`];
  const buffering = { SizeInMBs: d.buffering.sizeMiB, IntervalInSeconds: d.buffering.intervalSeconds };
  const role = '__ROLE__';
  const dest = d.destination;
  let destArg: string[];
  if (dest.kind === 's3') {
    const conf = { RoleARN: role, BucketARN: `arn:aws:s3:::${dest.bucket}`, ...(dest.prefix ? { Prefix: dest.prefix } : {}), ...(dest.errorOutputPrefix ? { ErrorOutputPrefix: dest.errorOutputPrefix } : {}), BufferingHints: buffering, CompressionFormat: d.compression };
    destArg = ['--extended-s3-destination-configuration', JSON.stringify(conf)];
  } else {
    const conf = {
      EndpointConfiguration: { Url: dest.url, ...(dest.endpointName ? { Name: dest.endpointName } : {}) },
      BufferingHints: buffering,
      RoleARN: role,
      S3BackupMode: 'FailedDataOnly',
      S3Configuration: { RoleARN: role, BucketARN: `arn:aws:s3:::${dest.backupBucket}` },
    };
    destArg = ['--http-endpoint-destination-configuration', JSON.stringify(conf)];
  }
  const words = ['aws', 'firehose', 'create-delivery-stream', '--delivery-stream-name', d.name, '--delivery-stream-type', d.source.kind === 'kinesis-stream' ? 'KinesisStreamAsSource' : 'DirectPut'];
  let line = cmd(...words);
  if (d.source.kind === 'kinesis-stream') {
    out.push(`${streamArnVar(d.source.streamName)}=$(${cmd('aws', 'kinesis', 'describe-stream-summary', '--stream-name', d.source.streamName, '--query', 'StreamDescriptionSummary.StreamARN', '--output', 'text')})`);
    line += ` --kinesis-stream-source-configuration "KinesisStreamARN=$${streamArnVar(d.source.streamName)},RoleARN=$FIREHOSE_ROLE_ARN"`;
  }
  // The role ARN is spliced in from the environment: close the single quote around it.
  line += ` ${destArg[0]} ${shellQuote(destArg[1]).split(role).join(`'"$FIREHOSE_ROLE_ARN"'`)}`;
  out.push(line);
  return out;
}
