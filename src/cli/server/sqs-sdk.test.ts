/**
 * Amazon SQS through the real @aws-sdk/client-sqs v3 against `npm run api`'s server (default
 * HTTP/2 handler): queue lifecycle, messages with MD5 checks, batches, visibility, long
 * polling, FIFO groups and deduplication, dead-letter queues and redrive, errors by name.
 */
import {
  ChangeMessageVisibilityCommand, CreateQueueCommand, DeleteMessageBatchCommand, DeleteMessageCommand, DeleteQueueCommand,
  GetQueueAttributesCommand, GetQueueUrlCommand, ListDeadLetterSourceQueuesCommand, ListMessageMoveTasksCommand,
  ListQueuesCommand, ListQueueTagsCommand, PurgeQueueCommand, ReceiveMessageCommand, SendMessageBatchCommand,
  SendMessageCommand, SetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand, TagQueueCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, sleep, waitUntil } from './sdk-test-support';

let server: LocalApiServer;
let sqs: SQSClient;

beforeAll(async () => {
  server = await startLocalApiServer({ port: 0, seed: 7 });
  sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
});
afterAll(async () => {
  sqs.destroy();
  await server.close();
});

const create = async (QueueName: string, Attributes?: Record<string, string>): Promise<string> =>
  (await sqs.send(new CreateQueueCommand({ QueueName, Attributes }))).QueueUrl!;

describe('queues', () => {
  it('creates queues with URLs on the server host, lists them by prefix with pagination', async () => {
    const url = await create('orders');
    expect(url).toBe(`${server.endpoint}/000000000000/orders`);
    await create('orders-dlq');
    await create('other');
    expect(await create('orders')).toBe(url); // same attributes: the existing URL
    const page1 = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'orders', MaxResults: 1 }));
    expect(page1.QueueUrls).toEqual([url]);
    const page2 = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'orders', MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.QueueUrls).toEqual([`${server.endpoint}/000000000000/orders-dlq`]);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'other' }))).QueueUrl).toMatch(/\/other$/);
  });

  it('round-trips attributes as strings and rejects bad ones by name', async () => {
    const url = await create('attrs', { VisibilityTimeout: '45', DelaySeconds: '2' });
    const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    expect(a).toMatchObject({ VisibilityTimeout: '45', DelaySeconds: '2', MessageRetentionPeriod: '345600', MaximumMessageSize: '1048576', QueueArn: 'arn:aws:sqs:us-east-1:000000000000:attrs' });
    expect(await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url }))).not.toHaveProperty('Attributes');
    expect((await errorOf(create('attrs', { VisibilityTimeout: '46' }))).name).toBe('QueueNameExists');
    const bad = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { MessageRetentionPeriod: '30' } })));
    expect(bad.name).toBe('InvalidAttributeValue');
    expect(bad.message).toMatch(/MessageRetentionPeriod.*60 to 1209600/);
    expect((await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { ContentBasedDeduplication: 'true' } })))).name).toBe('InvalidAttributeName');
    expect((await errorOf(create('bad name!'))).name).toBe('InvalidParameterValue');
  });

  it('names missing queues QueueDoesNotExist (HTTP 400)', async () => {
    const e = await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })));
    expect(e.name).toBe('QueueDoesNotExist');
    expect(e.$metadata?.httpStatusCode).toBe(400);
  });

  it('enforces one purge per 60 s and a 60 s wait before reusing a deleted name', async () => {
    const url = await create('purge-me');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
    expect((await errorOf(sqs.send(new PurgeQueueCommand({ QueueUrl: url })))).name).toBe('PurgeQueueInProgress');
    await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    expect((await errorOf(create('purge-me'))).name).toBe('QueueDeletedRecently');
  });

  it('tags', async () => {
    const url = await create('tagged');
    await sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { team: 'a', env: 'dev' } }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({ team: 'a', env: 'dev' });
  });
});

