/**
 * A GetMedia connection: yields chunks (MKV header + cluster + KVS tags) in fragment-number order
 * from the start selector on, moving from the archive to the live edge transparently; the caller
 * polls `next()` as the virtual clock advances. Holds a connection slot until closed.
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_GetMedia.html
 */
import { getMediaTags, mediaChunk } from '../../video/archive';
import type { VideoService } from '../../video/video-service';
import type { VideoStream } from '../../video/video-stream';

export class GetMediaReader {
  /** Ordinal (per stream) of the next fragment to send. */
  private nextOrdinal: number;
  private closed = false;

  constructor(private readonly service: VideoService, readonly stream: VideoStream, startIndex: number) {
    this.nextOrdinal = stream.firstOrdinal + startIndex;
    stream.activeGetSessions++;
  }

  /** Chunks that became available since the last call (bounded by `maxBytes`). */
  next(maxBytes = 8 * 1_048_576): Uint8Array[] {
    if (this.closed) return [];
    const held = this.stream.held();
    const out: Uint8Array[] = [];
    let bytes = 0;
    // Fragments that expired before being read are skipped, as the service skips them.
    let i = Math.max(0, this.nextOrdinal - this.stream.firstOrdinal);
    for (; i < held.length && bytes < maxBytes; i++) {
      const f = held[i];
      const chunk = mediaChunk(f, getMediaTags(f, this.service.nowMs));
      out.push(chunk);
      bytes += chunk.length;
      this.service.metric(this.stream, 'GetMedia.OutgoingBytes', chunk.length);
      this.service.metric(this.stream, 'GetMedia.OutgoingFragments', 1);
      this.service.metric(this.stream, 'GetMedia.OutgoingFrames', f.frames.length);
      this.service.metric(this.stream, 'GetMedia.MillisBehindNow', Math.max(0, this.service.nowMs - f.serverTimestampMs));
    }
    this.nextOrdinal = this.stream.firstOrdinal + i;
    return out;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream.activeGetSessions--;
  }
}
