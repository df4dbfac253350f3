/**
 * Add or edit a consumer: a polling KCL application, an enhanced fan-out consumer or a Lambda
 * event-source mapping, with the engine's settings for each. Applied to the running simulation;
 * the scenario validator's errors name the field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('consumers');
  const set = (k: string, v: unknown) => onChange({ ...value, [k]: v });
  const ms = t('units.ms');
  return (
    <>
      <NumberField label={t('form.perBatch', { label })} unit={ms} value={value.perBatchMs as number | undefined} onChange={(v) => set('perBatchMs', v)} min={0} testId="processing-batch" />
      <NumberField label={t('form.perRecord', { label })} unit={ms} value={value.perRecordMs as number | undefined} onChange={(v) => set('perRecordMs', v)} min={0} testId="processing-record" />
      <NumberField label={t('form.perKiB', { label })} unit={ms} value={value.perKiBMs as number | undefined} onChange={(v) => set('perKiBMs', v)} min={0} />
      <NumberField label={t('form.jitter', { label })} value={value.sigma as number | undefined} onChange={(v) => set('sigma', v)} min={0} />
    </>
  );
}

export function ConsumerForm({ original, initial, streams, onDone }: { original: string | null; initial: ScenarioConsumer; streams: readonly string[]; onDone(): void }) {
  const { t } = useTranslation('consumers');
  const ms = t('units.ms');
  const [d, setD] = useState<Obj>(() => ({ ...initial, stream: initial.stream || streams[0] || '' }) as unknown as Obj);
  const [errors, setErrors] = useState<readonly string[] | null>(null);
  const set = (k: string, v: unknown) => setD((x) => ({ ...x, [k]: v }));
  const num = (k: string) => d[k] as number | undefined;
  const type = d.type as ScenarioConsumer['type'];
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await saveConsumer(original, clean(d) as unknown as ScenarioConsumer);
    if (r.ok) onDone();
    else setErrors(r.errors);
  };
  return (
    <form noValidate className="editor-card" onSubmit={(e) => void save(e)} aria-label={original ? t('form.editTitle', { name: original }) : t('form.addAria')}>
      <h2>{original ? t('form.editTitle', { name: original }) : t('form.addTitle')}</h2>
      <div className="form-grid">
        <SelectField label={t('form.type')} value={type} onChange={(v) => set('type', v)} testId="consumer-type" options={[['kcl', t('form.typeKcl')], ['efo', t('form.typeEfo')], ['lambda', t('form.typeLambda')]]} />
        <TextField label={t('form.name')} value={String(d.name ?? '')} onChange={(v) => set('name', v)} testId="consumer-name" />
        <SelectField label={t('form.stream')} value={String(d.stream ?? '')} options={streams.map((s) => [s, s] as [string, string])} onChange={(v) => set('stream', v)} testId="consumer-stream" />
        <SelectField label={t('form.startFrom')} value={String(d.initialPosition ?? 'LATEST')} options={[['LATEST', t('form.latest')], ['TRIM_HORIZON', t('form.trimHorizon')]]} onChange={(v) => set('initialPosition', v)} testId="consumer-position" />
      </div>
      <div className="form-section">
        <h3>{type === 'kcl' ? t('form.sectionKcl') : type === 'efo' ? t('form.sectionEfo') : t('form.sectionLambda')}</h3>
        <div className="form-grid">
          {type === 'kcl' ? (
            <>
              <NumberField label={t('form.workers')} value={num('workers')} onChange={(v) => set('workers', v)} min={1} step={1} />
              <NumberField label={t('form.pollInterval')} unit={ms} value={num('pollIntervalMs')} onChange={(v) => set('pollIntervalMs', v)} min={1} hint={t('form.pollHint')} />
              <NumberField label={t('form.maxRecords')} value={num('maxRecords')} onChange={(v) => set('maxRecords', v)} min={1} max={10000} step={1} />
              <NumberField label={t('form.checkpointEvery')} unit={t('units.records')} value={num('checkpointEveryRecords')} onChange={(v) => set('checkpointEveryRecords', v)} min={1} step={1} />
              <NumberField label={t('form.checkpointEvery')} unit={ms} value={num('checkpointEveryMs')} onChange={(v) => set('checkpointEveryMs', v)} min={1} />
              <NumberField label={t('form.failover')} unit={ms} value={num('failoverTimeMs')} onChange={(v) => set('failoverTimeMs', v)} min={0} />
              <TextField label={t('form.crashes')} value={crashText(d.crashes)} onChange={(v) => set('crashes', parseCrashes(v))} mono hint={t('form.crashesHint')} />
              <Processing label={t('form.processing')} value={(d.processing ?? {}) as Obj} onChange={(v) => set('processing', v)} />
            </>
          ) : null}
          {type === 'efo' ? <Processing label={t('form.processing')} value={(d.processing ?? {}) as Obj} onChange={(v) => set('processing', v)} /> : null}
          {type === 'lambda' ? (
            <>
              <NumberField label={t('form.batchSize')} value={num('batchSize')} onChange={(v) => set('batchSize', v)} min={1} max={10000} step={1} />
              <NumberField label={t('form.batchingWindow')} unit={t('units.s')} value={num('batchingWindowSec')} onChange={(v) => set('batchingWindowSec', v)} min={0} max={300} />
              <NumberField label={t('form.parallelization')} value={num('parallelizationFactor')} onChange={(v) => set('parallelizationFactor', v)} min={1} max={10} step={1} />
              <NumberField label={t('form.errorRate')} unit={t('units.fraction')} value={num('errorRate')} onChange={(v) => set('errorRate', v)} min={0} max={1} />
              <NumberField label={t('form.maxRetries')} unit={t('units.untilExpiry')} value={num('maxRetries')} onChange={(v) => set('maxRetries', v)} min={-1} step={1} />
              <NumberField label={t('form.maxAge')} unit={t('units.sNone')} value={num('maxRecordAgeSec')} onChange={(v) => set('maxRecordAgeSec', v)} min={-1} />
              <CheckField label={t('form.bisect')} checked={d.bisectOnError === true} onChange={(v) => set('bisectOnError', v)} />
              <CheckField label={t('form.onFailure')} checked={d.onFailureDestination === true} onChange={(v) => set('onFailureDestination', v)} />
              <Processing label={t('form.duration')} value={(d.duration ?? {}) as Obj} onChange={(v) => set('duration', v)} />
            </>
          ) : null}
        </div>
      </div>
      <div className="section-gap"><ErrorList errors={errors} testId="consumer-errors" /></div>
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" data-testid="consumer-save">{original ? t('form.apply') : t('form.addSubmit')}</button>
        <button className="btn" type="button" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
