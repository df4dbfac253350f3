/**
 * S3 multipart uploads, as `aws s3 cp` / `aws s3 sync` use them for large files:
 * CreateMultipartUpload (POST ?uploads), UploadPart (PUT ?partNumber&uploadId),
 * CompleteMultipartUpload (POST ?uploadId), AbortMultipartUpload (DELETE ?uploadId).
 * Parts are held here until completion, bounded in count and bytes. Node-free.
 * Limits: https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html
 */
import { contentDigestHex, type ObjectStore } from '../../engine/objectstore/object-store';
import { uploadedBody } from './s3-objects';
import { elements, errorResponse, esc, unesc, xml, XMLNS } from './s3-xml';
import type { RestRequest, RestResponse } from './types';

export const PART_NUMBER_MAX = 10_000;
/** Every part but the last must be at least 5 MiB. */
export const PART_BYTES_MIN = 5 * 1024 * 1024;
/** [sim] Open uploads and the bytes their parts hold, bounded so an abandoned upload cannot grow memory without end. */
export const OPEN_UPLOADS_MAX = 100;
export const OPEN_UPLOAD_BYTES_MAX = 512 * 1024 * 1024;

interface Upload {
  readonly bucket: string;
  readonly key: string;
  readonly contentType?: string;
  readonly metadata: Record<string, string>;
  readonly parts: Map<number, { body: Uint8Array; etag: string }>;
}

type Headers = Record<string, string>;

export class MultipartUploads {
  private readonly uploads = new Map<string, Upload>();
  private bytes = 0;
  private counter = 0;

  constructor(private readonly store: ObjectStore) {}

  create(req: RestRequest, bucket: string, key: string, headers: Headers): RestResponse {
    if (!this.store.hasBucket(bucket)) return errorResponse(req.method, 404, 'NoSuchBucket', 'The specified bucket does not exist', headers['x-amz-request-id'], { BucketName: bucket });
    if (this.uploads.size >= OPEN_UPLOADS_MAX) {
      return errorResponse(req.method, 503, 'SlowDown', `The simulator holds at most ${OPEN_UPLOADS_MAX} open multipart uploads; complete or abort one first.`, headers['x-amz-request-id']);
    }
    const uploadId = `sandbox-upload-${(++this.counter).toString(36)}-${contentDigestHex(new TextEncoder().encode(`${bucket}/${key}/${this.counter}`)).slice(0, 16)}`;
    const metadata: Record<string, string> = {};
    for (const [h, v] of Object.entries(req.headers)) if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = v;
    this.uploads.set(uploadId, { bucket, key, contentType: req.headers['content-type'], metadata, parts: new Map() });
    return xml(200, `<InitiateMultipartUploadResult xmlns="${XMLNS}"><Bucket>${esc(bucket)}</Bucket><Key>${esc(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`, headers);
  }

  uploadPart(req: RestRequest, headers: Headers): RestResponse {
    const upload = this.find(req, headers);
    if ('status' in upload) return upload;
    const n = Number(req.query.get('partNumber'));
    if (!Number.isInteger(n) || n < 1 || n > PART_NUMBER_MAX) {
      return errorResponse(req.method, 400, 'InvalidArgument', `Part number must be an integer between 1 and ${PART_NUMBER_MAX}, inclusive`, headers['x-amz-request-id'],
        { ArgumentName: 'partNumber', ArgumentValue: String(req.query.get('partNumber')) });
    }
    const body = uploadedBody(req);
    if ('error' in body) return errorResponse(req.method, 400, 'IncompleteBody', body.error, headers['x-amz-request-id']);
    const previous = upload.parts.get(n)?.body.length ?? 0;
    if (this.bytes - previous + body.body.length > OPEN_UPLOAD_BYTES_MAX) {
      return errorResponse(req.method, 400, 'EntityTooLarge', `Open multipart uploads may hold at most ${OPEN_UPLOAD_BYTES_MAX} bytes in the simulator.`, headers['x-amz-request-id']);
    }
    const etag = `"${contentDigestHex(body.body)}"`;
    upload.parts.set(n, { body: body.body, etag });
    this.bytes += body.body.length - previous;
    return { status: 200, headers: { ...headers, etag } };
  }

  complete(req: RestRequest, headers: Headers): RestResponse {
    const upload = this.find(req, headers);
    if ('status' in upload) return upload;
    const text = new TextDecoder().decode(req.body);
    const listed = elements(text, 'Part').map((p) => ({ n: Number(elements(p, 'PartNumber')[0]), etag: unesc(elements(p, 'ETag')[0] ?? '').trim() }));
    const id = headers['x-amz-request-id'];
    if (listed.length === 0) return errorResponse(req.method, 400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', id);
    for (let i = 1; i < listed.length; i++) {
      if (listed[i].n <= listed[i - 1].n) return errorResponse(req.method, 400, 'InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.', id);
    }
    const chosen = [];
    for (const [i, p] of listed.entries()) {
      const part = upload.parts.get(p.n);
      if (!part || (p.etag !== '' && p.etag.replace(/"/g, '') !== part.etag.replace(/"/g, ''))) {
        return errorResponse(req.method, 400, 'InvalidPart', 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.', id);
      }
      if (i < listed.length - 1 && part.body.length < PART_BYTES_MIN) return errorResponse(req.method, 400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', id);
      chosen.push(part);
    }
    const total = chosen.reduce((n, p) => n + p.body.length, 0);
    const body = new Uint8Array(total);
    let at = 0;
    for (const p of chosen) {
      body.set(p.body, at);
      at += p.body.length;
    }
    // A multipart ETag is a digest of the part digests followed by "-<part count>".
    const etag = `"${contentDigestHex(new TextEncoder().encode(chosen.map((p) => p.etag).join('')))}-${chosen.length}"`;
    this.drop(req.query.get('uploadId') as string, upload);
    this.store.putObject(upload.bucket, upload.key, body, { contentType: upload.contentType, metadata: upload.metadata, etag });
    return xml(200, `<CompleteMultipartUploadResult xmlns="${XMLNS}"><Location>/${esc(upload.bucket)}/${esc(upload.key)}</Location><Bucket>${esc(upload.bucket)}</Bucket><Key>${esc(upload.key)}</Key><ETag>${esc(etag)}</ETag></CompleteMultipartUploadResult>`, headers);
  }

  abort(req: RestRequest, headers: Headers): RestResponse {
    const upload = this.find(req, headers);
    if ('status' in upload) return upload;
    this.drop(req.query.get('uploadId') as string, upload);
    return { status: 204, headers };
  }

  private find(req: RestRequest, headers: Headers): Upload | RestResponse {
    const upload = this.uploads.get(req.query.get('uploadId') ?? '');
    if (upload) return upload;
    return errorResponse(req.method, 404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', headers['x-amz-request-id'],
      { UploadId: req.query.get('uploadId') ?? '' });
  }

  private drop(uploadId: string, upload: Upload): void {
    for (const p of upload.parts.values()) this.bytes -= p.body.length;
    this.uploads.delete(uploadId);
  }
}
