/**
 * Add or edit a producer with every setting the engine has: rate profile (with a preview of the
 * next minutes), partition keys, record sizes, payload template (with live sample records),
 * batching, aggregation, retries and latency. Saving applies it to the running simulation; the
 * scenario validator's errors name the field. Record sizes are checked against the chosen stream's maximum
 * record size as they are typed (the validator refuses them on save too): up to 10 MiB on a stream with
 * a larger MaxRecordSizeInKiB (docs.aws.amazon.com/streams/latest/dev/large-records.html).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RECORD_SIZE_KIB_DEFAULT, putRecordsBytesMaxOf } from '../../../engine/streams/limits';
import type { ActorConfigs } from '../../../worker/api/streams-api';
import { Term } from '../../learn/Term';
import type { ScenarioProducer } from '../../../engine/scenario/schema';
import { rateAt, type RateProfile } from '../../../engine/producers/rate-profile';
import { CheckField, ErrorList, NumberField, SelectField, TextField } from '../../components/console/fields';
import { KindFields } from '../../components/console/KindFields';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { samplePayloads, saveProducer } from '../../stores/console-actions';
import { formatBytes, formatCount } from '../../format';
import { keySpecs, rateSpecs, SIZE_BYTE_FIELDS, sizeSpecs } from './producer-specs';

type Obj = Record<string, unknown>;
const PREVIEW_SEC = 600;

export const NEW_PRODUCER: ScenarioProducer = { name: '', stream: '', rate: { kind: 'constant', recordsPerSec: 500 }, keys: { kind: 'uuid' }, size: { kind: 'fixed', bytes: 200 }, api: 'PutRecords' };

/** Drops empty fields and turns form strings into the document's types. */
function normalise(d: Obj): ScenarioProducer {
  const clean = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(clean);
    if (o && typeof o === 'object') {
      const out: Obj = {};
      for (const [k, v] of Object.entries(o as Obj)) if (v !== undefined && v !== '') out[k] = clean(v);
      return out;
    }
    return o;
  };
  const doc = clean(d) as Obj;
  const rate = doc.rate as Obj;
  if (rate.kind === 'replay') rate.loop = rate.loop === true || rate.loop === 'true';
  return doc as unknown as ScenarioProducer;
}

function RatePreview({ rate }: { rate: RateProfile }) {
  const { t } = useTranslation('producers');
  const values = useMemo(() => {
    const out = new Float64Array(PREVIEW_SEC);
    try {
      for (let t = 0; t < PREVIEW_SEC; t++) out[t] = rateAt(rate, t);
    } catch {
      out.fill(Number.NaN);
    }
    return out;
  }, [rate]);
  return <TimeSeriesChart t0Ms={0} stepMs={1000} series={[{ name: t('units.recordsPerSec'), values }]} formatValue={formatCount} height={150} limit={{ value: 1000, label: t('form.previewLimit') }} ariaLabel={t('form.previewAria')} />;
}

