/**
 * The producer controls: record from the browser (synthetic canvas source or the webcam, with
 * resolution, key-frame interval and bitrate) into PutMedia, or run the engine's in-simulation
 * test-pattern camera on the virtual clock. Shows the acknowledgements as they come back.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import { formatCount } from '../../format';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import type { PutMediaAck } from '../../../worker/api/video-api';
import { startRecorder, type CameraSource, type RunningRecorder } from './recorder';

const RESOLUTIONS = [[320, 240], [640, 480], [1280, 720]] as const;

export function CameraPanel({ stream, engineCamera }: { stream: string; engineCamera: boolean }) {
  const { t } = useTranslation('video');
  const [source, setSource] = useState<CameraSource>('synthetic');
  const [res, setRes] = useState(0);
  const [kfi, setKfi] = useState(2000);
  const [bitrate, setBitrate] = useState(500_000);
  const [running, setRunning] = useState<RunningRecorder | null>(null);
  const [acks, setAcks] = useState<PutMediaAck[]>([]);
  const [error, setError] = useState<string | null>(null);
  const previewRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (previewRef.current) previewRef.current.srcObject = running?.preview ?? null;
  }, [running]);
  useEffect(() => () => { void running?.stop(); }, [running]);

  const start = async () => {
    setError(null);
    setAcks([]);
    try {
      const [width, height] = RESOLUTIONS[res];
      const r = await startRecorder(stream, { source, width, height, keyFrameIntervalMs: kfi, bitsPerSecond: bitrate }, (batch) => {
        if (batch.length) setAcks((prev) => [...prev, ...batch].slice(-12));
      });
      setRunning(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const stop = async () => {
    const r = running;
    setRunning(null);
    await r?.stop();
  };
  const toggleEngine = async () => {
    const out = engineCamera ? await simulator().videoStopCamera(stream) : await simulator().videoStartCamera(stream, {});
    if (!out.ok) setError(errorLine(out));
  };

  return (
    <div className="card">
      <h2><Term id="producer">{t('camera.title')}</Term></h2>
      <div className="toolbar">
        <label className="field"><span>{t('camera.source')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value as CameraSource)} disabled={!!running} aria-label={t('camera.sourceLabel')}>
            <option value="synthetic">{t('camera.synthetic')}</option>
            <option value="webcam">{t('camera.webcam')}</option>
          </select>
        </label>
        <label className="field"><span>{t('camera.resolution')}</span>
          <select value={res} onChange={(e) => setRes(Number(e.target.value))} disabled={!!running}>
            {RESOLUTIONS.map(([w, h], i) => <option key={w} value={i}>{w}×{h}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('camera.keyFrame')}</span>
          <select value={kfi} onChange={(e) => setKfi(Number(e.target.value))} disabled={!!running}>
            {[1000, 2000, 4000].map((v) => <option key={v} value={v}>{t('camera.keyFrameOption', { sec: v / 1000 })}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('camera.bitrate')}</span>
          <select value={bitrate} onChange={(e) => setBitrate(Number(e.target.value))} disabled={!!running}>
            {[250_000, 500_000, 1_000_000, 4_000_000].map((v) => <option key={v} value={v}>{t('camera.bitrateOption', { kbit: formatCount(v / 1000) })}</option>)}
          </select>
        </label>
        {running
          ? <button className="btn btn-danger" onClick={() => void stop()}>{t('camera.stop')}</button>
          : <button className="btn btn-primary" onClick={() => void start()}>{t('camera.record')}</button>}
        <button className="btn" onClick={() => void toggleEngine()}>{engineCamera ? t('camera.stopEngine') : t('camera.startEngine')}</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="vs-camera">
        <video ref={previewRef} autoPlay muted playsInline className="vs-preview" aria-label={t('camera.preview')} hidden={!running} />
        <div>
          {running ? <p className="muted vs-small">{t('camera.recording', { mime: running.mimeType })}</p> : null}
          <ul className="vs-acks" data-testid="acks">
            {acks.map((a, i) => (
              <li key={i} className={a.EventType === 'ERROR' ? 'fh-bad' : undefined}>
                {a.EventType}{a.FragmentNumber ? ` #${a.FragmentNumber.slice(-6)}` : ''}{a.FragmentTimecode !== undefined ? ` @${a.FragmentTimecode}` : ''}{a.ErrorId ? ` ErrorId ${a.ErrorId}` : ''}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
