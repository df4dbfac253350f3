/**
 * The SDK playground (#/playground): write JavaScript against the real @aws-sdk/client-kinesis and
 * client-firehose; it runs in a sandbox Worker whose clients talk to this page's simulated world,
 * so what the code creates and writes shows on the Streams, Consumers and Firehose pages. Loaded
 * only when opened (Monaco and the SDK are separate chunks).
 */
import { Suspense, lazy, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Shell';
import { EXAMPLES, type PlaygroundExample } from './examples';
import { runInSandbox, type Run } from './sandbox-runner';
import type { LogLine } from './playground.worker';
import './playground.css';

const JsEditor = lazy(() => import('../firehose/JsEditor'));
const MAX_LINES = 500; // bounded console: a chatty loop keeps the newest lines

export default function PlaygroundPage() {
  const { t } = useTranslation('playground');
  const [example, setExample] = useState<PlaygroundExample['id']>('producer');
  const [code, setCode] = useState(EXAMPLES[0].code);
  const [editorKey, setEditorKey] = useState(0);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [status, setStatus] = useState<'idle' | 'running' | 'ok' | 'failed' | 'stopped'>('idle');
  const run = useRef<Run | null>(null);

  const choose = (id: PlaygroundExample['id']) => {
    setExample(id);
    setCode(EXAMPLES.find((e) => e.id === id)!.code);
    setEditorKey((k) => k + 1);
  };
  const start = () => {
    run.current?.stop();
    setLines([]);
    setStatus('running');
    const r = runInSandbox(code, (line) => setLines((ls) => [...ls.slice(-(MAX_LINES - 1)), line]));
    run.current = r;
    void r.done.then((res) => {
      if (run.current !== r) return;
      setStatus(res.stopped ? 'stopped' : res.ok ? 'ok' : 'failed');
    });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className="panel" aria-labelledby="pg-code">
        <div className="panel-header">
          <h2 id="pg-code">{t('code')}</h2>
          <label className="row">
            <span>{t('example')}</span>
            <select value={example} onChange={(e) => choose(e.target.value as PlaygroundExample['id'])} data-testid="pg-example">
              {EXAMPLES.map((e) => <option key={e.id} value={e.id}>{t(`examples.${e.id}`)}</option>)}
            </select>
          </label>
        </div>
        <p className="panel-note">{t(`notes.${example}`)}</p>
        <Suspense fallback={<textarea className="mono pg-fallback" value={code} readOnly aria-label={t('code')} />}>
          <JsEditor key={editorKey} value={code} onChange={setCode} height={380} ariaLabel={t('code')} />
        </Suspense>
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={start} data-testid="pg-run">{t('run')}</button>
          <button type="button" className="btn" onClick={() => run.current?.stop()} disabled={status !== 'running'} data-testid="pg-stop">{t('stop')}</button>
          <span className={`badge ${status === 'failed' ? 'badge-bad' : status === 'ok' ? 'badge-ok' : ''}`} data-testid="pg-status" data-status={status}>{t(`status.${status}`)}</span>
        </div>
      </section>
      <section className="panel" aria-labelledby="pg-out">
        <div className="panel-header"><h2 id="pg-out">{t('output')}</h2></div>
        <pre className="pg-console" data-testid="pg-console" tabIndex={0} aria-live="polite">
          {lines.length === 0 ? <span className="muted">{t('empty')}</span> : lines.map((l, i) => <div key={i} className={`pg-${l.level}`}>{l.text}</div>)}
        </pre>
        <p className="panel-note">{t('effects')} <a href="#/streams">{t('streamsLink')}</a> · <a href="#/firehose">Firehose</a></p>
      </section>
    </>
  );
}
