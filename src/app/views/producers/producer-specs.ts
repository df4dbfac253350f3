/**
 * The producer settings the engine has, as KindFields tables: rate profiles, key strategies, record sizes.
 * Built from the page's translations, so labels follow the chosen language; kinds and field names are the
 * scenario document's.
 */
import type { TFunction } from 'i18next';
import { numberList, stepList, stringList, type KindSpec } from '../../components/console/KindFields';

type T = TFunction<'producers'>;

export function rateSpecs(t: T): readonly KindSpec[] {
  const rps = t('units.recordsPerSec');
  const s = t('units.s');
  const rate = (name: string, label: string) => ({ name, label, type: 'number' as const, unit: rps, min: 0 });
  return [
    { kind: 'constant', label: t('specs.rate.constant'), fields: [rate('recordsPerSec', t('specs.rate.rate'))], defaults: { recordsPerSec: 500 } },
    { kind: 'ramp', label: t('specs.rate.ramp'), fields: [rate('fromRecordsPerSec', t('specs.rate.from')), rate('toRecordsPerSec', t('specs.rate.to')), { name: 'durationSec', label: t('specs.rate.over'), type: 'number', unit: s, min: 0 }], defaults: { fromRecordsPerSec: 100, toRecordsPerSec: 2000, durationSec: 120 } },
    { kind: 'step', label: t('specs.rate.step'), fields: [{ name: 'steps', label: t('specs.rate.steps'), type: 'list', hint: t('specs.rate.stepsHint'), ...stepList }], defaults: { steps: [{ atSec: 0, recordsPerSec: 500 }, { atSec: 60, recordsPerSec: 2000 }] } },
    { kind: 'sine', label: t('specs.rate.sine'), fields: [rate('meanRecordsPerSec', t('specs.rate.mean')), rate('amplitudeRecordsPerSec', t('specs.rate.amplitude')), { name: 'periodSec', label: t('specs.rate.period'), type: 'number', unit: s, min: 1 }, { name: 'phaseSec', label: t('specs.rate.phase'), type: 'number', unit: s }], defaults: { meanRecordsPerSec: 1000, amplitudeRecordsPerSec: 500, periodSec: 600 } },
    { kind: 'bursts', label: t('specs.rate.bursts'), fields: [rate('baseRecordsPerSec', t('specs.rate.base')), rate('burstRecordsPerSec', t('specs.rate.burst')), { name: 'everySec', label: t('specs.rate.every'), type: 'number', unit: s, min: 1 }, { name: 'burstDurationSec', label: t('specs.rate.burstLength'), type: 'number', unit: s, min: 0 }, { name: 'firstBurstAtSec', label: t('specs.rate.firstBurst'), type: 'number', unit: s, min: 0 }], defaults: { baseRecordsPerSec: 500, burstRecordsPerSec: 2500, everySec: 60, burstDurationSec: 10 } },
    { kind: 'replay', label: t('specs.rate.replay'), fields: [{ name: 'recordsPerSec', label: t('specs.rate.perSecond'), type: 'list', hint: t('specs.rate.perSecondHint'), ...numberList }, { name: 'loop', label: t('specs.rate.afterEnd'), type: 'select', options: [['false', t('specs.rate.stop')], ['true', t('specs.rate.loop')]] }], defaults: { recordsPerSec: [100, 200, 400, 800, 400, 200], loop: 'true' } },
  ];
}

