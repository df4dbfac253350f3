/**
 * The HTML of the transform sandbox: loaded as `srcdoc` into `<iframe sandbox="allow-scripts">`,
 * so it runs in an opaque origin with no access to the console's storage, cookies or DOM. Its only
 * job is to start a dedicated Worker from a Blob URL and hand it the MessagePort the page sent;
 * user code then runs in that Worker and talks to the page directly over the port. The CSP forbids
 * every network request (connect-src 'none'); blob: Workers inherit it.
 *
 * Protocol on the port (structured-clone data, keyed by `kind`, as in engine/firehose/transform-invoker.ts):
 *   page → worker  {kind:'load', functionId, source}
 *   page → worker  {kind:'invoke', invocationId, functionId, request, timeLimitMs}
 *   worker → page  {kind:'result', invocationId, response, durationMs} | {kind:'error', invocationId, errorType, message, durationMs}
 * The page enforces the time limit: it removes the iframe (which ends the Worker) and starts a fresh one.
 */

/** The Worker program. Plain ES2020 in a string so no bundler transform can make it depend on outer code. */
export const SANDBOX_WORKER_SOURCE = String.raw`
// Wrapped so the relay's own bindings (port, handlers) are not globals that user code could reach by name.
(() => {
'use strict';
const handlers = new Map();
const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
function normalize(source) {
  return source
    .replace(/^\s*export\s+default\s+/m, 'exports.handler = ')
    .replace(/^\s*export\s+(?=(async\s+)?function\s+handler|const\s+handler|let\s+handler|var\s+handler)/m, '');
}
function compile(source) {
  const module = { exports: {} };
  const body = normalize(source) + '\n;return typeof handler === "function" ? handler : (module.exports && module.exports.handler) || exports.handler;';
  const fn = new Function('exports', 'module', 'console', body);
  const handler = fn(module.exports, module, silent);
  if (typeof handler !== 'function') throw new Error('the source must define handler(event, context) or set exports.handler');
  return handler;
}
function errorText(e) {
  return e && e.name ? e.name + ': ' + e.message : String(e);
}
let port;
self.onmessage = (e) => {
  if (!e.data || e.data.kind !== 'connect') return;
  port = e.ports[0];
  port.onmessage = (m) => handle(m.data);
};
async function handle(msg) {
  if (msg.kind === 'load') {
    try { handlers.set(msg.functionId, { handler: compile(msg.source) }); }
    catch (e) { handlers.set(msg.functionId, { loadError: errorText(e) }); }
    return;
  }
  if (msg.kind !== 'invoke') return;
  const started = performance.now();
  const fn = handlers.get(msg.functionId);
  const reply = (m) => port.postMessage(Object.assign({ invocationId: msg.invocationId, durationMs: Math.round(performance.now() - started) }, m));
  if (!fn || fn.loadError) return reply({ kind: 'error', errorType: 'InvalidFunction', message: fn ? fn.loadError : 'function not loaded' });
  try {
    const context = { awsRequestId: msg.invocationId, functionName: msg.functionId, getRemainingTimeInMillis: () => msg.timeLimitMs - (performance.now() - started) };
    const result = await fn.handler(msg.request, context);
    reply({ kind: 'result', response: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
  } catch (e) {
    reply({ kind: 'error', errorType: 'FunctionError', message: errorText(e) });
  }
}
})();
`;

/** The iframe document: a strict CSP, then a script that starts the Worker and passes it the port. */
export function sandboxDocument(): string {
  const workerSource = JSON.stringify(SANDBOX_WORKER_SOURCE).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'">
</head><body><script>
(function () {
  var url = URL.createObjectURL(new Blob([${workerSource}], { type: 'text/javascript' }));
  var worker = new Worker(url);
  window.addEventListener('message', function (e) {
    if (e.source !== parent || !e.data || e.data.kind !== 'connect') return;
    worker.postMessage({ kind: 'connect' }, [e.ports[0]]);
  });
  parent.postMessage({ kind: 'sandbox-ready' }, '*');
})();
</script></body></html>`;
}
