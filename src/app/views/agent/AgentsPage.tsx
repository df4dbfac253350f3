/**
 * The Kinesis Agent page: add an agent as a producer — a log generator writing a file on a
 * simulated host and an agent.json edited in Monaco with the agent's own validation as you
 * type — then watch it live (`#/agents/<name>`): the file growing, records before and after
 * processing, batches, retries, checkpoints and throttling. Restart shows resume-at-checkpoint.
 */
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import { simulator } from '../../sim-client';
import { href } from '../../router';
import type { AgentDiagnosticView } from '../../../worker/api/agents-api';
import type { EditorMarker } from '../../components/editor/CodeEditor';
import { AgentLiveView } from './AgentLiveView';
import { GENERATOR_KINDS, generatorPath, presetConfig, type GeneratorKind } from './presets';
import './agent.css';

const AgentJsonEditor = lazy(() => import('./AgentJsonEditor'));

export default function AgentsPage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('agent');
  useWatch({ stream: null, agents: true, firehose: true });
  const agents = useSim((s) => s.frame?.world?.agents?.agents);
  const streamNames = useSim((s) => s.frame?.world?.streams.streams.map((x) => x.name).join('\n') ?? '');
  const deliveryNames = useSim((s) => s.frame?.world?.firehose?.streams.map((x) => x.name).join('\n') ?? '');
  const destinations = useMemo(() => [
    ...streamNames.split('\n').filter(Boolean).map((name) => ({ kind: 'kinesisStream' as const, name })),
    ...deliveryNames.split('\n').filter(Boolean).map((name) => ({ kind: 'deliveryStream' as const, name })),
  ], [streamNames, deliveryNames]);

  const [name, setName] = useState('web-1');
  const [kind, setKind] = useState<GeneratorKind>('apache-access');
  const [rate, setRate] = useState(50);
  const [destIndex, setDestIndex] = useState(0);
  const [text, setText] = useState('');
  const [diagnostics, setDiagnostics] = useState<AgentDiagnosticView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [append, setAppend] = useState('');

  const dest = destinations[destIndex] ?? destinations[0];
  const [seeded, setSeeded] = useState(false);
  useEffect(() => {
    // The first frame brings the destinations: start from the preset once (an emptied editor stays empty).
    if (dest && !seeded) {
      setText(presetConfig(kind, dest));
      setSeeded(true);
    }
  }, [dest, kind, seeded]);

  // Validation as you type: the worker runs the agent's own rules and maps paths to ranges.
  useEffect(() => {
    let live = true;
    void simulator().agentValidate(text).then((d) => { if (live) setDiagnostics(d); });
    return () => { live = false; };
  }, [text]);
  const markers: EditorMarker[] = useMemo(() => diagnostics.map((d) => ({ ...d })), [diagnostics]);
  const errors = diagnostics.filter((d) => d.severity === 'error');

  const selected = agents?.find((a) => a.id === params[0]) ?? agents?.[0];

  async function add(): Promise<void> {
    setError(null);
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (e) {
      setError(t('add.badJson', { detail: (e as Error).message }));
      return;
    }
    const r = await simulator().agentSave({ name, config, generators: [{ path: generatorPath(kind), kind, linesPerSecond: rate }] });
    if (!r.ok) setError((r.error.problems ?? [r.error.message]).join('\n'));
    else window.location.hash = href('agents', name);
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={<Trans t={t} i18nKey="subtitle" components={{ agent: <Term id="agent">{''}</Term> }} />}
      />
      <section className="panel" aria-label={t('add.label')}>
        <div className="panel-header"><h2><Trans t={t} i18nKey="add.title" components={{ producer: <Term id="producer">{''}</Term> }} /></h2></div>
        {destinations.length === 0 ? <p className="panel-note">{t('add.noDestination')}</p> : null}
        <div className="form-grid">
          <label className="field"><span>{t('add.name')}</span><input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('add.nameLabel')} /></label>
          <label className="field"><span>{t('add.generator')}</span>
            <select value={kind} aria-label={t('add.generator')} onChange={(e) => { setKind(e.target.value as GeneratorKind); if (dest) setText(presetConfig(e.target.value as GeneratorKind, dest)); }}>
              {GENERATOR_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('add.rate')}</span><input type="number" min={0} max={100000} value={rate} aria-label={t('add.rate')} onChange={(e) => setRate(Number(e.target.value))} /></label>
          <label className="field"><span>{t('add.destination')}</span>
            <select value={destIndex} aria-label={t('add.destination')} onChange={(e) => { const i = Number(e.target.value); setDestIndex(i); setText(presetConfig(kind, destinations[i])); }}>
              {destinations.map((d, i) => <option key={`${d.kind}:${d.name}`} value={i}>{t(`add.kinds.${d.kind}`)}: {d.name}</option>)}
            </select>
          </label>
        </div>
        <p className="panel-note">{t('add.writes')} <code>{generatorPath(kind)}</code>{t('add.writesAfter')}</p>
        <Suspense fallback={<div className="loading">{t('add.loadingEditor')}</div>}>
          <AgentJsonEditor value={text} onChange={setText} markers={markers} ariaLabel="agent.json" height={260} />
        </Suspense>
        <ul className="agent-diagnostics" aria-label={t('add.problems')}>
          {diagnostics.map((d, i) => <li key={i} className={d.severity}>{t(`add.severity.${d.severity}`)}: {d.message} {t('add.line', { n: d.startLine })}</li>)}
        </ul>
        {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
        <button type="button" className="btn btn-primary" disabled={errors.length > 0 || !dest} onClick={() => void add()}>{t('add.submit')}</button>
      </section>
      {agents && agents.length > 0 ? (
        <nav className="agent-tabs" aria-label={t('tabs')}>
          {agents.map((a) => <a key={a.id} href={href('agents', a.id)} aria-current={a.id === selected?.id ? 'page' : undefined}>{a.id}</a>)}
        </nav>
      ) : null}
      {selected ? (
        <>
          <section className="panel" aria-label={t('actions')}>
            <div className="panel-header">
              <h2>{selected.id}</h2>
              <button type="button" className="btn" onClick={() => void simulator().agentRestart(selected.id)}>{t('restart')}</button>
            </div>
            <div className="form-grid">
              <label className="field"><span>{t('appendTo', { file: selected.files[0]?.path ?? t('aFile') })}</span>
                <textarea value={append} aria-label={t('linesToAppend')} onChange={(e) => setAppend(e.target.value)} rows={2} />
              </label>
            </div>
            <button type="button" className="btn" disabled={!append || !selected.files[0]} onClick={() => { void simulator().agentAppend(selected.id, selected.files[0].path, append); setAppend(''); }}>{t('append')}</button>
            <label className="btn">{t('upload')}
              <input
                type="file"
                hidden
                aria-label={t('uploadLabel')}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file && selected.files[0]) void file.text().then(async (body) => { await simulator().agentAppend(selected.id, selected.files[0].path, body); });
                  e.target.value = '';
                }}
              />
            </label>
          </section>
          <AgentLiveView agent={selected} />
        </>
      ) : null}
    </>
  );
}
