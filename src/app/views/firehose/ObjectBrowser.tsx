/**
 * The object store as S3's console shows it: buckets, prefixes as folders, objects with size and
 * time; selecting one shows its compression, the ratio, a decompressed preview (text, or Parquet
 * rows) and a download of the real delivered bytes. Lists are fetched from the worker on demand and
 * refreshed when the store's object count changes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectDetail, ObjectListing } from '../../../worker/api/firehose-api';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import { formatBytes, formatClock, formatCount } from '../../format';

function download(detail: ObjectDetail): void {
  const blob = new Blob([detail.body as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = detail.key.split('/').pop() || 'object';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the browser has taken the URL (the click is handled synchronously).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Preview({ detail }: { detail: ObjectDetail }) {
  const { t } = useTranslation('firehose');
  return (
    <div className="fh-preview" data-testid="object-preview">
      <div className="row fh-preview-head">
        <strong className="fh-mono fh-key">{detail.key}</strong>
        <button type="button" className="btn" onClick={() => download(detail)} data-testid="object-download">{t('store.download')}</button>
      </div>
      <dl className="fh-facts">
        <dt>{t('store.format')}</dt><dd>{detail.format === 'UNCOMPRESSED' ? t('store.uncompressed') : detail.format}</dd>
        <dt>{t('store.stored')}</dt><dd className="fh-mono">{formatBytes(detail.sizeBytes)}</dd>
        {detail.decodedBytes !== undefined ? <><dt>{t(detail.format === 'PARQUET' ? 'store.rowsAsJson' : 'store.decompressed')}</dt><dd className="fh-mono">{formatBytes(detail.decodedBytes)}</dd></> : null}
        {detail.compressionRatio !== undefined ? <><dt>{t('store.ratio')}</dt><dd className="fh-mono" data-testid="object-ratio">{detail.compressionRatio.toFixed(2)} : 1</dd></> : null}
      </dl>
      {detail.error ? <div className="callout callout-warn">{detail.error}</div> : null}
      {detail.parquet ? (
        <div className="fh-scroll">
          <p className="stat-sub">{t('store.parquetRows', { n: formatCount(detail.parquet.rowCount), columns: detail.parquet.columns.join(', ') })}</p>
          <table className="data">
            <thead><tr>{detail.parquet.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>{detail.parquet.rows.map((r, i) => <tr key={i}>{detail.parquet!.columns.map((c) => <td key={c} className="fh-mono">{JSON.stringify(r[c])}</td>)}</tr>)}</tbody>
          </table>
        </div>
      ) : null}
      {detail.previewText !== undefined ? (
        <pre className="fh-pre" data-testid="object-preview-text">{detail.previewText}{detail.previewTruncated ? '\n…' : ''}</pre>
      ) : null}
    </div>
  );
}

export function ObjectBrowser({ buckets, initialBucket, objectCount }: { buckets: readonly string[]; initialBucket?: string; objectCount: number }) {
  const { t } = useTranslation('firehose');
  const [bucket, setBucket] = useState(initialBucket ?? buckets[0] ?? '');
  const [prefix, setPrefix] = useState('');
  const [listing, setListing] = useState<ObjectListing | null>(null);
  const [detail, setDetail] = useState<ObjectDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (initialBucket) { setBucket(initialBucket); setPrefix(''); setDetail(null); }
  }, [initialBucket]);

  useEffect(() => {
    if (!bucket) return;
    let live = true;
    void simulator().firehoseListObjects(bucket, prefix).then((l) => { if (live) setListing(l); });
    return () => { live = false; };
  }, [bucket, prefix, objectCount]);

  const open = async (key: string) => {
    const d = await simulator().firehoseGetObject(bucket, key);
    if (d.ok) { setDetail(d.value); setError(null); } else { setError(errorLine(d)); }
  };

  const crumbs = prefix.split('/').filter(Boolean);
  // A listing of the previous prefix is not shown while the new one loads.
  const shown = listing && listing.bucket === bucket && listing.prefix === prefix ? listing : null;
  return (
    <section className="panel" aria-label={t('store.title')}>
      <div className="panel-header">
        <h2>{t('store.title')}</h2>
        <label className="row">
          <span className="stat-sub">{t('store.bucket')}</span>
          <select value={bucket} onChange={(e) => { setBucket(e.target.value); setPrefix(''); setDetail(null); }} aria-label={t('store.bucket')} data-testid="bucket-select">
            {buckets.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
      </div>
      <nav className="fh-crumbs" aria-label={t('store.prefix')}>
        <button type="button" className="btn btn-ghost" onClick={() => setPrefix('')}>{bucket || '—'}</button>
        {crumbs.map((c, i) => (
          <span key={i}>/ <button type="button" className="btn btn-ghost" onClick={() => setPrefix(`${crumbs.slice(0, i + 1).join('/')}/`)}>{c}</button></span>
        ))}
      </nav>
      {error ? <div className="callout callout-error">{error}</div> : null}
      <div className="fh-browser">
        <div className="fh-scroll fh-listing">
          {!shown || (shown.folders.length === 0 && shown.objects.length === 0) ? <p className="stat-sub" data-testid="objects-empty">{shown ? t('store.empty') : t('store.loading')}</p> : (
            <table className="data" data-testid="object-list">
              <thead><tr><th>{t('store.name')}</th><th>{t('store.size')}</th><th>{t('store.modified')}</th></tr></thead>
              <tbody>
                {shown.folders.map((f) => (
                  <tr key={f}><td colSpan={3}><button type="button" className="fh-link" onClick={() => { setPrefix(f); setDetail(null); }} data-testid="folder">📁 {f.slice(prefix.length)}</button></td></tr>
                ))}
                {shown.objects.map((o) => (
                  <tr key={o.key} className={detail?.key === o.key ? 'fh-selected' : undefined}>
                    <td><button type="button" className="fh-link fh-mono" onClick={() => void open(o.key)} data-testid="object">{o.key.slice(prefix.length)}</button></td>
                    <td className="fh-mono">{formatBytes(o.sizeBytes)}</td>
                    <td className="fh-mono">{formatClock(o.lastModifiedMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown?.truncated ? <p className="stat-sub">{t('store.truncated')}</p> : null}
        </div>
        {detail ? <Preview detail={detail} /> : <p className="stat-sub fh-preview-hint">{t('store.selectHint')}</p>}
      </div>
    </section>
  );
}
