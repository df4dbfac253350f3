/**
 * The Video Streams page: the world's video streams (create, retention, delete), one selected
 * (`#/video/<name>`) with its producer, fragment timeline, live and archived playback, clip
 * download, GetImages strip, metrics and limits. All media stays in the page and its worker.
 */
import { useState } from 'react';
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
      <PageHeader title="Video Streams" subtitle="Kinesis Video Streams: fragments (Matroska clusters) on the virtual clock, retention, PutMedia acknowledgements, live and archived playback." />
      <div className="card">
        <div className="toolbar">
          <label className="field"><span>Stream name</span><input value={name} onChange={(e) => setName(e.target.value)} aria-label="Video stream name" /></label>
          <label className="field"><span>Data retention (hours, 0 = no archive)</span>
            <input type="number" min={0} max={VIDEO_LIMITS.retentionHoursMax} value={retention} onChange={(e) => setRetention(Number(e.target.value))} aria-label="Data retention in hours" />
          </label>
          <button className="btn btn-primary" onClick={() => void create()}>Create video stream</button>
        </div>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <nav className="vs-tabs" aria-label="Video streams">
          {streams.map((s) => (
            <a key={s.info.StreamName} href={href('video', s.info.StreamName)} className={`fh-tab${s.info.StreamName === selectedName ? ' fh-tab-active' : ''}`}>
              <strong>{s.info.StreamName}</strong>
              <span className="muted vs-small">{s.info.Status} · {s.accounting.heldFragments} fragments · {s.info.DataRetentionInHours} h</span>
            </a>
          ))}
          {streams.length === 0 ? <p className="muted">No video streams yet: create one, press Play on the clock, then record from the browser or start the simulated camera. The gallery's “Security cameras” scenario has two running.</p> : null}
        </nav>
      </div>
      {view ? (
        <>
          <div className="vs-cards">
            <Stat label="Status" value={view.info.Status} />
            <Stat label="Retention" value={view.info.DataRetentionInHours === 0 ? 'none (5 min buffer)' : `${view.info.DataRetentionInHours} h`} />
            <Stat label="Fragments held" value={formatCount(view.accounting.heldFragments)} testId="fragments-held" />
            <Stat label="Expired / evicted" value={`${formatCount(view.accounting.expiredFragments)} / ${formatCount(view.accounting.evictedFragments)}`} />
            <Stat label="Stored" value={formatBytes(view.accounting.heldBytes)} />
            <Stat label="Ingested (PutMedia.IncomingBytes)" value={formatBytes(view.metrics['PutMedia.IncomingBytes'] ?? 0)} />
            <Stat label="Error acks" value={formatCount(view.metrics['PutMedia.ErrorAckCount'] ?? 0)} />
            <Stat label="Codec" value={recent[recent.length - 1]?.codecId ?? '—'} />
          </div>
          {view.info.Status === 'CREATING' ? <p className="muted">The stream turns ACTIVE when the virtual clock runs (Play).</p> : null}
          <CameraPanel stream={view.info.StreamName} engineCamera={!!view.producer?.connected} />
          <div className="card">
            <h2>Fragments</h2>
            <p className="muted vs-small">Bars on the producer clock (height = size); ticks below = server timestamps. Click a fragment to choose the archive range.</p>
            <FragmentTimeline view={view} selected={effectiveRange ?? undefined} onSelect={(r) => { setRange(r); setArchiveKey((k) => k + 1); }} />
            <div className="toolbar">
              <button className="btn" onClick={() => { setRange(null); setArchiveKey((k) => k + 1); }}>Whole timeline</button>
              <button className="btn" disabled={!effectiveRange} onClick={() => void download()} data-testid="download-clip">Download clip (MP4)</button>
              <button className="btn btn-danger" onClick={async () => { await simulator().videoDeleteStream(view.info.StreamName); }}>Delete stream</button>
            </div>
          </div>
          <div className="grid-2">
            <div className="card">
              <h2>Live</h2>
              {liveNumbers.length ? <MsePlayer key={`live-${view.info.StreamName}`} stream={view.info.StreamName} numbers={liveNumbers} baseMs={liveBase} live label="Live playback" /> : <p className="muted">Waiting for fragments.</p>}
            </div>
            <div className="card">
              <h2>Archive</h2>
              {view.info.DataRetentionInHours === 0 ? <p className="muted">NoDataRetentionException: this stream keeps no archive (DataRetentionInHours 0).</p>
                : archiveFrags.length ? <MsePlayer key={`archive-${archiveKey}`} stream={view.info.StreamName} numbers={archiveFrags.map((f) => f.FragmentNumber)} baseMs={archiveFrags[0].ProducerTimestamp} live={false} label="Archived playback" />
                  : <p className="muted">Nothing archived in the range.</p>}
            </div>
          </div>
          {effectiveRange && view.info.DataRetentionInHours > 0 ? <ImagesStrip stream={view.info.StreamName} range={effectiveRange} /> : null}
          <div className="grid-2">
            <div className="card">
              <h2>Metrics</h2>
              <table className="table"><tbody>
                {Object.entries(view.metrics).map(([k, v]) => <tr key={k}><td className="fh-mono">{k}</td><td>{k.endsWith('Bytes') ? formatBytes(v) : formatCount(v)}</td></tr>)}
              </tbody></table>
            </div>
            <div className="card">
              <h2>Limits</h2>
              <table className="table"><tbody>
                <tr><td>PutMedia connections per stream</td><td>{VIDEO_LIMITS.putMediaConnectionsPerStream} (ConnectionLimitExceededException)</td></tr>
                <tr><td>Fragments per second</td><td>{VIDEO_LIMITS.fragmentsPerStreamPerSec}</td></tr>
                <tr><td>Ingest per session</td><td>{formatBytes(VIDEO_LIMITS.putMediaBytesPerSec)}/s</td></tr>
                <tr><td>Fragment size / duration</td><td>{formatBytes(VIDEO_LIMITS.fragmentBytesMax)} (ErrorId 4001) / {VIDEO_LIMITS.fragmentDurationMsMax / 1000} s (4002)</td></tr>
                <tr><td>GetClip</td><td>{VIDEO_LIMITS.clipFragmentsMax} fragments or {formatBytes(VIDEO_LIMITS.clipBytesMax)}</td></tr>
                <tr><td>HLS/DASH sessions per stream</td><td>{VIDEO_LIMITS.sessionsPerStream}</td></tr>
                <tr><td>GetImages</td><td>≥ {VIDEO_LIMITS.getImagesSamplingMsMin} ms apart, ≤ {VIDEO_LIMITS.getImagesRangeMsMax / 1000} s range</td></tr>
              </tbody></table>
              {view.producer?.lastError ? <p className="field-error">Simulated camera: {view.producer.lastError}</p> : null}
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
