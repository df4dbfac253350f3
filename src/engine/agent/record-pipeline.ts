/**
 * From file bytes to the records the agent sends: skip header lines at offset 0, split,
 * stop at a footer line, convert (dropped / failed-then-raw as the agent does), attach the
 * partition key (Kinesis flows) and truncate a record over the size limit to the limit with
 * `truncatedRecordTerminator` as its last bytes. Incremental: a FileCursor remembers where the
 * next read continues, so the tailer and the one-shot dry run share this code.
 */
import { md5Bytes } from '../hash/index';
import type { FlowConfig } from './config-types';
import { convertRecord, type ConversionContext } from './converters';
import { matchWhole } from './java-regex';
import { skipLines, splitModeOf, splitRecords } from './splitter';

export interface FileCursor {
  readonly offset: number;
  readonly headerLinesToSkip: number;
  /** A footer line was seen: nothing more is read from this file. */
  readonly ended: boolean;
}

export type RecordStatus = 'converted' | 'unprocessed' | 'raw-after-error' | 'skipped';

export interface AgentRecord {
  readonly startOffset: number;
  readonly endOffset: number;
  /** The record as read from the file. */
  readonly raw: string;
  /** What the agent sends (absent when a converter dropped the record). */
  readonly data?: Uint8Array;
  readonly partitionKey?: string;
  readonly status: RecordStatus;
  readonly truncated: boolean;
  /** Which option dropped it or failed, and why. */
  readonly note?: string;
}

export interface PipelineContext extends ConversionContext {
  /** Uniform double in [0, 1) for RANDOM partition keys. */
  readonly random: () => number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function newCursor(flow: FlowConfig, offset = 0): FileCursor {
  return { offset, headerLinesToSkip: offset === 0 ? flow.skipHeaderLines : 0, ended: false };
}

/**
 * initialPosition END_OF_FILE: past the header lines, then past every complete line already in the
 * file (`bytes`, read from file offset `base`); a file still inside its header keeps the rest to skip.
 */
export function endOfFileCursor(flow: FlowConfig, bytes: Uint8Array, base = 0): FileCursor {
  let pos = 0;
  let lines = 0;
  while (lines < flow.skipHeaderLines) {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) break;
    pos = nl + 1;
    lines++;
  }
  return lines < flow.skipHeaderLines
    ? { offset: base + pos, headerLinesToSkip: flow.skipHeaderLines - lines, ended: false }
    : { offset: base + Math.max(pos, bytes.lastIndexOf(0x0a) + 1), headerLinesToSkip: 0, ended: false };
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** RANDOM: decimal text of a double in [0, 1e6); DETERMINISTIC: hex MD5 of the record bytes. */
export function partitionKeyFor(flow: FlowConfig, data: Uint8Array, random: () => number): string {
  return flow.partitionKeyOption === 'DETERMINISTIC' ? hex(md5Bytes(data)) : String(random() * 1_000_000);
}

function truncate(flow: FlowConfig, data: Uint8Array, keyLength: number): Uint8Array {
  const maxData = flow.maxRecordSizeBytes - keyLength;
  const terminator = encoder.encode(flow.truncatedRecordTerminator);
  const out = data.slice(0, maxData);
  out.set(terminator, maxData - terminator.length);
  return out;
}

export function processRecord(flow: FlowConfig, rawBytes: Uint8Array, startOffset: number, ctx: PipelineContext): AgentRecord {
  const raw = decoder.decode(rawBytes);
  const endOffset = startOffset + rawBytes.length;
  let data = rawBytes;
  let status: RecordStatus = 'unprocessed';
  let note: string | undefined;
  if (flow.dataProcessingOptions.length > 0) {
    const out = convertRecord(flow.dataProcessingOptions, raw, ctx);
    if (out.kind === 'skipped') {
      return { startOffset, endOffset, raw, status: 'skipped', truncated: false, note: `${out.by} could not parse the record` };
    }
    if (out.kind === 'failed') {
      status = 'raw-after-error';
      note = `${out.by} failed (${out.reason}); the raw record is sent`;
    } else {
      status = 'converted';
      data = encoder.encode(out.text);
    }
  }
  const partitionKey = flow.destinationKind === 'kinesisStream' ? partitionKeyFor(flow, data, ctx.random) : undefined;
  const keyLength = partitionKey?.length ?? 0;
  const truncated = data.length + keyLength > flow.maxRecordSizeBytes;
  if (truncated) data = truncate(flow, data, keyLength);
  return { startOffset, endOffset, raw, data, partitionKey, status, truncated, note };
}

/**
 * Reads what is available after the cursor. `content` holds the file's bytes from offset
 * `base` (0: the whole file) to what is known now; record and cursor offsets stay absolute.
 */
export function readAvailable(
  flow: FlowConfig,
  content: Uint8Array,
  cursor: FileCursor,
  ctx: PipelineContext,
  base = 0,
): { records: AgentRecord[]; cursor: FileCursor } {
  if (cursor.ended) return { records: [], cursor };
  if (base !== 0) {
    const local = readAvailable(flow, content, { ...cursor, offset: cursor.offset - base }, ctx, 0);
    return {
      records: local.records.map((r) => ({ ...r, startOffset: r.startOffset + base, endOffset: r.endOffset + base })),
      cursor: { ...local.cursor, offset: local.cursor.offset + base },
    };
  }
  let offset = cursor.offset;
  let headerLinesToSkip = cursor.headerLinesToSkip;
  if (headerLinesToSkip > 0) {
    const s = skipLines(content, offset, content.length, headerLinesToSkip);
    offset = s.offset;
    headerLinesToSkip = s.remaining;
    if (headerLinesToSkip > 0) return { records: [], cursor: { offset, headerLinesToSkip, ended: false } };
  }
  const { spans, consumed } = splitRecords(content, offset, content.length, splitModeOf(flow));
  const records: AgentRecord[] = [];
  for (const span of spans) {
    const bytes = content.subarray(span.start, span.end);
    if (flow.fileFooterPattern) {
      const line = decoder.decode(bytes).replace(/\r?\n$/, '');
      if (matchWhole(flow.fileFooterPattern, line)) return { records, cursor: { offset: span.end, headerLinesToSkip: 0, ended: true } };
    }
    records.push(processRecord(flow, bytes, span.start, ctx));
  }
  return { records, cursor: { offset: consumed, headerLinesToSkip: 0, ended: false } };
}
