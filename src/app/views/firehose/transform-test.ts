/**
 * "Test on sample records": builds a Lambda-shaped request from text lines, runs it in a sandbox,
 * and reads the answer the way the engine does (recordId matching, Ok / Dropped / ProcessingFailed,
 * base64 data) so the page can show each record's fate before the code goes live.
 */
import type { TransformOutcome, TransformRequest } from '../../../engine/firehose/transform-invoker';

export interface SampleResult {
  readonly recordId: string;
  readonly input: string;
  readonly result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  readonly output?: string;
  readonly reason?: SampleFailure;
}

/** Why a sample record failed, as data: the page words it in the chosen language (a sandbox error stays as the runtime gave it). */
export type SampleFailure =
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'shape' }
  | { readonly kind: 'missingId' }
  | { readonly kind: 'marked' }
  | { readonly kind: 'badResult'; readonly got: string }
  | { readonly kind: 'badData' };

const enc = new TextEncoder();
const dec = new TextDecoder();

export function toBase64(text: string): string {
  let bin = '';
  for (const b of enc.encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    return dec.decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export function sampleRequest(lines: readonly string[], streamName: string, nowMs: number): TransformRequest {
  return {
    invocationId: `test-${nowMs}`,
    deliveryStreamArn: `arn:aws:firehose:us-east-1:000000000000:deliverystream/${streamName}`,
    region: 'us-east-1',
    records: lines.map((line, i) => ({ recordId: `sample-${String(i + 1).padStart(3, '0')}`, approximateArrivalTimestamp: nowMs, data: toBase64(line) })),
  };
}

export function readOutcome(request: TransformRequest, lines: readonly string[], outcome: TransformOutcome): SampleResult[] {
  const failAll = (reason: SampleFailure) => request.records.map((r, i) => ({ recordId: r.recordId, input: lines[i], result: 'ProcessingFailed' as const, reason }));
  if (outcome.kind === 'error') return failAll({ kind: 'error', text: `${outcome.errorType}: ${outcome.message}` });
  const response = outcome.response as { records?: unknown } | null;
  if (!response || !Array.isArray(response.records)) return failAll({ kind: 'shape' });
  const byId = new Map<string, Record<string, unknown>>();
  for (const r of response.records as Record<string, unknown>[]) if (r && typeof r.recordId === 'string' && !byId.has(r.recordId)) byId.set(r.recordId, r);
  return request.records.map((r, i) => {
    const out = byId.get(r.recordId);
    const base = { recordId: r.recordId, input: lines[i] };
    if (!out) return { ...base, result: 'ProcessingFailed', reason: { kind: 'missingId' } };
    if (out.result === 'Dropped') return { ...base, result: 'Dropped' };
    if (out.result === 'ProcessingFailed') return { ...base, result: 'ProcessingFailed', reason: { kind: 'marked' } };
    if (out.result !== 'Ok') return { ...base, result: 'ProcessingFailed', reason: { kind: 'badResult', got: JSON.stringify(out.result) ?? 'undefined' } };
    const text = typeof out.data === 'string' ? fromBase64(out.data) : undefined;
    if (text === undefined) return { ...base, result: 'ProcessingFailed', reason: { kind: 'badData' } };
    return { ...base, result: 'Ok', output: text };
  });
}
