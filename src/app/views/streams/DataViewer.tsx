/**
 * Data viewer: choose a shard and an iterator type and page through records, as the AWS console
 * does. Every page is a real GetRecords call (the first one also GetShardIterator) and counts
 * against the shard's 5 reads/s and 2 MiB/s like any consumer's; throttling shows inline.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IteratorType, ReadResult, RecordsPage, ViewedRecord } from '../../../worker/api/streams-api';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { readRecords } from '../../stores/console-actions';
import { useSim } from '../../stores/sim-store';
import { formatBytes, formatClock, formatDuration, formatInteger } from '../../format';
import { SequenceNumberCell } from './SequenceNumberCell';
import { Term } from '../../learn/Term';

type View = 'json' | 'text' | 'hex';
const decoder = new TextDecoder('utf-8', { fatal: false });

function render(data: Uint8Array, view: View, t: TFunction<'streams'>): string {
  if (data.byteLength === 0) return t('viewer.empty');
  if (view === 'hex') {
    const n = Math.min(data.byteLength, 256);
    let s = '';
    for (let i = 0; i < n; i++) s += data[i].toString(16).padStart(2, '0') + (i % 16 === 15 ? '\n' : ' ');
    return data.byteLength > n ? `${s}${t('viewer.truncated', { count: data.byteLength })}` : s;
  }
  const text = decoder.decode(data.byteLength > 4096 ? data.subarray(0, 4096) : data);
  if (view === 'json') {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return `${text}\n${t('viewer.notJson')}`;
    }
  }
  return text;
}

function parseUtc(text: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?$/.exec(text.trim());
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)) : undefined;
}

type ViewerPage = { n: number; type: IteratorType; removed?: RecordsPage['removed'] };

/** The first page read from the oldest record or a position of a shard that has lost records. */
function tellsWhatWasRemoved(page: ViewerPage): boolean {
  return page.n === 1 && page.type !== 'LATEST' && page.removed !== undefined && page.removed.evicted + page.removed.expired > 0;
}

/**
 * Reading from the oldest record (or a position) in a shard that has lost records says so: the memory
 * budget's evictions are the simulator's, not AWS's, and would otherwise look like records never written.
 */
function removedNote(page: ViewerPage, t: TFunction<'streams'>) {
  const removed = page.removed;
  if (!tellsWhatWasRemoved(page) || !removed) return null;
  return (
    <p className="callout callout-info" data-testid="viewer-removed">
      {removed.evicted > 0 ? t('viewer.evicted', { count: removed.evicted, n: formatInteger(removed.evicted), budget: formatBytes(removed.memoryBudgetBytes) }) : null}
      {removed.evicted > 0 && removed.expired > 0 ? ' ' : null}
      {removed.expired > 0 ? t('viewer.expired', { count: removed.expired, n: formatInteger(removed.expired) }) : null}
    </p>
  );
}

/** A record to open on arrival (the put-a-record form links here): its shard, at its sequence number. */
export interface ViewerFocus { readonly shardId: string; readonly sequenceNumber: string }

const POSITIONS: readonly IteratorType[] = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'AT_TIMESTAMP'];

