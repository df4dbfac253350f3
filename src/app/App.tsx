import { Suspense, lazy, useEffect, type ComponentType } from 'react';
import { useRoute } from './router';
import { Shell } from './components/Shell';
import { OverviewPage } from './views/OverviewPage';
import { PlaceholderPage } from './views/PlaceholderPage';
import { startScenario } from './scenarios/bootstrap';
import { attachTransformSandbox } from './sandbox/transform-bridge';
import { startWorkerDocSync } from './scenarios/worker-doc-sync';

type PageComponent = ComponentType<{ params: readonly string[] }>;

// Every page but the overview loads on demand, so the first paint stays small.
const pages: Record<string, PageComponent> = {
  overview: OverviewPage,
  streams: lazy(() => import('./views/streams/StreamsPage')),
  producers: lazy(() => import('./views/producers/ProducersPage')),
  consumers: lazy(() => import('./views/consumers/ConsumersPage')),
  firehose: lazy(() => import('./views/firehose/FirehosePage')),
  analytics: lazy(() => import('./views/analytics/AnalyticsPage')),
  planner: lazy(() => import('./views/planner/PlannerPage')),
  agents: lazy(() => import('./views/agent/AgentsPage')),
  queues: lazy(() => import('./views/queues/ComparePage')),
};

export function App() {
  const route = useRoute();
  useEffect(() => {
    // A shared link, else the autosaved scenario, else the demo (src/app/scenarios/bootstrap.ts).
    void startScenario();
    startWorkerDocSync();
    // Transform functions of delivery streams run in a sandbox owned by the page; attaching is cheap
    // (no iframe until the first call), so scenarios with transforms work from any page.
    void attachTransformSandbox();
  }, []);
  const Page = pages[route.page];
  return (
    <Shell page={route.page}>
      <Suspense fallback={<div className="loading">Loading…</div>}>
        {Page ? <Page params={route.params} /> : <PlaceholderPage page="not-found" />}
      </Suspense>
    </Shell>
  );
}
