/** The page for an address that matches no page of the console (every section has its own page now). */
import { PageHeader } from '../components/Shell';
import { useTranslation } from 'react-i18next';

export function PlaceholderPage(_props: { page: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.text')} />
      <div className="empty-state">
        <p>{t('notFound.empty')}</p>
      </div>
    </>
  );
}
