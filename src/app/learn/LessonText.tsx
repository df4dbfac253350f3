/**
 * A lesson text with its glossary terms linked: the texts wrap a term in a tag named by its
 * glossary id (`<partitionKey>partition key</partitionKey>`), which becomes a <Term> link.
 */
import { Trans } from 'react-i18next';
import type { ReactElement } from 'react';
import en from '../i18n/locales/en/glossary';
import { Term, type GlossaryTermId } from './Term';

const TERM_LINKS: Record<string, ReactElement> = Object.fromEntries(
  (Object.keys(en.terms) as GlossaryTermId[]).map((id) => [id, <Term key={id} id={id}>{null}</Term>]),
);

export function LessonText({ i18nKey }: { i18nKey: string }) {
  return <Trans ns="learn" i18nKey={i18nKey as never} components={TERM_LINKS} />;
}
