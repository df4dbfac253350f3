/**
 * Put a record by hand on a stream's page: partition key, optional explicit hash key and data as
 * text, JSON or base64. Before sending it shows the MD5 digest, the 128-bit hash key in decimal and
 * the open shard whose range holds it (marked on the hash band); PutRecord then goes through the
 * worker's Kinesis JSON API — the same validation and errors as the SDK gets — and the answer's
 * shard and sequence number link to that record in the data viewer.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { SelectField, TextField } from '../../components/console/fields';
import { HashBand } from '../../components/console/HashBand';
import { errorText, kinesisCall } from '../../stores/console-actions';
import { formatBytes } from '../../format';
import { href } from '../../router';
import { encodeData, groupDigits, openRanges, route, type DataFormat, type ShardRange } from './PutRecordForm.model';

interface PutAnswer { shardId: string; sequenceNumber: string }

export function PutRecordForm({ stream, detail }: { stream: string; detail: StreamDetail }) {
  const { t } = useTranslation('put');
  const [key, setKey] = useState('user-42');
  const [explicit, setExplicit] = useState('');
  const [format, setFormat] = useState<DataFormat>('json');
  const [data, setData] = useState('{"event":"click","user":42}');
  const [ranges, setRanges] = useState<readonly ShardRange[]>([]);
  const [answer, setAnswer] = useState<PutAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shardsKey = detail.bandIds.join(',');

  // The exact ranges come from ListShards (the frame's band is fractions, fine for drawing only).
  useEffect(() => {
    let live = true;
    void kinesisCall('ListShards', { StreamName: stream }).then((r) => live && r.ok && setRanges(openRanges(r.value)));
    return () => { live = false; };
  }, [stream, shardsKey]);

  const routing = useMemo(() => (key ? route(key, explicit, ranges) : undefined), [key, explicit, ranges]);
  const encoded = encodeData(data, format);
  const problem = !key ? t('needKey')
    : explicit.trim() && !routing ? t('badKey')
    : !encoded.ok ? (encoded.error === 'json' ? t('badJson', { detail: encoded.detail }) : t('badBase64', { detail: encoded.detail }))
    : null;

  const send = async () => {
    if (problem || !encoded.ok) return;
    setBusy(true);
    const body: Record<string, unknown> = { StreamName: stream, PartitionKey: key, Data: encoded.base64 };
    if (explicit.trim()) body.ExplicitHashKey = explicit.trim();
    const r = await kinesisCall('PutRecord', body);
    setBusy(false);
    if (!r.ok) { setAnswer(null); return setError(errorText(r)); }
    setError(null);
    setAnswer({ shardId: String(r.value.ShardId), sequenceNumber: String(r.value.SequenceNumber) });
  };

  const keyBytes = new TextEncoder().encode(key).length;
  return (
    <section className="panel" aria-labelledby="put-title" data-testid="put-record">
      <div className="panel-header"><h2 id="put-title">{t('title')}</h2></div>
      <p className="panel-note">{t('note')}</p>
      <div className="form-grid">
        <TextField label={t('partitionKey')} value={key} onChange={setKey} mono testId="put-key" />
        <TextField label={t('explicitHashKey')} value={explicit} onChange={setExplicit} mono testId="put-explicit" placeholder="0 … 340282366920938463463374607431768211455" />
        <SelectField label={t('format')} value={format} onChange={setFormat} testId="put-format" options={[['text', t('formats.text')], ['json', t('formats.json')], ['base64', t('formats.base64')]]} />
      </div>
      <label className="field">
        <span>{t('data')}</span>
        <textarea className="mono" rows={3} value={data} onChange={(e) => setData(e.target.value)} data-testid="put-data" spellCheck={false} />
      </label>
      {routing ? (
        <dl className="kv" data-testid="put-routing">
          <dt>{t('md5')}</dt><dd className="mono" data-testid="put-md5">{routing.md5}</dd>
          <dt>{routing.explicit ? t('hashKeyExplicit') : t('hashKey')}</dt><dd className="mono" data-testid="put-hashkey" title={routing.hashKey.toString()}>{groupDigits(routing.hashKey)}</dd>
          <dt>{t('predicted')}</dt><dd className="mono" data-testid="put-predicted">{routing.shardId ?? '—'}</dd>
          <dt>{t('size')}</dt><dd>{encoded.ok ? formatBytes(encoded.bytes + keyBytes) : '—'}</dd>
        </dl>
      ) : null}
      {routing ? (
        <div aria-label={t('band')}>
          <HashBand start={detail.bandStart} end={detail.bandEnd} util={detail.bandUtil} ids={detail.bandIds} keys={[{ key, hashFraction: routing.fraction, shardId: routing.shardId ?? '' }]} />
        </div>
      ) : null}
      {problem ? <div className="callout callout-error" role="alert" data-testid="put-problem">{problem}</div> : null}
      {error ? <div className="callout callout-error" role="alert" data-testid="put-error">{error}</div> : null}
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || problem !== null} onClick={() => void send()} data-testid="put-send">{t('put')}</button>
      </div>
      {answer ? (
        <div className="callout callout-ok" role="status" data-testid="put-answer">
          <p>{t('result', { shard: answer.shardId })} <code className="mono" data-testid="put-seq">{answer.sequenceNumber}</code></p>
          <a href={href('streams', stream, 'data', answer.shardId, answer.sequenceNumber)} data-testid="put-open">{t('open')} →</a>
        </div>
      ) : null}
    </section>
  );
}
