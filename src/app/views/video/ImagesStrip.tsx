/** GetImages as a strip of thumbnails: one per sampling interval over the selected range. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulator } from '../../sim-client';
import { errorLine } from '../../../worker/protocol';

export function ImagesStrip({ stream, range }: { stream: string; range: readonly [number, number] }) {
  const { t } = useTranslation('video');
  const [images, setImages] = useState<Array<{ t: number; url?: string; error?: string }>>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [format, setFormat] = useState<'JPEG' | 'PNG'>('JPEG');
  const load = async () => {
    setMessage(null);
    const span = Math.min(300_000, range[1] - range[0]);
    const sampling = Math.max(200, Math.round(span / 8));
    const out = await simulator().videoImages(stream, range[0], range[0] + span, sampling, format, 160);
    if (!out.ok) return setMessage(errorLine(out));
    setImages(out.value.map((i) => ({ t: i.timestampMs, error: i.error, url: i.bytes ? URL.createObjectURL(new Blob([i.bytes as BlobPart], { type: i.mimeType })) : undefined })));
  };
  useEffect(() => () => images.forEach((i) => i.url && URL.revokeObjectURL(i.url)), [images]);
  return (
    <div className="card">
      <h2>{t('images.title')}</h2>
      <div className="toolbar">
        <label className="field"><span>{t('images.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as 'JPEG' | 'PNG')}><option>JPEG</option><option>PNG</option></select>
        </label>
        <button className="btn" onClick={() => void load()}>{t('images.get')}</button>
      </div>
      {message ? <p className="field-error">{message}</p> : null}
      <div className="vs-strip" data-testid="images">
        {images.map((i) => (
          <figure key={i.t}>
            {i.url ? <img src={i.url} alt={t('images.frameAt', { time: new Date(i.t).toISOString() })} width={160} /> : <div className="vs-noimg">{i.error}</div>}
            <figcaption className="muted vs-small">{new Date(i.t).toISOString().slice(11, 21)}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
