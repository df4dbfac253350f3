/** The header's language select: English / 한국어, persisted in localStorage. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        data-testid="language"
        value={i18n.resolvedLanguage ?? 'en'}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>{t(`language.${l}`)}</option>
        ))}
      </select>
    </label>
  );
}