export function DataViewer({ stream, shardIds, openIds, focus }: { stream: string; shardIds: readonly string[]; openIds: readonly string[]; focus?: ViewerFocus }) {
  const { t } = useTranslation('streams');
  const nowMs = useSim((s) => Math.floor((s.frame?.clock.nowMs ?? 0) / 60_000) * 60_000);
  const [shard, setShard] = useState(focus?.shardId ?? openIds[0] ?? shardIds[0] ?? '');
  const open = new Set(openIds);
  const [type, setType] = useState<IteratorType>(focus?.sequenceNumber ? 'AT_SEQUENCE_NUMBER' : 'TRIM_HORIZON');
  const [seq, setSeq] = useState(focus?.sequenceNumber ?? '');
  const [at, setAt] = useState('');
  const [limit, setLimit] = useState<number | undefined>(25);
  const [view, setView] = useState<View>('json');
  const [page, setPage] = useState<{ records: readonly ViewedRecord[]; next: string | null; behind: number; n: number; removed?: RecordsPage['removed']; type: IteratorType } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const handle = (r: ReadResult, n: number) => {
    setBusy(false);
    if (!r.ok) return setError(`${r.error.name}: ${r.error.message}`);
    setError(null);
    setPage({ records: r.value.records, next: r.value.nextIterator, behind: r.value.millisBehindLatest, n, removed: r.value.removed, type });
  };
  const first = async () => {
    setBusy(true);
    const timestampMs = type === 'AT_TIMESTAMP' ? parseUtc(at) : undefined;
    if (type === 'AT_TIMESTAMP' && timestampMs === undefined) {
      setBusy(false);
      return setError(t('viewer.badTime'));
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
      <div className="panel-header"><h2 id="viewer-title">{t('viewer.title')}</h2></div>
      <p className="panel-note">{t('viewer.note')}</p>
      <div className="toolbar">
        <SelectField label={t('viewer.shard')} value={shard} options={shardIds.map((id) => [id, open.has(id) ? id : t('viewer.closed', { id })] as [string, string])} onChange={setShard} testId="viewer-shard" />
        <SelectField label={t('viewer.position')} value={type} onChange={setType} testId="viewer-type" options={POSITIONS.map((p) => [p, t(`viewer.positions.${p}`)] as const)} />
        {type.includes('SEQUENCE') ? <TextField label={t('viewer.sequenceNumber')} value={seq} onChange={setSeq} mono testId="viewer-seq" /> : null}
        {type === 'AT_TIMESTAMP' ? <TextField label={t('viewer.timestamp')} value={at} onChange={setAt} placeholder={formatClock(nowMs)} testId="viewer-at" /> : null}
        <NumberField label={t('viewer.limit')} value={limit} onChange={setLimit} min={1} max={10000} step={1} testId="viewer-limit" />
        <SelectField label={t('viewer.showAs')} value={view} onChange={setView} options={[['json', t('viewer.views.json')], ['text', t('viewer.views.text')], ['hex', t('viewer.views.hex')]]} testId="viewer-format" />
        <button className="btn btn-primary" onClick={() => void first()} disabled={busy || !shard} data-testid="viewer-get">{t('viewer.get')}</button>
        <button className="btn" onClick={() => void next()} disabled={busy || !page?.next} data-testid="viewer-next">{t('viewer.next')}</button>
      </div>
      {error ? <div className="callout callout-error" role="alert" data-testid="viewer-error">{error}</div> : null}
      {page ? (
        <>
          <p className="muted" data-testid="viewer-summary">{t('viewer.summary', { page: page.n, count: page.records.length, behind: formatDuration(page.behind) })}{page.next ? '' : t('viewer.endOfShard')}</p>
          {removedNote(page, t)}
          {page.records.length === 0 ? (
            <div className="empty-state"><p>{tellsWhatWasRemoved(page) ? t('viewer.noRecordsLeft') : t('viewer.noRecords')}</p></div>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table className="data record-list" aria-label={t('viewer.aria')}>
                <thead><tr><th><Term id="sequenceNumber">{t('viewer.sequenceNumber')}</Term></th><th>{t('viewer.partitionKey')}</th><th>{t('viewer.arrival')}</th><th className="num">{t('viewer.size')}</th><th>{t('viewer.payload')}</th></tr></thead>
                <tbody>
                  {page.records.map((r, i) => (
                    <tr key={r.sequenceNumber}>
                      <td className="mono"><SequenceNumberCell value={r.sequenceNumber} neighbour={(page.records[i - 1] ?? page.records[i + 1])?.sequenceNumber} /></td>
                      <td className="mono">{r.partitionKey === '' ? <span className="muted" title={t('viewer.noKey')}>—</span> : r.partitionKey}</td>
                      <td className="mono">{formatClock(r.arrivalMs)}.{String(r.arrivalMs % 1000).padStart(3, '0')}</td>
                      <td className="num">{formatBytes(r.sizeBytes)}</td>
                      <td><pre tabIndex={0} className="payload" data-testid="viewer-payload">{render(r.data, view, t)}</pre></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <div className="empty-state"><p><Trans t={t} i18nKey="viewer.start" components={{ b: <strong /> }} /></p></div>
      )}
    </section>
  );
}
