/**
 * An incremental Matroska reader for PutMedia bodies: bytes arrive in chunks of any size (HTTP
 * chunked transfer, MediaRecorder's dataavailable blobs) and come out as a header event, a
 * "cluster started" event (the first byte of a fragment: KVS's BUFFERING ack) and one event per
 * complete cluster. Unknown-size Segment and Cluster elements (live writers) end where the next
 * Segment-level element begins, or at the end of the body.
 * Bounded: at most one cluster plus one element of look-ahead is buffered; more is an error.
 */
import { EbmlError, readElementHeader, readUint, type ChildElement } from './ebml';
import {
  DEFAULT_TIMECODE_SCALE_NS, ID, SEGMENT_LEVEL_IDS, parseClusterBody, parseEbmlHeader, parseInfo, parseTracks,
  type MkvCluster, type MkvHeader,
} from './matroska';

export type MkvEvent =
  | { readonly kind: 'header'; readonly header: MkvHeader }
  /** A cluster's Timecode arrived: the fragment has begun (BUFFERING). */
  | { readonly kind: 'cluster-start'; readonly timecodeMs: number }
  | { readonly kind: 'cluster'; readonly cluster: MkvCluster };

/** Why the stream could not be read, in PutMedia's terms (ErrorId 4006 unparseable, 4001 too large). */
export class MkvStreamError extends Error {
  constructor(readonly reason: 'unparseable' | 'too-large' | 'second-segment', message: string) {
    super(message);
  }
}

type State = 'start' | 'segment-header' | 'segment' | 'cluster';

export class MkvStreamReader {
  private buf = new Uint8Array(0);
  private pos = 0;
  private state: State = 'start';
  private docType = 'matroska';
  private timecodeScaleNs = DEFAULT_TIMECODE_SCALE_NS;
  private title: string | undefined;
  private headerSent = false;
  private clusterChildren: ChildElement[] = [];
  private clusterRemaining: number | undefined;
  private clusterBytes = 0;
  /** Total bytes read so far. */
  bytesRead = 0;

  constructor(private readonly maxBufferedBytes: number) {}

  get header(): MkvHeader | undefined {
    return this.lastHeader;
  }

  private lastHeader: MkvHeader | undefined;

  push(chunk: Uint8Array): MkvEvent[] {
    this.bytesRead += chunk.length;
    const rest = this.buf.length - this.pos;
    if (rest + chunk.length > this.maxBufferedBytes) {
      throw new MkvStreamError('too-large', `a fragment (cluster) is larger than ${this.maxBufferedBytes} bytes`);
    }
    const next = new Uint8Array(rest + chunk.length);
    next.set(this.buf.subarray(this.pos), 0);
    next.set(chunk, rest);
    this.buf = next;
    this.pos = 0;
    const events: MkvEvent[] = [];
    try {
      while (this.step(events)) { /* keep parsing */ }
    } catch (e) {
      if (e instanceof EbmlError) throw new MkvStreamError('unparseable', e.message);
      throw e;
    }
    return events;
  }

  /** The body ended: closes an open unknown-size cluster; a partial element is an error. */
  end(): MkvEvent[] {
    const events: MkvEvent[] = [];
    if (this.state === 'cluster' && this.clusterRemaining === undefined && this.pos === this.buf.length) {
      events.push(this.finishCluster());
    }
    if (this.pos !== this.buf.length || this.state === 'cluster') {
      throw new MkvStreamError('unparseable', `the body ended inside an element (${this.buf.length - this.pos} bytes left unread)`);
    }
    return events;
  }

  /** Parses one element (or header); false when more bytes are needed. */
  private step(events: MkvEvent[]): boolean {
    const h = readElementHeader(this.buf, this.pos);
    if (!h) return false;
    if (this.state === 'cluster') return this.stepCluster(h, events);
    if (this.state === 'start') {
      if (h.id !== ID.EBML) throw new EbmlError(`the body does not start with an EBML header (found element 0x${h.id.toString(16)})`);
      const data = this.take(h);
      if (!data) return false;
      this.docType = parseEbmlHeader(data).docType;
      this.state = 'segment-header';
      return true;
    }
    if (this.state === 'segment-header') {
      if (h.id === ID.Void) return this.take(h) !== undefined;
      if (h.id !== ID.Segment) throw new EbmlError(`expected a Segment after the EBML header, found 0x${h.id.toString(16)}`);
      this.pos += h.headerBytes;
      this.state = 'segment';
      return true;
    }
    // Segment level.
    if (h.id === ID.EBML || h.id === ID.Segment) {
      throw new MkvStreamError('second-segment', 'a PutMedia body must hold exactly one MKV segment');
    }
    if (h.id === ID.Cluster) {
      if (!this.lastHeader) throw new EbmlError('a Cluster came before the Tracks element');
      this.pos += h.headerBytes;
      this.state = 'cluster';
      this.clusterChildren = [];
      this.clusterRemaining = h.size;
      this.clusterBytes = h.headerBytes;
      return true;
    }
    if (h.size === undefined) throw new EbmlError(`Segment-level element 0x${h.id.toString(16)} has an unknown size`);
    const data = this.take(h);
    if (!data) return false;
    if (h.id === ID.Info) {
      const info = parseInfo(data);
      this.timecodeScaleNs = info.timecodeScaleNs;
      this.title = info.title;
    } else if (h.id === ID.Tracks) {
      const tracks = parseTracks(data);
      if (tracks.length === 0) throw new EbmlError('the Tracks element declares no track');
      this.lastHeader = { docType: this.docType, timecodeScaleNs: this.timecodeScaleNs, tracks, title: this.title };
      if (!this.headerSent) {
        this.headerSent = true;
        events.push({ kind: 'header', header: this.lastHeader });
      }
    }
    return true;
  }

  private stepCluster(h: { id: number; size: number | undefined; headerBytes: number }, events: MkvEvent[]): boolean {
    if (this.clusterRemaining === undefined && SEGMENT_LEVEL_IDS.has(h.id)) {
      events.push(this.finishCluster());
      return true;
    }
    if (h.size === undefined) throw new EbmlError(`Cluster child 0x${h.id.toString(16)} has an unknown size`);
    const data = this.take(h);
    if (!data) return false;
    const bytes = h.headerBytes + h.size;
    this.clusterBytes += bytes;
    this.clusterChildren.push({ id: h.id, data });
    // Scale first: absolute timecodes (epoch ms × 10^6 ns) overflow 2^53 and would lose their last digits.
    if (h.id === ID.Timecode) events.push({ kind: 'cluster-start', timecodeMs: readUint(data) * (this.timecodeScaleNs / 1_000_000) });
    if (this.clusterRemaining !== undefined) {
      this.clusterRemaining -= bytes;
      if (this.clusterRemaining < 0) throw new EbmlError('a Cluster child overruns the Cluster');
      if (this.clusterRemaining === 0) events.push(this.finishCluster());
    }
    return true;
  }

  private finishCluster(): MkvEvent {
    const cluster = parseClusterBody(this.clusterChildren, this.timecodeScaleNs, this.clusterBytes);
    this.clusterChildren = [];
    this.state = 'segment';
    return { kind: 'cluster', cluster };
  }

  /** The element's data if it is all buffered (advancing past it), else undefined. */
  private take(h: { size: number | undefined; headerBytes: number }): Uint8Array | undefined {
    const start = this.pos + h.headerBytes;
    const end = start + (h.size ?? 0);
    if (end > this.buf.length) return undefined;
    this.pos = end;
    return this.buf.subarray(start, end);
  }
}
