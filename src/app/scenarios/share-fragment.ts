/**
 * The cheap half of share links, needed at start-up and on every `hashchange`: finding a payload in
 * the URL fragment. The codec (fflate deflate + base64url) lives in share-link.ts and is imported on
 * demand, so the compression library stays out of the initial JavaScript.
 */

/** URLs longer than this are unreliable in some browsers and chat tools; the UI warns above it. */
export const SHARE_URL_CHARS_COMFORTABLE = 8000;

/** The payload of a share fragment, or null when the fragment carries none. */
export function sharedPayloadFromHash(hash: string): string | null {
  const m = /(?:^#|[/?&])s=([A-Za-z0-9_-]+)/.exec(hash);
  return m ? m[1] : null;
}
