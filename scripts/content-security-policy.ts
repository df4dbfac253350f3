/**
 * The Content Security Policy the built console runs under — one home for it. vite.config.ts
 * puts it in the built index.html (<meta>, for hosts such as GitHub Pages that cannot send
 * headers), in `preview.headers` (`npm run preview`) and in `dist/_headers` (hosts that read that
 * file; e2e/serve-dist.mjs serves it too, so every browser test runs under the policy).
 *
 * Why each source is there:
 * - script-src 'self': every script is a file of the build; no inline script, no CDN.
 *   The one exception is hashed: the bootstrap of the Firehose transform sandbox
 *   (src/app/sandbox/sandbox-document.ts) is an inline script in an `<iframe srcdoc>`, and a
 *   srcdoc document inherits this policy, so its exact text is allowed by SHA-256.
 *   'unsafe-eval' is there for the same sandbox only: user transform code is compiled with
 *   `new Function` inside a Worker of that opaque-origin iframe, and a blob: Worker inherits the
 *   policy of the document that made it. The console's own code uses no eval (the SQL engine
 *   compiles to closures).
 * - worker-src 'self' blob:: the simulator, what-if and Monaco workers are files of the build; the
 *   transform sandbox starts its Worker from a blob: URL.
 * - style-src 'unsafe-inline': Monaco writes <style> elements at run time (token colours,
 *   decorations). Styles cannot run code.
 * - connect-src 'self': the service worker and Vite's module preloads fetch from the site; live mode
 *   adds https: (AWS endpoints) and loopback http (local emulators) for the endpoint the user picks.
 * - frame-src 'self' about:, img-src 'self' data: blob:, font-src 'self' data: (Monaco's codicon
 *   font), manifest-src 'self' (the web manifest), object-src 'none', base-uri 'self'.
 * `frame-ancestors` works only as a header, so it appears in `_headers` and preview, not in <meta>.
 */
import { createHash } from 'node:crypto';
import { sandboxDocument } from '../src/app/sandbox/sandbox-document';

/** The SHA-256 source expression for each inline <script> in a document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

export interface CspOptions {
  /** `frame-ancestors` is ignored (and warned about) in a <meta> policy. */
  delivery: 'header' | 'meta';
}

export function contentSecurityPolicy({ delivery }: CspOptions): string {
  const sandboxHashes = inlineScriptHashes(sandboxDocument());
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...sandboxHashes, "'unsafe-eval'"],
    ['worker-src', "'self'", 'blob:'],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    // Video Streams: MSE playback (blob: object URLs of a MediaSource) and the camera preview.
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['font-src', "'self'", 'data:'],
    // Live mode (src/app/live) calls a Kinesis endpoint chosen by the user from its worker: AWS over
    // https, and emulators (npm run api, LocalStack, kinesalite) over http on this machine.
    ['connect-src', "'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
    ['frame-src', "'self'", 'about:'],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'self'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}
