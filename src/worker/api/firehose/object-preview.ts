/**
 * Object-store browsing for the Firehose page: listing by prefix with "folders", and one object's
 * real bytes plus a readable preview — gzip / zip / Snappy (framed) / Hadoop-Snappy decompressed
 * to text, Parquet as the first rows (hyparquet) or, failing that, its size and magic check.
 * The compression is inferred from the key's extension, as a person browsing S3 would.
 */
import { decompress, type CompressionFormat } from '../../../engine/firehose/compression';
import type { ObjectStore, StoredObject } from '../../../engine/objectstore/object-store';

export interface ObjectSummary {
  readonly key: string;
  readonly sizeBytes: number;
  readonly lastModifiedMs: number;
}

export interface ObjectListing {
  readonly bucket: string;
  readonly prefix: string;
  readonly folders: readonly string[];
  readonly objects: readonly ObjectSummary[];
  readonly truncated: boolean;
}

export interface ObjectDetail {
  readonly bucket: string;
  readonly key: string;
  /** The stored bytes exactly as delivered (a copy, transferred to the page for download). */
  readonly body: Uint8Array;
  readonly sizeBytes: number;
  readonly format: CompressionFormat | 'PARQUET';
  /** Size after decompression (for Parquet: the size of the previewed rows as JSON). */
  readonly decodedBytes?: number;
  /** decodedBytes ÷ sizeBytes. */
  readonly compressionRatio?: number;
  readonly previewText?: string;
  readonly previewTruncated: boolean;
  readonly parquet?: { readonly columns: readonly string[]; readonly rows: readonly Record<string, unknown>[]; readonly rowCount: number };
  readonly error?: string;
}

const PREVIEW_CHARS_MAX = 64 * 1024;
const PARQUET_ROWS_MAX = 50;

export function formatFromKey(key: string): CompressionFormat | 'PARQUET' {
  if (key.endsWith('.parquet')) return 'PARQUET';
  if (key.endsWith('.gz')) return 'GZIP';
  if (key.endsWith('.zip')) return 'ZIP';
  if (key.endsWith('.hsnappy')) return 'HADOOP_SNAPPY';
  if (key.endsWith('.snappy')) return 'Snappy';
  return 'UNCOMPRESSED';
}

export function listObjects(store: ObjectStore, bucket: string, prefix: string): ObjectListing {
  if (!store.hasBucket(bucket)) return { bucket, prefix, folders: [], objects: [], truncated: false };
  const result = store.listObjectsV2({ bucket, prefix, delimiter: '/', maxKeys: 1000 });
  return {
    bucket, prefix,
    folders: result.commonPrefixes,
    objects: result.contents.map((o) => ({ key: o.key, sizeBytes: o.sizeBytes, lastModifiedMs: o.lastModifiedMs })),
    truncated: result.isTruncated,
  };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function describeObject(object: StoredObject): Promise<ObjectDetail> {
  const format = formatFromKey(object.key);
  const base = { bucket: object.bucket, key: object.key, body: object.body.slice(), sizeBytes: object.sizeBytes, format };
  if (format === 'PARQUET') return { ...base, ...(await parquetPreview(object.body)) };
  try {
    const decoded = decompress(format, object.body);
    const text = decoder.decode(decoded.subarray(0, PREVIEW_CHARS_MAX * 4)).slice(0, PREVIEW_CHARS_MAX);
    return {
      ...base,
      decodedBytes: decoded.length,
      compressionRatio: object.sizeBytes > 0 ? decoded.length / object.sizeBytes : 1,
      previewText: text,
      previewTruncated: decoded.length > text.length,
    };
  } catch (e) {
    return { ...base, previewTruncated: false, error: `could not decompress as ${format}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function parquetPreview(body: Uint8Array): Promise<Partial<ObjectDetail> & { previewTruncated: boolean }> {
  const magic = decoder.decode(body.subarray(0, 4)) === 'PAR1' && decoder.decode(body.subarray(body.length - 4)) === 'PAR1';
  if (!magic) return { previewTruncated: false, error: 'not a Parquet file (PAR1 magic missing)' };
  try {
    const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
    const file = body.slice().buffer;
    const meta = parquetMetadata(file);
    const rows = (await parquetReadObjects({ file, rowEnd: PARQUET_ROWS_MAX })) as Record<string, unknown>[];
    const columns = meta.schema.slice(1).map((s) => s.name);
    const json = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return {
      parquet: { columns, rows: JSON.parse(json) as Record<string, unknown>[], rowCount: Number(meta.num_rows) },
      decodedBytes: json.length,
      compressionRatio: json.length / body.length,
      previewTruncated: Number(meta.num_rows) > rows.length,
    };
  } catch (e) {
    return { previewTruncated: false, error: `Parquet preview failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