export function ProducerForm({ original, initial, streams, settings, onDone }: { original: string | null; initial: ScenarioProducer; streams: readonly string[]; settings?: ActorConfigs['streamSettings']; onDone(): void }) {
  const { t } = useTranslation('producers');
  const specs = useMemo(() => ({ rate: rateSpecs(t), keys: keySpecs(t), size: sizeSpecs(t) }), [t]);
  const [draft, setDraft] = useState<Obj>(() => ({ ...initial, stream: initial.stream || streams[0] || '' }) as unknown as Obj);
  const [errors, setErrors] = useState<readonly string[] | null>(null);
  const [samples, setSamples] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: string, v: unknown) => setDraft((d) => ({ ...d, [k]: v }));
  const sub = (k: string) => (draft[k] ?? {}) as Obj;
  const setSub = (k: string, field: string, v: unknown) => set(k, { ...sub(k), [field]: v });
  const template = typeof draft.template === 'string' ? draft.template : '';
  const stream = String(draft.stream ?? '');
  const kib = settings?.[stream]?.maxRecordSizeKiB ?? MAX_RECORD_SIZE_KIB_DEFAULT;
  const maxBytes = kib * 1024;
  const size = sub('size');
  const tooBig = SIZE_BYTE_FIELDS.filter((f) => typeof size[f] === 'number' && (size[f] as number) > maxBytes);

  useEffect(() => {
    if (!template) return setSamples(null);
    let live = true;
    // Wait for a pause in typing before asking the worker to render samples.
    const timer = window.setTimeout(() => {
      void samplePayloads(template).then((r) => {
        if (live) setSamples(r.ok ? { ok: true, text: r.samples.join('\n') } : { ok: false, text: r.error });
      });
    }, 250);
    return () => { live = false; window.clearTimeout(timer); };
  }, [template]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await saveProducer(original, normalise(draft));
    if (r.ok) onDone();
    else setErrors(r.errors);
  };

  return (
    <form noValidate className="editor-card" onSubmit={(e) => void save(e)} aria-label={original ? t('form.editTitle', { name: original }) : t('form.addAria')}>
      <h2>{original ? t('form.editTitle', { name: original }) : t('form.addTitle')}</h2>
      <div className="form-grid">
        <TextField label={t('form.name')} value={String(draft.name ?? '')} onChange={(v) => set('name', v)} testId="producer-name" />
        <SelectField label={t('form.stream')} value={stream} options={streams.map((s) => [s, s] as [string, string])} onChange={(v) => set('stream', v)} testId="producer-stream" />
        <SelectField label={t('form.api')} value={String(draft.api ?? 'PutRecords')} options={[['PutRecords', t('form.apiBatches')], ['PutRecord', t('form.apiSingle')]]} onChange={(v) => set('api', v)} testId="producer-api" />
        <NumberField label={t('form.startAt')} unit={t('units.afterSaving')} value={draft.startAtSec as number | undefined} onChange={(v) => set('startAtSec', v)} min={0} />
        <NumberField label={t('form.stopAt')} unit={t('units.afterSaving')} value={draft.stopAtSec as number | undefined} onChange={(v) => set('stopAtSec', v)} min={0} />
      </div>
      <div className="form-section">
        <h3>{t('form.rate')}</h3>
        <KindFields title={t('form.profile')} specs={specs.rate} value={sub('rate')} onChange={(v) => set('rate', v)} testId="rate" />
        <RatePreview rate={normalise(draft).rate} />
      </div>
      <div className="form-section">
        <h3><Term id="partitionKey">{t('form.keys')}</Term></h3>
        <KindFields title={t('form.strategy')} specs={specs.keys} value={sub('keys')} onChange={(v) => set('keys', v)} testId="keys" />
        {settings?.[stream]?.distribution === 'AUTO' ? <p className="hint" data-testid="producer-auto-keys">{t('form.autoKeys', { stream })}</p> : null}
      </div>
      <div className="form-section">
        <h3>{t('form.size')}</h3>
        <KindFields title={t('form.distribution')} specs={specs.size} value={size} onChange={(v) => set('size', v)} testId="size" />
        <p className="hint" data-testid="producer-size-limit">{t(kib > MAX_RECORD_SIZE_KIB_DEFAULT ? 'form.sizeLimitLarge' : 'form.sizeLimit', { stream, max: formatBytes(maxBytes), kib: kib.toLocaleString('en-US') })}</p>
        {tooBig.length ? (
          <div className="callout callout-warn" role="alert" data-testid="producer-size-too-big">
            {tooBig.map((f) => <div key={f}>{t('form.sizeTooBig', { field: f, size: formatBytes(size[f] as number), stream, max: formatBytes(maxBytes) })}</div>)}
          </div>
        ) : null}
      </div>
      <div className="form-section">
        <h3>{t('form.template')}</h3>
        <label className="field">
          <span>{t('form.templateLabel', { a: '{{random.number(100)}}', b: '{{internet.ip}}', c: '{{date.now("YYYY-MM-DD")}}', interpolation: { escapeValue: false } })}</span>
          <textarea className="template-input" value={template} onChange={(e) => set('template', e.target.value || undefined)} data-testid="producer-template" spellCheck={false} />
        </label>
        {samples ? <pre className={samples.ok ? 'sample-record' : 'sample-record field-error'} aria-live="polite" data-testid="template-sample">{samples.text}</pre> : <p className="hint">{t('form.noTemplate')}</p>}
      </div>
      <div className="form-section">
        <h3>{t('form.batching')}</h3>
        <div className="form-grid">
          <NumberField label={t('form.perPutRecords')} value={sub('batch').maxRecords as number | undefined} onChange={(v) => setSub('batch', 'maxRecords', v)} min={1} max={500} step={1} hint={t('form.perPutRecordsHint')} />
          <NumberField label={t('form.bytesPerRequest')} unit={t('units.bytes')} value={sub('batch').maxBytes as number | undefined} onChange={(v) => setSub('batch', 'maxBytes', v)} min={1} hint={t('form.bytesPerRequestHint', { max: formatBytes(putRecordsBytesMaxOf(kib)) })} />
          <NumberField label={t('form.linger')} unit={t('units.ms')} value={sub('batch').lingerMs as number | undefined} onChange={(v) => setSub('batch', 'lingerMs', v)} min={0} hint={t('form.lingerHint')} />
          <CheckField label={t('form.kpl')} checked={sub('aggregation').enabled === true} onChange={(v) => set('aggregation', v ? { ...sub('aggregation'), enabled: true } : undefined)} />
          {sub('aggregation').enabled ? <NumberField label={t('form.aggregatedSize')} unit={t('units.bytes')} value={sub('aggregation').maxBytes as number | undefined} onChange={(v) => setSub('aggregation', 'maxBytes', v)} min={64} /> : null}
        </div>
      </div>
      <div className="form-section">
        <h3>{t('form.retries')}</h3>
        <div className="form-grid">
          <NumberField label={t('form.maxRetries')} value={sub('retry').maxRetries as number | undefined} onChange={(v) => setSub('retry', 'maxRetries', v)} min={0} step={1} />
          <NumberField label={t('form.baseDelay')} unit={t('units.ms')} value={sub('retry').baseDelayMs as number | undefined} onChange={(v) => setSub('retry', 'baseDelayMs', v)} min={0} />
          <NumberField label={t('form.maxDelay')} unit={t('units.ms')} value={sub('retry').maxDelayMs as number | undefined} onChange={(v) => setSub('retry', 'maxDelayMs', v)} min={0} />
          <NumberField label={t('form.maxAge')} unit={t('units.ms')} value={sub('retry').maxRecordAgeMs as number | undefined} onChange={(v) => setSub('retry', 'maxRecordAgeMs', v)} min={0} />
          <SelectField label={t('form.jitter')} value={String(sub('retry').jitter ?? 'full')} options={[['full', t('form.jitters.full')], ['equal', t('form.jitters.equal')], ['none', t('form.jitters.none')]]} onChange={(v) => setSub('retry', 'jitter', v)} />
          <NumberField label={t('form.latency')} unit={t('units.ms')} value={sub('latency').baseMs as number | undefined} onChange={(v) => setSub('latency', 'baseMs', v)} min={0} />
          <NumberField label={t('form.latencyPerRecord')} unit={t('units.ms')} value={sub('latency').perRecordMs as number | undefined} onChange={(v) => setSub('latency', 'perRecordMs', v)} min={0} />
          <NumberField label={t('form.latencySigma')} value={sub('latency').sigma as number | undefined} onChange={(v) => setSub('latency', 'sigma', v)} min={0} />
        </div>
      </div>
      <div className="section-gap"><ErrorList errors={errors} testId="producer-errors" /></div>
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" data-testid="producer-save">{original ? t('form.apply') : t('form.addSubmit')}</button>
        <button className="btn" type="button" onClick={onDone}>{t('form.cancel')}</button>
        <span className="muted">{t('form.appliesNow')}</span>
      </div>
    </form>
  );
}
