/**
 * The world the console shows, on every page: "Simulation", or "Live: <endpoint>" with a Disconnect
 * button. Rendered by the Shell; loads its strings without suspending the page.
 */
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { disconnect } from './live-actions';
import { useLive } from './live-store';
import './live.css';

export function LiveBanner() {
  const { t, ready } = useTranslation('live', { useSuspense: false });
  const endpoint = useLive((s) => (s.status === 'connected' ? s.endpoint : undefined));
  if (!ready) return null;
  if (!endpoint) {
    return <span className="world-banner world-sim" data-testid="world-banner" title={t('banner.simulationTitle')}>{t('banner.simulation')}</span>;
  }
  return (
    <span className="world-banner world-live" data-testid="world-banner" title={t('banner.liveTitle', { url: endpoint.url })}>
      <a href={href('live')}>{t('banner.live', { endpoint: endpoint.label })}</a>
      <button type="button" className="btn btn-small" data-testid="live-disconnect" onClick={() => void disconnect()}>{t('banner.disconnect')}</button>
    </span>
  );
}
