import { Suspense, lazy, useEffect, type ComponentType } from 'react';
import { useRoute } from './router';
import { Shell } from './components/Shell';
import { OverviewPage } from './views/OverviewPage';
import { PlaceholderPage } from './views/PlaceholderPage';
import { startScenario } from './scenarios/bootstrap';
import { attachTransformSandbox } from './sandbox/transform-bridge';
import { startWorkerDocSync } from './scenarios/worker-doc-sync';
import { useTranslation } from 'react-i18next';
import { useActiveLesson } from './learn/active-lesson';

type PageComponent = ComponentType<{ params: readonly string[] }>;

// Every page but the overview loads on demand, so the first paint stays small.
const pages: Record<string, PageComponent> = {
  overview: OverviewPage,
  streams: lazy(() => import('./views/streams/StreamsPage')),
  producers: lazy(() => import('./views/producers/ProducersPage')),
  consumers: lazy(() => import('./views/consumers/ConsumersPage')),
  firehose: lazy(() => import('./views/firehose/FirehosePage')),
  analytics: lazy(() => import('./views/analytics/AnalyticsPage')),
  video: lazy(() => import('./views/video/VideoPage')),
  planner: lazy(() => import('./views/planner/PlannerPage')),
  live: lazy(() => import('./live/LivePage')),
  agents: lazy(() => import('./views/agent/AgentsPage')),
  queues: lazy(() => import('./views/queues/ComparePage')),
  playground: lazy(() => import('./views/playground/PlaygroundPage')),
  learn: lazy(() => import('./learn/LearnPage')),
  glossary: lazy(() => import('./learn/GlossaryPage')),
};

// The lesson panel sits beside whichever page a lesson step uses; it loads with the first lesson.
const LessonPanel = lazy(() => import('./learn/LessonPanel'));

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
  const { t, i18n } = useTranslation();
  const lesson = useActiveLesson((s) => s.id);
  const aside = lesson ? (
    <aside className="lesson-aside" aria-label={t('nav.learn')}>
      <Suspense fallback={<div className="loading">{t('loading')}</div>}><LessonPanel id={lesson} /></Suspense>
    </aside>
  ) : null;
  return (
    <Shell page={route.page} aside={aside}>
      {/* Keyed by language: pages that format numbers without the i18n hook re-render on a switch. */}
      <Suspense key={i18n.resolvedLanguage} fallback={<div className="loading">{t('loading')}</div>}>
        {Page ? <Page params={route.params} /> : <PlaceholderPage page="not-found" />}
      </Suspense>
    </Shell>
  );
}
