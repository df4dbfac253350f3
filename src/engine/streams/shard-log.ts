/**
 * Per-shard record storage in chunks of typed arrays, so the write fast path allocates nothing per record.
 * An entry is either one record (partition key, arrival time, sequence counter, data bytes, optional payload)
 * or an aggregate bucket (key '' — real keys are never empty) holding `count` records with consecutive
 * counters written in one virtual second. Entries are addressed by absolute index (never reused), ordered by
 * counter and by arrival time, so retention trims from the head and reads binary-search.
 * A fresh UUID key may be held as its four words (no string per record; its text is rendered when read).
 */
import { uuidKeyString } from '../hash/uuid-key';

/**
 * Entries per chunk. Memory is booked per entry, but a chunk's arrays are freed whole: the unfilled tail
 * chunk and the partly trimmed head chunk of every shard hold memory nobody books. At 1,024 entries that
 * slack was up to 80 KiB a shard, 85 MiB of chunks holding 66 MiB of booked entries in a 1,000-shard soak;
 * 256 keeps it a quarter of that for ~1 byte an entry of chunk objects.
 */
const CHUNK_CAPACITY = 256;
/**
 * The stored key of a record written without a partition key (RecordDistributionStrategy AUTO makes the key
 * optional; such records are read back without `PartitionKey`). A lone low surrogate: no UTF-8 or CBOR text
 * decodes to it, so no real key collides with it; '' stays the marker of aggregate buckets.
 */
export const NO_PARTITION_KEY = '\udc00';
/**
 * What an entry costs beyond its key and payload: its four Float64Array slots (32 B) plus, for a string key,
 * the slot in the chunk's key array — or, for a UUID key held as words, the four Uint32Array words (16 B, and
 * no string). Measured with heap + array-buffer deltas over 200,000 appends: a UUID-keyed entry 48.7 B, a
 * string-keyed one 40.6 B plus its string, an aggregate bucket 40.6 B (it used to be booked 48 + 36 for a
 * UUID key, and 48 + length for a string key whose 16-byte header went unbooked).
 */
export const ENTRY_OVERHEAD_BYTES = 48;
/**
 * A string key costs a V8 string: a 16-byte header before its characters (padded to 8 bytes; the booking's
 * 8 spare bytes above the 40 a string-keyed entry's slots take cover the padding).
 */
const STRING_HEADER_BYTES = 16;
const stringKeyMemory = (key: string) => STRING_HEADER_BYTES + key.length;
/**
 * What a stored payload costs beyond its bytes: its Uint8Array and ArrayBuffer objects (≈ 96 + 88 bytes in a
 * V8 heap snapshot of the soak) and its slot in the chunk's payload array: 195 B measured beyond the bytes. Booked so that the memory budget
 * bounds the real heap, not a third of it.
 */
export const PAYLOAD_OBJECT_BYTES = 192;
const payloadMemory = (payload: Uint8Array | undefined) => (payload !== undefined ? PAYLOAD_OBJECT_BYTES + payload.byteLength : 0);

/**
 * An entry's numbers sit together (stride 4: first counter, record count, data bytes, arrival ms) so a write
 * touches one cache line instead of one per column; with 64+ shards written at random that matters.
 */
const ENTRY_STRIDE = 4; // indexes below write `i << 2` for `i * ENTRY_STRIDE`
const FIRST = 0;
const COUNT = 1;
const BYTES = 2;
const ARRIVAL = 3;

class LogChunk {
  /**
   * The key of each entry; a hole for a UUID key held as words in `uuidWords`. Pre-sized (no regrowth) and
   * made on the first string key, so a chunk of UUID-word keys holds no key array at all.
   */
  keys: (string | undefined)[] | undefined;
  /** 4 words per entry, allocated on the first UUID-word key of the chunk. */
  uuidWords: Uint32Array | undefined;
  payloads: (Uint8Array | undefined)[] | undefined;
  length = 0;
  /** Trimmed to its length when the shard closed: takes no more appends. */
  sealed = false;
  entries: Float64Array = new Float64Array(CHUNK_CAPACITY * ENTRY_STRIDE);
  constructor(readonly baseIndex: number) {}
}

