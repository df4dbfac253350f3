/**
 * Shared types of the local AWS-compatible API server: the REST fallback contract (used by the
 * S3 path-style handler) and, re-exported, the served-API types of the wire layer.
 * Node-free on purpose, so handlers can be unit-tested without a socket.
 */
export type {
  ApiBinding,
  BodyCodec,
  StreamingJsonServiceApi,
  Subscription,
  SubscriptionEvent,
} from '../../engine/api/wire/wire-types';

/** A request that carried no X-Amz-Target header, handed to the registered REST handlers in order. */
export interface RestRequest {
  readonly method: string;
  /** Decoded path without the query string, e.g. "/my-bucket/a/b.json". */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case header names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface RestResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
}

/** Answers a REST request, or returns undefined when the request is not for it (next handler, then 404). */
export type RestHandler = (req: RestRequest) => Promise<RestResponse | undefined>;
