/**
 * The Firehose JSON 1.1 API (`X-Amz-Target: Firehose_20150804.<Operation>`) over FirehoseService:
 * request validation of wire shapes (base64 blobs, required members) and the response documents.
 * Expected AWS errors come back as failed ApiResults; throws mean bugs.
 */
import { decodeBase64 } from '../../firehose/base64';
import type { FirehoseService } from '../../firehose/firehose-service';
import { AwsServiceError, capture, type ApiResult, type JsonServiceApi } from '../result';

type Body = Record<string, unknown>;

export const FIREHOSE_TARGET_PREFIX = 'Firehose_20150804';

export const FIREHOSE_OPERATIONS = [
  'CreateDeliveryStream', 'DescribeDeliveryStream', 'ListDeliveryStreams', 'DeleteDeliveryStream', 'PutRecord', 'PutRecordBatch',
  'UpdateDestination', 'TagDeliveryStream', 'UntagDeliveryStream', 'ListTagsForDeliveryStream',
  'StartDeliveryStreamEncryption', 'StopDeliveryStreamEncryption',
] as const;
export type FirehoseOperation = (typeof FIREHOSE_OPERATIONS)[number];

/**
 * A request that breaks the model (a required member missing, a member of the wrong type): AWS's
 * request validation answers ValidationException before the operation runs, and several Firehose
 * operations document no InvalidArgumentException at all (e.g.
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeleteDeliveryStream.html).
 */
function invalid(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, 400);
}

function requireName(body: Body): string {
  const name = body.DeliveryStreamName;
  if (typeof name !== 'string' || name.length === 0) throw invalid('DeliveryStreamName is required');
  return name;
}

function blob(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string') throw invalid(`${field} is required (base64 blob)`);
  const bytes = decodeBase64(value);
  // A blob that is not base64 cannot be deserialized: the JSON protocol's SerializationException.
  if (!bytes) throw new AwsServiceError('SerializationException', `${field} is not valid base64`, 400);
  return bytes;
}

function optionalInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`${field} must be an integer`);
  return value;
}

export function createFirehoseApi(service: FirehoseService): JsonServiceApi {
  const ops: Record<FirehoseOperation, (body: Body) => Body> = {
    CreateDeliveryStream: (body) => service.createDeliveryStream(body),
    DescribeDeliveryStream: (body) => service.describeDeliveryStream(requireName(body)),
    ListDeliveryStreams: (body) => service.listDeliveryStreams({
      Limit: optionalInt(body.Limit, 'Limit'),
      DeliveryStreamType: typeof body.DeliveryStreamType === 'string' ? body.DeliveryStreamType : undefined,
      ExclusiveStartDeliveryStreamName: typeof body.ExclusiveStartDeliveryStreamName === 'string' ? body.ExclusiveStartDeliveryStreamName : undefined,
    }),
    DeleteDeliveryStream: (body) => service.deleteDeliveryStream(requireName(body)),
    PutRecord: (body) => {
      const name = requireName(body);
      const record = body.Record as Body | undefined;
      return service.putRecord(name, blob(record?.Data, 'Record.Data'));
    },
    PutRecordBatch: (body) => {
      const name = requireName(body);
      if (!Array.isArray(body.Records)) throw invalid('Records is required');
      return service.putRecordBatch(name, (body.Records as Body[]).map((r, i) => blob(r?.Data, `Records.${i + 1}.member.Data`)));
    },
    UpdateDestination: (body) => {
      requireName(body);
      if (typeof body.CurrentDeliveryStreamVersionId !== 'string') throw invalid('CurrentDeliveryStreamVersionId is required');
      if (typeof body.DestinationId !== 'string') throw invalid('DestinationId is required');
      return service.updateDestination(body);
    },
    TagDeliveryStream: (body) => {
      if (!Array.isArray(body.Tags) || body.Tags.length === 0) throw invalid('Tags must list 1–50 tags');
      return service.tagDeliveryStream(requireName(body), body.Tags as Body[]);
    },
    UntagDeliveryStream: (body) => {
      if (!Array.isArray(body.TagKeys) || body.TagKeys.length === 0) throw invalid('TagKeys must list 1–50 keys');
      return service.untagDeliveryStream(requireName(body), body.TagKeys.map(String));
    },
    StartDeliveryStreamEncryption: (body) => service.startDeliveryStreamEncryption(requireName(body), body.DeliveryStreamEncryptionConfigurationInput),
    StopDeliveryStreamEncryption: (body) => service.stopDeliveryStreamEncryption(requireName(body)),
    ListTagsForDeliveryStream: (body) => service.listTagsForDeliveryStream(requireName(body), {
      ExclusiveStartTagKey: typeof body.ExclusiveStartTagKey === 'string' ? body.ExclusiveStartTagKey : undefined,
      Limit: optionalInt(body.Limit, 'Limit'),
    }),
  };
  return {
    targetPrefix: FIREHOSE_TARGET_PREFIX,
    handle(operation: string, body: Record<string, unknown>): ApiResult<Record<string, unknown>> {
      const op = ops[operation as FirehoseOperation];
      if (!op) {
        return capture(() => {
          throw new AwsServiceError('UnknownOperationException', `Firehose has no operation ${operation}`, 400);
        });
      }
      return capture(() => op(body ?? {}));
    },
  };
}
