/**
 * The editable workload: derived from the scenario's stream, every field overridable (records/s with
 * peak and surge, record size, keys and skew, consumers, retention, target utilisation, and optional
 * Firehose and analytics to price). Empty means "as derived"; Reset drops every edit.
 */
import type { ReactNode } from 'react';
import type { ConsumerSpec, KeyDistribution, Workload } from '../../../engine/capacity/workload';
import { updateEdits, updatePlannerSettings, type PlannerSettings } from './planner-settings';

function NumberField({ label, value, onChange, min, max, step, hint, testId }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; min?: number; max?: number; step?: number; hint?: ReactNode; testId?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        value={value === undefined || !Number.isFinite(value) ? '' : Number(value.toFixed(2))}
        min={min}
        max={max}
        step={step ?? 'any'}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      {hint ? <small>{hint}</small> : null}
    </label>
  );
}

function meanSize(w: Workload): number {
  const s = w.traffic.recordSize;
  switch (s.kind) {
    case 'fixed':
      return s.bytes;
    case 'uniform':
      return (s.minBytes + s.maxBytes) / 2;
    case 'lognormal':
      return s.medianBytes * Math.exp((s.sigma * s.sigma) / 2);
    case 'histogram': {
      const total = s.buckets.reduce((a, b) => a + b.weight, 0);
      return s.buckets.reduce((a, b) => a + b.bytes * b.weight, 0) / Math.max(total, 1e-9);
    }
  }
}

function describeKeys(k: KeyDistribution): string {
  switch (k.kind) {
    case 'uniform':
      return `${k.count.toLocaleString('en-US')} keys, even`;
    case 'zipf':
      return `${k.count.toLocaleString('en-US')} keys, Zipf ${k.exponent}`;
    case 'hot-key':
      return `'${k.hotKey}' takes ${(k.share * 100).toFixed(0)}%, ${k.otherKeys.toLocaleString('en-US')} others`;
    case 'explicit':
      return `${Object.keys(k.weights).length} listed keys`;
  }
}

function KeysEditor({ keys }: { keys: KeyDistribution }) {
  const count = keys.kind === 'hot-key' ? keys.otherKeys : keys.kind === 'explicit' ? Object.keys(keys.weights).length : keys.count;
  const prefix = keys.kind === 'explicit' ? 'key-' : keys.prefix;
  return (
    <>
      <label className="field">
        <span>Key distribution</span>
        <select
          value={keys.kind}
          data-testid="keys-kind"
          onChange={(e) => {
            const kind = e.target.value;
            const next: KeyDistribution =
              kind === 'zipf' ? { kind: 'zipf', count, exponent: 1, prefix } : kind === 'hot-key' ? { kind: 'hot-key', hotKey: `${prefix}0`, share: 0.2, otherKeys: count, prefix } : { kind: 'uniform', count, prefix };
            updateEdits({ keys: next });
          }}
        >
          <option value="uniform">Even over N keys</option>
          <option value="zipf">Zipf-skewed over N keys</option>
          <option value="hot-key">One hot key + N others</option>
          {keys.kind === 'explicit' ? <option value="explicit">Listed weights</option> : null}
        </select>
        <small>{describeKeys(keys)}</small>
      </label>
      {keys.kind !== 'explicit' ? (
        <NumberField label={keys.kind === 'hot-key' ? 'Other keys' : 'Keys'} value={count} min={1} step={1} onChange={(v) => v && updateEdits({ keys: keys.kind === 'hot-key' ? { ...keys, otherKeys: v } : { ...keys, count: v } })} />
      ) : null}
      {keys.kind === 'zipf' ? <NumberField label="Zipf exponent" value={keys.exponent} min={0} max={5} step={0.1} onChange={(v) => v !== undefined && updateEdits({ keys: { ...keys, exponent: v } })} /> : null}
      {keys.kind === 'hot-key' ? (
        <>
          <NumberField label="Hot key share (%)" value={keys.share * 100} min={0} max={100} step={1} testId="hot-share" onChange={(v) => v !== undefined && updateEdits({ keys: { ...keys, share: Math.min(1, Math.max(0, v / 100)) } })} />
          <label className="field">
            <span>Hot key</span>
            <input value={keys.hotKey} onChange={(e) => updateEdits({ keys: { ...keys, hotKey: e.target.value || 'hot' } })} />
          </label>
        </>
      ) : null}
    </>
  );
}

