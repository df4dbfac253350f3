/**
 * The Kinesis Agent page: add an agent as a producer — a log generator writing a file on a
 * simulated host and an agent.json edited in Monaco with the agent's own validation as you
 * type — then watch it live (`#/agents/<name>`): the file growing, records before and after
 * processing, batches, retries, checkpoints and throttling. Restart shows resume-at-checkpoint.
 */
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
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
      setError(`agent.json is not valid JSON: ${(e as Error).message}`);
      return;
    }
    const r = await simulator().agentSave({ name, config, generators: [{ path: generatorPath(kind), kind, linesPerSecond: rate }] });
    if (!r.ok) setError((r.error.problems ?? [r.error.message]).join('\n'));
    else window.location.hash = href('agents', name);
  }

  return (
    <>
      <PageHeader
        title="Kinesis Agent"
        subtitle="Log files on a host become records: the agent tails them, splits and converts lines, batches and retries, and checkpoints what it sent."
      />
      <section className="panel" aria-label="Add an agent">
        <div className="panel-header"><h2>Add an agent as a producer</h2></div>
        {destinations.length === 0 ? <p className="panel-note">This scenario has no stream or delivery stream to send to: add one first.</p> : null}
        <div className="form-grid">
          <label className="field"><span>Agent (host) name</span><input value={name} onChange={(e) => setName(e.target.value)} aria-label="Agent name" /></label>
          <label className="field"><span>Log generator</span>
            <select value={kind} aria-label="Log generator" onChange={(e) => { setKind(e.target.value as GeneratorKind); if (dest) setText(presetConfig(e.target.value as GeneratorKind, dest)); }}>
              {GENERATOR_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </label>
          <label className="field"><span>Lines per second</span><input type="number" min={0} max={100000} value={rate} aria-label="Lines per second" onChange={(e) => setRate(Number(e.target.value))} /></label>
          <label className="field"><span>Destination</span>
            <select value={destIndex} aria-label="Destination" onChange={(e) => { const i = Number(e.target.value); setDestIndex(i); setText(presetConfig(kind, destinations[i])); }}>
              {destinations.map((d, i) => <option key={`${d.kind}:${d.name}`} value={i}>{d.kind}: {d.name}</option>)}
            </select>
          </label>
        </div>
        <p className="panel-note">The generator writes <code>{generatorPath(kind)}</code>. Edit agent.json below; problems are checked with the agent&apos;s own rules as you type.</p>
        <Suspense fallback={<div className="loading">Loading editor…</div>}>
          <AgentJsonEditor value={text} onChange={setText} markers={markers} ariaLabel="agent.json" height={260} />
        </Suspense>
        <ul className="agent-diagnostics" aria-label="agent.json problems">
          {diagnostics.map((d, i) => <li key={i} className={d.severity}>{d.severity}: {d.message} (line {d.startLine})</li>)}
        </ul>
        {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
        <button type="button" className="btn btn-primary" disabled={errors.length > 0 || !dest} onClick={() => void add()}>Add agent</button>
      </section>
      {agents && agents.length > 0 ? (
        <nav className="agent-tabs" aria-label="Agents">
          {agents.map((a) => <a key={a.id} href={href('agents', a.id)} aria-current={a.id === selected?.id ? 'page' : undefined}>{a.id}</a>)}
        </nav>
      ) : null}
      {selected ? (
        <>
          <section className="panel" aria-label="Agent actions">
            <div className="panel-header">
              <h2>{selected.id}</h2>
              <button type="button" className="btn" onClick={() => void simulator().agentRestart(selected.id)}>Restart agent</button>
            </div>
            <div className="form-grid">
              <label className="field"><span>Append lines to {selected.files[0]?.path ?? 'a file'}</span>
                <textarea value={append} aria-label="Lines to append" onChange={(e) => setAppend(e.target.value)} rows={2} />
              </label>
            </div>
            <button type="button" className="btn" disabled={!append || !selected.files[0]} onClick={() => { void simulator().agentAppend(selected.id, selected.files[0].path, append); setAppend(''); }}>Append</button>
            <label className="btn">Upload a log file…
              <input
                type="file"
                hidden
                aria-label="Upload a log file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file && selected.files[0]) void file.text().then(async (t) => { await simulator().agentAppend(selected.id, selected.files[0].path, t); });
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
