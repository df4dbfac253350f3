/**
 * Firehose as a part of the world: the document's `firehose` section (delivery streams with their
 * sources, destinations and Direct PUT producers), checked with field paths, built into a
 * FirehoseWorld on the scenario's Kinesis service.
 */
import { invariant } from '../../api/result';
import type { ScenarioDoc } from '../../scenario/schema';
import type { KinesisService } from '../../streams/service';
import type { WorldPart } from '../../world/part';
import { FirehoseWorld } from './firehose-world';
import { checkEntry } from './scenario-section';

/** Field-path problems of the `firehose` section, all of them. */
export function validateFirehoseSection(doc: ScenarioDoc): string[] {
  const section: unknown = doc.firehose;
  if (section === undefined) return [];
  if (!Array.isArray(section)) return ['firehose must be an array'];
  const errors: string[] = [];
  const names = new Set<string>();
  const streams = new Set(doc.streams.map((s) => s.name));
  section.forEach((raw: unknown, i) => {
    const where = `firehose[${i}]`;
    try {
      const entry = checkEntry(raw, where);
      if (names.has(entry.DeliveryStreamName)) errors.push(`${where}.DeliveryStreamName: a delivery stream named ${entry.DeliveryStreamName} already exists`);
      names.add(entry.DeliveryStreamName);
      const src = entry.KinesisStreamSourceConfiguration;
      if (entry.DeliveryStreamType === 'KinesisStreamAsSource' && src?.StreamName !== undefined && !streams.has(src.StreamName)) {
        errors.push(`${where}.KinesisStreamSourceConfiguration.StreamName: no stream named ${src.StreamName} in this scenario's streams`);
      }
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  });
  return errors;
}

export const firehosePart: WorldPart<'firehose', FirehoseWorld> = {
  key: 'firehose',
  validate: validateFirehoseSection,
  build(ctx) {
    const kinesis = ctx.sim.part<KinesisService>('kinesis-data-streams');
    invariant(kinesis !== undefined, 'the Data Streams part is built before Firehose');
    return new FirehoseWorld(ctx, kinesis);
  },
};
