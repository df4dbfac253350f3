/** The connected endpoint's streams (ListStreams), each a link to its live view. */
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { refreshStreams } from './live-actions';
import { useLive } from './live-store';

export function LiveStreamList() {
  const { t } = useTranslation('live');
  const streams = useLive((s) => s.streams);
  const endpoint = useLive((s) => s.endpoint);
  return (
    <section className="panel" aria-labelledby="live-streams-title">
      <div className="panel-header">
        <h2 id="live-streams-title">{t('streams.title', { endpoint: endpoint?.label ?? '' })}</h2>
        <button type="button" className="btn" onClick={() => void refreshStreams()}>{t('streams.refresh')}</button>
      </div>
      {streams.length === 0 ? <p className="muted">{t('streams.none')}</p> : (
        <ul className="live-stream-list" data-testid="live-streams">
          {streams.map((s) => (
            <li key={s}><a href={href('live', s)}>{s}</a></li>
          ))}
        </ul>
      )}
    </section>
  );
}
