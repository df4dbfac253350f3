/**
 * Shared types of the local AWS-compatible API server: the REST fallback contract (used by the
 * S3 path-style handler) and the streaming extension of a JsonServiceApi (SubscribeToShard).
 * Node-free on purpose, so handlers can be unit-tested without a socket.
 */
import type { ApiErrorShape, ApiResult, JsonServiceApi } from '../../engine/api/result';

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

/** What a SubscribeToShard subscription pushes, as A's Kinesis API defines it. */
export type SubscriptionEvent =
  | { readonly kind: 'event'; readonly event: Record<string, unknown> }
  | { readonly kind: 'error'; readonly error: ApiErrorShape }
  | { readonly kind: 'end' };

export interface Subscription {
  close(): void;
}

/** A JSON API that may also stream (only Kinesis' SubscribeToShard today). */
export interface StreamingJsonServiceApi extends JsonServiceApi {
  subscribeToShard?(body: Record<string, unknown>, sink: (ev: SubscriptionEvent) => void): ApiResult<Subscription>;
  /** Output members holding blobs (base64 in JSON, byte strings in CBOR). */
  readonly blobFields?: readonly string[];
  /** Output members holding timestamps (epoch seconds in JSON, tag 1 in CBOR). */
  readonly timestampFields?: readonly string[];
}
