/**
 * Helpers for the server's SDK tests: clients against a local endpoint over HTTP/2 (the SDK
 * default) or HTTP/1.1, and polling for control-plane transitions. Test-only code.
 */
import {
  DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, KinesisClient, ResourceNotFoundException,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export type Transport = 'h2' | 'http1';

export function kinesisClient(endpoint: string, transport: Transport, maxAttempts = 3): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts,
    ...(transport === 'http1' ? { requestHandler: new NodeHttpHandler() } : {}),
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until `check` returns true (or throws after `timeoutMs`). Describe* calls share a
 * per-account rate (DescribeStreamSummary: 20 a second), so the poll stays well under it and a
 * throttled poll counts as "not yet", as the SDK's own waiters treat it.
 */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      if ((e as Error).name !== 'LimitExceededException') throw e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

export async function waitForStreamActive(client: KinesisClient, StreamName: string): Promise<void> {
  await waitUntil(`${StreamName} ACTIVE`, async () => {
    const out = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
    return out.StreamDescriptionSummary?.StreamStatus === 'ACTIVE';
  });
}

export async function waitForStreamGone(client: KinesisClient, StreamName: string): Promise<void> {
  await waitUntil(`${StreamName} deleted`, async () => {
    try {
      await client.send(new DescribeStreamSummaryCommand({ StreamName }));
      return false;
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return true;
      throw e;
    }
  });
}

export async function waitForConsumerActive(client: KinesisClient, ConsumerARN: string): Promise<void> {
  await waitUntil('consumer ACTIVE', async () => {
    const out = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN }));
    return out.ConsumerDescription?.ConsumerStatus === 'ACTIVE';
  });
}

/** Runs `call` and returns the error it rejects with (failing if it succeeds). */
export async function errorOf(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail');
}
