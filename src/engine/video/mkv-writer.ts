/**
 * Writes Matroska: the EBML header, a Segment with Info and Tracks, Clusters of SimpleBlocks and
 * Tags. Used for GetMedia / GetMediaForFragmentList chunks (header + one cluster + KVS tags) and
 * by the synthetic producer and test fixtures. Timecodes are written in milliseconds
 * (TimecodeScale 1,000,000 ns), the scale KVS's own producers use.
 */
import {
  EbmlError, concatBytes, element, floatElement, stringElement, uintElement, unknownSizeHeader,
} from './ebml';
import { DEFAULT_TIMECODE_SCALE_NS, ID, type MkvFrame, type MkvHeader, type MkvTrack } from './matroska';

export function ebmlHeader(docType: string): Uint8Array {
  return element(ID.EBML, [
    uintElement(ID.EBMLVersion, 1),
    uintElement(ID.EBMLReadVersion, 1),
    uintElement(ID.EBMLMaxIDLength, 4),
    uintElement(ID.EBMLMaxSizeLength, 8),
    stringElement(ID.DocType, docType),
    uintElement(ID.DocTypeVersion, docType === 'webm' ? 4 : 2),
    uintElement(ID.DocTypeReadVersion, 2),
  ]);
}

function trackEntry(t: MkvTrack): Uint8Array {
  const children = [
    uintElement(ID.TrackNumber, t.number),
    uintElement(ID.TrackUID, t.uid),
    uintElement(ID.TrackType, t.kind === 'video' ? 1 : t.kind === 'audio' ? 2 : 0x11),
    stringElement(ID.CodecID, t.codecId),
  ];
  if (t.name) children.push(stringElement(ID.Name, t.name));
  if (t.defaultDurationNs) children.push(uintElement(ID.DefaultDuration, t.defaultDurationNs));
  if (t.codecPrivate) children.push(element(ID.CodecPrivate, t.codecPrivate));
  if (t.kind === 'video' && t.width && t.height) {
    children.push(element(ID.Video, [uintElement(ID.PixelWidth, t.width), uintElement(ID.PixelHeight, t.height)]));
  }
  if (t.kind === 'audio') {
    children.push(element(ID.Audio, [floatElement(ID.SamplingFrequency, t.samplingFrequency ?? 48_000), uintElement(ID.Channels, t.channels ?? 1)]));
  }
  return element(ID.TrackEntry, children);
}

/** EBML header + unknown-size Segment + Info + Tracks: the start of a live MKV stream. */
export function mkvStreamHeader(header: MkvHeader, writingApp = 'kinesis-sandbox'): Uint8Array {
  const info = [uintElement(ID.TimecodeScale, DEFAULT_TIMECODE_SCALE_NS), stringElement(ID.MuxingApp, writingApp), stringElement(ID.WritingApp, writingApp)];
  if (header.title) info.push(stringElement(ID.Title, header.title));
  return concatBytes([
    ebmlHeader(header.docType),
    unknownSizeHeader(ID.Segment),
    element(ID.Info, info),
    element(ID.Tracks, header.tracks.map(trackEntry)),
  ]);
}

export function simpleBlock(frame: MkvFrame, clusterMs: number): Uint8Array {
  if (frame.track < 1 || frame.track > 126) throw new EbmlError(`track number ${frame.track} is outside 1–126`);
  const offset = Math.round(frame.timestampMs - clusterMs);
  if (offset < -32768 || offset > 32767) {
    throw new EbmlError(`frame at ${frame.timestampMs} ms is ${offset} ms from its cluster's timecode; a block offset must fit 16 bits (±32.767 s)`);
  }
  const head = new Uint8Array(4);
  head[0] = 0x80 | frame.track;
  new DataView(head.buffer).setInt16(1, offset);
  head[3] = frame.keyframe ? 0x80 : 0;
  return element(ID.SimpleBlock, concatBytes([head, frame.data]));
}

/** One sized Cluster. */
export function mkvCluster(timecodeMs: number, frames: readonly MkvFrame[]): Uint8Array {
  const tc = Math.round(timecodeMs);
  return element(ID.Cluster, [uintElement(ID.Timecode, tc), ...frames.map((f) => simpleBlock(f, tc))]);
}

/** The start of an unknown-size Cluster (a live producer writes frames into it as they come). */
export function liveClusterStart(timecodeMs: number): Uint8Array {
  return concatBytes([unknownSizeHeader(ID.Cluster), uintElement(ID.Timecode, Math.round(timecodeMs))]);
}

/** A Tags element with one Tag of simple name/value pairs (KVS chunk metadata). */
export function mkvTags(pairs: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const simple = pairs.map(([name, value]) => element(ID.SimpleTag, [stringElement(ID.TagName, name), stringElement(ID.TagString, value)]));
  return element(ID.Tags, [element(ID.Tag, [element(ID.Targets, []), ...simple])]);
}
