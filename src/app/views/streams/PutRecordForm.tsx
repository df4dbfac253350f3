/**
 * Put a record by hand on a stream's page: partition key, optional explicit hash key and data as
 * text, JSON or base64. Before sending it shows the MD5 digest, the 128-bit hash key in decimal and
 * the open shard whose range holds it (marked on the hash band); PutRecord then goes through the
 * worker's Kinesis JSON API — the same validation and errors as the SDK gets — and the answer's
 * shard and sequence number link to that record in the data viewer.
 * The record's size is shown against the stream's maximum record size (MaxRecordSizeInKiB, up to 10 MiB:
 * docs.aws.amazon.com/streams/latest/dev/large-records.html), and a filler makes a large record without
 * typing megabytes. On an AUTO stream the partition key is optional and placement ignores it
 * (docs.aws.amazon.com/streams/latest/dev/service-managed-pk-producing-behavior.html).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { SelectField, TextField } from '../../components/console/fields';
import { HashBand } from '../../components/console/HashBand';
import { errorText, kinesisCall } from '../../stores/console-actions';
import { formatBytes } from '../../format';
import { href } from '../../router';
import { encodeData, groupDigits, openRanges, route, sampleText, type DataFormat, type ShardRange } from './PutRecordForm.model';
import { NumberField } from '../../components/console/fields';
import { Term } from '../../learn/Term';

const MiB = 1_048_576;

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
  const [fillKiB, setFillKiB] = useState<number | undefined>(2048);
  // Generated sample text stays out of the textarea: laying out megabytes of text would freeze the page.
  const [filled, setFilled] = useState<number | null>(null);
  const auto = detail.distribution === 'AUTO';
  const maxBytes = detail.maxRecordSizeKiB * 1024;
  const shardsKey = detail.bandIds.join(',');

  // The exact ranges come from ListShards (the frame's band is fractions, fine for drawing only).
  useEffect(() => {
    let live = true;
    void kinesisCall('ListShards', { StreamName: stream }).then((r) => live && r.ok && setRanges(openRanges(r.value)));
    return () => { live = false; };
  }, [stream, shardsKey]);

  const routing = useMemo(() => (key ? route(key, explicit, ranges) : undefined), [key, explicit, ranges]);
  const encoded = useMemo(() => (filled !== null ? encodeData(sampleText(filled), 'text') : encodeData(data, format)), [data, format, filled]);
  const problem = !key && !auto ? t('needKey')
    : explicit.trim() && !routing ? t('badKey')
    : !encoded.ok ? (encoded.error === 'json' ? t('badJson', { detail: encoded.detail }) : t('badBase64', { detail: encoded.detail }))
    : null;

  const send = async () => {
    if (problem || !encoded.ok) return;
    setBusy(true);
    const r = await kinesisCall('PutRecord', { StreamName: stream, PartitionKey: key || undefined, Data: encoded.base64, ExplicitHashKey: explicit.trim() || undefined });
    setBusy(false);
    if (!r.ok) { setAnswer(null); return setError(errorText(r)); }
    setError(null);
    setAnswer({ shardId: String(r.value.ShardId), sequenceNumber: String(r.value.SequenceNumber) });
  };

  const keyBytes = new TextEncoder().encode(key).length;
  const recordBytes = encoded.ok ? encoded.bytes + keyBytes : 0;
  const fill = () => {
    setFormat('text');
    setFilled(Math.max(0, (fillKiB ?? 0) * 1024 - keyBytes));
  };
  return (
    <section className="panel" aria-labelledby="put-title" data-testid="put-record">
      <div className="panel-header"><h2 id="put-title">{t('title')}</h2></div>
      <p className="panel-note">{auto ? t('noteAuto') : t('note')} <Term id="partitionKey">{t('termKey')}</Term> · <Term id="hashKey">{t('termHash')}</Term> · <Term id="md5">MD5</Term></p>
      <div className="form-grid">
        <TextField label={auto ? t('partitionKeyOptional') : t('partitionKey')} value={key} onChange={setKey} mono testId="put-key" hint={auto ? t('autoKeyHint') : undefined} />
        <TextField label={t('explicitHashKey')} value={explicit} onChange={setExplicit} mono testId="put-explicit" placeholder="0 … 340282366920938463463374607431768211455" />
        <SelectField label={t('format')} value={format} onChange={(f) => { setFilled(null); setFormat(f); }} testId="put-format" options={[['text', t('formats.text')], ['json', t('formats.json')], ['base64', t('formats.base64')]]} />
      </div>
      <label className="field">
        <span>{t('data')}</span>
        {filled !== null ? (
          <textarea className="mono" rows={3} readOnly value={t('filled', { size: formatBytes(filled), sample: sampleText(80) })} data-testid="put-data-filled" />
        ) : (
          <textarea className="mono" rows={3} value={data} onChange={(e) => setData(e.target.value)} data-testid="put-data" spellCheck={false} />
        )}
      </label>
      <div className="toolbar">
        <NumberField label={t('fillSize')} unit="KiB" value={fillKiB} onChange={setFillKiB} min={0} max={detail.maxRecordSizeKiB} step={1} testId="put-fill-kib" />
        <button type="button" className="btn" onClick={fill} data-testid="put-fill">{t('fill')}</button>
        {filled !== null ? <button type="button" className="btn" onClick={() => setFilled(null)} data-testid="put-unfill">{t('unfill')}</button> : null}
      </div>
      {routing ? (
        <dl className="kv" data-testid="put-routing">
          <dt>{t('md5')}</dt><dd className="mono" data-testid="put-md5">{routing.md5}</dd>
          <dt>{routing.explicit ? t('hashKeyExplicit') : t('hashKey')}</dt><dd className="mono" data-testid="put-hashkey" title={routing.hashKey.toString()}>{groupDigits(routing.hashKey)}</dd>
          <dt>{t('predicted')}</dt>
          {auto ? <dd data-testid="put-predicted">{t('autoPlacement')}</dd> : <dd className="mono" data-testid="put-predicted">{routing.shardId ?? '—'}</dd>}
        </dl>
      ) : auto ? (
        <dl className="kv" data-testid="put-routing">
          <dt>{t('predicted')}</dt><dd data-testid="put-predicted">{t('autoPlacement')}</dd>
        </dl>
      ) : null}
      <dl className="kv">
        <dt>{t('size')}</dt>
        <dd data-testid="put-size">{encoded.ok ? t('sizeOfMax', { size: formatBytes(recordBytes), max: formatBytes(maxBytes) }) : '—'}</dd>
      </dl>
      {encoded.ok && recordBytes > maxBytes ? <div className="callout callout-warn" data-testid="put-too-large">{t('tooLarge', { size: formatBytes(recordBytes), max: formatBytes(maxBytes), kib: detail.maxRecordSizeKiB })}</div> : null}
      {encoded.ok && recordBytes > MiB && recordBytes <= maxBytes ? <p className="hint" data-testid="put-large-note">{t('largeNote')}</p> : null}
      {routing && !auto ? (
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
