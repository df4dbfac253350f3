/**
 * Create / edit a delivery stream: source (Direct PUT with a built-in producer, or a Kinesis stream
 * of the scenario read as a consumer), destination and its settings, buffering hints, compression,
 * and failure injection. The engine validates; its AWS error message is shown as is.
 */
import type { ReactNode } from 'react';
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

const DESTINATIONS: readonly [DestinationChoice, string][] = [
  ['s3', 'S3 (object store)'], ['http-endpoint', 'HTTP endpoint'], ['opensearch', 'OpenSearch Service'], ['redshift', 'Redshift'], ['splunk', 'Splunk'],
];
const COMPRESSIONS: readonly CompressionChoice[] = ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'];

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return <label className="field"><span>{label}</span>{children}{hint ? <small>{hint}</small> : null}</label>;
}

export function StreamForm({ form: f, onChange, onSubmit, onCancel, editing, sourceStreams, error, busy }: StreamFormProps) {
  const set = <K extends keyof Form>(k: K, v: Form[K]) => onChange({ ...f, [k]: v });
  const num = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => set(k, Number(e.target.value) as never);
  const text = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(k, e.target.value as never);
  const d = f.destination;
  const parquet = d === 's3' && f.parquet;
  return (
    <form className="panel" aria-label={editing ? `Edit ${f.name}` : 'New delivery stream'} onSubmit={(e) => { e.preventDefault(); onSubmit(); }} noValidate data-testid="stream-form">
      <div className="panel-header"><h2>{editing ? `Edit ${f.name}` : 'New delivery stream'}</h2></div>
      <h3 className="fh-form-section">Source</h3>
      <div className="form-grid">
        <Field label="Name"><input value={f.name} onChange={text('name')} disabled={editing} required data-testid="form-name" /></Field>
        <Field label="Source">
          <select value={f.source} onChange={text('source')} data-testid="form-source">
            <option value="DirectPut">Direct PUT</option>
            <option value="KinesisStreamAsSource" disabled={sourceStreams.length === 0}>Kinesis data stream</option>
          </select>
        </Field>
        {f.source === 'KinesisStreamAsSource' ? (
          <Field label="Kinesis stream" hint="Read like a consumer: 1 GetRecords per shard per second, counted against the shard's read limits.">
            <select value={f.sourceStream} onChange={text('sourceStream')} data-testid="form-source-stream">
              <option value="">— choose —</option>
              {sourceStreams.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
        ) : (
          <>
            <Field label="Producer (records/s)" hint="Built-in PutRecordBatch load; 0 = none"><input type="number" min={0} max={100000} value={f.producerRate} onChange={num('producerRate')} data-testid="form-rate" /></Field>
            <Field label="Record template" hint="{{seq}} {{ts}} {{uuid}} {{int:1:9}} {{pick:a|b}}"><input value={f.producerTemplate} placeholder="default JSON event" onChange={text('producerTemplate')} className="fh-mono" /></Field>
          </>
        )}
      </div>
      <h3 className="fh-form-section">Destination</h3>
      <div className="form-grid">
        <Field label="Destination">
          <select value={d} onChange={text('destination')} data-testid="form-destination">
            {DESTINATIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </Field>
        {d === 'http-endpoint' ? <Field label="Endpoint URL"><input value={f.endpointUrl} onChange={text('endpointUrl')} /></Field> : null}
        {d === 'opensearch' ? (
          <>
            <Field label="Domain ARN"><input value={f.domain} onChange={text('domain')} /></Field>
            <Field label="Index"><input value={f.indexName} onChange={text('indexName')} /></Field>
            <Field label="Index rotation">
              <select value={f.rotation} onChange={text('rotation')}>{['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'].map((r) => <option key={r}>{r}</option>)}</select>
            </Field>
          </>
        ) : null}
        {d === 'redshift' ? (
          <>
            <Field label="Cluster JDBC URL"><input value={f.jdbcUrl} onChange={text('jdbcUrl')} /></Field>
            <Field label="Table"><input value={f.table} onChange={text('table')} /></Field>
            <Field label="COPY options"><input value={f.copyOptions} onChange={text('copyOptions')} className="fh-mono" /></Field>
          </>
        ) : null}
        {d === 'splunk' ? (
          <>
            <Field label="HEC endpoint"><input value={f.hecEndpoint} onChange={text('hecEndpoint')} /></Field>
            <Field label="HEC endpoint type"><select value={f.hecType} onChange={text('hecType')}><option>Raw</option><option>Event</option></select></Field>
          </>
        ) : null}
        {d !== 's3' ? <Field label="Retry duration (s)"><input type="number" min={0} max={7200} value={f.retrySec} onChange={num('retrySec')} /></Field> : null}
        <Field label={d === 's3' ? 'Bucket' : d === 'redshift' ? 'Intermediate bucket' : 'Backup bucket'}><input value={f.bucket} onChange={text('bucket')} data-testid="form-bucket" /></Field>
        <Field label="Prefix" hint="default YYYY/MM/DD/HH/"><input value={f.prefix} onChange={text('prefix')} className="fh-mono" data-testid="form-prefix" /></Field>
        <Field label="Error output prefix"><input value={f.errorPrefix} placeholder="!{firehose:error-output-type}/" onChange={text('errorPrefix')} className="fh-mono" /></Field>
        <Field label="Compression" hint={parquet ? 'Parquet compresses internally (Snappy)' : undefined}>
          <select value={parquet ? 'UNCOMPRESSED' : f.compression} onChange={text('compression')} disabled={parquet} data-testid="form-compression">{COMPRESSIONS.map((c) => <option key={c}>{c}</option>)}</select>
        </Field>
        <Field label="Buffer size (MiB)"><input type="number" min={1} max={128} value={f.bufferMiB} onChange={num('bufferMiB')} data-testid="form-buffer-size" /></Field>
        <Field label="Buffer interval (s)"><input type="number" min={0} max={900} value={f.intervalSec} onChange={num('intervalSec')} data-testid="form-buffer-interval" /></Field>
        <label className="field fh-check"><span>New line delimiter</span><input type="checkbox" checked={f.newline} onChange={(e) => set('newline', e.target.checked)} /></label>
        {d === 's3' ? (
          <label className="field fh-check"><span>Convert to Parquet</span>
            <input type="checkbox" checked={f.parquet} data-testid="form-parquet"
              onChange={(e) => onChange({ ...f, parquet: e.target.checked, ...(e.target.checked ? { bufferMiB: Math.max(64, f.bufferMiB), compression: 'UNCOMPRESSED' as const } : {}) })} />
          </label>
        ) : null}
        {parquet ? <Field label="Parquet columns" hint="name:type, … (string, int, bigint, float, double, boolean, timestamp); buffer ≥ 64 MiB"><input value={f.columns} onChange={text('columns')} className="fh-mono" data-testid="form-columns" /></Field> : null}
        <label className="field fh-check"><span>Transform records</span><input type="checkbox" checked={f.transformOn} onChange={(e) => set('transformOn', e.target.checked)} data-testid="form-transform" /></label>
      </div>
      <h3 className="fh-form-section">Failure injection <small className="stat-sub">(on the {d === 's3' ? 'bucket' : 'destination'})</small></h3>
      <div className="form-grid">
        <Field label="Failure rate (%)"><input type="number" min={0} max={100} value={f.failureRatePct} onChange={num('failureRatePct')} data-testid="form-failure-rate" /></Field>
        <Field label="Failure status"><input type="number" min={400} max={599} value={f.failureStatus} onChange={num('failureStatus')} /></Field>
        <Field label="Latency (ms)"><input type="number" min={0} max={600000} value={f.latencyMs} onChange={num('latencyMs')} /></Field>
        <label className="field fh-check"><span>Destination down</span><input type="checkbox" checked={f.down} onChange={(e) => set('down', e.target.checked)} data-testid="form-down" /></label>
      </div>
      {error ? <div className="callout callout-error fh-form-error" role="alert" data-testid="form-error">{error}</div> : null}
      <div className="row fh-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="form-submit">{editing ? 'Save changes' : 'Create delivery stream'}</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