/** What a trim or eviction removed. */
export interface RemovedTotals {
  records: number;
  bytes: number;
  memoryBytes: number;
}

export class ShardLog {
  private chunks: LogChunk[] = [];
  /** Absolute index of the oldest retained entry, and one past the newest. */
  private head = 0;
  private end = 0;
  retainedRecords = 0;
  retainedBytes = 0;
  memoryBytes = 0;

  get headIndex(): number {
    return this.head;
  }

  get endIndex(): number {
    return this.end;
  }

  get isEmpty(): boolean {
    return this.head === this.end;
  }

  private chunkFor(index: number): LogChunk {
    return this.chunks[Math.floor((index - this.chunks[0].baseIndex) / CHUNK_CAPACITY)];
  }

  private tailChunk(): LogChunk {
    let tail = this.chunks.length > 0 ? this.chunks[this.chunks.length - 1] : undefined;
    if (!tail || tail.length === CHUNK_CAPACITY || tail.sealed) {
      tail = new LogChunk(this.end);
      this.chunks.push(tail);
    }
    return tail;
  }

  /** Appends one record; returns the memory it costs. */
  append(counter: number, dataBytes: number, arrivalMs: number, key: string, payload: Uint8Array | undefined): number {
    const chunk = this.tailChunk();
    const i = chunk.length++;
    chunk.entries[(i << 2) + FIRST] = counter;
    chunk.entries[(i << 2) + COUNT] = 1;
    chunk.entries[(i << 2) + BYTES] = dataBytes;
    chunk.entries[(i << 2) + ARRIVAL] = arrivalMs;
    (chunk.keys ??= new Array<string | undefined>(CHUNK_CAPACITY))[i] = key;
    if (payload !== undefined) {
      if (!chunk.payloads) chunk.payloads = [];
      chunk.payloads[i] = payload;
    }
    this.end++;
    this.retainedRecords++;
    this.retainedBytes += dataBytes;
    const memory = ENTRY_OVERHEAD_BYTES + stringKeyMemory(key) + payloadMemory(payload);
    this.memoryBytes += memory;
    return memory;
  }

  /**
   * Appends one record whose partition key is the UUID with words `w0…w3` (see hash/uuid-key), keeping the
   * words instead of a string (16 bytes, booked in ENTRY_OVERHEAD_BYTES). Returns the memory it costs.
   */
  appendUuidKeyed(counter: number, dataBytes: number, arrivalMs: number, w0: number, w1: number, w2: number, w3: number, payload: Uint8Array | undefined): number {
    const chunk = this.tailChunk();
    const i = chunk.length++;
    chunk.entries[(i << 2) + FIRST] = counter;
    chunk.entries[(i << 2) + COUNT] = 1;
    chunk.entries[(i << 2) + BYTES] = dataBytes;
    chunk.entries[(i << 2) + ARRIVAL] = arrivalMs;
    const words = chunk.uuidWords ?? (chunk.uuidWords = new Uint32Array(CHUNK_CAPACITY * 4));
    const o = i << 2;
    words[o] = w0;
    words[o + 1] = w1;
    words[o + 2] = w2;
    words[o + 3] = w3;
    if (payload !== undefined) {
      if (!chunk.payloads) chunk.payloads = [];
      chunk.payloads[i] = payload;
    }
    this.end++;
    this.retainedRecords++;
    this.retainedBytes += dataBytes;
    const memory = ENTRY_OVERHEAD_BYTES + payloadMemory(payload);
    this.memoryBytes += memory;
    return memory;
  }

