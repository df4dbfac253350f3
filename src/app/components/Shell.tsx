import type { ReactNode } from 'react';
import { TimeControls } from './TimeControls';
import { ThemeToggle } from './ThemeToggle';
import { href } from '../router';
import { ScenarioMenu } from './scenario/ScenarioMenu';

export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'streams', label: 'Streams' },
  { id: 'producers', label: 'Producers' },
  { id: 'consumers', label: 'Consumers' },
  { id: 'firehose', label: 'Firehose' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'planner', label: 'Planner' },
  { id: 'agents', label: 'Kinesis Agent' },
  { id: 'queues', label: 'Kinesis vs SQS' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export function Shell({ page, children }: { page: string; children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href('overview')}>
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>Kinesis Sandbox</span>
        </a>
        <TimeControls />
        <ScenarioMenu />
        <ThemeToggle />
      </header>
      <nav className="sidenav" aria-label="Console sections">
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a href={href(p.id)} aria-current={page === p.id ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        {children}
      </main>
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
