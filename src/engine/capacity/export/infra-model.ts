/**
 * The small infrastructure description the exporters take (CloudFormation, Terraform, AWS CLI):
 * data streams with their EFO consumers and Firehose delivery streams. Independent of the scenario
 * document on purpose; a mapper from the scenario (or from a capacity plan) fills it in.
 */
import type { CapacityPlan } from '../plan';

export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy' | 'HADOOP_SNAPPY';

export interface InfraStream {
  readonly name: string;
  readonly mode: StreamMode;
  /** Required for PROVISIONED, ignored for ON_DEMAND. */
  readonly shardCount?: number;
  readonly retentionHours: number;
  readonly encryption: { readonly type: 'NONE' } | { readonly type: 'KMS'; readonly keyId: string };
  /** Names of enhanced fan-out consumers to register. */
  readonly efoConsumers: readonly string[];
}

export type InfraDestination =
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix?: string; readonly errorOutputPrefix?: string }
  | { readonly kind: 'http-endpoint'; readonly url: string; readonly endpointName?: string; readonly backupBucket: string };

export interface InfraDeliveryStream {
  readonly name: string;
  readonly source: { readonly kind: 'direct-put' } | { readonly kind: 'kinesis-stream'; readonly streamName: string };
  readonly destination: InfraDestination;
  readonly buffering: { readonly sizeMiB: number; readonly intervalSeconds: number };
  readonly compression: CompressionFormat;
}

export interface InfraModel {
  readonly streams: readonly InfraStream[];
  readonly deliveryStreams: readonly InfraDeliveryStream[];
}

/** Problems that would make any export invalid: unknown source streams, names AWS would reject. */
export function validateInfra(model: InfraModel): string[] {
  const problems: string[] = [];
  const names = new Set(model.streams.map((s) => s.name));
  const nameOk = /^[a-zA-Z0-9_.-]{1,128}$/;
  for (const s of model.streams) {
    if (!nameOk.test(s.name)) problems.push(`stream name "${s.name}" must be 1–128 characters of a-z, A-Z, 0-9, _ . -`);
    if (s.mode === 'PROVISIONED' && !(Number.isInteger(s.shardCount) && (s.shardCount ?? 0) >= 1)) problems.push(`stream "${s.name}" is PROVISIONED and needs an integer shardCount ≥ 1`);
    if (!(Number.isInteger(s.retentionHours) && s.retentionHours >= 24 && s.retentionHours <= 8760)) problems.push(`stream "${s.name}": retentionHours must be an integer 24–8760`);
    for (const c of s.efoConsumers) if (!nameOk.test(c)) problems.push(`consumer name "${c}" must be 1–128 characters of a-z, A-Z, 0-9, _ . -`);
  }
  for (const d of model.deliveryStreams) {
    if (!/^[a-zA-Z0-9_.-]{1,64}$/.test(d.name)) problems.push(`delivery stream name "${d.name}" must be 1–64 characters of a-z, A-Z, 0-9, _ . -`);
    if (d.source.kind === 'kinesis-stream' && !names.has(d.source.streamName)) problems.push(`delivery stream "${d.name}" reads stream "${d.source.streamName}", which is not in the model`);
    if (!(d.buffering.sizeMiB >= 1 && d.buffering.sizeMiB <= 128 && Number.isInteger(d.buffering.sizeMiB))) problems.push(`delivery stream "${d.name}": buffering sizeMiB must be an integer 1–128`);
    if (!(d.buffering.intervalSeconds >= 0 && d.buffering.intervalSeconds <= 900 && Number.isInteger(d.buffering.intervalSeconds))) problems.push(`delivery stream "${d.name}": buffering intervalSeconds must be an integer 0–900`);
  }
  return problems;
}

/** The recommended stream of a plan as an export model (one stream, its EFO consumers named by the plan). */
export function infraFromPlan(plan: CapacityPlan, streamName: string): InfraModel {
  const s = plan.recommendation.settings;
  return {
    streams: [
      {
        name: streamName,
        mode: s.streamMode,
        ...(s.streamMode === 'PROVISIONED' ? { shardCount: s.shardCount } : {}),
        retentionHours: Math.round(s.retentionHours),
        encryption: { type: 'KMS', keyId: 'alias/aws/kinesis' },
        efoConsumers: plan.consumers.filter((c) => c.readMode === 'efo').map((c) => c.name.replace(/[^a-zA-Z0-9_.-]/g, '-')),
      },
    ],
    deliveryStreams: [],
  };
}

/** PascalCase alphanumeric identifier from a resource name, made unique against `taken`. */
export function logicalId(name: string, suffix: string, taken: Set<string>): string {
  const base = name.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('') || 'Resource';
  const id0 = /^[A-Za-z]/.test(base) ? base + suffix : `R${base}${suffix}`;
  let id = id0;
  for (let i = 2; taken.has(id); i++) id = `${id0}${i}`;
  taken.add(id);
  return id;
}
