/**
 * One video stream: its control-plane settings and its fragment store. Fragments are kept in
 * ingest order (fragment numbers strictly increasing), trimmed by retention on the virtual clock
 * (or, with DataRetentionInHours 0, by the 5-minute / 200 MB host buffer), and counted so that
 * ingested = held + expired + evicted (by the sandbox's memory budget) at all times.
 */
import type { MkvHeader } from './matroska';
import { VIDEO_LIMITS } from './limits';

export type VideoStreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

export interface StoredFrame {
  readonly track: number;
  /** Offset from the fragment's producer timestamp, ms. */
  readonly offsetMs: number;
  readonly keyframe: boolean;
  readonly data: Uint8Array;
}

export interface StoredFragment {
  /** Decimal string, same length for every fragment of the sandbox, so string order = number order. */
  readonly number: string;
  readonly producerTimestampMs: number;
  /** When the service started receiving the fragment. */
  readonly serverTimestampMs: number;
  durationMs: number;
  readonly sizeBytes: number;
  /** The MKV header (tracks, codec private data) of the PutMedia session that sent it. */
  readonly header: MkvHeader;
  readonly frames: readonly StoredFrame[];
  readonly persisted: boolean;
}

export interface VideoStreamInfo {
  readonly StreamName: string;
  readonly StreamARN: string;
  readonly DeviceName?: string;
  readonly MediaType?: string;
  readonly KmsKeyId: string;
  readonly Version: string;
  readonly Status: VideoStreamStatus;
  readonly CreationTime: number;
  readonly DataRetentionInHours: number;
}

export interface FragmentAccounting {
  readonly ingestedFragments: number;
  readonly heldFragments: number;
  readonly expiredFragments: number;
  readonly evictedFragments: number;
  readonly heldBytes: number;
}

export class VideoStream {
  status: VideoStreamStatus = 'CREATING';
  version: string;
  deviceName: string | undefined;
  mediaType: string | undefined;
  retentionHours: number;
  readonly tags = new Map<string, string>();
  /** Oldest first. A plain array with a moving head keeps trimming O(1) amortised. */
  private fragments: StoredFragment[] = [];
  private head = 0;
  private heldBytes = 0;
  private ingested = 0;
  private expired = 0;
  private evicted = 0;
  activePutSessions = 0;
  activeGetSessions = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly kmsKeyId: string,
    readonly creationMs: number,
    retentionHours: number,
    version: string,
    deviceName?: string,
    mediaType?: string,
  ) {
    this.retentionHours = retentionHours;
    this.version = version;
    this.deviceName = deviceName;
    this.mediaType = mediaType;
  }

  info(): VideoStreamInfo {
    return {
      StreamName: this.name,
      StreamARN: this.arn,
      ...(this.deviceName !== undefined ? { DeviceName: this.deviceName } : {}),
      ...(this.mediaType !== undefined ? { MediaType: this.mediaType } : {}),
      KmsKeyId: this.kmsKeyId,
      Version: this.version,
      Status: this.status,
      CreationTime: this.creationMs,
      DataRetentionInHours: this.retentionHours,
    };
  }

  append(fragment: StoredFragment): void {
    this.fragments.push(fragment);
    this.heldBytes += fragment.sizeBytes;
    this.ingested++;
  }

  /** Held fragments, oldest first (a live view: do not keep it across advances). */
  held(): readonly StoredFragment[] {
    if (this.head > 0 && this.head * 2 > this.fragments.length) {
      this.fragments = this.fragments.slice(this.head);
      this.head = 0;
    }
    return this.head === 0 ? this.fragments : this.fragments.slice(this.head);
  }

  /** Ingest ordinal (0-based, per stream) of the oldest held fragment; held()[i] has ordinal firstOrdinal + i. */
  get firstOrdinal(): number {
    return this.expired + this.evicted;
  }

  latest(): StoredFragment | undefined {
    return this.fragments.length > this.head ? this.fragments[this.fragments.length - 1] : undefined;
  }

  byNumber(number: string): StoredFragment | undefined {
    const i = this.indexOfNumber(number);
    return i < 0 ? undefined : this.fragments[i];
  }

  /** Ingest ordinal of a held fragment, or -1. */
  ordinalOf(number: string): number {
    const i = this.indexOfNumber(number);
    return i < 0 ? -1 : this.firstOrdinal + (i - this.head);
  }

  private indexOfNumber(number: string): number {
    // Numbers are increasing: binary search.
    let lo = this.head;
    let hi = this.fragments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = this.fragments[mid].number;
      if (n === number) return mid;
      if (n < number) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Drops what retention (or the unpersisted host buffer) no longer keeps. */
  trim(nowMs: number): void {
    if (this.retentionHours > 0) {
      const cutoff = nowMs - this.retentionHours * 3_600_000;
      while (this.head < this.fragments.length && this.fragments[this.head].serverTimestampMs < cutoff) this.drop('expired');
      return;
    }
    const cutoff = nowMs - VIDEO_LIMITS.unpersistedBufferMs;
    while (this.head < this.fragments.length &&
      (this.fragments[this.head].serverTimestampMs < cutoff || this.heldBytes > VIDEO_LIMITS.unpersistedBufferBytes)) this.drop('expired');
  }

  /** Evicts the oldest fragments until at most `bytesMax` are held (the sandbox's memory budget). */
  evictTo(bytesMax: number): void {
    while (this.head < this.fragments.length && this.heldBytes > bytesMax) this.drop('evicted');
  }

  private drop(why: 'expired' | 'evicted'): void {
    const f = this.fragments[this.head];
    this.heldBytes -= f.sizeBytes;
    (this.fragments as (StoredFragment | undefined)[])[this.head] = undefined;
    this.head++;
    if (why === 'expired') this.expired++;
    else this.evicted++;
  }

  accounting(): FragmentAccounting {
    return {
      ingestedFragments: this.ingested,
      heldFragments: this.fragments.length - this.head,
      expiredFragments: this.expired,
      evictedFragments: this.evicted,
      heldBytes: this.heldBytes,
    };
  }
}
