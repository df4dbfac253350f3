/**
 * The Live page (#/live, #/live/<stream>): the connect form until connected, then the endpoint's
 * streams, or one stream's settings, shard map, sampled traffic, hot keys, capture, data viewer,
 * put-a-record and resharding. Composes; the live worker does the work.
 */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/Shell';
import { ConnectForm } from './ConnectForm';
import { LiveErrorCallout } from './LiveErrorCallout';
import { LiveStreamList } from './LiveStreamList';
import { LiveStreamView } from './LiveStreamView';
import { useLive } from './live-store';

export default function LivePage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('live');
  const status = useLive((s) => s.status);
  const error = useLive((s) => s.error);
  const stream = params[0];
  return (
    <div className="live-page">
      {status !== 'connected' || !stream ? <PageHeader title={t('title')} subtitle={t('subtitle')} /> : null}
      {error ? <LiveErrorCallout error={error} onDismiss={() => useLive.getState().set({ error: undefined })} /> : null}
      {status !== 'connected' ? <ConnectForm /> : stream ? <LiveStreamView key={stream} stream={stream} /> : <LiveStreamList />}
    </div>
  );
}
