/**
 * The Video Streams page: the world's video streams (create, retention, delete), one selected
 * (`#/video/<name>`) with its producer, fragment timeline, live and archived playback, clip
 * download, GetImages strip, metrics and limits. All media stays in the page and its worker.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import { PageHeader } from '../../components/Shell';
import { useSim } from '../../stores/sim-store';
import { useWatch } from '../../stores/console-store';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import { href } from '../../router';
import { formatBytes, formatCount } from '../../format';
import { VIDEO_LIMITS } from '../../../engine/video/limits';
import { CameraPanel } from './CameraPanel';
import { FragmentTimeline } from './FragmentTimeline';
import { MsePlayer } from './MsePlayer';
import { ImagesStrip } from './ImagesStrip';
import './video.css';

export default function VideoPage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('video');
  useWatch({ stream: null, video: true });
  const slice = useSim((s) => s.frame?.world?.videoStreams);
  const streams = slice?.streams ?? [];
  const selectedName = params[0] && streams.some((s) => s.info.StreamName === params[0]) ? params[0] : streams[0]?.info.StreamName;
  const view = streams.find((s) => s.info.StreamName === selectedName);
  const [name, setName] = useState('my-camera');
  const [retention, setRetention] = useState(24);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [archiveKey, setArchiveKey] = useState(0);

  const create = async () => {
    setError(null);
    const out = await simulator().videoCreateStream(name.trim(), retention, 'video/h264');
    if (!out.ok) return setError(errorLine(out));
    window.location.hash = href('video', name.trim());
  };

  const recent = view?.recent ?? [];
  const liveNumbers = recent.slice(-5).map((f) => f.FragmentNumber);
  const liveBase = recent.length ? recent[Math.max(0, recent.length - 5)].ProducerTimestamp : 0;
  const effectiveRange: [number, number] | null = range ?? (recent.length ? [recent[0].ProducerTimestamp, recent[recent.length - 1].ProducerTimestamp + recent[recent.length - 1].FragmentLengthInMilliseconds] : null);
  const archiveFrags = effectiveRange ? recent.filter((f) => f.ProducerTimestamp >= effectiveRange[0] && f.ProducerTimestamp <= effectiveRange[1]) : [];

  const download = async () => {
    if (!view || !effectiveRange) return;
    const out = await simulator().videoClip(view.info.StreamName, effectiveRange[0], effectiveRange[1]);
    if (!out.ok) return setError(errorLine(out));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([out.value.bytes as BlobPart], { type: 'video/mp4' }));
    a.download = `${view.info.StreamName}-${new Date(effectiveRange[0]).toISOString().replace(/[:.]/g, '-')}.mp4`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <div className="page vs-page">
      <PageHeader title={t('title')} subtitle={<Trans t={t} i18nKey="subtitle" components={{ video: <Term id="videoStreams">{''}</Term> }} />} />
      <div className="card">
        <div className="toolbar">
          <label className="field"><span>{t('streamName')}</span><input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('streamNameLabel')} /></label>
          <label className="field"><span>{t('retention')}</span>
            <input type="number" min={0} max={VIDEO_LIMITS.retentionHoursMax} value={retention} onChange={(e) => setRetention(Number(e.target.value))} aria-label={t('retentionLabel')} />
          </label>
          <button className="btn btn-primary" onClick={() => void create()}>{t('create')}</button>
        </div>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <nav className="vs-tabs" aria-label={t('tabs')}>
          {streams.map((s) => (
            <a key={s.info.StreamName} href={href('video', s.info.StreamName)} className={`fh-tab${s.info.StreamName === selectedName ? ' fh-tab-active' : ''}`}>
              <strong>{s.info.StreamName}</strong>
              <span className="muted vs-small">{t('tabSub', { status: s.info.Status, n: formatCount(s.accounting.heldFragments), hours: s.info.DataRetentionInHours })}</span>
            </a>
          ))}
          {streams.length === 0 ? <p className="muted">{t('empty')}</p> : null}
        </nav>
      </div>
      {view ? (
        <>
          <div className="vs-cards">
            <Stat label={t('stat.status')} value={view.info.Status} />
            <Stat label={t('stat.retention')} value={view.info.DataRetentionInHours === 0 ? t('stat.noRetention') : t('stat.hours', { n: view.info.DataRetentionInHours })} />
            <Stat label={t('stat.held')} value={formatCount(view.accounting.heldFragments)} testId="fragments-held" />
            <Stat label={t('stat.expired')} value={`${formatCount(view.accounting.expiredFragments)} / ${formatCount(view.accounting.evictedFragments)}`} />
            <Stat label={t('stat.stored')} value={formatBytes(view.accounting.heldBytes)} />
            <Stat label={t('stat.ingested')} value={formatBytes(view.metrics['PutMedia.IncomingBytes'] ?? 0)} />
            <Stat label={t('stat.errorAcks')} value={formatCount(view.metrics['PutMedia.ErrorAckCount'] ?? 0)} />
            <Stat label={t('stat.codec')} value={recent[recent.length - 1]?.codecId ?? '—'} />
          </div>
          {view.info.Status === 'CREATING' ? <p className="muted">{t('creating')}</p> : null}
          <CameraPanel stream={view.info.StreamName} engineCamera={!!view.producer?.connected} />
          <div className="card">
            <h2>{t('fragments')}</h2>
            <p className="muted vs-small">{t('fragmentsNote')}</p>
            <FragmentTimeline view={view} selected={effectiveRange ?? undefined} onSelect={(r) => { setRange(r); setArchiveKey((k) => k + 1); }} />
            <div className="toolbar">
              <button className="btn" onClick={() => { setRange(null); setArchiveKey((k) => k + 1); }}>{t('wholeTimeline')}</button>
              <button className="btn" disabled={!effectiveRange} onClick={() => void download()} data-testid="download-clip">{t('downloadClip')}</button>
              <button className="btn btn-danger" onClick={async () => { await simulator().videoDeleteStream(view.info.StreamName); }}>{t('deleteStream')}</button>
            </div>
          </div>
          <div className="grid-2">
            <div className="card">
              <h2>{t('live')}</h2>
              {liveNumbers.length ? <MsePlayer key={`live-${view.info.StreamName}`} stream={view.info.StreamName} numbers={liveNumbers} baseMs={liveBase} live label={t('livePlayback')} /> : <p className="muted">{t('waitingFragments')}</p>}
            </div>
            <div className="card">
              <h2>{t('archive')}</h2>
              {view.info.DataRetentionInHours === 0 ? <p className="muted">{t('noArchive')}</p>
                : archiveFrags.length ? <MsePlayer key={`archive-${archiveKey}`} stream={view.info.StreamName} numbers={archiveFrags.map((f) => f.FragmentNumber)} baseMs={archiveFrags[0].ProducerTimestamp} live={false} label={t('archivedPlayback')} />
                  : <p className="muted">{t('nothingArchived')}</p>}
            </div>
          </div>
          {effectiveRange && view.info.DataRetentionInHours > 0 ? <ImagesStrip stream={view.info.StreamName} range={effectiveRange} /> : null}
          <div className="grid-2">
            <div className="card">
              <h2>{t('metrics')}</h2>
              <table className="table"><tbody>
                {Object.entries(view.metrics).map(([k, v]) => <tr key={k}><td className="fh-mono">{k}</td><td>{k.endsWith('Bytes') ? formatBytes(v) : formatCount(v)}</td></tr>)}
              </tbody></table>
            </div>
            <div className="card">
              <h2>{t('limits')}</h2>
              <table className="table"><tbody>
                <tr><td>{t('limit.connections')}</td><td>{VIDEO_LIMITS.putMediaConnectionsPerStream} (ConnectionLimitExceededException)</td></tr>
                <tr><td>{t('limit.fragmentsPerSec')}</td><td>{VIDEO_LIMITS.fragmentsPerStreamPerSec}</td></tr>
                <tr><td>{t('limit.ingest')}</td><td>{formatBytes(VIDEO_LIMITS.putMediaBytesPerSec)}/s</td></tr>
                <tr><td>{t('limit.fragmentSize')}</td><td>{formatBytes(VIDEO_LIMITS.fragmentBytesMax)} (ErrorId 4001) / {VIDEO_LIMITS.fragmentDurationMsMax / 1000} s (4002)</td></tr>
                <tr><td>{t('limit.getClip')}</td><td>{t('limit.clipValue', { n: VIDEO_LIMITS.clipFragmentsMax, bytes: formatBytes(VIDEO_LIMITS.clipBytesMax) })}</td></tr>
                <tr><td>{t('limit.sessions')}</td><td>{VIDEO_LIMITS.sessionsPerStream}</td></tr>
                <tr><td>{t('limit.getImages')}</td><td>{t('limit.imagesValue', { ms: VIDEO_LIMITS.getImagesSamplingMsMin, sec: VIDEO_LIMITS.getImagesRangeMsMax / 1000 })}</td></tr>
              </tbody></table>
              {view.producer?.lastError ? <p className="field-error">{t('cameraError', { error: view.producer.lastError })}</p> : null}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return <div className="card"><div className="muted vs-small">{label}</div><div className="fh-stat" data-testid={testId}>{value}</div></div>;
}
