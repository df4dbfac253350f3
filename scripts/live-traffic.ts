/**
 * Skewed traffic for trying live mode by hand: creates the 4-shard stream "clicks" on an endpoint
 * and writes 160 records/s to it through the AWS SDK, 75% on one partition key ("device-hot") and the
 * rest over 50 cold keys, until Ctrl-C. With --kinesalite it first starts kinesalite on port 4568.
 *
 *   npx tsx scripts/live-traffic.ts http://127.0.0.1:4567     # against `npm run api -- --port 4567`
 *   npx tsx scripts/live-traffic.ts --kinesalite              # kinesalite on http://127.0.0.1:4568
 * The keys it signs with are AKIDLIVEJOURNEY / live-journey-secret (any keys work unless the
 * server checks SigV4).
 */
import kinesalite from 'kinesalite';
import { createSkewedStream, startSkewedWriter, STREAM } from '../e2e/live-endpoints';

async function main(): Promise<void> {
  let url = process.argv[2];
  if (!url || url === '--kinesalite') {
    const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
    await new Promise<void>((resolve) => server.listen(4568, '127.0.0.1', resolve));
    url = 'http://127.0.0.1:4568';
    console.log(`kinesalite listening on ${url}`);
  }
  const hot = await createSkewedStream(url).catch((e: Error) => {
    if (e.name === 'ResourceInUseException') return 'see the console';
    throw e;
  });
  console.log(`writing to '${STREAM}' at ${url}; the hot key lands on ${hot}. Ctrl-C to stop.`);
  const stop = startSkewedWriter(url);
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
}

void main();
