import { Suspense, useEffect } from 'react';
import { useRoute } from './router';
import { Shell, PAGES } from './components/Shell';
import { OverviewPage } from './views/OverviewPage';
import { PlaceholderPage } from './views/PlaceholderPage';
import { loadScenario } from './sim-client';
import { demoScenario } from './demo';

// Pages beyond the overview load on demand so the first paint stays small.
const pages: Record<string, React.ComponentType<{ params: readonly string[] }>> = {
  overview: OverviewPage,
};


export function App() {
  const route = useRoute();
  useEffect(() => {
    void loadScenario(demoScenario());
  }, []);
  const known = PAGES.some((p) => p.id === route.page);
  const Page = pages[route.page];
  return (
    <Shell page={route.page}>
      <Suspense fallback={<div className="loading">Loading…</div>}>
        {Page ? <Page params={route.params} /> : <PlaceholderPage page={known ? route.page : 'not-found'} />}
      </Suspense>
    </Shell>
  );
}
