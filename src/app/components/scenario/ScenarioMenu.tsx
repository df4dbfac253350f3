/**
 * The header's scenario menu: what is loaded, the gallery, save / open / delete named scenarios,
 * JSON import and export, and the share link. Renders the shared-code dialog and notices too.
 */
import { useEffect, useRef, useState } from 'react';
import { useScenario } from '../../scenarios/scenario-store';
import { scenarioFileName, scenarioToJson } from '../../scenarios/import-export';
import { SHARE_URL_CHARS_COMFORTABLE } from '../../scenarios/share-fragment';
import { downloadText } from './download';
import { GalleryDialog } from './GalleryDialog';
import { SharedCodeDialog } from './SharedCodeDialog';
import { ScenarioNoticeToast } from './ScenarioNoticeToast';
import './scenario.css';
import { useTranslation } from 'react-i18next';

export function ScenarioMenu() {
  const doc = useScenario((s) => s.doc);
  const { t } = useTranslation();
  const saved = useScenario((s) => s.saved);
  const [open, setOpen] = useState(false);
  const [gallery, setGallery] = useState(false);
  const [name, setName] = useState('');
  const [link, setLink] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const share = async () => {
    if (!doc) return;
    // The compression codec loads on first use, keeping it out of the initial JavaScript.
    const { shareUrl } = await import('../../scenarios/share-link');
    const url = shareUrl(window.location.href, doc);
    setLink(url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  return (
    <div className="scenario-menu" ref={root}>
      <button type="button" className="btn scenario-menu-button" aria-expanded={open} aria-haspopup="true" data-testid="scenario-menu" title={doc?.name} onClick={() => setOpen((o) => !o)}>
        <span className="scenario-menu-label">{t('scenario.button')}</span><strong data-testid="scenario-name">{doc?.name ?? '—'}</strong> ▾
      </button>
      {open ? (
        <div className="scenario-popover" role="menu" aria-label={t('scenario.menu')}>
          <section>
            <h3>{t('scenario.examples')}</h3>
            <button type="button" className="btn" data-testid="open-gallery" onClick={() => { setGallery(true); setOpen(false); }}>
              {t('scenario.openGallery')}
            </button>
          </section>
          <section>
            <h3>{t('scenario.save')}</h3>
            <form className="row" onSubmit={(e) => { e.preventDefault(); void useScenario.getState().saveAs(name || doc?.name || 'scenario'); setName(''); }}>
              <input aria-label={t('scenario.saveAs')} placeholder={doc?.name ?? t('scenario.namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} />
              <button type="submit" className="btn" disabled={!doc}>{t('scenario.save')}</button>
            </form>
            {saved.length ? (
              <ul className="scenario-saved-list" aria-label={t('scenario.savedList')}>
                {saved.map((s) => (
                  <li key={s.name}>
                    <span title={s.name}>{s.name}</span>
                    <button type="button" className="btn" onClick={() => { void useScenario.getState().openSaved(s.name); setOpen(false); }}>{t('scenario.open')}</button>
                    <button type="button" className="btn btn-danger" aria-label={t('scenario.deleteNamed', { name: s.name })} onClick={() => void useScenario.getState().deleteSaved(s.name)}>{t('scenario.delete')}</button>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section>
            <h3>{t('scenario.file')}</h3>
            <div className="row">
              <button type="button" className="btn" disabled={!doc} onClick={() => doc && downloadText(scenarioFileName(doc), scenarioToJson(doc), 'application/json')}>{t('scenario.exportJson')}</button>
              <button type="button" className="btn" onClick={() => fileInput.current?.click()}>{t('scenario.importJson')}</button>
              <input
                ref={fileInput}
                type="file"
                accept="application/json,.json"
                hidden
                data-testid="import-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void f.text().then((t) => useScenario.getState().importText(t, f.name));
                  setOpen(false);
                }}
              />
            </div>
          </section>
          <section>
            <h3>{t('scenario.share')}</h3>
            <button type="button" className="btn" disabled={!doc} data-testid="share-link" onClick={() => void share()}>{t('scenario.copyLink')}</button>
            {link ? (
              <>
                <input className="share-url" readOnly value={link} aria-label={t('scenario.shareLink')} data-testid="share-url" onFocus={(e) => e.target.select()} />
                <small>{link.length > SHARE_URL_CHARS_COMFORTABLE ? t('scenario.longLink', { count: link.length }) : t('scenario.copied')}</small>
              </>
            ) : null}
          </section>
        </div>
      ) : null}
      {gallery ? <GalleryDialog onClose={() => setGallery(false)} /> : null}
      <SharedCodeDialog />
      <ScenarioNoticeToast />
    </div>
  );
}
