/**
 * Sends one agent buffer with the real AWS SDK v3 clients: PutRecords for Kinesis flows,
 * PutRecordBatch for Firehose flows. Endpoint: --endpoint, else agent.json's
 * kinesis.endpoint / firehose.endpoint, else the SDK's default; credentials: agent.json's
 * awsAccessKeyId / awsSecretAccessKey, else the SDK's standard chain.
 */
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { AgentConfig, BufferedRecord, FlowConfig } from '../engine/agent/index';

/** Per-record outcome of one call: the error code of each failed entry, undefined if accepted. */
export type SendOutcome = readonly (string | undefined)[];

export interface BatchSender {
  send(flow: FlowConfig, records: readonly BufferedRecord[]): Promise<SendOutcome>;
  destroy(): void;
}

export function createSdkSender(config: AgentConfig, endpoint: string | undefined): BatchSender {
  const credentials = config.awsAccessKeyId && config.awsSecretAccessKey
    ? { accessKeyId: config.awsAccessKeyId, secretAccessKey: config.awsSecretAccessKey }
    : undefined;
  const region = config.kinesisRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const withScheme = (e: string | undefined): string | undefined => (e && !/^https?:\/\//.test(e) ? `https://${e}` : e);
  let kinesis: KinesisClient | undefined;
  let firehose: FirehoseClient | undefined;
  return {
    async send(flow, records) {
      if (flow.destinationKind === 'kinesisStream') {
        kinesis ??= new KinesisClient({ region, endpoint: endpoint ?? withScheme(config.kinesisEndpoint), credentials });
        const out = await kinesis.send(new PutRecordsCommand({
          StreamName: flow.destinationName,
          Records: records.map((r) => ({ Data: r.data, PartitionKey: r.partitionKey ?? '0' })),
        }));
        return (out.Records ?? []).map((e) => e.ErrorCode);
      }
      firehose ??= new FirehoseClient({ region, endpoint: endpoint ?? withScheme(config.firehoseEndpoint), credentials });
      const out = await firehose.send(new PutRecordBatchCommand({
        DeliveryStreamName: flow.destinationName,
        Records: records.map((r) => ({ Data: r.data })),
      }));
      return (out.RequestResponses ?? []).map((e) => e.ErrorCode);
    },
    destroy() {
      kinesis?.destroy();
      firehose?.destroy();
    },
  };
}
