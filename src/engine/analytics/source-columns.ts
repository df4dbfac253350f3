/**
 * The hidden system columns of KDA source streams (APPROXIMATE_ARRIVAL_TIME, PARTITION_KEY,
 * SEQUENCE_NUMBER, SHARD_ID). They resolve by name but are not in `*`; the source fills one only
 * after some query has bound a reference to it, because rendering a sequence number per record
 * is a large share of the per-record cost and most applications never read it.
 * Record fields may be given as thunks (`() => string`) so the producer also skips the work.
 */
import type { CatalogColumn } from './planner-context';
import type { Row } from './types';
import { T } from './types';

export type SystemColumnName = 'APPROXIMATE_ARRIVAL_TIME' | 'PARTITION_KEY' | 'SEQUENCE_NUMBER' | 'SHARD_ID';

/** A record field given as a value or computed on demand. */
export type LazyText = string | (() => string);

export interface SystemColumnSource {
  readonly rowtimeMs: number;
  readonly arrivalMs?: number;
  readonly partitionKey?: LazyText;
  readonly sequenceNumber?: LazyText;
  readonly shardId?: LazyText;
}

function resolve(v: LazyText | undefined): string | null {
  return v === undefined ? null : typeof v === 'function' ? v() : v;
}

export class SourceSystemColumns {
  /** Names some bound query references; only these are filled. */
  readonly referenced = new Set<SystemColumnName>();
  private arrival = false;
  private partitionKey = false;
  private sequenceNumber = false;
  private shardId = false;

  /** Catalog columns, appended after the mapped ones (order is fixed: arrival, key, sequence, shard). */
  columns(): CatalogColumn[] {
    const col = (name: SystemColumnName, type: CatalogColumn['type']): CatalogColumn => ({ name, type, hidden: true, onReference: () => this.mark(name) });
    return [
      col('APPROXIMATE_ARRIVAL_TIME', T.TIMESTAMP), col('PARTITION_KEY', T.varchar(256)),
      col('SEQUENCE_NUMBER', T.varchar(128)), col('SHARD_ID', T.varchar(64)),
    ];
  }

  private mark(name: SystemColumnName): void {
    this.referenced.add(name);
    this.arrival ||= name === 'APPROXIMATE_ARRIVAL_TIME';
    this.partitionKey ||= name === 'PARTITION_KEY';
    this.sequenceNumber ||= name === 'SEQUENCE_NUMBER';
    this.shardId ||= name === 'SHARD_ID';
  }

  /** Writes the four columns at `offset`…`offset + 3`; unreferenced ones are NULL. */
  fill(row: Row, offset: number, r: SystemColumnSource): void {
    row[offset] = this.arrival ? (r.arrivalMs ?? r.rowtimeMs) : null;
    row[offset + 1] = this.partitionKey ? resolve(r.partitionKey) : null;
    row[offset + 2] = this.sequenceNumber ? resolve(r.sequenceNumber) : null;
    row[offset + 3] = this.shardId ? resolve(r.shardId) : null;
  }
}
