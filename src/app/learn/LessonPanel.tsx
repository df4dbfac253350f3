/**
 * The lesson beside the pages: its introduction, the steps with their checks' verdicts, a link to
 * each step's page, and when all are done, the next lesson. Steps are done in order: a later step
 * only counts once the earlier ones are.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../i18n';
import { LESSONS, lessonById } from '../../engine/lessons';
import { href } from '../router';
import { useActiveLesson } from './active-lesson';
import { useProgress } from './progress';
import { startLesson } from './start-lesson';
import { useLessonStatus } from './use-lesson-status';
import { LessonText } from './LessonText';
import './learn.css';

type LessonKey = keyof Resources['learn']['lessons'];

/** A step's code (e.g. for the SDK playground), with a button that copies it. */
function StepCode({ code }: { code: string }) {
  const { t } = useTranslation('learn');
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="lesson-code">
      <div className="lesson-code-head">
        <span className="muted small">{t('code')}</span>
        <button type="button" className="btn btn-ghost" onClick={copy} data-testid="lesson-code-copy">{copied ? t('copied') : t('copy')}</button>
      </div>
      <pre className="mono" data-testid="lesson-code" tabIndex={0}>{code}</pre>
    </div>
  );
}

export default function LessonPanel({ id }: { id: string }) {
  const { t } = useTranslation('learn');
  const lesson = lessonById(id);
  const status = useLessonStatus(id);
  const finish = useProgress((s) => s.finish);
  // Steps count in order: the first not-done step is the current one.
  const current = status ? status.findIndex((d) => !d) : 0;
  const complete = status !== null && current === -1;
  useEffect(() => {
    if (complete) finish(id);
  }, [complete, finish, id]);
  if (!lesson) return <p>{t('notFound', { id })}</p>;
  const k = id as LessonKey;
  const next = LESSONS[LESSONS.indexOf(lesson) + 1];
  return (
    <div className="lesson-panel" data-testid="lesson-panel" data-lesson={id}>
      <div className="lesson-panel-head">
        <span className="muted">{t('panel')}</span>
        <button type="button" className="btn btn-ghost" onClick={() => useActiveLesson.getState().close()} data-testid="lesson-close">{t('close')}</button>
      </div>
      <h2>{t(`lessons.${k}.title`)}</h2>
      <p className="lesson-intro"><LessonText i18nKey={`lessons.${k}.intro`} /></p>
      <ol className="lesson-steps">
        {lesson.steps.map((s, i) => {
          const done = current === -1 || i < current;
          const active = i === current;
          return (
            <li key={s.id} className={done ? 'lesson-step done' : active ? 'lesson-step active' : 'lesson-step'} data-testid={`lesson-step-${s.id}`} data-done={done}>
              <span className="lesson-step-mark" aria-hidden="true">{done ? '✓' : i + 1}</span>
              <div>
                <p><LessonText i18nKey={`lessons.${k}.steps.${s.id}.text`} />{done ? <span className="visually-hidden"> ({t('done')})</span> : null}</p>
                {active ? (
                  <>
                    <p className="lesson-hint"><strong>{t('hint')}:</strong> <LessonText i18nKey={`lessons.${k}.steps.${s.id}.hint`} /></p>
                    {s.code ? <StepCode code={s.code} /> : null}
                    {window.location.hash !== `#/${s.page}` ? <a href={`#/${s.page}`}>{t('openPage')} →</a> : null}
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {complete ? (
        <div className="callout callout-ok" role="status" data-testid="lesson-complete">
          <p><strong>{t('finished')}</strong></p>
          {next ? (
            <button type="button" className="btn btn-primary" data-testid="lesson-next" onClick={() => void startLesson(next.id)}>
              {t('next', { title: t(`lessons.${next.id as LessonKey}.title`) })} →
            </button>
          ) : (
            <p>{t('allDone')} <a href={href('playground')}>SDK playground →</a></p>
          )}
        </div>
      ) : (
        <p className="muted small">{t('checking')}</p>
      )}
      <p className="small"><a href={href('glossary')}>{t('glossaryLink')} →</a></p>
    </div>
  );
}
