/**
 * The open batch of a record-mode producer as parallel arrays, reused from call to call (no object
 * per record on the hot path), and the record waiting for a retry. Owned by Producer (producer.ts).
 */

/** Batch key index of a record whose UUID key is held as words in the batch (no string yet). */
export const UUID_WORDS = -2;

export interface PendingRecord {
  key: string;
  keyIndex: number;
  explicitHashKey: string | undefined;
  data: Uint8Array | number;
  sizeBytes: number;
  createdMs: number;
  attempts: number;
  userRecords: number;
}

/** A batch of records as parallel arrays, reused from call to call. */
export class RecordBatch {
  length = 0;
  readonly keys: string[] = [];
  readonly keyIndex: Int32Array;
  readonly explicitHashKeys: (string | undefined)[] = [];
  readonly data: (Uint8Array | number)[] = [];
  readonly sizeBytes: Float64Array;
  readonly createdMs: Float64Array;
  readonly attempts: Uint16Array;
  readonly userRecords: Uint32Array;
  /** 4 words per record whose UUID key is held as words (key index UUID_WORDS). */
  readonly uuidWords: Uint32Array;

  constructor(readonly capacity: number) {
    this.uuidWords = new Uint32Array(capacity * 4);
    this.keyIndex = new Int32Array(capacity);
    this.sizeBytes = new Float64Array(capacity);
    this.createdMs = new Float64Array(capacity);
    this.attempts = new Uint16Array(capacity);
    this.userRecords = new Uint32Array(capacity);
  }

  push(key: string, keyIndex: number, explicitHashKey: string | undefined, data: Uint8Array | number, sizeBytes: number, createdMs: number, attempts: number, userRecords: number): void {
    const i = this.length++;
    this.keys[i] = key;
    this.keyIndex[i] = keyIndex;
    this.explicitHashKeys[i] = explicitHashKey;
    this.data[i] = data;
    this.sizeBytes[i] = sizeBytes;
    this.createdMs[i] = createdMs;
    this.attempts[i] = attempts;
    this.userRecords[i] = userRecords;
  }

  clear(): void {
    // Drop references to payloads so they can be collected; keys are overwritten by the next batch.
    if (typeof this.data[0] !== 'number') this.data.fill(0);
    this.length = 0;
  }
}
