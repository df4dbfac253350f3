/**
 * The SQS API over the AWS JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Operation>`, what
 * @aws-sdk/client-sqs v3 and AWS CLI v1 send): operation dispatch on SqsService, request
 * decoding and response shapes. ReceiveMessage answers one attempt; long polling (waiting up
 * to WaitTimeSeconds for a message) is the transport's loop, driven by `receiveWaitSeconds`.
 * Source: SQS API reference (docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/).
 */
import { capture, type ApiResult } from '../result';
import { sqsError } from '../../queues/errors';
import type { SqsService } from '../../queues/sqs-service';
import { checkBatchSize, checkEntries, runEntries } from './batch';
import { decodeAttributes, renderMessage } from './codec';

export const SQS_TARGET_PREFIX = 'AmazonSQS';

type Body = Record<string, unknown>;
type Op = (sqs: SqsService, b: Body) => Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, name: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  throw sqsError('InvalidParameterValue', `Value ${String(v)} for parameter ${name} is invalid. Reason: must be an integer.`);
};
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const strMap = (v: unknown): Record<string, string> | undefined => (v && typeof v === 'object' ? (v as Record<string, string>) : undefined);

function sendInput(queueUrl: unknown, b: Body) {
  return {
    QueueUrl: str(queueUrl) as string,
    MessageBody: str(b.MessageBody),
    DelaySeconds: num(b.DelaySeconds, 'DelaySeconds'),
    MessageAttributes: decodeAttributes(b.MessageAttributes, 'MessageAttributes'),
    MessageSystemAttributes: decodeAttributes(b.MessageSystemAttributes, 'MessageSystemAttributes'),
    MessageDeduplicationId: str(b.MessageDeduplicationId),
    MessageGroupId: str(b.MessageGroupId),
  };
}

