/**
 * Live errors keep AWS's names and get advice: a refused connection (what a browser reports for
 * CORS refusals too) is NetworkOrCors, an unknown stream is ResourceNotFoundException — both through
 * the real SDK — and the browser's bare TypeError maps to NetworkOrCors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from '../cli/server/local-api-server';
import { resolveEndpoint } from './endpoint';
import { LiveClient } from './live-client';
import { toLiveError } from './live-errors';

let server: LocalApiServer;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1 });
});
afterAll(async () => {
  await server.close();
});

const creds = { accessKeyId: 'AKIDERR', secretAccessKey: 'secret' };

function clientFor(url: string): LiveClient {
  const r = resolveEndpoint(url, 'us-east-1');
  if (!r.ok) throw new Error(url);
  return new LiveClient(r.endpoint, creds);
}

describe('toLiveError', () => {
  it('names an unreachable endpoint NetworkOrCors', async () => {
    const closed = await startLocalApiServer({ transitionDelayMs: 0, seed: 2 });
    const url = closed.endpoint;
    await closed.close();
    const c = clientFor(url);
    const e = toLiveError(await c.listStreams().catch((x: unknown) => x));
    expect(e).toMatchObject({ name: 'NetworkOrCors', advice: 'network' });
    c.destroy();
  });

  it('keeps the AWS name of a service error, with its HTTP status', async () => {
    const c = clientFor(server.endpoint);
    const e = toLiveError(await c.describeStream('nope').catch((x: unknown) => x));
    expect(e).toMatchObject({ name: 'ResourceNotFoundException', advice: 'not-found', httpStatus: 400 });
    c.destroy();
  });

  it("maps the browser's TypeError (CORS refusal, CSP block) to NetworkOrCors", () => {
    expect(toLiveError(new TypeError('Failed to fetch'))).toMatchObject({ name: 'NetworkOrCors', advice: 'network' });
    expect(toLiveError(Object.assign(new Error('Rate exceeded'), { name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } }))).toMatchObject({ advice: 'throttled' });
  });
});
