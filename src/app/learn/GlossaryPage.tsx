/** The glossary (#/glossary, #/glossary/<term> scrolls to a term): every term the lessons use, EN/KO. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/Shell';
import en from '../i18n/locales/en/glossary';
import './learn.css';

type TermKey = keyof typeof en.terms;
const TERMS = Object.keys(en.terms) as TermKey[];

export default function GlossaryPage({ params }: { params: readonly string[] }) {
  const { t } = useTranslation('glossary');
  const focus = params[0];
  useEffect(() => {
    if (focus) document.getElementById(`term-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <dl className="panel glossary" data-testid="glossary">
        {TERMS.map((k) => (
          <div key={k} id={`term-${k}`} className={focus === k ? 'glossary-focus' : undefined}>
            <dt>{t(`terms.${k}.term`)}</dt>
            <dd>{t(`terms.${k}.def`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
