/**
 * Add or edit a producer with every setting the engine has: rate profile (with a preview of the
 * next minutes), partition keys, record sizes, payload template (with live sample records),
 * batching, aggregation, retries and latency. Saving applies it to the running simulation; the
 * scenario validator's errors name the field.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ScenarioProducer } from '../../../engine/scenario/schema';
import { rateAt, type RateProfile } from '../../../engine/producers/rate-profile';
import { CheckField, ErrorList, NumberField, SelectField, TextField } from '../../components/console/fields';
import { KindFields } from '../../components/console/KindFields';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { samplePayloads, saveProducer } from '../../stores/console-actions';
import { formatCount } from '../../format';
import { KEY_SPECS, RATE_SPECS, SIZE_SPECS } from './producer-specs';

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
  const values = useMemo(() => {
    const out = new Float64Array(PREVIEW_SEC);
    try {
      for (let t = 0; t < PREVIEW_SEC; t++) out[t] = rateAt(rate, t);
    } catch {
      out.fill(Number.NaN);
    }
    return out;
  }, [rate]);
  return <TimeSeriesChart t0Ms={0} stepMs={1000} series={[{ name: 'records/s', values }]} formatValue={formatCount} height={150} limit={{ value: 1000, label: 'one shard: 1,000 records/s' }} ariaLabel="Preview of the rate profile over the first 10 minutes" />;
}

export function ProducerForm({ original, initial, streams, onDone }: { original: string | null; initial: ScenarioProducer; streams: readonly string[]; onDone(): void }) {
  const [draft, setDraft] = useState<Obj>(() => ({ ...initial, stream: initial.stream || streams[0] || '' }) as unknown as Obj);
  const [errors, setErrors] = useState<readonly string[] | null>(null);
  const [samples, setSamples] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: string, v: unknown) => setDraft((d) => ({ ...d, [k]: v }));
  const sub = (k: string) => (draft[k] ?? {}) as Obj;
  const setSub = (k: string, field: string, v: unknown) => set(k, { ...sub(k), [field]: v });
  const template = typeof draft.template === 'string' ? draft.template : '';

  useEffect(() => {
    if (!template) return setSamples(null);
    let live = true;
    // Wait for a pause in typing before asking the worker to render samples.
    const timer = window.setTimeout(() => {
      void samplePayloads(template).then((r) => {
        if (live) setSamples(r.ok ? { ok: true, text: r.value.join('\n') } : { ok: false, text: r.error.message });
      });
    }, 250);
    return () => { live = false; window.clearTimeout(timer); };
  }, [template]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await saveProducer(original, normalise(draft));
    if (r.ok) onDone();
    else setErrors(r.error.problems ?? [r.error.message]);
  };

  return (
    <form noValidate className="editor-card" onSubmit={(e) => void save(e)} aria-label={original ? `Edit producer ${original}` : 'Add producer'}>
      <h2>{original ? `Edit producer ${original}` : 'Add a producer'}</h2>
      <div className="form-grid">
        <TextField label="Name" value={String(draft.name ?? '')} onChange={(v) => set('name', v)} testId="producer-name" />
        <SelectField label="Stream" value={String(draft.stream ?? '')} options={streams.map((s) => [s, s] as [string, string])} onChange={(v) => set('stream', v)} testId="producer-stream" />
        <SelectField label="API" value={String(draft.api ?? 'PutRecords')} options={[['PutRecords', 'PutRecords (batches)'], ['PutRecord', 'PutRecord (one per call)']]} onChange={(v) => set('api', v)} testId="producer-api" />
        <NumberField label="Start at" unit="s after saving" value={draft.startAtSec as number | undefined} onChange={(v) => set('startAtSec', v)} min={0} />
        <NumberField label="Stop at" unit="s after saving" value={draft.stopAtSec as number | undefined} onChange={(v) => set('stopAtSec', v)} min={0} />
      </div>
      <div className="form-section">
        <h3>Rate</h3>
        <KindFields title="Profile" specs={RATE_SPECS} value={sub('rate')} onChange={(v) => set('rate', v)} testId="rate" />
        <RatePreview rate={normalise(draft).rate} />
      </div>
      <div className="form-section">
        <h3>Partition keys</h3>
        <KindFields title="Strategy" specs={KEY_SPECS} value={sub('keys')} onChange={(v) => set('keys', v)} testId="keys" />
      </div>
      <div className="form-section">
        <h3>Record size</h3>
        <KindFields title="Distribution" specs={SIZE_SPECS} value={sub('size')} onChange={(v) => set('size', v)} testId="size" />
      </div>
      <div className="form-section">
        <h3>Payload template</h3>
        <label className="field">
          <span>Template (optional) — placeholders such as {'{{random.number(100)}}'}, {'{{internet.ip}}'}, {'{{date.now("YYYY-MM-DD")}}'}</span>
          <textarea className="template-input" value={template} onChange={(e) => set('template', e.target.value || undefined)} data-testid="producer-template" spellCheck={false} />
        </label>
        {samples ? <pre className={samples.ok ? 'sample-record' : 'sample-record field-error'} aria-live="polite" data-testid="template-sample">{samples.text}</pre> : <p className="hint">Without a template, records carry only their size (no payload bytes kept).</p>}
      </div>
      <div className="form-section">
        <h3>Batching and aggregation</h3>
        <div className="form-grid">
          <NumberField label="Records per PutRecords" value={sub('batch').maxRecords as number | undefined} onChange={(v) => setSub('batch', 'maxRecords', v)} min={1} max={500} step={1} hint="AWS maximum 500" />
          <NumberField label="Bytes per request" unit="bytes" value={sub('batch').maxBytes as number | undefined} onChange={(v) => setSub('batch', 'maxBytes', v)} min={1} hint="AWS maximum 5 MiB" />
          <NumberField label="Linger" unit="ms" value={sub('batch').lingerMs as number | undefined} onChange={(v) => setSub('batch', 'lingerMs', v)} min={0} hint="How long a partial batch waits" />
          <CheckField label="KPL aggregation (pack user records into one Kinesis record)" checked={sub('aggregation').enabled === true} onChange={(v) => set('aggregation', v ? { ...sub('aggregation'), enabled: true } : undefined)} />
          {sub('aggregation').enabled ? <NumberField label="Aggregated record size" unit="bytes" value={sub('aggregation').maxBytes as number | undefined} onChange={(v) => setSub('aggregation', 'maxBytes', v)} min={64} /> : null}
        </div>
      </div>
      <div className="form-section">
        <h3>Retries and latency</h3>
        <div className="form-grid">
          <NumberField label="Max retries" value={sub('retry').maxRetries as number | undefined} onChange={(v) => setSub('retry', 'maxRetries', v)} min={0} step={1} />
          <NumberField label="Base delay" unit="ms" value={sub('retry').baseDelayMs as number | undefined} onChange={(v) => setSub('retry', 'baseDelayMs', v)} min={0} />
          <NumberField label="Max delay" unit="ms" value={sub('retry').maxDelayMs as number | undefined} onChange={(v) => setSub('retry', 'maxDelayMs', v)} min={0} />
          <NumberField label="Max record age" unit="ms" value={sub('retry').maxRecordAgeMs as number | undefined} onChange={(v) => setSub('retry', 'maxRecordAgeMs', v)} min={0} />
          <SelectField label="Jitter" value={String(sub('retry').jitter ?? 'full')} options={[['full', 'Full'], ['equal', 'Equal'], ['none', 'None']]} onChange={(v) => setSub('retry', 'jitter', v)} />
          <NumberField label="Call latency (median)" unit="ms" value={sub('latency').baseMs as number | undefined} onChange={(v) => setSub('latency', 'baseMs', v)} min={0} />
          <NumberField label="Latency per record" unit="ms" value={sub('latency').perRecordMs as number | undefined} onChange={(v) => setSub('latency', 'perRecordMs', v)} min={0} />
          <NumberField label="Latency σ" value={sub('latency').sigma as number | undefined} onChange={(v) => setSub('latency', 'sigma', v)} min={0} />
        </div>
      </div>
      <div className="section-gap"><ErrorList errors={errors} testId="producer-errors" /></div>
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" data-testid="producer-save">{original ? 'Apply changes' : 'Add producer'}</button>
        <button className="btn" type="button" onClick={onDone}>Cancel</button>
        <span className="muted">Changes apply to the running simulation right away.</span>
      </div>
    </form>
  );
}
