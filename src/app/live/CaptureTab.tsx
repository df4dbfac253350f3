/** Capture a window of live traffic as a Planner workload; open it in the Planner or export it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import { startCapture, startSampling } from './live-actions';
import { useLive, type CapturedWorkload } from './live-store';
import { downloadWorkload, openInPlanner, simulateCapture } from './open-in-planner';
import { ConfirmDialog } from './ConfirmDialog';

const WINDOWS = [10, 30, 60, 120, 300, 600];

export function CaptureTab({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const frame = useLive((s) => (s.frame?.stream === stream ? s.frame : undefined));
  const endpoint = useLive((s) => s.endpoint);
  const [seconds, setSeconds] = useState(30);
  const [asking, setAsking] = useState(false);
  const capture = frame?.capture;
  const running = capture?.status === 'running';
  const begin = async () => {
    if (!frame?.sampling.running) await startSampling(stream, frame?.sampling.readsPerSecPerShard ?? 1);
    await startCapture(seconds);
  };
  const result = capture?.result;
  const captured: CapturedWorkload | undefined = result?.ok && capture
    ? {
        stream, endpoint: endpoint?.label ?? '', seconds: capture.seconds, workload: result.workload, json: result.json, perSecond: result.perSecond,
        mode: frame?.summary.mode ?? 'PROVISIONED', openShards: frame?.shardMap.filter((s) => s.open).length ?? 1, retentionHours: frame?.summary.retentionHours,
      }
    : undefined;
  return (
    <section className="panel" aria-labelledby="live-capture-title">
      <h2 id="live-capture-title">{t('capture.title')}</h2>
      <p className="panel-note">{t('capture.note')}</p>
      <div className="row">
        <label className="inline-field">
          {t('capture.seconds')}
          <select data-testid="live-capture-seconds" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} disabled={running}>
            {WINDOWS.map((w) => <option key={w} value={w}>{w < 60 ? t('capture.secondsOption', { count: w }) : t('capture.minutesOption', { count: w / 60 })}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-primary" data-testid="live-capture" disabled={running} onClick={() => void begin()}>{t('capture.start')}</button>
        {!frame?.sampling.running ? <span className="muted small">{t('capture.needsSampling')}</span> : null}
      </div>
      {running && capture ? (
        <p data-testid="live-capture-progress">{t('capture.running', { elapsed: Math.floor(capture.elapsedSec), seconds: capture.seconds, records: formatCount(capture.records) })}</p>
      ) : null}
      {result && !result.ok ? (
        <div className="callout callout-warn" role="alert">
          {result.reason === 'no-records' ? t('capture.noRecords') : (
            <>{t('capture.invalid')}<ul>{result.issues.map((i) => <li key={i.path}>{i.path}: {i.message}</li>)}</ul></>
          )}
        </div>
      ) : null}
      {captured ? (
        <div className="callout callout-ok" data-testid="live-capture-done">
          <p>{t('capture.done', {
            records: formatCount(capture?.records ?? 0), seconds: captured.seconds,
            average: captured.workload.traffic.recordsPerSecond.average, peak: captured.workload.traffic.recordsPerSecond.peak,
          })}</p>
          <p className="small">
            {t('capture.keys')}: {captured.workload.traffic.keys.kind === 'explicit'
              ? t('capture.keysExplicit', { count: Object.keys(captured.workload.traffic.keys.weights).length })
              : t('capture.keysModel', { kind: captured.workload.traffic.keys.kind })}
          </p>
          <div className="row">
            <button type="button" className="btn btn-primary" data-testid="live-open-planner" onClick={() => openInPlanner(captured)}>{t('capture.openPlanner')}</button>
            <button type="button" className="btn" data-testid="live-simulate" onClick={() => setAsking(true)}>{t('capture.simulate')}</button>
            <button type="button" className="btn" data-testid="live-export-workload" onClick={() => downloadWorkload(captured)}>{t('capture.export')}</button>
          </div>
          <p className="muted small">{t('capture.simulateNote')}</p>
          {asking ? (
            <ConfirmDialog
              title={t('capture.simulateTitle')} body={t('capture.simulateBody', { stream })} op="" proceedLabel={t('capture.simulateProceed')}
              onConfirm={() => { setAsking(false); void simulateCapture(captured); }} onCancel={() => setAsking(false)}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
