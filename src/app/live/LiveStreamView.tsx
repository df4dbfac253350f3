/** One live stream: its settings (DescribeStreamSummary), the sampling controls and seven tabs. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/Shell';
import { href } from '../router';
import { CaptureTab } from './CaptureTab';
import { HotKeysTab } from './HotKeysTab';
import { LiveDataViewer } from './LiveDataViewer';
import { LivePut } from './LivePut';
import { LiveReshard } from './LiveReshard';
import { SamplingPanel } from './SamplingPanel';
import { ShardMapTab } from './ShardMapTab';
import { TrafficTab } from './TrafficTab';
import { openStream, stopSampling } from './live-actions';
import { useLive } from './live-store';

const TABS = ['traffic', 'shards', 'keys', 'capture', 'data', 'put', 'reshard'] as const;
type Tab = (typeof TABS)[number];

export function LiveStreamView({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const detail = useLive((s) => (s.detail?.stream === stream ? s.detail : undefined));
  const [tab, setTab] = useState<Tab>('traffic');
  useEffect(() => {
    void openStream(stream);
    // Leaving the stream stops its sampler: no reads continue unseen.
    return () => void stopSampling();
  }, [stream]);
  const s = detail?.summary;
  return (
    <>
      <PageHeader title={stream} subtitle={<a href={href('live')}>{t('stream.back')}</a>} />
      {s ? (
        <dl className="live-settings" data-testid="live-settings">
          <div><dt>{t('stream.status')}</dt><dd><span className={s.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-warn'}>{s.status}</span></dd></div>
          <div><dt>{t('stream.mode')}</dt><dd>{t(`stream.modes.${s.mode ?? 'PROVISIONED'}`)}</dd></div>
          <div><dt>{t('stream.openShards')}</dt><dd data-testid="live-open-shards">{s.openShards ?? detail.shardMap.filter((x) => x.open).length}</dd></div>
          <div><dt>{t('stream.retention')}</dt><dd>{s.retentionHours !== undefined ? t('stream.retentionHours', { hours: s.retentionHours }) : '—'}</dd></div>
          <div><dt>{t('stream.encryption')}</dt><dd>{s.encryption ?? '—'}</dd></div>
          <div><dt>{t('stream.consumers')}</dt><dd>{s.consumers ?? '—'}</dd></div>
          {s.arn ? <div className="live-arn"><dt>{t('stream.arn')}</dt><dd><code>{s.arn}</code></dd></div> : null}
        </dl>
      ) : null}
      <SamplingPanel stream={stream} />
      <div className="pill-tabs" role="tablist" aria-label={stream}>
        {TABS.map((id) => (
          <button key={id} role="tab" id={`live-tab-${id}`} aria-selected={tab === id} aria-controls={`live-panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}>{t(`stream.tabs.${id}`)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`live-panel-${tab}`} aria-labelledby={`live-tab-${tab}`}>
        {tab === 'traffic' ? <TrafficTab stream={stream} /> : null}
        {tab === 'shards' ? <ShardMapTab stream={stream} /> : null}
        {tab === 'keys' ? <HotKeysTab stream={stream} /> : null}
        {tab === 'capture' ? <CaptureTab stream={stream} /> : null}
        {tab === 'data' ? <LiveDataViewer stream={stream} /> : null}
        {tab === 'put' ? <LivePut stream={stream} /> : null}
        {tab === 'reshard' ? <LiveReshard stream={stream} /> : null}
      </div>
    </>
  );
}
