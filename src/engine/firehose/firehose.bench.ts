/**
 * Firehose benchmarks:
 *  - firehose.ingest.direct-put: records/s from PutRecordBatch (500 × 200-byte JSON records) through
 *    buffering, GZIP compression and delivery into the object store, virtual clock advanced per second.
 *  - firehose.compress.<format>: MiB/s compressing 8 MiB of JSON lines.
 *  - firehose.parquet.write: rows/s converting JSON rows to a Parquet file.
 */
import type { Benchmark } from '../bench/harness';
import { Simulation } from '../simulation';
import { compress, type CompressionFormat } from './compression';
import { FirehoseService } from './firehose-service';
import { MIB } from './limits';
import { writeParquet, type ParquetColumn } from './parquet';

const enc = new TextEncoder();
const RECORDS_PER_RUN = 500_000;

function jsonRecord(i: number): Uint8Array {
  return enc.encode(`{"order_id":${i},"customer":"c-${i % 997}","amount":${(i % 10_000) / 100},"ts":"2026-01-01T00:00:00Z","pad":"${'x'.repeat(100)}"}\n`);
}

function ingestBench(): Benchmark {
  let batch: Uint8Array[] = [];
  return {
    name: 'firehose.ingest.direct-put',
    unit: 'records/s',
    higherIsBetter: true,
    runs: 3,
    setup() {
      batch = Array.from({ length: 500 }, (_, i) => jsonRecord(i));
    },
    run() {
      const sim = new Simulation({ seed: 'firehose-bench' });
      const service = new FirehoseService(sim, { store: undefined });
      service.createDeliveryStream({
        DeliveryStreamName: 'bench',
        ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::bench-bucket', RoleARN: 'r', CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 } },
      });
      service.setQuota('bench', { recordsPerSecMax: 1e9, requestsPerSecMax: 1e9, bytesPerSecMax: 1e12 });
      const start = performance.now();
      for (let i = 0; i < RECORDS_PER_RUN; i += 500) {
        service.putRecordBatch('bench', batch);
        if (i % 10_000 === 0) sim.advanceBy(1_000);
      }
      service.flushNow('bench');
      sim.advanceBy(10_000);
      const seconds = (performance.now() - start) / 1000;
      const l = service.snapshot('bench').ledger;
      if (l.delivered !== RECORDS_PER_RUN) throw new Error(`only ${l.delivered} of ${RECORDS_PER_RUN} delivered`);
      return RECORDS_PER_RUN / seconds;
    },
  };
}

function compressBench(format: CompressionFormat): Benchmark {
  let data = new Uint8Array();
  return {
    name: `firehose.compress.${format.toLowerCase()}`,
    unit: 'MiB/s',
    higherIsBetter: true,
    runs: 3,
    setup() {
      const parts: Uint8Array[] = [];
      let size = 0;
      for (let i = 0; size < 8 * MIB; i++) {
        const r = jsonRecord(i);
        parts.push(r);
        size += r.length;
      }
      data = new Uint8Array(size);
      let off = 0;
      for (const p of parts) {
        data.set(p, off);
        off += p.length;
      }
    },
    run() {
      const start = performance.now();
      compress(format, data);
      return data.length / MIB / ((performance.now() - start) / 1000);
    },
  };
}

const COLUMNS: ParquetColumn[] = [
  { name: 'order_id', type: 'bigint' }, { name: 'customer', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'ts', type: 'timestamp' },
];

const parquetBench: Benchmark = {
  name: 'firehose.parquet.write',
  unit: 'rows/s',
  higherIsBetter: true,
  runs: 3,
  run() {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ order_id: BigInt(i), customer: `c-${i % 997}`, amount: (i % 10_000) / 100, ts: new Date(1767225600000 + i) }));
    const start = performance.now();
    writeParquet(rows, COLUMNS, 'SNAPPY');
    return rows.length / ((performance.now() - start) / 1000);
  },
};

export const benchmarks: Benchmark[] = [ingestBench(), compressBench('GZIP'), compressBench('Snappy'), compressBench('HADOOP_SNAPPY'), compressBench('ZIP'), parquetBench];
