/**
 * Share links: a scenario document carried in the URL fragment, compressed (fflate deflate) and
 * base64url-encoded, e.g. `…/#/planner/s=eJyrVkrOz0nJTM…`. The fragment never reaches a server, and
 * the `#/planner/…` form routes to the Planner page without any special handling by the router.
 * Decoding accepts `#s=…`, `#/planner?s=…` and `#/planner/s=…`. The console imports this module on
 * demand (see share-fragment.ts, which finds payloads without the codec).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export { SHARE_URL_CHARS_COMFORTABLE, sharedPayloadFromHash } from './share-fragment';

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlToBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The scenario as a URL-safe payload. */
export function encodeScenario(doc: unknown): string {
  return bytesToBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
}

export type DecodeResult = { readonly ok: true; readonly doc: unknown } | { readonly ok: false; readonly error: string };

export function decodeScenario(payload: string): DecodeResult {
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, error: 'The shared link is damaged: it contains characters a share link never has.' };
  let text: string;
  try {
    text = strFromU8(inflateSync(base64UrlToBytes(payload)));
  } catch {
    return { ok: false, error: 'The shared link is damaged or cut short: its scenario could not be decompressed.' };
  }
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'The shared link holds no valid JSON scenario.' };
  }
}

/** A link to the Planner page with the scenario inside: `base` is the page URL without its fragment. */
export function shareUrl(base: string, doc: unknown): string {
  return `${base.replace(/#.*$/, '')}#/planner/s=${encodeScenario(doc)}`;
}
