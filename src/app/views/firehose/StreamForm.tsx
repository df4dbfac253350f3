/**
 * Create / edit a delivery stream: source (Direct PUT with a built-in producer, or a Kinesis stream
 * of the scenario read as a consumer), destination and its settings, buffering hints, compression,
 * and failure injection. The engine validates; its AWS error message is shown as is.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompressionChoice, DestinationChoice, StreamForm as Form } from './form-model';

export interface StreamFormProps {
  form: Form;
  onChange(form: Form): void;
  onSubmit(): void;
  onCancel(): void;
  editing: boolean;
  sourceStreams: readonly string[];
  error: string | null;
  busy: boolean;
}

const DESTINATIONS: readonly DestinationChoice[] = ['s3', 'http-endpoint', 'opensearch', 'redshift', 'splunk'];
const COMPRESSIONS: readonly CompressionChoice[] = ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'];

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return <label className="field"><span>{label}</span>{children}{hint ? <small>{hint}</small> : null}</label>;
}

export function StreamForm({ form: f, onChange, onSubmit, onCancel, editing, sourceStreams, error, busy }: StreamFormProps) {
  const { t } = useTranslation('firehose');
  const title = editing ? t('form.editTitle', { name: f.name }) : t('form.newTitle');
  const set = <K extends keyof Form>(k: K, v: Form[K]) => onChange({ ...f, [k]: v });
  const num = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => set(k, Number(e.target.value) as never);
  const text = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(k, e.target.value as never);
  const d = f.destination;
  const parquet = d === 's3' && f.parquet;
  return (
    <form className="panel" aria-label={title} onSubmit={(e) => { e.preventDefault(); onSubmit(); }} noValidate data-testid="stream-form">
      <div className="panel-header"><h2>{title}</h2></div>
      <h3 className="fh-form-section">{t('form.source')}</h3>
      <div className="form-grid">
        <Field label={t('form.name')}><input value={f.name} onChange={text('name')} disabled={editing} required data-testid="form-name" /></Field>
        <Field label={t('form.source')}>
          <select value={f.source} onChange={text('source')} data-testid="form-source">
            <option value="DirectPut">{t('form.directPut')}</option>
            <option value="KinesisStreamAsSource" disabled={sourceStreams.length === 0}>{t('form.kinesisSource')}</option>
          </select>
        </Field>
        {f.source === 'KinesisStreamAsSource' ? (
          <Field label={t('form.kinesisStream')} hint={t('form.kinesisHint')}>
            <select value={f.sourceStream} onChange={text('sourceStream')} data-testid="form-source-stream">
              <option value="">{t('form.choose')}</option>
              {sourceStreams.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
        ) : (
          <>
            <Field label={t('form.producer')} hint={t('form.producerHint')}><input type="number" min={0} max={100000} value={f.producerRate} onChange={num('producerRate')} data-testid="form-rate" /></Field>
            <Field label={t('form.template')} hint="{{seq}} {{ts}} {{uuid}} {{int:1:9}} {{pick:a|b}}"><input value={f.producerTemplate} placeholder={t('form.templatePlaceholder')} onChange={text('producerTemplate')} className="fh-mono" /></Field>
          </>
        )}
      </div>
      <h3 className="fh-form-section">{t('form.destination')}</h3>
      <div className="form-grid">
        <Field label={t('form.destination')}>
          <select value={d} onChange={text('destination')} data-testid="form-destination">
            {DESTINATIONS.map((v) => <option key={v} value={v}>{t(`form.destinations.${v}`)}</option>)}
          </select>
        </Field>
        {d === 'http-endpoint' ? <Field label={t('form.endpointUrl')}><input value={f.endpointUrl} onChange={text('endpointUrl')} /></Field> : null}
        {d === 'opensearch' ? (
          <>
            <Field label={t('form.domain')}><input value={f.domain} onChange={text('domain')} /></Field>
            <Field label={t('form.index')}><input value={f.indexName} onChange={text('indexName')} /></Field>
            <Field label={t('form.rotation')}>
              <select value={f.rotation} onChange={text('rotation')}>{['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'].map((r) => <option key={r}>{r}</option>)}</select>
            </Field>
          </>
        ) : null}
        {d === 'redshift' ? (
          <>
            <Field label={t('form.jdbc')}><input value={f.jdbcUrl} onChange={text('jdbcUrl')} /></Field>
            <Field label={t('form.table')}><input value={f.table} onChange={text('table')} /></Field>
            <Field label={t('form.copyOptions')}><input value={f.copyOptions} onChange={text('copyOptions')} className="fh-mono" /></Field>
          </>
        ) : null}
        {d === 'splunk' ? (
          <>
            <Field label={t('form.hec')}><input value={f.hecEndpoint} onChange={text('hecEndpoint')} /></Field>
            <Field label={t('form.hecType')}><select value={f.hecType} onChange={text('hecType')}><option>Raw</option><option>Event</option></select></Field>
          </>
        ) : null}
        {d !== 's3' ? <Field label={t('form.retry')}><input type="number" min={0} max={7200} value={f.retrySec} onChange={num('retrySec')} /></Field> : null}
        <Field label={t(d === 's3' ? 'form.bucket' : d === 'redshift' ? 'form.intermediateBucket' : 'form.backupBucket')}><input value={f.bucket} onChange={text('bucket')} data-testid="form-bucket" /></Field>
        <Field label={t('form.prefix')} hint={t('form.prefixHint')}><input value={f.prefix} onChange={text('prefix')} className="fh-mono" data-testid="form-prefix" /></Field>
        <Field label={t('form.errorPrefix')}><input value={f.errorPrefix} placeholder="!{firehose:error-output-type}/" onChange={text('errorPrefix')} className="fh-mono" /></Field>
        <Field label={t('form.compression')} hint={parquet ? t('form.parquetCompression') : undefined}>
          <select value={parquet ? 'UNCOMPRESSED' : f.compression} onChange={text('compression')} disabled={parquet} data-testid="form-compression">{COMPRESSIONS.map((c) => <option key={c}>{c}</option>)}</select>
        </Field>
        <Field label={t('form.bufferSize')}><input type="number" min={1} max={128} value={f.bufferMiB} onChange={num('bufferMiB')} data-testid="form-buffer-size" /></Field>
        <Field label={t('form.bufferInterval')}><input type="number" min={0} max={900} value={f.intervalSec} onChange={num('intervalSec')} data-testid="form-buffer-interval" /></Field>
        <label className="field fh-check"><span>{t('form.newline')}</span><input type="checkbox" checked={f.newline} onChange={(e) => set('newline', e.target.checked)} /></label>
        {d === 's3' ? (
          <label className="field fh-check"><span>{t('form.parquet')}</span>
            <input type="checkbox" checked={f.parquet} data-testid="form-parquet"
              onChange={(e) => onChange({ ...f, parquet: e.target.checked, ...(e.target.checked ? { bufferMiB: Math.max(64, f.bufferMiB), compression: 'UNCOMPRESSED' as const } : {}) })} />
          </label>
        ) : null}
        {parquet ? <Field label={t('form.columns')} hint={t('form.columnsHint')}><input value={f.columns} onChange={text('columns')} className="fh-mono" data-testid="form-columns" /></Field> : null}
        <label className="field fh-check"><span>{t('form.transform')}</span><input type="checkbox" checked={f.transformOn} onChange={(e) => set('transformOn', e.target.checked)} data-testid="form-transform" /></label>
      </div>
      <h3 className="fh-form-section">{t('form.failures')} <small className="stat-sub">{t(d === 's3' ? 'form.onBucket' : 'form.onDestination')}</small></h3>
      <div className="form-grid">
        <Field label={t('form.failureRate')}><input type="number" min={0} max={100} value={f.failureRatePct} onChange={num('failureRatePct')} data-testid="form-failure-rate" /></Field>
        <Field label={t('form.failureStatus')}><input type="number" min={400} max={599} value={f.failureStatus} onChange={num('failureStatus')} /></Field>
        <Field label={t('form.latency')}><input type="number" min={0} max={600000} value={f.latencyMs} onChange={num('latencyMs')} /></Field>
        <label className="field fh-check"><span>{t('form.down')}</span><input type="checkbox" checked={f.down} onChange={(e) => set('down', e.target.checked)} data-testid="form-down" /></label>
      </div>
      {error ? <div className="callout callout-error fh-form-error" role="alert" data-testid="form-error">{error}</div> : null}
      <div className="row fh-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="form-submit">{editing ? t('form.save') : t('form.create')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