  /**
   * Appends `count` records as one bucket, or folds them into the newest entry when that is a bucket of the
   * same virtual second whose counters continue exactly. Returns the memory it costs.
   */
  appendBucket(firstCounter: number, count: number, bytes: number, arrivalMs: number): number {
    if (this.end > this.head) {
      const last = this.end - 1;
      const chunk = this.chunkFor(last);
      const i = last - chunk.baseIndex;
      if (
        chunk.keys !== undefined &&
        chunk.keys[i] === '' &&
        Math.floor(chunk.entries[(i << 2) + ARRIVAL] / 1000) === Math.floor(arrivalMs / 1000) &&
        chunk.entries[(i << 2) + FIRST] + chunk.entries[(i << 2) + COUNT] === firstCounter
      ) {
        chunk.entries[(i << 2) + COUNT] += count;
        chunk.entries[(i << 2) + BYTES] += bytes;
        this.retainedRecords += count;
        this.retainedBytes += bytes;
        return 0;
      }
    }
    const chunk = this.tailChunk();
    const i = chunk.length++;
    chunk.entries[(i << 2) + FIRST] = firstCounter;
    chunk.entries[(i << 2) + COUNT] = count;
    chunk.entries[(i << 2) + BYTES] = bytes;
    chunk.entries[(i << 2) + ARRIVAL] = arrivalMs;
    (chunk.keys ??= new Array<string | undefined>(CHUNK_CAPACITY))[i] = '';
    this.end++;
    this.retainedRecords += count;
    this.retainedBytes += bytes;
    this.memoryBytes += ENTRY_OVERHEAD_BYTES;
    return ENTRY_OVERHEAD_BYTES;
  }

  firstCounterAt(index: number): number {
    const c = this.chunkFor(index);
    return c.entries[((index - c.baseIndex) << 2) + FIRST];
  }

  countAt(index: number): number {
    const c = this.chunkFor(index);
    return c.entries[((index - c.baseIndex) << 2) + COUNT];
  }

  bytesAt(index: number): number {
    const c = this.chunkFor(index);
    return c.entries[((index - c.baseIndex) << 2) + BYTES];
  }

  arrivalMsAt(index: number): number {
    const c = this.chunkFor(index);
    return c.entries[((index - c.baseIndex) << 2) + ARRIVAL];
  }

  keyAt(index: number): string {
    const c = this.chunkFor(index);
    const j = index - c.baseIndex;
    const key = c.keys?.[j];
    if (key !== undefined) return key;
    const w = c.uuidWords!;
    const o = j << 2;
    return uuidKeyString(w[o], w[o + 1], w[o + 2], w[o + 3]);
  }

  payloadAt(index: number): Uint8Array | undefined {
    const c = this.chunkFor(index);
    return c.payloads?.[index - c.baseIndex];
  }

  /**
   * The last two entries seeks found: readers go on from where they stopped (two KCL applications read the
   * same shards), so the entry a reader wants is usually one of these or the one after it.
   */
  private hintA = 0;
  private hintB = 0;

  /** Whether entry `i` (retained) is the first whose last counter is ≥ `counter`. */
  private isSeekResult(i: number, counter: number): boolean {
    if (i < this.head || i >= this.end) return false;
    const c = this.chunkFor(i);
    const j = i - c.baseIndex;
    if (c.entries[(j << 2) + FIRST] + c.entries[(j << 2) + COUNT] - 1 < counter) return false;
    if (i === this.head) return true;
    const p = this.chunkFor(i - 1);
    const k = i - 1 - p.baseIndex;
    return p.entries[(k << 2) + FIRST] + p.entries[(k << 2) + COUNT] - 1 < counter;
  }

  /** Index of the first retained entry whose last counter is ≥ `counter` (end index when none). */
  seekCounter(counter: number): number {
    // Readers that keep up ask for the newest entry or past it: answer those without searching.
    if (this.end > this.head) {
      if (this.lastCounterAt(this.end - 1) < counter) return this.end;
      if (this.end - 1 === this.head || this.lastCounterAt(this.end - 2) < counter) return this.end - 1;
    }
    const a = this.hintA;
    const b = this.hintB;
    if (this.isSeekResult(a, counter)) return a;
    if (this.isSeekResult(a + 1, counter)) return (this.hintA = a + 1);
    if (this.isSeekResult(b, counter)) return b;
    if (this.isSeekResult(b + 1, counter)) return (this.hintB = b + 1);
    const found = this.binarySeekCounter(counter);
    this.hintB = a;
    this.hintA = found;
    return found;
  }