export function keySpecs(t: T): readonly KindSpec[] {
  return [
    { kind: 'uuid', label: t('specs.keys.uuid'), fields: [], defaults: {} },
    { kind: 'pool', label: t('specs.keys.pool'), fields: [{ name: 'keys', label: t('specs.keys.distinct'), type: 'number', min: 1, step: 1 }, { name: 'distribution', label: t('specs.keys.distribution'), type: 'select', options: [['uniform', t('specs.keys.uniform')], ['zipf', t('specs.keys.zipf')]] }, { name: 'zipfExponent', label: t('specs.keys.zipfExponent'), type: 'number', min: 0, hint: t('specs.keys.zipfHint') }, { name: 'prefix', label: t('specs.keys.prefix'), type: 'text' }], defaults: { keys: 1000, distribution: 'uniform', prefix: 'key-' } },
    { kind: 'hotKey', label: t('specs.keys.hotKey'), fields: [{ name: 'hotKey', label: t('specs.keys.hot'), type: 'text' }, { name: 'hotPercent', label: t('specs.keys.hotShare'), type: 'number', unit: t('units.percent'), min: 0 }, { name: 'otherKeys', label: t('specs.keys.otherKeys'), type: 'number', min: 1, step: 1 }, { name: 'prefix', label: t('specs.keys.otherPrefix'), type: 'text' }], defaults: { hotKey: 'hot', hotPercent: 50, otherKeys: 1000, prefix: 'key-' } },
    { kind: 'sequential', label: t('specs.keys.sequential'), fields: [{ name: 'prefix', label: t('specs.keys.plainPrefix'), type: 'text' }, { name: 'wrap', label: t('specs.keys.wrap'), type: 'number', min: 1, step: 1 }], defaults: { prefix: 'seq-' } },
    { kind: 'timeBucket', label: t('specs.keys.timeBucket'), fields: [{ name: 'bucketMs', label: t('specs.keys.bucket'), type: 'number', unit: t('units.ms'), min: 1 }, { name: 'prefix', label: t('specs.keys.plainPrefix'), type: 'text' }], defaults: { bucketMs: 1000, prefix: 'bucket-' } },
    { kind: 'explicitHash', label: t('specs.keys.explicitHash'), fields: [{ name: 'hashKeys', label: t('specs.keys.hashKeys'), type: 'list', hint: t('specs.keys.hashKeysHint'), ...stringList }, { name: 'partitionKey', label: t('specs.keys.sentKey'), type: 'text' }], defaults: { hashKeys: ['0', '170141183460469231731687303715884105728'], partitionKey: 'explicit' } },
  ];
}

/** The size fields that hold a record size in bytes (checked against the stream's maximum record size). */
export const SIZE_BYTE_FIELDS = ['bytes', 'minBytes', 'maxBytes', 'meanBytes', 'medianBytes'] as const;

export function sizeSpecs(t: T): readonly KindSpec[] {
  const b = t('units.bytes');
  return [
    { kind: 'fixed', label: t('specs.size.fixed'), fields: [{ name: 'bytes', label: t('specs.size.size'), type: 'number', unit: b, min: 1 }], defaults: { bytes: 200 } },
    { kind: 'uniform', label: t('specs.size.uniform'), fields: [{ name: 'minBytes', label: t('specs.size.min'), type: 'number', unit: b, min: 1 }, { name: 'maxBytes', label: t('specs.size.max'), type: 'number', unit: b, min: 1 }], defaults: { minBytes: 100, maxBytes: 1000 } },
    { kind: 'normal', label: t('specs.size.normal'), fields: [{ name: 'meanBytes', label: t('specs.size.mean'), type: 'number', unit: b, min: 1 }, { name: 'stdDevBytes', label: t('specs.size.stdDev'), type: 'number', unit: b, min: 0 }, { name: 'minBytes', label: t('specs.size.min'), type: 'number', unit: b, min: 1 }, { name: 'maxBytes', label: t('specs.size.max'), type: 'number', unit: b, min: 1 }], defaults: { meanBytes: 500, stdDevBytes: 100 } },
    { kind: 'logNormal', label: t('specs.size.logNormal'), fields: [{ name: 'medianBytes', label: t('specs.size.median'), type: 'number', unit: b, min: 1 }, { name: 'sigma', label: t('specs.size.sigma'), type: 'number', min: 0 }, { name: 'minBytes', label: t('specs.size.min'), type: 'number', unit: b, min: 1 }, { name: 'maxBytes', label: t('specs.size.max'), type: 'number', unit: b, min: 1 }], defaults: { medianBytes: 300, sigma: 0.5 } },
  ];
}
