/**
 * Types of the AWS JSON-1.1 wire layer shared by the Node API server (src/cli/server) and the
 * in-page SDK request handler: which APIs are served, how bodies are coded, what a response is.
 * Pure TypeScript (no Node, no DOM).
 */
import type { ApiErrorShape, ApiResult, JsonServiceApi } from '../result';

/** What a SubscribeToShard subscription pushes, as the Kinesis API defines it. */
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
}

/** One served API plus what a binary codec (CBOR) must know about its output shapes. */
export interface ApiBinding {
  readonly api: StreamingJsonServiceApi;
  /** Output members holding blobs (base64 strings in JSON, byte strings in CBOR), e.g. ["Data"]. */
  readonly blobFields?: readonly string[];
  /** Output members holding timestamps (epoch seconds in JSON, CBOR tag 1 in CBOR). */
  readonly timestampFields?: readonly string[];
}

/** Turns request bodies into JSON-1.1 wire documents and wire documents back into bodies. */
export interface BodyCodec {
  readonly contentType: string;
  /** Throws (any error) when the body is not a document of this codec: the caller answers SerializationException. */
  decode(body: Uint8Array): Record<string, unknown>;
  encode(doc: Record<string, unknown>, binding: ApiBinding | undefined): Uint8Array | string;
}

export interface WireRequest {
  /** The X-Amz-Target header, e.g. "Kinesis_20131202.PutRecords". */
  readonly target: string;
  readonly contentType: string | undefined;
  /** Whether an Authorization header (any signature) or a presigned credential was sent. */
  readonly authenticated: boolean;
  readonly body: Uint8Array;
}

export interface BufferedWireResponse {
  readonly kind: 'buffered';
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | string;
}

/** A 200 response whose body is an event stream; frames queue until `attach` is called. */
export interface StreamingWireResponse {
  readonly kind: 'stream';
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Delivers queued and future frames; `end` is called once when the stream finishes. */
  attach(write: (frame: Uint8Array) => void, end: () => void): void;
  /** The client went away: stop the subscription. */
  close(): void;
}

export type WireResponse = BufferedWireResponse | StreamingWireResponse;
