/** Amazon SQS standard and FIFO queues on the virtual clock. */
export { SqsService } from './sqs-service';
export type { SqsServiceOptions, SendMessageInput, SendMessageOutput, ReceiveInput } from './sqs-service';
export type { Delivery, StoredMessage } from './queue';
export { queryErrorHeader } from './errors';
export { attributesMd5, bodyMd5 } from './message-attributes';
export * from './limits';
