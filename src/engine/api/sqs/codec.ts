/**
 * SQS JSON 1.0 shapes ↔ engine values: message attributes (BinaryValue as base64 on the wire),
 * and the rendering of a received message with the system and message attributes the request
 * asked for (SQS API reference, ReceiveMessage: MessageSystemAttributeNames,
 * MessageAttributeNames with "All", ".*" and "prefix.*").
 */
import { decodeBase64, encodeBase64 } from '../../firehose/base64';
import { attributesMd5, type AttributeMap, type AttributeValue } from '../../queues/message-attributes';
import type { Delivery } from '../../queues/queue';
import { invalidParameter } from '../../queues/errors';

export function decodeAttributes(raw: unknown, param: string): AttributeMap | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw invalidParameter(param, raw, 'Expected a map of attribute name to {DataType, StringValue | BinaryValue}.');
  const out: Record<string, AttributeValue> = {};
  for (const [name, v] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    let binary: Uint8Array | undefined;
    if (typeof v?.BinaryValue === 'string') {
      binary = decodeBase64(v.BinaryValue);
      if (!binary) throw invalidParameter(param, name, `The BinaryValue of message attribute '${name}' is not valid base64.`);
    }
    out[name] = {
      DataType: typeof v?.DataType === 'string' ? v.DataType : '',
      ...(typeof v?.StringValue === 'string' ? { StringValue: v.StringValue } : {}),
      ...(binary ? { BinaryValue: binary } : {}),
    };
  }
  return out;
}

function encodeAttributes(attrs: AttributeMap): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, v] of Object.entries(attrs)) {
    out[name] = { DataType: v.DataType, ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}), ...(v.BinaryValue ? { BinaryValue: encodeBase64(v.BinaryValue) } : {}) };
  }
  return out;
}

function wantsName(filters: readonly string[], name: string): boolean {
  return filters.some((f) => f === 'All' || f === '.*' || f === name || (f.endsWith('.*') && name.startsWith(f.slice(0, -1))));
}

export function renderMessage(d: Delivery, systemNames: readonly string[], attributeNames: readonly string[]): Record<string, unknown> {
  const m = d.message;
  const all = systemNames.includes('All');
  const want = (n: string): boolean => all || systemNames.includes(n);
  const attributes: Record<string, string> = {};
  if (want('SenderId')) attributes.SenderId = m.senderId;
  if (want('SentTimestamp')) attributes.SentTimestamp = String(m.sentMs);
  if (want('ApproximateReceiveCount')) attributes.ApproximateReceiveCount = String(m.receiveCount);
  if (want('ApproximateFirstReceiveTimestamp') && m.firstReceiveMs !== undefined) attributes.ApproximateFirstReceiveTimestamp = String(m.firstReceiveMs);
  if (want('SequenceNumber') && m.sequenceNumber) attributes.SequenceNumber = m.sequenceNumber;
  if (want('MessageDeduplicationId') && m.dedupId) attributes.MessageDeduplicationId = m.dedupId;
  if (want('MessageGroupId') && m.groupId) attributes.MessageGroupId = m.groupId;
  if (want('AWSTraceHeader') && m.systemAttributes?.AWSTraceHeader?.StringValue) attributes.AWSTraceHeader = m.systemAttributes.AWSTraceHeader.StringValue;
  if (want('DeadLetterQueueSourceArn') && m.deadLetterSourceArn) attributes.DeadLetterQueueSourceArn = m.deadLetterSourceArn;
  const chosen: Record<string, AttributeValue> = {};
  for (const [name, v] of Object.entries(m.attributes ?? {})) if (wantsName(attributeNames, name)) chosen[name] = v;
  const md5 = attributesMd5(chosen);
  return {
    MessageId: m.messageId,
    ReceiptHandle: d.receiptHandle,
    MD5OfBody: m.md5OfBody,
    Body: m.body,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(md5 ? { MD5OfMessageAttributes: md5, MessageAttributes: encodeAttributes(chosen) } : {}),
  };
}
