/**
 * The editable workload: derived from the scenario's stream, every field overridable (records/s with
 * peak and surge, record size, keys and skew, consumers, retention, target utilisation, and optional
 * Firehose and analytics to price). Empty means "as derived"; Reset drops every edit.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConsumerSpec, KeyDistribution, Workload } from '../../../engine/capacity/workload';
import { updateEdits, updatePlannerSettings, type PlannerSettings } from './planner-settings';
import { num } from './planner-format';

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

function describeKeys(k: KeyDistribution, t: TFunction<'planner'>): string {
  switch (k.kind) {
    case 'uniform':
      return t('workload.keys.describeUniform', { n: num(k.count) });
    case 'zipf':
      return t('workload.keys.describeZipf', { n: num(k.count), exponent: k.exponent });
    case 'hot-key':
      return t('workload.keys.describeHot', { key: k.hotKey, share: `${(k.share * 100).toFixed(0)}%`, others: num(k.otherKeys) });
    case 'explicit':
      return t('workload.keys.describeExplicit', { n: Object.keys(k.weights).length });
  }
}

function KeysEditor({ keys }: { keys: KeyDistribution }) {
  const { t } = useTranslation('planner');
  const count = keys.kind === 'hot-key' ? keys.otherKeys : keys.kind === 'explicit' ? Object.keys(keys.weights).length : keys.count;
  const prefix = keys.kind === 'explicit' ? 'key-' : keys.prefix;
  return (
    <>
      <label className="field">
        <span>{t('workload.keys.label')}</span>
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
          <option value="uniform">{t('workload.keys.uniform')}</option>
          <option value="zipf">{t('workload.keys.zipf')}</option>
          <option value="hot-key">{t('workload.keys.hotKeyOption')}</option>
          {keys.kind === 'explicit' ? <option value="explicit">{t('workload.keys.explicit')}</option> : null}
        </select>
        <small>{describeKeys(keys, t)}</small>
      </label>
      {keys.kind !== 'explicit' ? (
        <NumberField label={keys.kind === 'hot-key' ? t('workload.keys.otherKeys') : t('workload.keys.count')} value={count} min={1} step={1} onChange={(v) => v && updateEdits({ keys: keys.kind === 'hot-key' ? { ...keys, otherKeys: v } : { ...keys, count: v } })} />
      ) : null}
      {keys.kind === 'zipf' ? <NumberField label={t('workload.keys.zipfExponent')} value={keys.exponent} min={0} max={5} step={0.1} onChange={(v) => v !== undefined && updateEdits({ keys: { ...keys, exponent: v } })} /> : null}
      {keys.kind === 'hot-key' ? (
        <>
          <NumberField label={t('workload.keys.hotShare')} value={keys.share * 100} min={0} max={100} step={1} testId="hot-share" onChange={(v) => v !== undefined && updateEdits({ keys: { ...keys, share: Math.min(1, Math.max(0, v / 100)) } })} />
          <label className="field">
            <span>{t('workload.keys.hotKey')}</span>
            <input value={keys.hotKey} onChange={(e) => updateEdits({ keys: { ...keys, hotKey: e.target.value || 'hot' } })} />
          </label>
        </>
      ) : null}
    </>
  );
}

function ConsumersEditor({ consumers }: { consumers: readonly ConsumerSpec[] }) {
  const { t } = useTranslation('planner');
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
        <span>{t('workload.consumers.label')}</span>
      </div>
      {consumers.length === 0 ? <small className="muted">{t('workload.consumers.none')}</small> : null}
      {consumers.map((c, i) => (
        <div className="row planner-consumer-row" key={`${c.name}-${i}`}>
          <input aria-label={t('workload.consumers.name')} value={c.name} onChange={(e) => set(consumers.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
          <select aria-label={t('workload.consumers.type')} value={c.kind} onChange={(e) => set(consumers.map((x, k) => (k === i ? changeKind(x, e.target.value as ConsumerSpec['kind']) : x)))}>
            <option value="polling">{t('workload.consumers.polling')}</option>
            <option value="efo">{t('workload.consumers.efo')}</option>
            <option value="lambda">{t('workload.consumers.lambda')}</option>
          </select>
          <label className="inline-field">
            ×
            <input type="number" aria-label={t('workload.consumers.copies')} min={1} max={100} value={c.count} onChange={(e) => set(consumers.map((x, k) => (k === i ? { ...x, count: Math.max(1, Number(e.target.value) || 1) } : x)))} />
          </label>
          <button type="button" className="btn btn-ghost" aria-label={t('workload.consumers.remove', { name: c.name })} onClick={() => set(consumers.filter((_, k) => k !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => set([...consumers, { kind: 'efo', name: `consumer-${consumers.length + 1}`, count: 1 }])}>
        {t('workload.consumers.add')}
      </button>
    </div>
  );
}

export function WorkloadForm({ workload, derived, settings, notes }: { workload: Workload; derived: Workload; settings: PlannerSettings; notes: readonly string[] }) {
  const { t } = useTranslation('planner');
  const rps = workload.traffic.recordsPerSecond;
  const e = settings.edits;
  const edited = Object.keys(e).length > 0;
  return (
    <section className="panel" aria-labelledby="workload-title">
      <div className="panel-header">
        <h2 id="workload-title">{t('workload.title')}</h2>
        <button type="button" className="btn" disabled={!edited} onClick={() => updatePlannerSettings({ edits: {} })} title={t('workload.resetTitle')}>
          {t('page.resetToScenario')}
        </button>
      </div>
      <p className="muted small">
        {edited ? t('workload.derivedEdited') : t('workload.derived')}
      </p>
      <div className="form-grid planner-form">
        <NumberField label={t('workload.averageRps')} value={rps.average} min={0} testId="avg-rps" onChange={(v) => updateEdits({ averageRecordsPerSec: v })} />
        <NumberField label={t('workload.peakRps')} value={rps.peak} min={0} testId="peak-rps" onChange={(v) => updateEdits({ peakRecordsPerSec: v })} hint={t('workload.derivedValue', { value: num(derived.traffic.recordsPerSecond.peak) })} />
        <NumberField label={t('workload.surgeRps')} value={rps.surge?.recordsPerSecond ?? 0} min={0} onChange={(v) => updateEdits({ surgeRecordsPerSec: v ?? 0 })} />
        <NumberField label={t('workload.surgeSeconds')} value={rps.surge?.seconds ?? e.surgeSeconds ?? 60} min={1} onChange={(v) => updateEdits({ surgeSeconds: v })} />
        <NumberField label={t('workload.recordBytes')} value={Math.round(meanSize(workload))} min={1} testId="record-bytes" onChange={(v) => updateEdits({ recordSize: v ? { kind: 'fixed', bytes: Math.round(v) } : undefined })} hint={e.recordSize ? t('workload.fixedSize') : t('workload.distribution', { kind: derived.traffic.recordSize.kind })} />
        <KeysEditor keys={workload.traffic.keys} />
        <NumberField label={t('workload.maxRecordSize')} value={workload.maxRecordSizeBytes / 1024} min={1024} max={10240} step={1} testId="max-record-kib" onChange={(v) => updateEdits({ maxRecordSizeKiB: v === undefined ? undefined : Math.round(v) })} hint={t('workload.maxRecordSizeHint')} />
        <NumberField label={t('workload.retention')} value={workload.retentionHours} min={24} max={8760} onChange={(v) => updateEdits({ retentionHours: v })} />
        <NumberField label={t('workload.targetUtilization')} value={workload.targetUtilization * 100} min={1} max={100} onChange={(v) => updateEdits({ targetUtilization: v === undefined ? undefined : v / 100 })} hint={t('workload.targetHint')} />
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
  const { t } = useTranslation('planner');
  const fh = workload.firehose;
  const an = workload.analytics;
  const avg = workload.traffic.recordsPerSecond.average;
  return (
    <div className="form-grid planner-form planner-extras">
      <label className="field">
        <span>{t('workload.extras.firehose')}</span>
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
          <option value="none">{t('workload.extras.none')}</option>
          <option value="kinesis-stream">{t('workload.extras.fromStream')}</option>
          <option value="direct-put">{t('workload.extras.directPut')}</option>
        </select>
      </label>
      {fh ? <NumberField label={t('workload.extras.recordsPerEntry')} value={fh.recordsPerEntry} min={1} max={500} step={1} onChange={(v) => updateEdits({ firehose: { ...fh, recordsPerEntry: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
      <label className="field">
        <span>{t('workload.extras.analytics')}</span>
        <select value={an ? an.kind : 'none'} onChange={(e) => updateEdits({ analytics: e.target.value === 'none' ? null : e.target.value === 'flink' ? { kind: 'flink', parallelism: 2, parallelismPerKpu: 1, studio: false } : { kind: 'legacy-sql', kpus: 2 } })}>
          <option value="none">{t('workload.extras.none')}</option>
          <option value="flink">{t('workload.extras.flink')}</option>
          <option value="legacy-sql">{t('workload.extras.legacySql')}</option>
        </select>
      </label>
      {an?.kind === 'flink' ? <NumberField label={t('workload.extras.parallelism')} value={an.parallelism} min={1} step={1} onChange={(v) => updateEdits({ analytics: { ...an, parallelism: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
      {an?.kind === 'legacy-sql' ? <NumberField label={t('workload.extras.kpus')} value={an.kpus} min={1} step={1} onChange={(v) => updateEdits({ analytics: { ...an, kpus: Math.max(1, Math.round(v ?? 1)) } })} /> : null}
    </div>
  );
}
