/**
 * The sandbox Worker program, run in a Node vm with a fake port: compiling the usual handler forms,
 * answering results and errors with the contract's message shapes. (The iframe, the Worker and the
 * time limit are exercised in the browser by e2e/firehose-journey.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { sandboxDocument, SANDBOX_WORKER_SOURCE } from './sandbox-document';

function startWorker() {
  const replies: Record<string, unknown>[] = [];
  const self: { onmessage?: (e: unknown) => void } = {};
  vm.runInNewContext(SANDBOX_WORKER_SOURCE, { self, performance, atob, btoa, JSON, Map, Promise, Object, Math, Error });
  const port: { onmessage?: (m: { data: unknown }) => void; postMessage(m: Record<string, unknown>): void } = { postMessage: (m) => replies.push(m) };
  self.onmessage!({ data: { kind: 'connect' }, ports: [port] });
  const send = (data: unknown) => port.onmessage!({ data });
  const invoke = async (functionId: string, id: string) => {
    send({ kind: 'invoke', invocationId: id, functionId, request: { records: [{ recordId: 'r1', data: btoa('hi') }] }, timeLimitMs: 1000 });
    for (let i = 0; i < 20 && !replies.some((r) => r.invocationId === id); i++) await new Promise((r) => setTimeout(r, 1));
    return replies.find((r) => r.invocationId === id)!;
  };
  return { send, invoke };
}

describe('sandbox worker program', () => {
  it('runs exports.handler, export default and a top-level handler', async () => {
    const w = startWorker();
    const body = '(e) => ({ records: e.records.map((r) => ({ recordId: r.recordId, result: "Ok", data: btoa(atob(r.data) + "!") })) })';
    w.send({ kind: 'load', functionId: 'a', source: `exports.handler = ${body};` });
    w.send({ kind: 'load', functionId: 'b', source: `export default ${body};` });
    w.send({ kind: 'load', functionId: 'c', source: `async function handler(e) { return (${body})(e); }` });
    for (const id of ['a', 'b', 'c']) {
      const reply = await w.invoke(id, `inv-${id}`);
      expect(reply.kind).toBe('result');
      expect((reply.response as { records: { data: string }[] }).records[0].data).toBe(btoa('hi!'));
    }
  });

  it('reports throws as FunctionError and bad sources as InvalidFunction', async () => {
    const w = startWorker();
    w.send({ kind: 'load', functionId: 'throws', source: 'exports.handler = () => { throw new TypeError("nope"); };' });
    w.send({ kind: 'load', functionId: 'syntax', source: 'exports.handler = (' });
    w.send({ kind: 'load', functionId: 'none', source: 'const x = 1;' });
    expect(await w.invoke('throws', '1')).toMatchObject({ kind: 'error', errorType: 'FunctionError', message: 'TypeError: nope' });
    expect(await w.invoke('syntax', '2')).toMatchObject({ kind: 'error', errorType: 'InvalidFunction' });
    expect(await w.invoke('none', '3')).toMatchObject({ kind: 'error', errorType: 'InvalidFunction', message: expect.stringContaining('handler') });
    expect(await w.invoke('never-loaded', '4')).toMatchObject({ kind: 'error', errorType: 'InvalidFunction' });
  });

  it('the iframe document forbids network access and embeds the program safely', () => {
    const html = sandboxDocument();
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<\/script>[\s\S]*<\/script>[\s\S]*<\/script>/);
  });
});

describe('sandbox worker isolation', () => {
  it("user code cannot reach the relay's port by name", async () => {
    const replies: Record<string, unknown>[] = [];
    const self: { onmessage?: (e: unknown) => void } = {};
    vm.runInNewContext(SANDBOX_WORKER_SOURCE, { self, performance, JSON, Map, Promise, Object, Math, Error });
    const port: { onmessage?: (m: { data: unknown }) => void; postMessage(m: Record<string, unknown>): void } = { postMessage: (m) => replies.push(m) };
    self.onmessage!({ data: { kind: 'connect' }, ports: [port] });
    port.onmessage!({ data: { kind: 'load', functionId: 'f', source: 'exports.handler = () => ({ records: [], sawPort: typeof port, sawHandlers: typeof handlers });' } });
    port.onmessage!({ data: { kind: 'invoke', invocationId: 'x', functionId: 'f', request: { records: [] }, timeLimitMs: 100 } });
    await new Promise((r) => setTimeout(r, 5));
    expect(replies[0]).toMatchObject({ kind: 'result', response: { sawPort: 'undefined', sawHandlers: 'undefined' } });
  });
});
