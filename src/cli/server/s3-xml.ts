/**
 * S3's XML: the response documents (ListBuckets, ListObjects V1 and V2, CopyObject, DeleteObjects,
 * multipart results), error documents, and reading the small request documents clients send
 * (DeleteObjects' <Delete>, CompleteMultipartUpload's part list). Node-free.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
import type { ListPage, StoredObject } from '../../engine/objectstore/object-store';
import type { RestResponse } from './types';

export const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const OWNER_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';
const OWNER = `<Owner><ID>${OWNER_ID}</ID><DisplayName>sandbox</DisplayName></Owner>`;
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function unesc(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function xml(status: number, body: string, headers: Record<string, string>): RestResponse {
  return { status, headers: { ...headers, 'content-type': 'application/xml' }, body: DECL + body };
}

export function errorResponse(method: string, status: number, code: string, message: string, requestId: string, extra: Record<string, string> = {}): RestResponse {
  const headers = { 'x-amz-request-id': requestId, 'content-type': 'application/xml' };
  // HEAD responses carry no body; the SDK maps the status code.
  if (method.toUpperCase() === 'HEAD') return { status, headers };
  const fields = Object.entries(extra).filter(([, v]) => v !== '').map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('');
  return { status, headers, body: `${DECL}<Error><Code>${code}</Code><Message>${esc(message)}</Message>${fields}<RequestId>${requestId}</RequestId></Error>` };
}

/** The text of every `<tag …>…</tag>` in `xmlText`, in order (attributes such as xmlns ignored; no nesting of the same tag). */
export function elements(xmlText: string, tag: string): string[] {
  const out: string[] = [];
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    let start = xmlText.indexOf(`<${tag}`, at);
    while (start >= 0 && !/[\s>]/.test(xmlText[start + tag.length + 1] ?? '')) start = xmlText.indexOf(`<${tag}`, start + 1);
    if (start < 0) return out;
    const openEnd = xmlText.indexOf('>', start);
    const end = xmlText.indexOf(close, openEnd + 1);
    if (openEnd < 0 || end < 0) return out;
    out.push(xmlText.slice(openEnd + 1, end));
    at = end + close.length;
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();

function contentsXml(o: StoredObject, enc: (s: string) => string, owner: boolean): string {
  return `<Contents><Key>${enc(o.key)}</Key><LastModified>${iso(o.lastModifiedMs)}</LastModified>` +
    `<ETag>${esc(o.etag)}</ETag><Size>${o.sizeBytes}</Size>${owner ? OWNER : ''}<StorageClass>STANDARD</StorageClass></Contents>`;
}

export interface ListXmlParams {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string;
  readonly maxKeys: number;
  readonly urlEncode: boolean;
}

function encoder(urlEncode: boolean): (s: string) => string {
  return (s) => esc(urlEncode ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
}

/** ListObjectsV2 — https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
export function listV2Xml(p: ListXmlParams, page: ListPage, extra: { token?: string; nextToken?: string; startAfter?: string; fetchOwner: boolean }): string {
  const enc = encoder(p.urlEncode);
  return [
    `<ListBucketResult xmlns="${XMLNS}">`,
    `<Name>${esc(p.bucket)}</Name><Prefix>${enc(p.prefix)}</Prefix>`,
    p.delimiter ? `<Delimiter>${enc(p.delimiter)}</Delimiter>` : '',
    `<MaxKeys>${p.maxKeys}</MaxKeys><KeyCount>${page.keyCount}</KeyCount><IsTruncated>${page.isTruncated}</IsTruncated>`,
    p.urlEncode ? '<EncodingType>url</EncodingType>' : '',
    extra.token ? `<ContinuationToken>${esc(extra.token)}</ContinuationToken>` : '',
    extra.nextToken ? `<NextContinuationToken>${esc(extra.nextToken)}</NextContinuationToken>` : '',
    extra.startAfter ? `<StartAfter>${enc(extra.startAfter)}</StartAfter>` : '',
    ...page.contents.map((o) => contentsXml(o, enc, extra.fetchOwner)),
    ...page.commonPrefixes.map((c) => `<CommonPrefixes><Prefix>${enc(c)}</Prefix></CommonPrefixes>`),
    '</ListBucketResult>',
  ].join('');
}

/**
 * ListObjects (V1) — https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html:
 * NextMarker only when a delimiter was given (otherwise clients resume after the last Key).
 */
export function listV1Xml(p: ListXmlParams, page: ListPage, marker: string): string {
  const enc = encoder(p.urlEncode);
  return [
    `<ListBucketResult xmlns="${XMLNS}">`,
    `<Name>${esc(p.bucket)}</Name><Prefix>${enc(p.prefix)}</Prefix><Marker>${enc(marker)}</Marker>`,
    p.delimiter && page.isTruncated ? `<NextMarker>${enc(page.lastConsumed)}</NextMarker>` : '',
    `<MaxKeys>${p.maxKeys}</MaxKeys>`,
    p.delimiter ? `<Delimiter>${enc(p.delimiter)}</Delimiter>` : '',
    `<IsTruncated>${page.isTruncated}</IsTruncated>`,
    p.urlEncode ? '<EncodingType>url</EncodingType>' : '',
    ...page.contents.map((o) => contentsXml(o, enc, true)),
    ...page.commonPrefixes.map((c) => `<CommonPrefixes><Prefix>${enc(c)}</Prefix></CommonPrefixes>`),
    '</ListBucketResult>',
  ].join('');
}

export function listBucketsXml(buckets: readonly { name: string; creationMs: number }[]): string {
  const items = buckets.map((b) => `<Bucket><Name>${esc(b.name)}</Name><CreationDate>${iso(b.creationMs)}</CreationDate></Bucket>`).join('');
  return `<ListAllMyBucketsResult xmlns="${XMLNS}">${OWNER}<Buckets>${items}</Buckets></ListAllMyBucketsResult>`;
}
