import type { ReactNode } from 'react';
import { TimeControls } from './TimeControls';
import { ThemeToggle } from './ThemeToggle';
import { href } from '../router';
import { ScenarioMenu } from './scenario/ScenarioMenu';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { PausedHint } from './PausedHint';
import { LiveBanner } from '../live/LiveBanner';
import '../learn/learn-shell.css';
import './shell.css';

// Labels are i18n keys (`nav.<id>` in src/app/i18n/locales/*/common.ts).
export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'streams', label: 'Streams' },
  { id: 'producers', label: 'Producers' },
  { id: 'consumers', label: 'Consumers' },
  { id: 'firehose', label: 'Firehose' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'video', label: 'Video' },
  { id: 'planner', label: 'Planner' },
  { id: 'live', label: 'Live' },
  { id: 'agents', label: 'Kinesis Agent' },
  { id: 'queues', label: 'Kinesis vs SQS' },
  { id: 'playground', label: 'SDK playground' },
  { id: 'learn', label: 'Lessons' },
  { id: 'glossary', label: 'Glossary' },
] as const;

type NavKey = `nav.${PageId}`;

export type PageId = (typeof PAGES)[number]['id'];

export function Shell({ page, children, aside }: { page: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={aside ? 'shell shell-with-aside' : 'shell'}>
      <header className="topbar">
        <a className="brand" href={href('overview')}>
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span className="brand-text">{t('brand')}</span>
        </a>
        <LiveBanner />
        <TimeControls />
        <ScenarioMenu />
        <LanguageSwitch />
        <ThemeToggle />
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a href={href(p.id)} aria-current={page === p.id ? 'page' : undefined}>
                {t(`nav.${p.id}` as NavKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        <PausedHint />
        {children}
      </main>
      {aside}
    </div>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
