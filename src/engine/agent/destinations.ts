/**
 * Where the simulated agent's buffers go: the engine's Kinesis Data Streams (PutRecords
 * semantics: per-record throttling as ErrorCode entries, whole-call errors thrown) and Data
 * Firehose (PutRecordBatch; a delivery stream whose source is a Kinesis stream refuses direct
 * puts with InvalidArgumentException, as AWS does).
 */
import { AwsServiceError } from '../api/result';
import type { FirehoseService } from '../firehose/index';
import { putBatch, requireReadable } from '../streams/data-plane';
import type { KinesisService } from '../streams/index';
import type { FlowConfig } from './config-types';
import type { BufferedRecord } from './publisher';

/** Error code per record (undefined = accepted); throws AwsServiceError when the whole call fails. */
export interface AgentDestination {
  put(flow: FlowConfig, records: readonly BufferedRecord[]): (string | undefined)[];
}

export function engineDestination(kinesis: KinesisService | undefined, firehose: FirehoseService | undefined): AgentDestination {
  return {
    put(flow, records) {
      if (flow.destinationKind === 'kinesisStream') {
        if (!kinesis) throw new AwsServiceError('ResourceNotFoundException', `Stream ${flow.destinationName} not found: this world has no Kinesis streams.`);
        const stream = kinesis.resolve({ StreamName: flow.destinationName });
        requireReadable(kinesis, stream);
        // The engine's one batch write: PutRecords' size limit and per-record outcomes.
        const batch = putBatch(kinesis, stream, records.map((r) => ({ partitionKey: r.partitionKey ?? '0', data: r.data })));
        return batch.records.map((out) => (out.ok ? undefined : out.errorCode));
      }
      if (!firehose) throw new AwsServiceError('ResourceNotFoundException', `Firehose stream ${flow.destinationName} not found: this world has no Firehose streams.`);
      const out = firehose.putRecordBatch(flow.destinationName, records.map((r) => r.data)) as { RequestResponses?: { ErrorCode?: string }[] };
      return (out.RequestResponses ?? []).map((e) => e.ErrorCode);
    },
  };
}
