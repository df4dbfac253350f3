/**
 * The gallery's cards, titled and described in the chosen language (the `gallery` namespace loads
 * with the dialog; render this inside a Suspense boundary).
 */
import { useTranslation } from 'react-i18next';
import { GALLERY, type GalleryEntry } from './gallery';

export function GalleryGrid({ onPick }: { onPick(entry: GalleryEntry, title: string): void }) {
  const { t } = useTranslation('gallery');
  return (
    <div className="gallery-grid">
      {GALLERY.map((g) => (
        <button key={g.id} type="button" className="gallery-card" data-testid={`gallery-${g.id}`} onClick={() => onPick(g, t(`${g.id}.title`))}>
          <strong>{t(`${g.id}.title`)}</strong>
          <span>{t(`${g.id}.lesson`)}</span>
        </button>
      ))}
    </div>
  );
}
