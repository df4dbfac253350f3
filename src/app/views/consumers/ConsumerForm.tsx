/**
 * Add or edit a consumer: a polling KCL application, an enhanced fan-out consumer or a Lambda
 * event-source mapping, with the engine's settings for each. Applied to the running simulation;
 * the scenario validator's errors name the field.
 */
import { useState } from 'react';
import type { ScenarioConsumer } from '../../../engine/scenario/schema';
import { CheckField, ErrorList, NumberField, SelectField, TextField } from '../../components/console/fields';
import { saveConsumer } from '../../stores/console-actions';

type Obj = Record<string, unknown>;

export const NEW_CONSUMER: ScenarioConsumer = { type: 'kcl', name: '', stream: '', initialPosition: 'LATEST', workers: 1, pollIntervalMs: 1000, processing: { perBatchMs: 5, perRecordMs: 0.05 } };

const crashText = (v: unknown) => (Array.isArray(v) ? (v as { atSec: number; worker: number; downSec?: number }[]).map((c) => `${c.atSec}:${c.worker}${c.downSec !== undefined ? `:${c.downSec}` : ''}`).join(', ') : '');
const parseCrashes = (t: string) => t.split(/[\s,;]+/).filter(Boolean).map((p) => { const [a, w, d] = p.split(':'); return { atSec: Number(a), worker: Number(w), ...(d !== undefined ? { downSec: Number(d) } : {}) }; });

function clean(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '') continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? clean(v as Obj) : v;
  }
  return out;
}

function Processing({ label, value, onChange }: { label: string; value: Obj; onChange(v: Obj): void }) {
  const set = (k: string, v: unknown) => onChange({ ...value, [k]: v });
  return (
    <>
      <NumberField label={`${label}: per batch`} unit="ms" value={value.perBatchMs as number | undefined} onChange={(v) => set('perBatchMs', v)} min={0} testId="processing-batch" />
      <NumberField label={`${label}: per record`} unit="ms" value={value.perRecordMs as number | undefined} onChange={(v) => set('perRecordMs', v)} min={0} testId="processing-record" />
      <NumberField label={`${label}: per KiB`} unit="ms" value={value.perKiBMs as number | undefined} onChange={(v) => set('perKiBMs', v)} min={0} />
      <NumberField label={`${label}: jitter σ`} value={value.sigma as number | undefined} onChange={(v) => set('sigma', v)} min={0} />
    </>
  );
}

