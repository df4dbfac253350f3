// Serves dist/ under a sub-path (default /sandbox/) on 127.0.0.1, like a plain static host:
// no rewrites. Proves the build works from any sub-path. It sends the headers the build writes to
// dist/_headers for every path (the Content-Security-Policy among them, see
// scripts/content-security-policy.ts), as hosts that read that file do, so every browser test
// runs under the site's CSP.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const port = Number(process.argv[2] ?? 4391);
const base = process.argv[3] ?? '/sandbox/';
const root = path.resolve('dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.ttf': 'font/ttf', '.png': 'image/png' };

/** The `/*` block of a `_headers` file as [name, value] pairs (the only block the build writes). */
function siteHeaders() {
  let text;
  try { text = fs.readFileSync(path.join(root, '_headers'), 'utf8'); } catch { return []; }
  return text.split('\n').filter((l) => /^\s+\S/.test(l)).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  });
}
const headers = siteHeaders();

http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.startsWith(base)) { res.writeHead(404).end('not under ' + base); return; }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  const file = path.join(root, rel);
  if (!file.startsWith(root) || rel === '_headers') { res.writeHead(403).end(); return; }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) { res.writeHead(404).end('not found'); return; }
    for (const [name, value] of headers) res.setHeader(name, value);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}${base}`));
