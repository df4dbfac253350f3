import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Theme = 'light' | 'dark';

function initialTheme(): Theme {
  const saved = localStorage.getItem('ks-theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const { t } = useTranslation();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('ks-theme', theme);
  }, [theme]);
  return (
    <button type="button" className="btn btn-ghost" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={theme === 'dark' ? t('theme.toLight') : t('theme.toDark')}>
      {theme === 'dark' ? t('theme.light') : t('theme.dark')}
    </button>
  );
}
