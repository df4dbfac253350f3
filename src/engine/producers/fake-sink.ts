/**
 * A small in-memory ProducerSink for unit tests of producers and consumers in isolation:
 * N equal shards routed by the MD5's top 32 bits, 1,000 records/s and 1 MiB/s per shard per
 * virtual second. The real streams service replaces it in scenarios.
 */
import { md5PartitionKey } from '../hash/md5';
import type { ProducerSink } from './producer-sink';
import { PUT_THROTTLED } from '../streams/put-outcome';

export { WRITE_RECORDS_PER_SEC_MAX as SHARD_WRITE_RECORDS_PER_SEC, WRITE_BYTES_PER_SEC_MAX as SHARD_WRITE_BYTES_PER_SEC } from '../streams/limits';
import { WRITE_BYTES_PER_SEC_MAX as SHARD_WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC_MAX as SHARD_WRITE_RECORDS_PER_SEC } from '../streams/limits';

export class FakeSink implements ProducerSink {
  readonly acceptedRecords: Float64Array;
  readonly acceptedBytes: Float64Array;
  readonly throttledRecords: Float64Array;
  private readonly secRecords: Float64Array;
  private readonly secBytes: Float64Array;
  private second = -1;

  constructor(readonly streamName: string, readonly shards: number, private readonly clock: () => number) {
    this.acceptedRecords = new Float64Array(shards);
    this.acceptedBytes = new Float64Array(shards);
    this.throttledRecords = new Float64Array(shards);
    this.secRecords = new Float64Array(shards);
    this.secBytes = new Float64Array(shards);
  }

  shardOf(partitionKey: string, explicitHashKey: string | undefined): number {
    if (explicitHashKey !== undefined) return Number((BigInt(explicitHashKey) * BigInt(this.shards)) >> 128n);
    const top = md5PartitionKey(partitionKey)[0];
    return Math.floor((top / 4294967296) * this.shards);
  }

  put(partitionKey: string, data: Uint8Array | number, explicitHashKey: string | undefined): number {
    return this.putAt(this.shardOf(partitionKey, explicitHashKey), partitionKey, data);
  }

  hashOf(partitionKey: string): Uint32Array {
    return md5PartitionKey(partitionKey, new Uint32Array(4));
  }

  putHashed(partitionKey: string, data: Uint8Array | number, hash: Uint32Array): number {
    return this.putAt(Math.floor((hash[0] / 4294967296) * this.shards), partitionKey, data);
  }

  private putAt(shard: number, partitionKey: string, data: Uint8Array | number): number {
    this.roll();
    const bytes = (typeof data === 'number' ? data : data.length) + partitionKey.length;
    if (this.secRecords[shard] + 1 > SHARD_WRITE_RECORDS_PER_SEC || this.secBytes[shard] + bytes > SHARD_WRITE_BYTES_PER_SEC) {
      this.throttledRecords[shard]++;
      // The throttle code, whatever the shard (−2 would read as "too large", which is never retried).
      return PUT_THROTTLED;
    }
    this.secRecords[shard]++;
    this.secBytes[shard] += bytes;
    this.acceptedRecords[shard]++;
    this.acceptedBytes[shard] += bytes;
    return shard;
  }

  putAggregate(shard: number, records: number, bytes: number): number {
    this.roll();
    const perRecord = records > 0 ? bytes / records : 0;
    const byRecords = SHARD_WRITE_RECORDS_PER_SEC - this.secRecords[shard];
    const byBytes = perRecord > 0 ? Math.floor((SHARD_WRITE_BYTES_PER_SEC - this.secBytes[shard]) / perRecord) : records;
    const accepted = Math.max(0, Math.min(records, byRecords, byBytes));
    this.secRecords[shard] += accepted;
    this.secBytes[shard] += accepted * perRecord;
    this.acceptedRecords[shard] += accepted;
    this.acceptedBytes[shard] += accepted * perRecord;
    this.throttledRecords[shard] += records - accepted;
    return accepted;
  }

  shardSlots(): number {
    return this.shards;
  }

  openShardShares(): { shardIndex: number; share: number }[] {
    return Array.from({ length: this.shards }, (_, i) => ({ shardIndex: i, share: 1 / this.shards }));
  }

  shardMapVersion(): number {
    return 0;
  }

  private roll(): void {
    const s = Math.floor(this.clock() / 1000);
    if (s !== this.second) {
      this.second = s;
      this.secRecords.fill(0);
      this.secBytes.fill(0);
    }
  }
}
