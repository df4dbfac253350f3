/**
 * The Firehose page: the delivery streams of the live world, one selected (`#/firehose/<name>`)
 * with its live buffers, flushes, transform results and delivery figures, its transformation
 * function, and the object store. Creating and editing go through the worker (`firehoseSave`),
 * which validates with the engine. The page attaches the browser transform sandbox on first visit.
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import { simulator } from '../../sim-client';
import { errorLine, type WorkerResult } from '../../../worker/protocol';
import { href } from '../../router';
import { attachTransformSandbox } from '../../sandbox/transform-bridge';
import type { FirehoseSectionEntry } from '../../../worker/api/firehose-api';
import { emptyForm, entryToForm, formToEntry, DEFAULT_TRANSFORM, type StreamForm as Form } from './form-model';
import { StreamForm } from './StreamForm';
import { StreamLiveView } from './StreamLiveView';
import { ObjectBrowser } from './ObjectBrowser';
import { TransformPanel } from './TransformPanel';
import { DestinationPanel } from './DestinationPanel';
import { formatBytes, formatCount } from '../../format';
import './firehose.css';

export default function FirehosePage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('firehose');
  useWatch({ stream: null, firehose: true });
  const slice = useSim((s) => s.frame?.world?.firehose);
  const nowMs = useSim((s) => s.frame?.clock.nowMs ?? 0);
  const [entries, setEntries] = useState<FirehoseSectionEntry[]>([]);
  const [mode, setMode] = useState<'view' | 'create' | 'edit'>('view');
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ name: string; source: string; timeoutMs: number } | null>(null);

  useEffect(() => { void attachTransformSandbox(); }, []);
  const refresh = useCallback(async () => setEntries(await simulator().firehoseEntries()), []);
  const streamNames = slice?.streams.map((s) => s.name).join('\n') ?? '';
  useEffect(() => { void refresh(); }, [refresh, streamNames]);

  const streams = slice?.streams ?? [];
  const selectedName = params[0] && streams.some((s) => s.name === params[0]) ? params[0] : streams[0]?.name;
  const view = streams.find((s) => s.name === selectedName);
  const entry = entries.find((e) => e.DeliveryStreamName === selectedName);

  useEffect(() => {
    if (entry && draft?.name !== entry.DeliveryStreamName) {
      setDraft({ name: entry.DeliveryStreamName, source: entry.transform?.source ?? DEFAULT_TRANSFORM, timeoutMs: entry.transform?.timeoutMs ?? 3000 });
    }
  }, [entry, draft?.name]);

  const save = async (next: FirehoseSectionEntry, after?: () => void) => {
    setBusy(true);
    const result = await simulator().firehoseSave(next);
    setBusy(false);
    if (!result.ok) return errorLine(result);
    await refresh();
    after?.();
    return null;
  };

  const submitForm = async () => {
    if (!form) return;
    const message = await save(formToEntry(form), () => {
      setMode('view');
      window.location.hash = href('firehose', form.name.trim());
    });
    setError(message);
  };

  const act = async (what: Promise<WorkerResult<unknown>>, done: string) => {
    const r = await what;
    setNotice(errorLine(r) ?? done);
  };

  const applyTransform = async () => {
    if (!entry || !draft) return;
    const message = await save({ ...entry, transform: { retries: 0, ...entry.transform, source: draft.source, timeoutMs: draft.timeoutMs } });
    setNotice(message ?? t('transformApplied', { name: entry.DeliveryStreamName }));
  };

  const names = streams.map((s) => s.name);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={<Trans t={t} i18nKey="subtitle" components={{ firehose: <Term id="firehose">{''}</Term>, buffering: <Term id="buffering">{''}</Term> }} />}
        actions={<button type="button" className="btn btn-primary" onClick={() => { setForm(emptyForm(names)); setError(null); setMode('create'); }} data-testid="new-stream">{t('newStream')}</button>}
      />
      {slice === undefined ? <div className="loading">{t('waiting')}</div> : null}
      {mode !== 'view' && form ? (
        <StreamForm form={form} onChange={setForm} onSubmit={() => void submitForm()} onCancel={() => setMode('view')} editing={mode === 'edit'}
          sourceStreams={slice?.sourceStreams ?? []} error={error} busy={busy} />
      ) : null}
      {slice && streams.length === 0 && mode === 'view' ? (
        <div className="empty-state" data-testid="firehose-empty">
          <p>{t('empty')}</p>
          <button type="button" className="btn" data-testid="create-example" disabled={busy}
            onClick={() => void save(formToEntry({ ...emptyForm(names), name: 'orders-to-s3' }), () => { window.location.hash = href('firehose', 'orders-to-s3'); })}>
            {t('createExample')}
          </button>
        </div>
      ) : null}
      {streams.length > 0 ? (
        <nav className="fh-tabs" aria-label={t('tabs')}>
          {streams.map((s) => (
            <a key={s.name} href={href('firehose', s.name)} className={`fh-tab${s.name === selectedName ? ' fh-tab-active' : ''}`} aria-current={s.name === selectedName ? 'page' : undefined} data-testid="stream-tab">
              <strong>{s.name}</strong>
              <span className="stat-sub">{s.type === 'DirectPut' ? t('directPut') : t('fromStream', { stream: s.source?.split('/').pop() ?? '' })} → {t(`destination.${s.destination as 's3'}`)}</span>
            </a>
          ))}
        </nav>
      ) : null}
      {view ? (
        <>
          <div className="row fh-actions">
            <span className={`badge ${view.status === 'ACTIVE' ? 'badge-ok' : 'badge-warn'}`}>{view.status}</span>
            <span className="stat-sub">{t('version', { version: view.version })} · {t(view.destination === 's3' ? 'bucket' : view.destination === 'redshift' ? 'intermediateBucket' : 'backupBucket', { bucket: view.bucket })}{view.producer ? ` · ${t('producerRate', { rate: formatCount(view.producer.recordsPerSec) })}` : ''}{view.kinesisMillisBehindLatest !== undefined ? ` · ${t('behindLatest', { ms: formatCount(view.kinesisMillisBehindLatest) })}` : ''}</span>
            <span className="fh-spacer" />
            {view.type === 'DirectPut' ? (
              <button type="button" className="btn" data-testid="send-test" onClick={() => void act(simulator().firehosePut(view.name, Array.from({ length: 10 }, (_, i) => `{"test":${i + 1},"action":"click"}\n`)), t('sentTest'))}>{t('sendTest')}</button>
            ) : null}
            <button type="button" className="btn" data-testid="flush-now" onClick={() => void act(simulator().firehoseFlush(view.name), t('flushed'))}>{t('flushNow')}</button>
            <button type="button" className="btn" data-testid="edit-stream" disabled={!entry} onClick={() => { if (entry) { setForm(entryToForm(entry, names)); setError(null); setMode('edit'); } }}>{t('edit')}</button>
            <button type="button" className="btn btn-danger" data-testid="delete-stream" onClick={() => void act(simulator().firehoseDelete(view.name), t('deleted', { name: view.name }))}>{t('delete')}</button>
          </div>
          {notice ? <div className="callout fh-notice" role="status" onClick={() => setNotice(null)}>{notice}</div> : null}
          {view.producer?.lastError ? <div className="callout callout-warn">{t('producerError', { error: view.producer.lastError })}</div> : null}
          <StreamLiveView view={view} nowMs={nowMs} />
          {view.sink ? <DestinationPanel sink={view.sink} /> : null}
          {draft && draft.name === view.name ? (
            <TransformPanel
              streamName={view.name}
              source={draft.source}
              onSourceChange={(source) => setDraft((d) => (d ? { ...d, source } : d))}
              timeoutMs={draft.timeoutMs}
              onTimeoutChange={(timeoutMs) => setDraft((d) => (d ? { ...d, timeoutMs } : d))}
              enabled={view.transform !== undefined}
              onApply={() => void applyTransform()}
              applying={busy}
            />
          ) : null}
        </>
      ) : null}
      {slice && slice.store.buckets.length > 0 ? (
        <>
          <p className="stat-sub fh-store-line">{t('storeLine', { objects: formatCount(slice.store.objectCount), stored: formatBytes(slice.store.bytesStored), limit: formatBytes(slice.store.bytesLimit) })}{slice.store.evictedObjects ? t('evicted', { n: formatCount(slice.store.evictedObjects) }) : ''}</p>
          <ObjectBrowser buckets={slice.store.buckets} initialBucket={view?.bucket} objectCount={slice.store.objectCount} />
        </>
      ) : null}
    </>
  );
}