describe('messages', () => {
  it('sends and receives with the MD5 digests SQS computes (the SDK verifies the body MD5)', async () => {
    const url = await create('md5');
    const sent = await sqs.send(new SendMessageCommand({
      QueueUrl: url, MessageBody: 'hello',
      MessageAttributes: { attribName1: { DataType: 'String', StringValue: 'attribValue 1' } },
    }));
    expect(sent.MD5OfMessageBody).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(sent.MD5OfMessageAttributes).toBe('19e27d4e946b072f3f58da80d94fd778');
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
    const m = got.Messages![0];
    expect(m).toMatchObject({ Body: 'hello', MessageId: sent.MessageId, MD5OfMessageAttributes: '19e27d4e946b072f3f58da80d94fd778' });
    expect(m.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(Number(m.Attributes?.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle })); // idempotent
    expect((await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'garbage' })))).name).toBe('ReceiptHandleIsInvalid');
  });

  it('binary attributes and message size limit', async () => {
    const url = await create('bin', { MaximumMessageSize: '1024' });
    const out = await sqs.send(new SendMessageCommand({
      QueueUrl: url, MessageBody: 'b', MessageAttributes: { blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) } },
    }));
    expect(out.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['blob'] }));
    expect([...got.Messages![0].MessageAttributes!.blob.BinaryValue!]).toEqual([1, 2, 3]);
    const e = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1025) })));
    expect(e.name).toBe('InvalidParameterValue');
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'bad\u0000' })))).name).toBe('InvalidMessageContents');
  });

  it('batches: per-entry failures under 200, and request-level errors', async () => {
    const url = await create('batch');
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
      { Id: 'a', MessageBody: 'one' }, { Id: 'b', MessageBody: 'two', DelaySeconds: 901 }, { Id: 'c', MessageBody: 'three' },
    ] }));
    expect(out.Successful?.map((s) => s.Id)).toEqual(['a', 'c']);
    expect(out.Failed).toEqual([expect.objectContaining({ Id: 'b', SenderFault: true, Code: 'InvalidParameterValue' })]);
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })))).name).toBe('EmptyBatchRequest');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }));
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven })))).name).toBe('TooManyEntriesInBatchRequest');
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'x', MessageBody: 'a' }, { Id: 'x', MessageBody: 'b' }] })))).name).toBe('BatchEntryIdsNotDistinct');
    const big = Array.from({ length: 2 }, (_, i) => ({ Id: `big${i}`, MessageBody: 'x'.repeat(600_000) }));
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: big })))).name).toBe('BatchRequestTooLong');
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(got.Messages?.map((m) => m.Body)).toEqual(['one', 'three']);
    const del = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: [
      ...got.Messages!.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })), { Id: 'bad', ReceiptHandle: 'nope' },
    ] }));
    expect(del.Successful).toHaveLength(2);
    expect(del.Failed?.[0]).toMatchObject({ Id: 'bad', Code: 'ReceiptHandleIsInvalid' });
  });

  it('visibility timeout: an undeleted message comes back with a higher receive count', async () => {
    const url = await create('vis');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'job' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 1 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
    await sleep(1_100);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(again.Messages![0].Attributes?.ApproximateReceiveCount).toBe('2');
    expect(again.Messages![0].ReceiptHandle).not.toBe(first.Messages![0].ReceiptHandle);
    // the old handle no longer changes visibility
    const stale = await errorOf(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: first.Messages![0].ReceiptHandle, VisibilityTimeout: 5 })));
    expect(stale.name).toBe('MessageNotInflight');
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: again.Messages![0].ReceiptHandle, VisibilityTimeout: 0 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
  });

  it('long polling returns as soon as a message arrives', async () => {
    const url = await create('longpoll');
    const t0 = Date.now();
    const pending = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    await sleep(300);
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'late' }));
    const got = await pending;
    expect(got.Messages?.[0].Body).toBe('late');
    expect(Date.now() - t0).toBeLessThan(2_000);
    const t1 = Date.now();
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }))).Messages).toBeUndefined();
    expect(Date.now() - t1).toBeGreaterThanOrEqual(950);
    expect((await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 })))).name).toBe('InvalidParameterValue');
    expect((await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })))).message).toMatch(/Must be between 1 and 10/);
  });
});

describe('FIFO', () => {
  it('keeps order per group, holds a group while a message is in flight, and deduplicates', async () => {
    const url = await create('jobs.fifo', { FifoQueue: 'true' });
    for (const [g, b] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['b', 'b2']]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: b, MessageGroupId: g, MessageDeduplicationId: b }));
    }
    const dup = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'a1 again', MessageGroupId: 'a', MessageDeduplicationId: 'a1' }));
    expect(dup.MessageId).toBeDefined();
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1 }));
    expect(first.Messages?.[0].Body).toBe('a1');
    // group a is held while a1 is in flight: the next receive serves group b
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(second.Messages?.map((m) => m.Body)).toEqual(['b1', 'b2']);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.Messages![0].ReceiptHandle }));
    const third = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }));
    expect(third.Messages?.map((m) => m.Body)).toEqual(['a2']);
    expect(third.Messages![0].Attributes).toMatchObject({ MessageGroupId: 'a', MessageDeduplicationId: 'a2' });
  });

  it('requires a group id and a deduplication id (or content-based deduplication)', async () => {
    const url = await create('strict.fifo', { FifoQueue: 'true' });
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' })))).name).toBe('MissingParameter');
    const noDedup = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' })));
    expect(noDedup.message).toMatch(/ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly/);
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 5 })))).name).toBe('InvalidParameterValue');
    const cbd = await create('cbd.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const a = await sqs.send(new SendMessageCommand({ QueueUrl: cbd, MessageBody: 'same', MessageGroupId: 'g' }));
    const b = await sqs.send(new SendMessageCommand({ QueueUrl: cbd, MessageBody: 'same', MessageGroupId: 'g' }));
    expect(b.MessageId).toBe(a.MessageId);
    expect(BigInt(a.SequenceNumber!)).toBeGreaterThan(0n);
    const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: cbd, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes;
    expect(attrs).toEqual({ ApproximateNumberOfMessages: '1' });
    expect((await errorOf(create('notfifo', { FifoQueue: 'true' }))).name).toBe('InvalidParameterValue');
  });
});

describe('dead-letter queues', () => {
  it('moves a message after maxReceiveCount receives, and redrives it back with a move task', async () => {
    const dlqUrl = await create('work-dlq');
    const dlqArn = `arn:aws:sqs:us-east-1:000000000000:work-dlq`;
    const url = await create('work', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }), VisibilityTimeout: '0' });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined(); // third receive: moved
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'] }));
    expect(dead.Messages?.[0].Body).toBe('poison');
    expect(dead.Messages?.[0].Attributes?.DeadLetterQueueSourceArn).toBe('arn:aws:sqs:us-east-1:000000000000:work');
    expect((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlqUrl }))).queueUrls).toEqual([url]);
    const task = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    expect(task.TaskHandle).toBeDefined();
    await waitUntil('redrive done', async () => {
      const t = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
      return t.Results?.[0].Status === 'COMPLETED';
    });
    const back = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(back.Messages?.[0].Body).toBe('poison');
    const notDlq = await errorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: 'arn:aws:sqs:us-east-1:000000000000:other' })));
    expect(notDlq.name).toBe('InvalidParameterValue');
    const missing = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:gone', maxReceiveCount: 1 }) } })));
    expect(missing.name).toBe('InvalidAttributeValue');
  });
});