function ConsumersEditor({ consumers }: { consumers: readonly ConsumerSpec[] }) {
  const set = (next: ConsumerSpec[]) => updateEdits({ consumers: next });
  const changeKind = (c: ConsumerSpec, kind: ConsumerSpec['kind']): ConsumerSpec => {
    const base = { name: c.name, count: c.count, ...(c.maxAcceptableLagSeconds !== undefined ? { maxAcceptableLagSeconds: c.maxAcceptableLagSeconds } : {}) };
    if (kind === 'polling') return { ...base, kind, pollsPerSecondPerShard: 1 };
    if (kind === 'efo') return { ...base, kind };
    return { ...base, kind, batchSize: 100, parallelizationFactor: 1, averageDurationMs: 200, efo: false };
  };
  return (
    <div className="planner-consumers">
      <div className="field">
        <span>Consumers</span>
      </div>
      {consumers.length === 0 ? <small className="muted">No consumers read this stream.</small> : null}
      {consumers.map((c, i) => (
        <div className="row planner-consumer-row" key={`${c.name}-${i}`}>
          <input aria-label="Consumer name" value={c.name} onChange={(e) => set(consumers.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
          <select aria-label="Consumer type" value={c.kind} onChange={(e) => set(consumers.map((x, k) => (k === i ? changeKind(x, e.target.value as ConsumerSpec['kind']) : x)))}>
            <option value="polling">polling (KCL)</option>
            <option value="efo">enhanced fan-out</option>
            <option value="lambda">Lambda</option>
          </select>
          <label className="inline-field">
            ×
            <input type="number" aria-label="Copies" min={1} max={100} value={c.count} onChange={(e) => set(consumers.map((x, k) => (k === i ? { ...x, count: Math.max(1, Number(e.target.value) || 1) } : x)))} />
          </label>
          <button type="button" className="btn btn-ghost" aria-label={`Remove ${c.name}`} onClick={() => set(consumers.filter((_, k) => k !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => set([...consumers, { kind: 'efo', name: `consumer-${consumers.length + 1}`, count: 1 }])}>
        Add consumer
      </button>
    </div>
  );
}

export function WorkloadForm({ workload, derived, settings, notes }: { workload: Workload; derived: Workload; settings: PlannerSettings; notes: readonly string[] }) {
  const rps = workload.traffic.recordsPerSecond;
  const e = settings.edits;
  const edited = Object.keys(e).length > 0;
  return (
    <section className="panel" aria-labelledby="workload-title">
      <div className="panel-header">
        <h2 id="workload-title">Workload</h2>
        <button type="button" className="btn" disabled={!edited} onClick={() => updatePlannerSettings({ edits: {} })} title="Back to the figures derived from the scenario">
          Reset to scenario
        </button>
      </div>
      <p className="muted small">
        Derived from the scenario{edited ? ', with your edits' : ''}. Rates are records per second; the estimate is for steady state at the peak.
      </p>
      <div className="form-grid planner-form">
        <NumberField label="Average records/s" value={rps.average} min={0} testId="avg-rps" onChange={(v) => updateEdits({ averageRecordsPerSec: v })} />
        <NumberField label="Peak records/s" value={rps.peak} min={0} testId="peak-rps" onChange={(v) => updateEdits({ peakRecordsPerSec: v })} hint={`derived ${num0(derived.traffic.recordsPerSecond.peak)}`} />
        <NumberField label="Surge records/s (0 = none)" value={rps.surge?.recordsPerSecond ?? 0} min={0} onChange={(v) => updateEdits({ surgeRecordsPerSec: v ?? 0 })} />
        <NumberField label="Surge seconds" value={rps.surge?.seconds ?? e.surgeSeconds ?? 60} min={1} onChange={(v) => updateEdits({ surgeSeconds: v })} />
        <NumberField label="Record size, bytes (mean)" value={Math.round(meanSize(workload))} min={1} testId="record-bytes" onChange={(v) => updateEdits({ recordSize: v ? { kind: 'fixed', bytes: Math.round(v) } : undefined })} hint={e.recordSize ? 'fixed size' : `${derived.traffic.recordSize.kind} distribution`} />
        <KeysEditor keys={workload.traffic.keys} />
        <NumberField label="Retention, hours" value={workload.retentionHours} min={24} max={8760} onChange={(v) => updateEdits({ retentionHours: v })} />
        <NumberField label="Target utilisation (%)" value={workload.targetUtilization * 100} min={1} max={100} onChange={(v) => updateEdits({ targetUtilization: v === undefined ? undefined : v / 100 })} hint="headroom kept on every shard" />
      </div>
      <ConsumersEditor consumers={workload.consumers} />
      <ExtrasEditor workload={workload} />
      {notes.length ? (
        <ul className="planner-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ExtrasEditor({ workload }: { workload: Workload }) {
  const fh = workload.firehose;
  const an = workload.analytics;
  const avg = workload.traffic.recordsPerSecond.average;
  return (
    <div className="form-grid planner-form planner-extras">
      <label className="field">
        <span>Firehose delivery to price</span>
        <select
          value={fh ? fh.source : 'none'}
          onChange={(e) =>
            updateEdits({
              firehose:
                e.target.value === 'none'
                  ? null
                  : { name: 'delivery', source: e.target.value as 'kinesis-stream', recordsPerSecond: avg, recordSize: workload.traffic.recordSize, recordsPerEntry: 1, bufferSizeMiB: 5, bufferIntervalSeconds: 300, formatConversion: false },
            })
          }
        >
          <option value="none">none</option>
          <option value="kinesis-stream">from this stream</option>
          <option value="direct-put">Direct PUT</option>
        </select>
      </label>
      {fh ? <NumberField label="Records per Firehose entry" value={fh.recordsPerEntry} min={1} max={500} step={1} onChange={(v) => updateEdits({ firehose: { ...fh, recordsPerEntry: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
      <label className="field">
        <span>Analytics to price</span>
        <select value={an ? an.kind : 'none'} onChange={(e) => updateEdits({ analytics: e.target.value === 'none' ? null : e.target.value === 'flink' ? { kind: 'flink', parallelism: 2, parallelismPerKpu: 1, studio: false } : { kind: 'legacy-sql', kpus: 2 } })}>
          <option value="none">none</option>
          <option value="flink">Managed Flink</option>
          <option value="legacy-sql">legacy SQL application</option>
        </select>
      </label>
      {an?.kind === 'flink' ? <NumberField label="Flink parallelism" value={an.parallelism} min={1} step={1} onChange={(v) => updateEdits({ analytics: { ...an, parallelism: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
      {an?.kind === 'legacy-sql' ? <NumberField label="KPUs" value={an.kpus} min={1} step={1} onChange={(v) => updateEdits({ analytics: { ...an, kpus: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
    </div>
  );
}

function num0(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
