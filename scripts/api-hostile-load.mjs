// The load side of scripts/api-hostile.ts, run in a worker thread so the server's heap figures
// are its own. Talks to 127.0.0.1 only; every loop is bounded.
import { parentPort, workerData } from 'node:worker_threads';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0';
const MIB = 1_048_576;

async function runLoad({ port, connections, flood }) {
  const report = {};
  // 1. N connections open at once, each sending one request and holding its socket until all are answered.
  const started = Date.now();
  const sockets = [];
  const answered = await Promise.all(Array.from({ length: connections }, () => new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    sockets.push(s);
    s.on('error', () => resolve(false));
    s.once('data', (d) => resolve(/^HTTP\/1\.1 (200|400)/.test(d.toString('latin1'))));
    s.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.DescribeStreamSummary\r\nAuthorization: ${AUTH}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 21\r\n\r\n{"StreamName":"load"}`);
  })));
  report.concurrentConnections = connections;
  report.concurrentAnswered = answered.filter(Boolean).length;
  report.concurrentWallMs = Date.now() - started;
  for (const s of sockets) s.destroy();

  // 2. A flood over HTTP/2 (one session per 1,000 requests) and HTTP/1 (keep-alive agent).
  const bodies = [
    ['Kinesis_20131202.PutRecord', '{', 'application/x-amz-json-1.1'],
    ['Kinesis_20131202.PutRecord', Buffer.from([0xbf, 0x61, 0xff]), 'application/x-amz-cbor-1.1'],
    ['Kinesis_20131202.__proto__', '{}', 'application/x-amz-json-1.1'],
    ['Firehose_20150804.PutRecordBatch', '{"DeliveryStreamName":"none","Records":[]}', 'text/plain'],
    ['Kinesis_20131202.GetRecords', '{"ShardIterator":"AAAA"}', 'application/x-amz-json-1.1'],
    ['Kinesis_20131202.DescribeStreamSummary', '{"StreamName":"load"}', 'application/x-amz-json-1.1'],
  ];
  const floodStart = Date.now();
  const statuses = new Map();
  const count = (s) => { statuses.set(s, (statuses.get(s) ?? 0) + 1); };
  const h2Requests = Math.floor(flood / 2);
  for (let sent = 0; sent < h2Requests; sent += 1_000) {
    const session = http2.connect(`http://127.0.0.1:${port}`);
    await Promise.all(Array.from({ length: Math.min(1_000, h2Requests - sent) }, (_, i) => new Promise((resolve) => {
      const [target, body, type] = bodies[(sent + i) % bodies.length];
      const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': target, authorization: AUTH, 'content-type': type });
      req.on('response', (h) => count(Number(h[':status'])));
      req.on('error', () => { count(-1); resolve(); });
      req.on('end', () => resolve());
      req.resume();
      req.end(body);
    })));
    session.close();
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  const h1Requests = flood - h2Requests;
  for (let sent = 0; sent < h1Requests; sent += 1_000) {
    await Promise.all(Array.from({ length: Math.min(1_000, h1Requests - sent) }, (_, i) => new Promise((resolve) => {
      const [target, body, type] = bodies[(sent + i) % bodies.length];
      // Every tenth declares a body over the Kinesis cap: refused by Content-Length, never read.
      const oversized = i % 10 === 0;
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: {
        'x-amz-target': target, authorization: AUTH, 'content-type': type, ...(oversized ? { 'content-length': String(17 * MIB) } : {}),
      } }, (res) => { count(res.statusCode ?? 0); res.resume(); res.on('end', () => resolve()); });
      req.on('error', () => { count(-1); resolve(); });
      if (oversized) req.write('{'); else req.end(body);
    })));
  }
  agent.destroy();
  report.floodRequests = flood;
  report.floodWallMs = Date.now() - floodStart;
  report.floodStatuses = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');

  // 3. Slow clients: 1,000 connections that stop halfway through their headers.
  const slowStart = Date.now();
  const closed = await Promise.all(Array.from({ length: 1_000 }, () => new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    const t = setTimeout(() => { s.destroy(); resolve(false); }, 30_000);
    s.on('error', () => undefined);
    s.resume(); // read, or the server's FIN is never seen
    s.on('close', () => { clearTimeout(t); resolve(true); });
    s.write('POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Targ');
  })));
  report.slowClients = closed.length;
  report.slowClientsClosedByServer = closed.filter(Boolean).length;
  report.slowClientsWallMs = Date.now() - slowStart;
  return report;
}

runLoad(workerData).then((r) => parentPort.postMessage(r));
