/**
 * Finds record boundaries in the bytes read from a file, as the agent's splitters do:
 * - one line = one record, ending with its "\n" (an unterminated last line waits for more data);
 * - `multiLineStartPattern`: a record runs from a line matching the pattern (Java lookingAt) up
 *   to the next matching line; the first line read always belongs to the current record, and at
 *   the end of what has been read so far the rest is emitted as the last record once it holds a
 *   complete line — so a multi-line record written across two polls is split in two, as the
 *   real agent splits it;
 * - Firehose `aggregatedRecordSizeBytes`: whole lines packed into records of about that size.
 * Kernel: bytes in, boundaries out; no state.
 */
import { lookingAt, type JavaPattern } from './java-regex';

export type SplitMode =
  | { readonly kind: 'line' }
  | { readonly kind: 'multiline'; readonly start: JavaPattern }
  | { readonly kind: 'aggregate'; readonly sizeHintBytes: number };

export interface Span {
  readonly start: number;
  readonly end: number;
}

const NL = 0x0a;
const decoder = new TextDecoder();

function nextLineEnd(buf: Uint8Array, from: number, limit: number): number {
  const i = buf.indexOf(NL, from);
  return i < 0 || i >= limit ? -1 : i + 1;
}

/** Records in buf[from, limit); `consumed` is where the next call continues. */
export function splitRecords(buf: Uint8Array, from: number, limit: number, mode: SplitMode): { spans: Span[]; consumed: number } {
  const spans: Span[] = [];
  let pos = from;
  if (mode.kind === 'line') {
    for (let end = nextLineEnd(buf, pos, limit); end >= 0; end = nextLineEnd(buf, pos, limit)) {
      spans.push({ start: pos, end });
      pos = end;
    }
    return { spans, consumed: pos };
  }
  if (mode.kind === 'aggregate') {
    let recStart = pos;
    for (let end = nextLineEnd(buf, pos, limit); end >= 0; end = nextLineEnd(buf, pos, limit)) {
      if (end - recStart > mode.sizeHintBytes && pos > recStart) {
        spans.push({ start: recStart, end: pos });
        recStart = pos;
      }
      pos = end;
    }
    if (pos > recStart) spans.push({ start: recStart, end: pos });
    return { spans, consumed: pos };
  }
  let recStart = pos;
  let firstLine = true;
  for (let end = nextLineEnd(buf, pos, limit); end >= 0; end = nextLineEnd(buf, pos, limit)) {
    if (!firstLine && lookingAt(mode.start, decoder.decode(buf.subarray(pos, end)))) {
      spans.push({ start: recStart, end: pos });
      recStart = pos;
    }
    firstLine = false;
    pos = end;
  }
  if (!firstLine) {
    spans.push({ start: recStart, end: limit });
    return { spans, consumed: limit };
  }
  return { spans, consumed: recStart };
}

/** Skips up to `lines` complete lines from `from`; returns the new offset and how many remain. */
export function skipLines(buf: Uint8Array, from: number, limit: number, lines: number): { offset: number; remaining: number } {
  let pos = from;
  let remaining = lines;
  while (remaining > 0) {
    const end = nextLineEnd(buf, pos, limit);
    if (end < 0) break;
    pos = end;
    remaining--;
  }
  return { offset: pos, remaining };
}

export function splitModeOf(flow: { multiLineStartPattern?: JavaPattern; aggregatedRecordSizeBytes: number }): SplitMode {
  if (flow.multiLineStartPattern) return { kind: 'multiline', start: flow.multiLineStartPattern };
  if (flow.aggregatedRecordSizeBytes > 0) return { kind: 'aggregate', sizeHintBytes: flow.aggregatedRecordSizeBytes };
  return { kind: 'line' };
}
