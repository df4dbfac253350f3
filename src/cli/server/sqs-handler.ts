/**
 * Serves Amazon SQS on the local API port: requests with `X-Amz-Target: AmazonSQS.<Operation>`
 * in the AWS JSON 1.0 protocol (@aws-sdk/client-sqs v3, AWS CLI v1 with botocore ≥ 1.31).
 * Errors carry the shape name in `__type` (com.amazonaws.sqs#Name) and the legacy query code
 * in `x-amzn-query-error`, as SQS answers (spec sqs.md §7). ReceiveMessage long-polls: it
 * waits up to WaitTimeSeconds (or the queue's ReceiveMessageWaitTimeSeconds) and returns as
 * soon as a message is available.
 */
import { newRequestId } from '../../engine/api/wire/wire-dispatch';
import type { SqsApi } from '../../engine/api/sqs/index';
import { queryErrorHeader } from '../../engine/queues/index';
import type { RestResponse } from './types';

export const SQS_CONTENT_TYPE = 'application/x-amz-json-1.0';
/** How often a waiting long poll looks again. */
const LONG_POLL_STEP_MS = 20;

export interface TargetRequest {
  readonly target: string;
  readonly body: Uint8Array;
  /** Resolves when the client goes away (a long poll stops early). */
  readonly closed: () => boolean;
}

export type TargetHandler = (req: TargetRequest) => Promise<RestResponse | undefined>;

function json(status: number, doc: unknown, extra: Record<string, string> = {}): RestResponse {
  return {
    status,
    headers: { 'content-type': SQS_CONTENT_TYPE, 'x-amzn-requestid': newRequestId(), ...extra },
    body: JSON.stringify(doc),
  };
}

function errorBody(name: string, message: string, status: number): RestResponse {
  return json(status, { __type: `com.amazonaws.sqs#${name}`, message }, { 'x-amzn-query-error': queryErrorHeader(name, status) });
}

export function createSqsHandler(api: SqsApi, catchUp: () => void): TargetHandler {
  return async (req) => {
    if (!req.target.startsWith(`${api.targetPrefix}.`)) return undefined;
    const operation = req.target.slice(api.targetPrefix.length + 1);
    let body: Record<string, unknown>;
    try {
      const text = new TextDecoder().decode(req.body);
      body = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return errorBody('InvalidParameterValue', 'The request body is not valid JSON.', 400);
    }
    let result = api.handle(operation, body);
    if (operation === 'ReceiveMessage' && result.ok && !result.value.Messages) {
      const deadline = Date.now() + api.receiveWaitSeconds(body) * 1000;
      while (result.ok && !result.value.Messages && Date.now() < deadline && !req.closed()) {
        await new Promise((r) => setTimeout(r, Math.min(LONG_POLL_STEP_MS, deadline - Date.now())));
        catchUp();
        result = api.receiveAgain(body);
      }
    }
    if (!result.ok) return errorBody(result.error.name, result.error.message, result.error.httpStatus);
    return json(200, result.value);
  };
}
