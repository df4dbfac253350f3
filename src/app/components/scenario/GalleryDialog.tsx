/** The gallery of example scenarios as a modal: one click loads an example into the simulator. */
import { Suspense } from 'react';
import { GalleryGrid } from '../../scenarios/GalleryGrid';
import { useScenario } from '../../scenarios/scenario-store';
import { useTranslation } from 'react-i18next';

export function GalleryDialog({ onClose }: { onClose: () => void }) {
  const load = useScenario((s) => s.load);
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="gallery-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="gallery-title">{t('scenario.galleryTitle')}</h2>
        <Suspense fallback={<div className="loading">{t('loading')}</div>}>
          <GalleryGrid
            onPick={(g, title) => {
              void load(g.doc, 'gallery').then((ok) => ok && useScenario.setState({ notice: { kind: 'ok', text: t('scenario.openedExample', { title }) } }));
              onClose();
            }}
          />
        </Suspense>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('scenario.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
