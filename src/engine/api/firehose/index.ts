/**
 * The Firehose JSON API. Wiring into the local server (done by the server owner):
 *   const firehose = new FirehoseService(sim, { kinesisSources: kinesisSourcesFrom(kinesis) });
 *   extraApis: () => [{ api: createFirehoseApi(firehose), blobFields: FIREHOSE_BLOB_FIELDS, timestampFields: FIREHOSE_TIMESTAMP_FIELDS }]
 *   restHandlers: () => [createS3RestHandler(firehose.store)]   // src/cli/server/s3-rest.ts
 */
export { createFirehoseApi, FIREHOSE_TARGET_PREFIX, FIREHOSE_OPERATIONS } from './firehose-api';
export type { FirehoseOperation } from './firehose-api';

/** Members holding blobs (base64 in JSON 1.1): record data in PutRecord / PutRecordBatch requests. */
export const FIREHOSE_BLOB_FIELDS = ['Data'] as const;
/** Output members that are timestamps (epoch seconds in JSON 1.1). */
export const FIREHOSE_TIMESTAMP_FIELDS = ['CreateTimestamp', 'LastUpdateTimestamp', 'DeliveryStartTimestamp'] as const;