export function ConsumerForm({ original, initial, streams, onDone }: { original: string | null; initial: ScenarioConsumer; streams: readonly string[]; onDone(): void }) {
  const [d, setD] = useState<Obj>(() => ({ ...initial, stream: initial.stream || streams[0] || '' }) as unknown as Obj);
  const [errors, setErrors] = useState<readonly string[] | null>(null);
  const set = (k: string, v: unknown) => setD((x) => ({ ...x, [k]: v }));
  const num = (k: string) => d[k] as number | undefined;
  const type = d.type as ScenarioConsumer['type'];
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await saveConsumer(original, clean(d) as unknown as ScenarioConsumer);
    if (r.ok) onDone();
    else setErrors(r.error.problems ?? [r.error.message]);
  };
  return (
    <form noValidate className="editor-card" onSubmit={(e) => void save(e)} aria-label={original ? `Edit consumer ${original}` : 'Add consumer'}>
      <h2>{original ? `Edit consumer ${original}` : 'Add a consumer'}</h2>
      <div className="form-grid">
        <SelectField label="Type" value={type} onChange={(t) => set('type', t)} testId="consumer-type" options={[['kcl', 'Polling (KCL application)'], ['efo', 'Enhanced fan-out'], ['lambda', 'Lambda event-source mapping']]} />
        <TextField label="Name" value={String(d.name ?? '')} onChange={(v) => set('name', v)} testId="consumer-name" />
        <SelectField label="Stream" value={String(d.stream ?? '')} options={streams.map((s) => [s, s] as [string, string])} onChange={(v) => set('stream', v)} testId="consumer-stream" />
        <SelectField label="Start from" value={String(d.initialPosition ?? 'LATEST')} options={[['LATEST', 'Latest'], ['TRIM_HORIZON', 'Trim horizon (oldest)']]} onChange={(v) => set('initialPosition', v)} testId="consumer-position" />
      </div>
      <div className="form-section">
        <h3>{type === 'kcl' ? 'KCL application' : type === 'efo' ? 'Enhanced fan-out' : 'Lambda'}</h3>
        <div className="form-grid">
          {type === 'kcl' ? (
            <>
              <NumberField label="Workers" value={num('workers')} onChange={(v) => set('workers', v)} min={1} step={1} />
              <NumberField label="Poll interval" unit="ms" value={num('pollIntervalMs')} onChange={(v) => set('pollIntervalMs', v)} min={1} hint="5 GetRecords/s per shard are shared by all polling readers" />
              <NumberField label="Max records per GetRecords" value={num('maxRecords')} onChange={(v) => set('maxRecords', v)} min={1} max={10000} step={1} />
              <NumberField label="Checkpoint every" unit="records" value={num('checkpointEveryRecords')} onChange={(v) => set('checkpointEveryRecords', v)} min={1} step={1} />
              <NumberField label="Checkpoint every" unit="ms" value={num('checkpointEveryMs')} onChange={(v) => set('checkpointEveryMs', v)} min={1} />
              <NumberField label="Lease failover time" unit="ms" value={num('failoverTimeMs')} onChange={(v) => set('failoverTimeMs', v)} min={0} />
              <TextField label="Worker crashes (second:worker:down seconds)" value={crashText(d.crashes)} onChange={(t) => set('crashes', parseCrashes(t))} mono hint="e.g. 60:0:30 — worker 0 crashes at 60 s for 30 s" />
              <Processing label="Processing" value={(d.processing ?? {}) as Obj} onChange={(v) => set('processing', v)} />
            </>
          ) : null}
          {type === 'efo' ? <Processing label="Processing" value={(d.processing ?? {}) as Obj} onChange={(v) => set('processing', v)} /> : null}
          {type === 'lambda' ? (
            <>
              <NumberField label="Batch size" value={num('batchSize')} onChange={(v) => set('batchSize', v)} min={1} max={10000} step={1} />
              <NumberField label="Batching window" unit="s" value={num('batchingWindowSec')} onChange={(v) => set('batchingWindowSec', v)} min={0} max={300} />
              <NumberField label="Parallelization factor" value={num('parallelizationFactor')} onChange={(v) => set('parallelizationFactor', v)} min={1} max={10} step={1} />
              <NumberField label="Error rate" unit="0…1" value={num('errorRate')} onChange={(v) => set('errorRate', v)} min={0} max={1} />
              <NumberField label="Max retries" unit="−1 = until expiry" value={num('maxRetries')} onChange={(v) => set('maxRetries', v)} min={-1} step={1} />
              <NumberField label="Max record age" unit="s, −1 = none" value={num('maxRecordAgeSec')} onChange={(v) => set('maxRecordAgeSec', v)} min={-1} />
              <CheckField label="Split the batch on error (bisect)" checked={d.bisectOnError === true} onChange={(v) => set('bisectOnError', v)} />
              <CheckField label="Send failed batches to an on-failure destination" checked={d.onFailureDestination === true} onChange={(v) => set('onFailureDestination', v)} />
              <Processing label="Duration" value={(d.duration ?? {}) as Obj} onChange={(v) => set('duration', v)} />
            </>
          ) : null}
        </div>
      </div>
      <div className="section-gap"><ErrorList errors={errors} testId="consumer-errors" /></div>
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" data-testid="consumer-save">{original ? 'Apply changes' : 'Add consumer'}</button>
        <button className="btn" type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
