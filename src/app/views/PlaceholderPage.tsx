import { PageHeader } from '../components/Shell';
import { useTranslation } from 'react-i18next';

const ABOUT: Record<string, { title: string; text: string }> = {
  streams: { title: 'Streams', text: 'Kinesis data streams of the scenario: shards, hash-key ranges, hot spots and resharding.' },
  producers: { title: 'Producers', text: 'Load generators writing to the streams: rate profiles, partition keys, batching and retries.' },
  consumers: { title: 'Consumers', text: 'KCL applications, enhanced fan-out consumers and Lambda mappings, with their lag.' },
  firehose: { title: 'Firehose', text: 'Delivery streams: buffering, transformation, compression and destinations.' },
  analytics: { title: 'Analytics', text: 'Streaming SQL applications over the streams.' },
  planner: { title: 'Planner', text: 'Capacity estimates, cost per month and what-if comparisons.' },
  'not-found': { title: 'Page not found', text: 'This address does not match a page of the console. Use the navigation on the left.' },
};

export function PlaceholderPage({ page }: { page: string }) {
  const { t } = useTranslation();
  const about = page === 'not-found' || !ABOUT[page] ? { title: t('notFound.title'), text: t('notFound.text') } : ABOUT[page];
  return (
    <>
      <PageHeader title={about.title} subtitle={about.text} />
      <div className="empty-state">
        <p>{t('notFound.empty')}</p>
      </div>
    </>
  );
}
