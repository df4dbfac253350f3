/**
 * #/learn lists the lessons with progress; #/learn/<id> is a lesson's direct link: it loads the
 * lesson's scenario, opens its panel and goes to the first step's page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../i18n';
import { LESSONS } from '../../engine/lessons';
import { PageHeader } from '../components/Shell';
import { useActiveLesson } from './active-lesson';
import { useProgress } from './progress';
import { startLesson } from './start-lesson';
import './learn.css';

type LessonKey = keyof Resources['learn']['lessons'];

export default function LearnPage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('learn');
  const done = useProgress((s) => s.done);
  const active = useActiveLesson((s) => s.id);
  const [missing, setMissing] = useState<string | null>(null);
  const linked = params[0];
  useEffect(() => {
    // A direct link starts its lesson, unless that lesson is already open (e.g. coming back).
    if (!linked || useActiveLesson.getState().id === linked) return;
    void startLesson(linked).then((ok) => setMissing(ok ? null : linked));
  }, [linked]);
  const count = LESSONS.filter((l) => done[l.id]).length;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {missing ? <div className="callout callout-error" role="alert">{t('notFound', { id: missing })}</div> : null}
      <p className="muted" data-testid="lesson-progress">{t('progress', { done: count, total: LESSONS.length })}</p>
      <ol className="lesson-list">
        {LESSONS.map((l) => {
          const k = l.id as LessonKey;
          return (
            <li key={l.id} className="card lesson-card" data-testid={`lesson-${l.id}`}>
              <div>
                <h2>{t(`lessons.${k}.title`)} {done[l.id] ? <span className="badge badge-ok">{t('done')}</span> : null}</h2>
                <p>{t(`lessons.${k}.summary`)}</p>
              </div>
              <a className="btn btn-primary" href={`#/learn/${l.id}`} data-testid={`lesson-start-${l.id}`} onClick={(e) => {
                // The link is shareable; a click starts (or restarts) the lesson directly.
                e.preventDefault();
                void startLesson(l.id);
              }}>
                {active === l.id ? t('restart') : done[l.id] ? t('restart') : t('start')}
              </a>
            </li>
          );
        })}
      </ol>
    </>
  );
}
