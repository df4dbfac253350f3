/** Reads a Parquet file back with hyparquet (test-only helper). */
import { parquetReadObjects } from 'hyparquet';

export async function hyparquetRoundTrip(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
}
