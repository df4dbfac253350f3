/**
 * SQS errors as the JSON protocol carries them: the error shape name (the SDK's exception
 * class), the legacy query code sent in `x-amzn-query-error`, and the HTTP status
 * (spec sqs.md §7; SQS API reference "Common Errors").
 */
import { AwsServiceError } from '../api/result';

const QUERY_CODES: Readonly<Record<string, readonly [string, number]>> = {
  QueueDoesNotExist: ['AWS.SimpleQueueService.NonExistentQueue', 400],
  QueueNameExists: ['QueueAlreadyExists', 400],
  QueueDeletedRecently: ['AWS.SimpleQueueService.QueueDeletedRecently', 400],
  InvalidAttributeName: ['InvalidAttributeName', 400],
  InvalidAttributeValue: ['InvalidAttributeValue', 400],
  InvalidMessageContents: ['InvalidMessageContents', 400],
  BatchEntryIdsNotDistinct: ['AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400],
  EmptyBatchRequest: ['AWS.SimpleQueueService.EmptyBatchRequest', 400],
  InvalidBatchEntryId: ['AWS.SimpleQueueService.InvalidBatchEntryId', 400],
  TooManyEntriesInBatchRequest: ['AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400],
  BatchRequestTooLong: ['AWS.SimpleQueueService.BatchRequestTooLong', 400],
  MessageNotInflight: ['AWS.SimpleQueueService.MessageNotInflight', 400],
  ReceiptHandleIsInvalid: ['ReceiptHandleIsInvalid', 404],
  PurgeQueueInProgress: ['AWS.SimpleQueueService.PurgeQueueInProgress', 403],
  OverLimit: ['OverLimit', 403],
  RequestThrottled: ['RequestThrottled', 403],
  UnsupportedOperation: ['AWS.SimpleQueueService.UnsupportedOperation', 400],
  ResourceNotFoundException: ['ResourceNotFoundException', 404],
  InvalidParameterValue: ['InvalidParameterValue', 400],
  MissingParameter: ['MissingParameter', 400],
  InvalidAddress: ['InvalidAddress', 404],
  InvalidSecurity: ['InvalidSecurity', 403],
};

export function sqsError(name: keyof typeof QUERY_CODES | string, message: string): AwsServiceError {
  const status = QUERY_CODES[name]?.[1] ?? 400;
  return new AwsServiceError(name, message, status, name === 'RequestThrottled');
}

/** The `x-amzn-query-error` value for an error: "<QueryCode>;Sender". */
export function queryErrorHeader(name: string, httpStatus: number): string {
  const code = QUERY_CODES[name]?.[0] ?? name;
  return `${code};${httpStatus >= 500 ? 'Receiver' : 'Sender'}`;
}

export function invalidParameter(param: string, value: unknown, reason: string): AwsServiceError {
  return sqsError('InvalidParameterValue', `Value ${typeof value === 'string' ? value : JSON.stringify(value)} for parameter ${param} is invalid. Reason: ${reason}`);
}

export function missingParameter(param: string): AwsServiceError {
  return sqsError('MissingParameter', `The request must contain the parameter ${param}.`);
}

export function queueDoesNotExist(): AwsServiceError {
  return sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
}