const OPS: Readonly<Record<string, Op>> = {
  CreateQueue: (s, b) => s.createQueue({ QueueName: str(b.QueueName), Attributes: strMap(b.Attributes), tags: strMap(b.tags) }),
  GetQueueUrl: (s, b) => s.getQueueUrl({ QueueName: str(b.QueueName), QueueOwnerAWSAccountId: str(b.QueueOwnerAWSAccountId) }),
  DeleteQueue: (s, b) => (s.deleteQueue({ QueueUrl: str(b.QueueUrl) }), {}),
  ListQueues: (s, b) => s.listQueues({ QueueNamePrefix: str(b.QueueNamePrefix), MaxResults: num(b.MaxResults, 'MaxResults'), NextToken: str(b.NextToken) }),
  GetQueueAttributes: (s, b) => s.getQueueAttributes({ QueueUrl: str(b.QueueUrl), AttributeNames: strList(b.AttributeNames) }),
  SetQueueAttributes: (s, b) => (s.setQueueAttributes({ QueueUrl: str(b.QueueUrl), Attributes: strMap(b.Attributes) }), {}),
  PurgeQueue: (s, b) => (s.purgeQueue({ QueueUrl: str(b.QueueUrl) }), {}),
  ListDeadLetterSourceQueues: (s, b) => s.listDeadLetterSourceQueues({ QueueUrl: str(b.QueueUrl), MaxResults: num(b.MaxResults, 'MaxResults'), NextToken: str(b.NextToken) }),
  TagQueue: (s, b) => (s.tagQueue({ QueueUrl: str(b.QueueUrl), Tags: strMap(b.Tags) }), {}),
  UntagQueue: (s, b) => (s.untagQueue({ QueueUrl: str(b.QueueUrl), TagKeys: strList(b.TagKeys) }), {}),
  ListQueueTags: (s, b) => s.listQueueTags({ QueueUrl: str(b.QueueUrl) }),
  SendMessage: (s, b) => ({ ...s.sendMessage(sendInput(b.QueueUrl, b)) }),
  SendMessageBatch: (s, b) => {
    s.queue(str(b.QueueUrl));
    const entries = checkEntries(b.Entries, 'SendMessageBatchRequestEntry');
    checkBatchSize(entries);
    s.admit(str(b.QueueUrl), 'SendMessage');
    return runEntries(entries, (e) => ({ ...s.sendMessage(sendInput(b.QueueUrl, e), true) }));
  },
  ReceiveMessage: (s, b) => {
    const deliveries = s.receiveMessage({
      QueueUrl: str(b.QueueUrl) as string,
      MaxNumberOfMessages: num(b.MaxNumberOfMessages, 'MaxNumberOfMessages'),
      VisibilityTimeout: num(b.VisibilityTimeout, 'VisibilityTimeout'),
      WaitTimeSeconds: num(b.WaitTimeSeconds, 'WaitTimeSeconds'),
      ReceiveRequestAttemptId: str(b.ReceiveRequestAttemptId),
    });
    const system = [...strList(b.AttributeNames), ...strList(b.MessageSystemAttributeNames)];
    const names = strList(b.MessageAttributeNames);
    return deliveries.length > 0 ? { Messages: deliveries.map((d) => renderMessage(d, system, names)) } : {};
  },
  DeleteMessage: (s, b) => (s.deleteMessage({ QueueUrl: str(b.QueueUrl), ReceiptHandle: str(b.ReceiptHandle) }), {}),
  DeleteMessageBatch: (s, b) => {
    s.queue(str(b.QueueUrl));
    const entries = checkEntries(b.Entries, 'DeleteMessageBatchRequestEntry');
    s.admit(str(b.QueueUrl), 'DeleteMessage');
    return runEntries(entries, (e) => (s.deleteMessage({ QueueUrl: str(b.QueueUrl), ReceiptHandle: str(e.ReceiptHandle) }, true), {}));
  },
  ChangeMessageVisibility: (s, b) => (s.changeMessageVisibility({
    QueueUrl: str(b.QueueUrl), ReceiptHandle: str(b.ReceiptHandle), VisibilityTimeout: num(b.VisibilityTimeout, 'VisibilityTimeout'),
  }), {}),
  ChangeMessageVisibilityBatch: (s, b) => {
    s.queue(str(b.QueueUrl));
    const entries = checkEntries(b.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
    s.admit(str(b.QueueUrl), 'ChangeMessageVisibility');
    return runEntries(entries, (e) => (s.changeMessageVisibility({
      QueueUrl: str(b.QueueUrl), ReceiptHandle: str(e.ReceiptHandle), VisibilityTimeout: num(e.VisibilityTimeout, 'VisibilityTimeout'),
    }, true), {}));
  },
  StartMessageMoveTask: (s, b) => s.startMessageMoveTask({
    SourceArn: str(b.SourceArn), DestinationArn: str(b.DestinationArn), MaxNumberOfMessagesPerSecond: num(b.MaxNumberOfMessagesPerSecond, 'MaxNumberOfMessagesPerSecond'),
  }),
  CancelMessageMoveTask: (s, b) => s.cancelMessageMoveTask({ TaskHandle: str(b.TaskHandle) }),
  ListMessageMoveTasks: (s, b) => s.listMessageMoveTasks({ SourceArn: str(b.SourceArn), MaxResults: num(b.MaxResults, 'MaxResults') }),
  AddPermission: (s, b) => (addPermission(s, b), {}),
  RemovePermission: (s, b) => (removePermission(s, b), {}),
};

interface PolicyDoc {
  Version: string;
  Id?: string;
  Statement: { Sid: string; Effect: string; Principal: { AWS: string[] }; Action: string[]; Resource: string }[];
}

function policyOf(s: SqsService, url: string | undefined): { arn: string; doc: PolicyDoc; set: (d: PolicyDoc) => void } {
  const q = s.queue(url);
  const doc: PolicyDoc = q.settings.Policy ? (JSON.parse(q.settings.Policy) as PolicyDoc) : { Version: '2012-10-17', Id: `${q.arn}/SQSDefaultPolicy`, Statement: [] };
  return { arn: q.arn, doc, set: (d) => s.setQueueAttributes({ QueueUrl: url, Attributes: { Policy: d.Statement.length ? JSON.stringify(d) : '' } }) };
}

function addPermission(s: SqsService, b: Body): void {
  const label = str(b.Label);
  if (!label) throw sqsError('MissingParameter', 'The request must contain the parameter Label.');
  const p = policyOf(s, str(b.QueueUrl));
  if (p.doc.Statement.some((st) => st.Sid === label)) throw sqsError('InvalidParameterValue', `Value ${label} for parameter Label is invalid. Reason: Already exists.`);
  const accounts = strList(b.AWSAccountIds);
  const actions = strList(b.Actions);
  if (accounts.length === 0 || actions.length === 0) throw sqsError('MissingParameter', 'The request must contain the parameters AWSAccountIds and Actions.');
  p.doc.Statement.push({
    Sid: label, Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) },
    Action: actions.map((a) => `SQS:${a}`), Resource: p.arn,
  });
  p.set(p.doc);
}

function removePermission(s: SqsService, b: Body): void {
  const label = str(b.Label);
  const p = policyOf(s, str(b.QueueUrl));
  const next = p.doc.Statement.filter((st) => st.Sid !== label);
  if (next.length === p.doc.Statement.length) throw sqsError('InvalidParameterValue', `Value ${String(label)} for parameter Label is invalid. Reason: can't find label.`);
  p.set({ ...p.doc, Statement: next });
}

export interface SqsApi {
  readonly targetPrefix: string;
  handle(operation: string, body: Body): ApiResult<Record<string, unknown>>;
  /** How long a ReceiveMessage request may wait for messages (its WaitTimeSeconds or the queue's default), in s. */
  receiveWaitSeconds(body: Body): number;
}

export function createSqsApi(sqs: SqsService): SqsApi {
  return {
    targetPrefix: SQS_TARGET_PREFIX,
    handle(operation, body) {
      const op = OPS[operation];
      if (!op) {
        return capture(() => {
          throw sqsError('UnsupportedOperation', `The action ${operation} is not valid for this endpoint.`);
        });
      }
      return capture(() => op(sqs, body));
    },
    receiveWaitSeconds(body) {
      const explicit = typeof body.WaitTimeSeconds === 'number' ? body.WaitTimeSeconds : undefined;
      if (explicit !== undefined) return explicit;
      try {
        return sqs.queue(str(body.QueueUrl)).settings.ReceiveMessageWaitTimeSeconds;
      } catch {
        return 0;
      }
    },
  };
}
