/**
 * The gallery of example scenarios (files in examples/gallery, bundled at build time). Each entry
 * says what it teaches; the documents are plain ScenarioDoc JSON checked by validateScenario in tests.
 */
import type { ScenarioDoc } from '../../engine/scenario/schema';
import clickstream from '../../../examples/gallery/clickstream-hot-key.json';
import iot from '../../../examples/gallery/iot-fleet.json';
import logs from '../../../examples/gallery/log-shipping.json';
import fraud from '../../../examples/gallery/fraud-detection.json';
import slowConsumers from '../../../examples/gallery/under-provisioned-consumers.json';
import cameras from '../../../examples/gallery/security-cameras.json';

export interface GalleryEntry {
  readonly id: string;
  readonly title: string;
  readonly lesson: string;
  readonly doc: ScenarioDoc;
}

export const GALLERY: readonly GalleryEntry[] = [
  { id: 'clickstream-hot-key', title: 'Clickstream with a hot key', lesson: 'One key over 1,000 records/s throttles at any shard count.', doc: clickstream as ScenarioDoc },
  { id: 'iot-fleet', title: 'IoT fleet telemetry', lesson: 'Small records: the records/s limit binds before bytes.', doc: iot as ScenarioDoc },
  { id: 'log-shipping', title: 'Log shipping to the object store', lesson: 'Bytes bind; random keys spread load evenly.', doc: logs as ScenarioDoc },
  { id: 'fraud-detection', title: 'Fraud detection on payments', lesson: 'Enhanced fan-out next to a polling consumer; long retention.', doc: fraud as ScenarioDoc },
  { id: 'under-provisioned-consumers', title: 'Under-provisioned consumers', lesson: 'Writes fit, reads do not: iterator age grows.', doc: slowConsumers as ScenarioDoc },
  { id: 'security-cameras', title: 'Security cameras (Video Streams)', lesson: 'One fragment per key frame; retention decides what you can replay.', doc: cameras as unknown as ScenarioDoc },
];

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((g) => g.id === id);
}
