import { PageHeader } from '../components/Shell';

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
  const about = ABOUT[page] ?? ABOUT['not-found'];
  return (
    <>
      <PageHeader title={about.title} subtitle={about.text} />
      <div className="empty-state">
        <p>Nothing to show here yet for this scenario.</p>
      </div>
    </>
  );
}
