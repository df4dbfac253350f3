/**
 * Wires FirehoseService to the Kinesis Data Streams engine: `new FirehoseService(sim,
 * { kinesisSources: kinesisSourcesFrom(kinesis) })` lets KinesisStreamAsSource streams read real
 * shards. ARNs of other accounts/regions, or unknown streams, resolve to undefined.
 */
import { AwsServiceError } from '../api/result';
import type { KinesisService } from '../streams/service';
import { kinesisStreamReader, type KinesisSourceReader } from './kinesis-source';

export function kinesisSourcesFrom(kinesis: KinesisService): (streamArn: string) => KinesisSourceReader | undefined {
  return (streamArn) => {
    try {
      const stream = kinesis.stream(kinesis.nameFromArn(streamArn));
      return stream && !stream.deleted ? kinesisStreamReader(stream) : undefined;
    } catch (e) {
      if (e instanceof AwsServiceError) return undefined;
      throw e;
    }
  };
}
