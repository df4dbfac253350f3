/**
 * The gallery of example scenarios (files in examples/gallery, bundled at build time). What each
 * teaches, its title and lesson, is in the `gallery` translations by id (English and Korean); the
 * documents are plain ScenarioDoc JSON checked by validateScenario in tests.
 */
import type { ScenarioDoc } from '../../engine/scenario/schema';
import type en from '../i18n/locales/en/gallery';
import clickstream from '../../../examples/gallery/clickstream-hot-key.json';
import iot from '../../../examples/gallery/iot-fleet.json';
import logs from '../../../examples/gallery/log-shipping.json';
import fraud from '../../../examples/gallery/fraud-detection.json';
import slowConsumers from '../../../examples/gallery/under-provisioned-consumers.json';
import cameras from '../../../examples/gallery/security-cameras.json';

export type GalleryId = keyof typeof en;

export interface GalleryEntry {
  readonly id: GalleryId;
  readonly doc: ScenarioDoc;
}

export const GALLERY: readonly GalleryEntry[] = [
  { id: 'clickstream-hot-key', doc: clickstream as ScenarioDoc },
  { id: 'iot-fleet', doc: iot as ScenarioDoc },
  { id: 'log-shipping', doc: logs as ScenarioDoc },
  { id: 'fraud-detection', doc: fraud as ScenarioDoc },
  { id: 'under-provisioned-consumers', doc: slowConsumers as ScenarioDoc },
  { id: 'security-cameras', doc: cameras as unknown as ScenarioDoc },
];

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((g) => g.id === id);
}
