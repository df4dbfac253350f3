/**
 * A glossary term where it appears in the console: the text stays the page's own (translated by
 * the page), and the link opens the glossary scrolled to the term's definition.
 */
import type { ReactNode } from 'react';
import type en from '../i18n/locales/en/glossary';

export type GlossaryTermId = keyof typeof en.terms;

export function Term({ id, children }: { id: GlossaryTermId; children: ReactNode }) {
  return (
    <a className="term-link" href={`#/glossary/${id}`} data-term={id}>
      {children}
    </a>
  );
}
