/**
 * Terraform HCL for an InfraModel with the AWS provider's resource types: aws_kinesis_stream,
 * aws_kinesis_stream_consumer, aws_kinesis_firehose_delivery_stream. A tiny HCL writer (blocks,
 * attributes, strings with escapes, numbers, references) keeps the output well-formed by construction.
 */
import type { InfraDeliveryStream, InfraModel, InfraStream } from './infra-model';

/** A value in the HCL we write: literal, a bare reference/expression, or a nested block. */
type HclValue = string | number | boolean | { readonly ref: string } | readonly HclValue[];
type HclItem = { readonly attr: string; readonly value: HclValue } | { readonly block: string; readonly labels?: readonly string[]; readonly body: readonly HclItem[] };

const attr = (name: string, value: HclValue): HclItem => ({ attr: name, value });
const block = (name: string, body: readonly HclItem[], labels?: readonly string[]): HclItem => ({ block: name, labels, body });
const ref = (expr: string) => ({ ref: expr });

export function hclString(s: string): string {
  // Escape quotes, backslashes, control characters and the template sequences ${ and %{.
  const escaped = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

function renderValue(v: HclValue): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(renderValue).join(', ')}]`;
  return (v as { ref: string }).ref;
}

function renderItems(items: readonly HclItem[], indent: string): string[] {
  const out: string[] = [];
  const width = Math.max(0, ...items.filter((i) => 'attr' in i).map((i) => (i as { attr: string }).attr.length));
  for (const item of items) {
    if ('attr' in item) out.push(`${indent}${item.attr.padEnd(width)} = ${renderValue(item.value)}`);
    else {
      const labels = (item.labels ?? []).map((l) => ` ${hclString(l)}`).join('');
      out.push(`${indent}${item.block}${labels} {`, ...renderItems(item.body, `${indent}  `), `${indent}}`);
    }
  }
  return out;
}

/** Terraform identifiers: letters, digits, underscores, dashes; not starting with a digit. */
export function terraformName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^a-zA-Z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'resource';
  if (/^[0-9]/.test(base)) base = `r_${base}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

export function toTerraform(model: InfraModel): string {
  const taken = new Set<string>();
  const items: HclItem[] = [];
  const streamIds = new Map<string, string>();
  if (model.deliveryStreams.length > 0) {
    items.push(block('variable', [attr('type', ref('string')), attr('description', 'IAM role Firehose assumes to read the source stream and write to the destination')], ['firehose_role_arn']));
  }
  for (const s of model.streams) {
    const id = terraformName(s.name, taken);
    streamIds.set(s.name, id);
    items.push(block('resource', streamBody(s), ['aws_kinesis_stream', id]));
    for (const c of s.efoConsumers) {
      const cid = terraformName(`${s.name}_${c}`, taken);
      items.push(block('resource', [attr('name', c), attr('stream_arn', ref(`aws_kinesis_stream.${id}.arn`))], ['aws_kinesis_stream_consumer', cid]));
    }
  }
  for (const d of model.deliveryStreams) {
    const id = terraformName(d.name, taken);
    const sourceId = d.source.kind === 'kinesis-stream' ? streamIds.get(d.source.streamName) : undefined;
    items.push(block('resource', deliveryBody(d, sourceId), ['aws_kinesis_firehose_delivery_stream', id]));
  }
  const blocks = items.map((i) => renderItems([i], '').join('\n'));
  return `# Kinesis resources exported from Kinesis Sandbox\n\n${blocks.join('\n\n')}\n`;
}

function streamBody(s: InfraStream): HclItem[] {
  const body: HclItem[] = [attr('name', s.name)];
  if (s.mode === 'PROVISIONED') body.push(attr('shard_count', s.shardCount ?? 1));
  body.push(attr('retention_period', s.retentionHours));
  if (s.encryption.type === 'KMS') body.push(attr('encryption_type', 'KMS'), attr('kms_key_id', s.encryption.keyId));
  body.push(block('stream_mode_details', [attr('stream_mode', s.mode)]));
  return body;
}

const ROLE = ref('var.firehose_role_arn');

function deliveryBody(d: InfraDeliveryStream, sourceId: string | undefined): HclItem[] {
  const dest = d.destination;
  const body: HclItem[] = [attr('name', d.name), attr('destination', dest.kind === 's3' ? 'extended_s3' : 'http_endpoint')];
  if (sourceId) body.push(block('kinesis_source_configuration', [attr('kinesis_stream_arn', ref(`aws_kinesis_stream.${sourceId}.arn`)), attr('role_arn', ROLE)]));
  const buffering = [attr('buffering_size', d.buffering.sizeMiB), attr('buffering_interval', d.buffering.intervalSeconds)];
  if (dest.kind === 's3') {
    body.push(
      block('extended_s3_configuration', [
        attr('role_arn', ROLE),
        attr('bucket_arn', `arn:aws:s3:::${dest.bucket}`),
        ...(dest.prefix ? [attr('prefix', dest.prefix)] : []),
        ...(dest.errorOutputPrefix ? [attr('error_output_prefix', dest.errorOutputPrefix)] : []),
        ...buffering,
        attr('compression_format', d.compression),
      ]),
    );
  } else {
    body.push(
      block('http_endpoint_configuration', [
        attr('url', dest.url),
        ...(dest.endpointName ? [attr('name', dest.endpointName)] : []),
        attr('role_arn', ROLE),
        attr('s3_backup_mode', 'FailedDataOnly'),
        ...buffering,
        block('s3_configuration', [attr('role_arn', ROLE), attr('bucket_arn', `arn:aws:s3:::${dest.backupBucket}`)]),
      ]),
    );
  }
  return body;
}
