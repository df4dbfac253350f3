/**
 * Where the simulated agent's buffers go: the engine's Kinesis Data Streams (PutRecords
 * semantics: per-record throttling as ErrorCode entries, whole-call errors thrown) and Data
 * Firehose (PutRecordBatch; a delivery stream whose source is a Kinesis stream refuses direct
 * puts with InvalidArgumentException, as AWS does).
 */
import { AwsServiceError } from '../api/result';
import type { FirehoseService } from '../firehose/index';
import { putEntry, requireReadable } from '../streams/data-plane';
import type { KinesisService } from '../streams/index';
import { PUT_RECORDS_BYTES_MAX } from '../streams/limits';
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
        let total = 0;
        for (const r of records) total += r.data.length + (r.partitionKey?.length ?? 0);
        if (total > PUT_RECORDS_BYTES_MAX) throw new AwsServiceError('InvalidArgumentException', `Records size ${total} bytes exceeds the PutRecords limit of ${PUT_RECORDS_BYTES_MAX} bytes.`);
        return records.map((r) => {
          const out = putEntry(kinesis, stream, { partitionKey: r.partitionKey ?? '0', data: r.data });
          return out.ok ? undefined : out.errorCode;
        });
      }
      if (!firehose) throw new AwsServiceError('ResourceNotFoundException', `Firehose stream ${flow.destinationName} not found: this world has no Firehose streams.`);
      const out = firehose.putRecordBatch(flow.destinationName, records.map((r) => r.data)) as { RequestResponses?: { ErrorCode?: string }[] };
      return (out.RequestResponses ?? []).map((e) => e.ErrorCode);
    },
  };
}
