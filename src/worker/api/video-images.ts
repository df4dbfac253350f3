/**
 * GetImages for the console: the engine picks the key frame per sampled timestamp; the worker
 * decodes it — exactly, with the engine's I_PCM decoder, for the sandbox's own test pattern, else
 * with the browser's WebCodecs VideoDecoder — and encodes JPEG or PNG with OffscreenCanvas.
 */
import { decodePcmKeyFrame } from '../../engine/video/pcm-h264-decoder';
import { outputSize, selectImageFrames, type GetImagesInput } from '../../engine/video/images';
import { avcCFromSamples, annexBToAvcc, isAnnexB } from '../../engine/video/h264-annexb';
import { codecString, mp4CodecOf } from '../../engine/video/mp4-boxes';
import type { MkvTrack } from '../../engine/video/matroska';
import type { VideoStream } from '../../engine/video/video-stream';

export interface ConsoleImage {
  readonly timestampMs: number;
  readonly error?: 'NO_MEDIA' | 'MEDIA_ERROR';
  readonly bytes?: Uint8Array;
  readonly mimeType?: string;
}

async function webCodecsDecode(track: MkvTrack, sample: Uint8Array): Promise<VideoFrame | undefined> {
  if (typeof VideoDecoder === 'undefined') return undefined;
  const codec = mp4CodecOf(track.codecId);
  if (!codec) return undefined;
  let data = sample;
  let description: Uint8Array | undefined;
  if (codec === 'avc1') {
    description = track.codecPrivate?.[0] === 1 ? track.codecPrivate : avcCFromSamples([sample]);
    if (isAnnexB(sample)) data = annexBToAvcc(sample);
  }
  const config: VideoDecoderConfig = {
    codec: codec === 'vp08' ? 'vp8' : codecString(codec, description),
    ...(description ? { description } : {}),
    ...(track.width && track.height ? { codedWidth: track.width, codedHeight: track.height } : {}),
  };
  const support = await VideoDecoder.isConfigSupported(config).catch(() => ({ supported: false }));
  if (!support.supported) return undefined;
  return new Promise<VideoFrame | undefined>((resolve) => {
    let result: VideoFrame | undefined;
    const decoder = new VideoDecoder({ output: (f) => { result ??= f; }, error: () => resolve(undefined) });
    decoder.configure(config);
    decoder.decode(new EncodedVideoChunk({ type: 'key', timestamp: 0, data }));
    decoder.flush().then(() => { decoder.close(); resolve(result); }, () => resolve(undefined));
  });
}

export async function consoleImages(stream: VideoStream, input: GetImagesInput): Promise<ConsoleImage[]> {
  const sel = selectImageFrames(stream, input);
  const mimeType = sel.format === 'PNG' ? 'image/png' : 'image/jpeg';
  const out: ConsoleImage[] = [];
  for (const f of sel.frames) {
    if (!f.fragment || !f.frame) {
      out.push({ timestampMs: f.timestampMs, error: 'NO_MEDIA' });
      continue;
    }
    const track = f.fragment.header.tracks.find((t) => t.number === f.frame!.track)!;
    const pcm = decodePcmKeyFrame(track.codecPrivate, f.frame.data);
    const frame = pcm ? undefined : await webCodecsDecode(track, f.frame.data);
    const width = pcm?.width ?? frame?.displayWidth;
    const height = pcm?.height ?? frame?.displayHeight;
    if (!width || !height || typeof OffscreenCanvas === 'undefined') {
      frame?.close();
      out.push({ timestampMs: f.timestampMs, error: 'MEDIA_ERROR' });
      continue;
    }
    const { w, h } = outputSize(width, height, input.WidthPixels, input.HeightPixels);
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d')!;
    if (pcm) {
      const src = new OffscreenCanvas(width, height);
      src.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pcm.rgba), width, height), 0, 0);
      g.drawImage(src, 0, 0, w, h);
    } else {
      g.drawImage(frame!, 0, 0, w, h);
      frame!.close();
    }
    const blob = await canvas.convertToBlob({ type: mimeType, quality: 0.8 });
    out.push({ timestampMs: f.timestampMs, bytes: new Uint8Array(await blob.arrayBuffer()), mimeType });
  }
  return out;
}
