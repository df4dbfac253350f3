/**
 * Reference data as the KDA API configures it ({TableName, S3ReferenceDataSource{BucketARN, FileKey},
 * ReferenceSchema}) resolved through an object reader the host supplies (the simulated object store,
 * a file on disk, a test map), into the ReferenceDataSource bodies the runtime loads at start.
 */
import type { InputSchema } from './input-schema';
import type { ReferenceDataSource } from './runtime';

export interface KdaReferenceConfig {
  readonly TableName: string;
  readonly S3ReferenceDataSource: { readonly BucketARN: string; readonly FileKey: string };
  readonly ReferenceSchema: InputSchema;
}

/** Supplies object bodies; returns null when the object does not exist. */
export interface ReferenceObjectReader {
  readObject(bucketArn: string, fileKey: string): string | null;
}

/** Reference objects are at most 1 GB (KDA limit); the simulator measures UTF-16 length as bytes. */
export const REFERENCE_OBJECT_BYTES_MAX = 1024 ** 3;

export function resolveReferenceSources(configs: readonly KdaReferenceConfig[], reader: ReferenceObjectReader): { sources: ReferenceDataSource[]; errors: string[] } {
  const sources: ReferenceDataSource[] = [];
  const errors: string[] = [];
  if (configs.length > 1) errors.push(`an application may have at most one reference data source; got ${configs.length}`);
  for (const c of configs.slice(0, 1)) {
    const { BucketARN, FileKey } = c.S3ReferenceDataSource;
    const body = reader.readObject(BucketARN, FileKey);
    if (body === null) errors.push(`reference object s3://${BucketARN.replace(/^arn:aws:s3:::/, '')}/${FileKey} for table ${c.TableName} does not exist`);
    else if (body.length > REFERENCE_OBJECT_BYTES_MAX) errors.push(`reference object ${FileKey} is larger than 1 GB`);
    else sources.push({ tableName: c.TableName, referenceSchema: c.ReferenceSchema, body });
  }
  return { sources, errors };
}