  private binarySeekCounter(counter: number): number {
    let lo = this.head;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunkFor(mid);
      const j = mid - c.baseIndex;
      if (c.entries[(j << 2) + FIRST] + c.entries[(j << 2) + COUNT] - 1 < counter) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lastCounterAt(index: number): number {
    const c = this.chunkFor(index);
    const j = index - c.baseIndex;
    return c.entries[(j << 2) + FIRST] + c.entries[(j << 2) + COUNT] - 1;
  }

  /** Index of the first retained entry that arrived at or after `timeMs` (end index when none). */
  seekTime(timeMs: number): number {
    let lo = this.head;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.arrivalMsAt(mid) < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops entries that arrived before `cutoffMs`, adding what went into `removed`. */
  trimBefore(cutoffMs: number, removed: RemovedTotals): void {
    while (this.head < this.end) {
      const c = this.chunks[0];
      const j = this.head - c.baseIndex;
      if (c.entries[(j << 2) + ARRIVAL] >= cutoffMs) break;
      this.dropHead(removed);
    }
  }

  /** Drops up to `maxEntries` of the oldest entries (memory-budget eviction). */
  evictOldest(maxEntries: number, removed: RemovedTotals): void {
    for (let n = 0; n < maxEntries && this.head < this.end; n++) this.dropHead(removed);
  }

  /** Arrival time of the oldest retained entry, or +Infinity when empty. */
  oldestArrivalMs(): number {
    return this.head < this.end ? this.arrivalMsAt(this.head) : Number.POSITIVE_INFINITY;
  }

  /** Removes everything (stream deletion); returns what was held. */
  clear(removed: RemovedTotals): void {
    while (this.head < this.end) this.dropHead(removed);
  }

  private dropHead(removed: RemovedTotals): void {
    const c = this.chunks[0];
    const j = this.head - c.baseIndex;
    const count = c.entries[(j << 2) + COUNT];
    const bytes = c.entries[(j << 2) + BYTES];
    const payload = c.payloads?.[j];
    const key = c.keys?.[j];
    const keyMemory = key === undefined ? 0 : stringKeyMemory(key);
    const memory = count === 1 && key !== '' ? ENTRY_OVERHEAD_BYTES + keyMemory + payloadMemory(payload) : ENTRY_OVERHEAD_BYTES;
    if (c.payloads) c.payloads[j] = undefined;
    this.head++;
    this.retainedRecords -= count;
    this.retainedBytes -= bytes;
    this.memoryBytes -= memory;
    removed.records += count;
    removed.bytes += bytes;
    removed.memoryBytes += memory;
    // A fully consumed chunk goes; the tail chunk stays while it still has room for appends — unless the log
    // is now empty: then every chunk goes (a closed shard whose records were trimmed or evicted holds nothing).
    if (this.head === this.end) this.chunks = [];
    else if (j + 1 === CHUNK_CAPACITY) this.chunks.shift();
  }

  /**
   * The shard closed: its tail chunk takes no more appends, so its arrays shrink to the entries it holds.
   * A day of hourly resharding leaves thousands of closed shards readable until retention; each keeps only
   * what its records need (booked per entry in the memory budget), not a whole chunk.
   */
  seal(): void {
    const tail = this.chunks[this.chunks.length - 1];
    if (!tail || tail.sealed) return;
    const n = tail.length;
    tail.sealed = true;
    tail.entries = tail.entries.slice(0, n * ENTRY_STRIDE);
    if (tail.keys) tail.keys = tail.keys.slice(0, n);
    if (tail.uuidWords) tail.uuidWords = tail.uuidWords.slice(0, n * 4);
    if (tail.payloads) tail.payloads = tail.payloads.slice(0, n);
  }
}
