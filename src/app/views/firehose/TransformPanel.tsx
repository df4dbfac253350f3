/**
 * The transformation function of a delivery stream: Monaco with the JavaScript source, sample
 * records, "Test on sample records" (runs in its own sandbox, separate from the live stream's) and
 * "Apply to stream". A runaway test (infinite loop) fails its records as a Timeout; the page stays
 * responsive because the code runs in a Worker inside a sandboxed iframe.
 */
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sandboxFor } from '../../sandbox/transform-sandbox';
import { readOutcome, sampleRequest, type SampleFailure, type SampleResult } from './transform-test';

const JsEditor = lazy(() => import('./JsEditor'));

export const DEFAULT_SAMPLES = ['{"id":1,"user":"u7","action":"click","amount":12}', '{"id":2,"user":"u3","action":"view","amount":0}', 'not json'].join('\n');

export interface TransformPanelProps {
  streamName: string;
  source: string;
  onSourceChange(source: string): void;
  timeoutMs: number;
  onTimeoutChange(ms: number): void;
  enabled: boolean;
  /** Saves the transform to the live stream (enables it when off). */
  onApply(): void;
  applying: boolean;
}

export function TransformPanel(props: TransformPanelProps) {
  const { t } = useTranslation('firehose');
  const [samples, setSamples] = useState(DEFAULT_SAMPLES);
  const [results, setResults] = useState<SampleResult[] | null>(null);
  const [summary, setSummary] = useState<string>('');
  const [running, setRunning] = useState(false);
  const failureText = (f: SampleFailure): string => {
    if (f.kind === 'error') return f.text;
    if (f.kind === 'badResult') return t('transform.reasons.badResult', { got: f.got });
    return t(`transform.reasons.${f.kind}`);
  };

  const runTest = async () => {
    setRunning(true);
    setSummary(t('transform.running'));
    const lines = samples.split('\n').filter((l) => l.length > 0);
    const request = sampleRequest(lines, props.streamName, Date.now());
    const sandbox = sandboxFor(`test:${props.streamName}`);
    const outcome = await sandbox.invoke(props.source, request, props.timeoutMs);
    const read = readOutcome(request, lines, outcome);
    setResults(read);
    const counts = (r: SampleResult['result']) => read.filter((x) => x.result === r).length;
    setSummary(outcome.kind === 'error'
      ? `${outcome.errorType}: ${outcome.message}${outcome.errorType === 'Timeout' ? t('transform.timeoutNote') : ''}`
      : t('transform.summary', { ok: counts('Ok'), dropped: counts('Dropped'), failed: counts('ProcessingFailed'), ms: outcome.durationMs }));
    setRunning(false);
  };

  return (
    <section className="panel" aria-label={t('transform.title')}>
      <div className="panel-header">
        <h2>{t('transform.title')}</h2>
        <div className="row">
          <span className={`badge ${props.enabled ? 'badge-ok' : 'badge-muted'}`} data-testid="transform-state">{props.enabled ? t('transform.enabled') : t('transform.notEnabled')}</span>
          <label className="row stat-sub">{t('transform.timeLimit')}
            <input type="number" min={10} max={300000} step={100} value={props.timeoutMs} onChange={(e) => props.onTimeoutChange(Number(e.target.value))} aria-label={t('transform.timeLimitLabel')} className="fh-narrow" /> ms
          </label>
          <button type="button" className="btn btn-primary" onClick={props.onApply} disabled={props.applying} data-testid="transform-apply">{props.enabled ? t('transform.apply') : t('transform.enable')}</button>
        </div>
      </div>
      <div className="fh-transform">
        <div className="fh-transform-code">
          <Suspense fallback={<div className="loading">{t('transform.loadingEditor')}</div>}>
            <JsEditor value={props.source} onChange={props.onSourceChange} ariaLabel={t('transform.codeLabel')} height={300} />
          </Suspense>
        </div>
        <div className="fh-transform-test">
          <label className="field"><span>{t('transform.samples')}</span>
            <textarea rows={5} value={samples} onChange={(e) => setSamples(e.target.value)} data-testid="transform-samples" spellCheck={false} className="fh-mono" />
          </label>
          <div className="row">
            <button type="button" className="btn" onClick={() => void runTest()} disabled={running} data-testid="transform-test">{t('transform.test')}</button>
            <span className="stat-sub" role="status" data-testid="transform-summary">{summary}</span>
          </div>
          {results ? (
            <table className="data fh-test-table" data-testid="transform-test-results">
              <thead><tr><th>{t('transform.record')}</th><th>{t('transform.result')}</th><th>{t('transform.output')}</th></tr></thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.recordId}>
                    <td className="fh-mono" title={r.input}>{r.recordId}</td>
                    <td><span className={`badge ${r.result === 'Ok' ? 'badge-ok' : r.result === 'Dropped' ? 'badge-muted' : 'badge-bad'}`}>{r.result}</span></td>
                    <td className="fh-mono fh-wrap">{r.output ?? (r.reason ? failureText(r.reason) : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      </div>
    </section>
  );
}
