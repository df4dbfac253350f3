/**
 * The browser camera: a MediaStream from the webcam (getUserMedia, with the user's permission) or
 * from a synthetic source — a canvas test pattern with the producer's clock drawn into each frame
 * (canvas.captureStream) — encoded by MediaRecorder into WebM chunks that go to the worker's
 * PutMedia session as they arrive. Nothing leaves the page.
 */
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';
import type { PutMediaAck } from '../../../worker/api/video-api';

export type CameraSource = 'synthetic' | 'webcam';

export interface RecorderSettings {
  readonly source: CameraSource;
  readonly width: number;
  readonly height: number;
  readonly keyFrameIntervalMs: number;
  readonly bitsPerSecond: number;
}

/** H.264 first (what HLS/DASH/GetClip on AWS accept), then VP9, then VP8. */
export function pickMimeType(): string | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  return ['video/webm;codecs=h264', 'video/x-matroska;codecs=avc1', 'video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm']
    .find((t) => MediaRecorder.isTypeSupported(t));
}

function syntheticStream(width: number, height: number): { stream: MediaStream; stop: () => void } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  const started = performance.now();
  let raf = 0;
  const bars = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0', '#101010'];
  const draw = (): void => {
    const t = performance.now() - started;
    bars.forEach((c, i) => { g.fillStyle = c; g.fillRect((i * width) / bars.length, 0, width / bars.length + 1, height); });
    g.fillStyle = '#ffffff';
    g.fillRect(((t % 2000) / 2000) * (width - 16), height * 0.75, 16, height * 0.25);
    g.fillStyle = 'rgba(0,0,0,0.75)';
    g.fillRect(0, 0, width, Math.max(24, height / 8));
    g.fillStyle = '#ffffff';
    g.font = `${Math.max(14, Math.round(height / 12))}px monospace`;
    g.textBaseline = 'top';
    g.fillText(`producer ${new Date().toISOString().slice(11, 23)}  +${(t / 1000).toFixed(1)} s`, 6, 4);
    raf = requestAnimationFrame(draw);
  };
  draw();
  const stream = canvas.captureStream(30);
  return { stream, stop: () => { cancelAnimationFrame(raf); stream.getTracks().forEach((tr) => tr.stop()); } };
}

export interface RunningRecorder {
  readonly mimeType: string;
  readonly preview: MediaStream;
  stop(): Promise<void>;
}

/** Starts recording into the stream's PutMedia; `onAcks` gets each batch of acknowledgements. */
export async function startRecorder(streamName: string, settings: RecorderSettings, onAcks: (acks: PutMediaAck[]) => void): Promise<RunningRecorder> {
  const mimeType = pickMimeType();
  if (!mimeType) throw new Error('This browser has no MediaRecorder for WebM video.');
  let media: { stream: MediaStream; stop: () => void };
  if (settings.source === 'webcam') {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: settings.width, height: settings.height }, audio: false });
    media = { stream, stop: () => stream.getTracks().forEach((t) => t.stop()) };
  } else {
    media = syntheticStream(settings.width, settings.height);
  }
  const open = await simulator().videoOpenPutMedia(streamName);
  if (!open.ok) {
    media.stop();
    throw new Error(errorLine(open)!);
  }
  const session = open.value;
  const options: MediaRecorderOptions & { videoKeyFrameIntervalDuration?: number } = {
    mimeType, videoBitsPerSecond: settings.bitsPerSecond, videoKeyFrameIntervalDuration: settings.keyFrameIntervalMs,
  };
  const recorder = new MediaRecorder(media.stream, options);
  // Chunks must reach the worker in order: chain the writes.
  let chain = Promise.resolve();
  recorder.ondataavailable = (ev) => {
    if (ev.data.size === 0) return;
    chain = chain.then(async () => onAcks(await simulator().videoPutMediaWrite(session, new Uint8Array(await ev.data.arrayBuffer()))));
  };
  const stopped = new Promise<void>((resolve) => { recorder.onstop = () => resolve(); });
  recorder.start(250);
  return {
    mimeType,
    preview: media.stream,
    async stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      await stopped;
      await chain;
      onAcks(await simulator().videoPutMediaEnd(session));
      media.stop();
    },
  };
}
