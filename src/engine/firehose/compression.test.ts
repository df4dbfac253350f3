import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gunzipSync, unzipSync } from 'fflate';
import { uncompress as snappyUncompress } from 'snappyjs';
import { compress, crc32c, decompress, COMPRESSION_FORMATS } from './compression';
import { newService, s3Stream, text } from './test-helpers';

const sample = text('{"order":1,"customer":"c-17"}\n'.repeat(2500)); // ~77 KB: more than one 64 KiB Snappy frame

describe('compression', () => {
  it('GZIP output is real gzip (fflate gunzip)', () => {
    const out = compress('GZIP', sample);
    expect(out[0]).toBe(0x1f);
    expect(out[1]).toBe(0x8b);
    expect(gunzipSync(out)).toEqual(sample);
    expect(out.length).toBeLessThan(sample.length / 10);
  });

  it('ZIP output holds one entry with the data (fflate unzip)', () => {
    const entries = unzipSync(compress('ZIP', sample, 'orders-1'));
    expect(Object.keys(entries)).toEqual(['orders-1']);
    expect(entries['orders-1']).toEqual(sample);
  });

  it('Snappy uses the framing format: sNaPpY identifier, chunks with masked CRC-32C', () => {
    const out = compress('Snappy', sample);
    expect(Array.from(out.subarray(0, 10))).toEqual([0xff, 6, 0, 0, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59]);
    // First chunk: type 0 (compressed), 3-byte length, 4-byte CRC, then a raw snappy block snappyjs can read.
    expect(out[10]).toBe(0);
    const len = out[11] | (out[12] << 8) | (out[13] << 16);
    const firstChunk = snappyUncompress(out.slice(18, 14 + len));
    expect(firstChunk).toEqual(sample.subarray(0, 65_536));
    expect(decompress('Snappy', out)).toEqual(sample);
  });

  it('HADOOP_SNAPPY uses Hadoop block framing: big-endian lengths around raw snappy blocks', () => {
    const out = compress('HADOOP_SNAPPY', sample);
    const view = new DataView(out.buffer, out.byteOffset);
    expect(view.getUint32(0)).toBe(sample.length); // one block: the data is < 256 KiB
    const packedLen = view.getUint32(4);
    expect(8 + packedLen).toBe(out.length);
    expect(snappyUncompress(out.slice(8))).toEqual(sample);
  });

  it('CRC-32C matches the standard check value', () => {
    expect(crc32c(text('123456789'))).toBe(0xe3069283);
  });

  it('every format round-trips arbitrary bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100_000 }), fc.constantFrom(...COMPRESSION_FORMATS), (data, format) => {
      expect(decompress(format, compress(format, data))).toEqual(data);
    }), { seed: 7, numRuns: 40 });
  });

  it('delivered objects carry the real extension and the true compressed size', () => {
    const { sim, service } = newService();
    for (const [i, format] of COMPRESSION_FORMATS.entries()) {
      service.createDeliveryStream(s3Stream(`c${i}`, { CompressionFormat: format, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, Prefix: `${format}/` }));
      service.putRecordBatch(`c${i}`, [sample]);
    }
    sim.advanceBy(61_000);
    const ext = { UNCOMPRESSED: '', GZIP: '.gz', ZIP: '.zip', Snappy: '.snappy', HADOOP_SNAPPY: '.hsnappy' } as const;
    for (const format of COMPRESSION_FORMATS) {
      const [obj] = service.store.listObjectsV2({ bucket: 'sink-bucket', prefix: `${format}/` }).contents;
      expect(obj.key.endsWith(ext[format]) && (ext[format] !== '' || !obj.key.includes('.'))).toBe(true);
      expect(obj.sizeBytes).toBe(obj.body.length);
      expect(decompress(format, obj.body)).toEqual(sample);
      if (format !== 'UNCOMPRESSED') expect(obj.sizeBytes).toBeLessThan(sample.length);
    }
  });
});
