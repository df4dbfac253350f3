/**
 * Direct PUT throughput quota per stream: records/s, requests/s and bytes/s, counted in one-second
 * windows of virtual time ([sim] token bucket with a 1-second refill). A kernel: plain data in, a
 * decision out; the owner keeps the time window state.
 */
import type { DirectPutQuota } from './limits';

export interface QuotaWindow {
  second: number;
  records: number;
  requests: number;
  bytes: number;
}

export const newWindow = (): QuotaWindow => ({ second: -1, records: 0, requests: 0, bytes: 0 });

function roll(w: QuotaWindow, nowMs: number): void {
  const second = Math.floor(nowMs / 1000);
  if (second !== w.second) {
    w.second = second;
    w.records = 0;
    w.requests = 0;
    w.bytes = 0;
  }
}

/** Admits one request; false when the request rate itself is exceeded. */
export function admitRequest(w: QuotaWindow, quota: DirectPutQuota, nowMs: number): boolean {
  roll(w, nowMs);
  if (w.requests >= quota.requestsPerSecMax) return false;
  w.requests++;
  return true;
}

/** Admits one record of `sizeBytes`; false when records/s or bytes/s would be exceeded. */
export function admitRecord(w: QuotaWindow, quota: DirectPutQuota, sizeBytes: number, nowMs: number): boolean {
  roll(w, nowMs);
  if (w.records + 1 > quota.recordsPerSecMax || w.bytes + sizeBytes > quota.bytesPerSecMax) return false;
  w.records++;
  w.bytes += sizeBytes;
  return true;
}
