export { createSqsApi, SQS_TARGET_PREFIX } from './sqs-api';
export type { SqsApi } from './sqs-api';
