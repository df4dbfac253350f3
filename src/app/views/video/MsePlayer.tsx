/**
 * A <video> fed through Media Source Extensions with the engine's fMP4: the init segment once,
 * then media segments in order. Live mode appends each new fragment as frames announce it;
 * archive mode appends the chosen range once and lets the user scrub.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';

export interface PlayerProps {
  readonly stream: string;
  /** Fragment numbers to play, oldest first (live: grows as fragments arrive). */
  readonly numbers: readonly string[];
  /** Producer time of the first fragment: decode time zero. */
  readonly baseMs: number;
  readonly live: boolean;
  readonly label: string;
}

export function MsePlayer({ stream, numbers, baseMs, live, label }: PlayerProps) {
  const { t } = useTranslation('video');
  const videoRef = useRef<HTMLVideoElement>(null);
  const state = useRef<{ source: MediaSource; buffer?: SourceBuffer; appended: Set<string>; queue: Uint8Array[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // Live playback keeps one MediaSource while fragments roll in; archive playback restarts per range.
  const firstRef = useRef(numbers[0]);
  if (!live || !firstRef.current) firstRef.current = numbers[0];
  const first = firstRef.current;
  const baseRef = useRef(baseMs);
  if (!live) baseRef.current = baseMs;

  // A new stream, start or base: a fresh MediaSource.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !first) return;
    setError(null);
    const source = new MediaSource();
    const st = { source, appended: new Set<string>(), queue: [] as Uint8Array[], buffer: undefined as SourceBuffer | undefined };
    state.current = st;
    const url = URL.createObjectURL(source);
    video.src = url;
    source.addEventListener('sourceopen', async () => {
      const played = await simulator().videoPlaybackInit(stream, first);
      if (state.current !== st || source.readyState !== 'open') return; // replaced meanwhile
      if (!played.ok) return setError(errorLine(played));
      const init = played.value;
      if (!MediaSource.isTypeSupported(init.mimeType)) return setError(t('player.cannotPlay', { mime: init.mimeType }));
      const buffer = source.addSourceBuffer(init.mimeType);
      st.buffer = buffer;
      buffer.addEventListener('updateend', () => {
        // appendNew may have started an append between the update's end and this event.
        if (buffer.updating || state.current !== st || source.readyState === 'closed') return; // closed by a newer source
        const next = st.queue.shift();
        if (next) buffer.appendBuffer(next as BufferSource);
        else if (!live && source.readyState === 'open' && !buffer.updating && st.appended.size >= numbersRef.current.length && !pending.current) source.endOfStream();
      });
      buffer.addEventListener('error', () => setError(t('player.refused')));
      st.queue.push(init.init);
      buffer.appendBuffer(st.queue.shift()! as BufferSource);
      setStatus(init.mimeType);
      void appendNew();
    }, { once: true });
    return () => {
      state.current = null;
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream, first, live]);

  /** Segment requests in flight: the archive ends its MediaSource only when none is left. */
  const pending = useRef(0);
  const numbersRef = useRef(numbers);
  numbersRef.current = numbers;

  const appendNew = async (): Promise<void> => {
    const st = state.current;
    if (!st?.buffer) return;
    // Live: only fragments at or after the first one played (older ones left the window).
    const wanted = numbersRef.current.filter((n) => !st.appended.has(n) && n >= first);
    if (!wanted.length) return;
    wanted.forEach((n) => st.appended.add(n));
    pending.current++;
    const segs = await simulator().videoPlaybackSegments(stream, wanted, baseRef.current).finally(() => { pending.current--; });
    // 'ended' is fine: appending reopens an archive that grew; only a closed (replaced) source is done with.
    if (state.current !== st || !st.buffer || st.source.readyState === 'closed') return;
    for (const s of segs) st.queue.push(s.bytes);
    if (!st.buffer.updating && st.queue.length) st.buffer.appendBuffer(st.queue.shift()! as BufferSource);
    const video = videoRef.current;
    if (live && video && video.buffered.length && video.paused) void video.play().catch(() => undefined);
  };

  useEffect(() => { void appendNew(); });

  return (
    <div className="vs-player">
      <video ref={videoRef} controls muted playsInline aria-label={label} data-testid={live ? 'live-player' : 'archive-player'} />
      <div className="muted vs-small">{error ? <span className="field-error">{error}</span> : status}</div>
    </div>
  );
}
