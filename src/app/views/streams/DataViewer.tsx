/**
 * Data viewer: choose a shard and an iterator type and page through records, as the AWS console
 * does. Every page is a real GetRecords call (the first one also GetShardIterator) and counts
 * against the shard's 5 reads/s and 2 MiB/s like any consumer's; throttling shows inline.
 */
import { useEffect, useState } from 'react';
import type { IteratorType, ReadResult, ViewedRecord } from '../../../worker/api/streams-api';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { readRecords } from '../../stores/console-actions';
import { useSim } from '../../stores/sim-store';
import { formatBytes, formatClock, formatDuration } from '../../format';
import { SequenceNumberCell } from './SequenceNumberCell';

type View = 'json' | 'text' | 'hex';
const decoder = new TextDecoder('utf-8', { fatal: false });

function render(data: Uint8Array, view: View): string {
  if (data.byteLength === 0) return '(empty)';
  if (view === 'hex') {
    const n = Math.min(data.byteLength, 256);
    let s = '';
    for (let i = 0; i < n; i++) s += data[i].toString(16).padStart(2, '0') + (i % 16 === 15 ? '\n' : ' ');
    return data.byteLength > n ? `${s}… (${data.byteLength} bytes)` : s;
  }
  const text = decoder.decode(data.byteLength > 4096 ? data.subarray(0, 4096) : data);
  if (view === 'json') {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return `${text}\n(not JSON; shown as text)`;
    }
  }
  return text;
}

function parseUtc(text: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?$/.exec(text.trim());
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)) : undefined;
}

/** A record to open on arrival (the put-a-record form links here): its shard, at its sequence number. */
export interface ViewerFocus { readonly shardId: string; readonly sequenceNumber: string }

export function DataViewer({ stream, shardIds, openIds, focus }: { stream: string; shardIds: readonly string[]; openIds: readonly string[]; focus?: ViewerFocus }) {
  const nowMs = useSim((s) => Math.floor((s.frame?.clock.nowMs ?? 0) / 60_000) * 60_000);
  const [shard, setShard] = useState(focus?.shardId ?? openIds[0] ?? shardIds[0] ?? '');
  const open = new Set(openIds);
  const [type, setType] = useState<IteratorType>(focus?.sequenceNumber ? 'AT_SEQUENCE_NUMBER' : 'TRIM_HORIZON');
  const [seq, setSeq] = useState(focus?.sequenceNumber ?? '');
  const [at, setAt] = useState('');
  const [limit, setLimit] = useState<number | undefined>(25);
  const [view, setView] = useState<View>('json');
  const [page, setPage] = useState<{ records: readonly ViewedRecord[]; next: string | null; behind: number; n: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const handle = (r: ReadResult, n: number) => {
    setBusy(false);
    if (!r.ok) return setError(`${r.error.name}: ${r.error.message}`);
    setError(null);
    setPage({ records: r.value.records, next: r.value.nextIterator, behind: r.value.millisBehindLatest, n });
  };
  const first = async () => {
    setBusy(true);
    const timestampMs = type === 'AT_TIMESTAMP' ? parseUtc(at) : undefined;
    if (type === 'AT_TIMESTAMP' && timestampMs === undefined) {
      setBusy(false);
      return setError('Enter the time as YYYY-MM-DD HH:MM:SS (UTC, virtual time).');
    }
    handle(await readRecords({ stream, shardId: shard, iteratorType: type, sequenceNumber: type.includes('SEQUENCE') ? seq.trim() : undefined, timestampMs, limit }), 1);
  };
  const next = async () => {
    if (!page?.next) return;
    setBusy(true);
    handle(await readRecords({ stream, shardId: shard, iterator: page.next, limit }), page.n + 1);
  };

  // Opened from a link to one record: read it straight away.
  useEffect(() => {
    if (focus) void first();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="panel" aria-labelledby="viewer-title">
      <div className="panel-header"><h2 id="viewer-title">Data viewer</h2></div>
      <p className="panel-note">Each page is a real GetRecords call on the shard and uses its read capacity (5 calls/s, 2 MiB/s shared with the consumers).</p>
      <div className="toolbar">
        <SelectField label="Shard" value={shard} options={shardIds.map((id) => [id, open.has(id) ? id : `${id} (closed)`] as [string, string])} onChange={setShard} testId="viewer-shard" />
        <SelectField label="Starting position" value={type} onChange={setType} testId="viewer-type" options={[['TRIM_HORIZON', 'Trim horizon (oldest)'], ['LATEST', 'Latest (new records only)'], ['AT_SEQUENCE_NUMBER', 'At sequence number'], ['AFTER_SEQUENCE_NUMBER', 'After sequence number'], ['AT_TIMESTAMP', 'At timestamp']]} />
        {type.includes('SEQUENCE') ? <TextField label="Sequence number" value={seq} onChange={setSeq} mono testId="viewer-seq" /> : null}
        {type === 'AT_TIMESTAMP' ? <TextField label="Timestamp (UTC)" value={at} onChange={setAt} placeholder={formatClock(nowMs)} testId="viewer-at" /> : null}
        <NumberField label="Records per page" value={limit} onChange={setLimit} min={1} max={10000} step={1} testId="viewer-limit" />
        <SelectField label="Show payload as" value={view} onChange={setView} options={[['json', 'JSON'], ['text', 'Text'], ['hex', 'Hex']]} testId="viewer-format" />
        <button className="btn btn-primary" onClick={() => void first()} disabled={busy || !shard} data-testid="viewer-get">Get records</button>
        <button className="btn" onClick={() => void next()} disabled={busy || !page?.next} data-testid="viewer-next">Next page</button>
      </div>
      {error ? <div className="callout callout-error" role="alert" data-testid="viewer-error">{error}</div> : null}
      {page ? (
        <>
          <p className="muted" data-testid="viewer-summary">Page {page.n}: {page.records.length} record{page.records.length === 1 ? '' : 's'} · {formatDuration(page.behind)} behind the tip{page.next ? '' : ' · end of a closed shard'}</p>
          {page.records.length === 0 ? (
            <div className="empty-state"><p>No records at this position. With “Latest”, only records written after the iterator was taken appear: run the clock and select Next page.</p></div>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table className="data record-list" aria-label="Records">
                <thead><tr><th>Sequence number</th><th>Partition key</th><th>Arrival (UTC)</th><th className="num">Size</th><th>Payload</th></tr></thead>
                <tbody>
                  {page.records.map((r, i) => (
                    <tr key={r.sequenceNumber}>
                      <td className="mono"><SequenceNumberCell value={r.sequenceNumber} neighbour={(page.records[i - 1] ?? page.records[i + 1])?.sequenceNumber} /></td>
                      <td className="mono">{r.partitionKey === '' ? <span className="muted" title="Written without a partition key (AUTO record distribution)">—</span> : r.partitionKey}</td>
                      <td className="mono">{formatClock(r.arrivalMs)}.{String(r.arrivalMs % 1000).padStart(3, '0')}</td>
                      <td className="num">{formatBytes(r.sizeBytes)}</td>
                      <td><pre tabIndex={0} className="payload" data-testid="viewer-payload">{render(r.data, view)}</pre></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <div className="empty-state"><p>Choose a shard and a starting position, then select <strong>Get records</strong>.</p></div>
      )}
    </section>
  );
}
