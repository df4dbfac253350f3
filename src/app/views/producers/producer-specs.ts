/** The producer settings the engine has, as KindFields tables: rate profiles, key strategies, record sizes. */
import { numberList, stepList, stringList, type KindSpec } from '../../components/console/KindFields';

const rate = (name: string, label: string) => ({ name, label, type: 'number' as const, unit: 'records/s', min: 0 });

export const RATE_SPECS: readonly KindSpec[] = [
  { kind: 'constant', label: 'Constant', fields: [rate('recordsPerSec', 'Rate')], defaults: { recordsPerSec: 500 } },
  { kind: 'ramp', label: 'Ramp', fields: [rate('fromRecordsPerSec', 'From'), rate('toRecordsPerSec', 'To'), { name: 'durationSec', label: 'Over', type: 'number', unit: 's', min: 0 }], defaults: { fromRecordsPerSec: 100, toRecordsPerSec: 2000, durationSec: 120 } },
  { kind: 'step', label: 'Steps', fields: [{ name: 'steps', label: 'Steps (second:rate)', type: 'list', hint: 'e.g. 0:500, 60:2000, 120:800', ...stepList }], defaults: { steps: [{ atSec: 0, recordsPerSec: 500 }, { atSec: 60, recordsPerSec: 2000 }] } },
  { kind: 'sine', label: 'Daily wave (sine)', fields: [rate('meanRecordsPerSec', 'Mean'), rate('amplitudeRecordsPerSec', 'Amplitude'), { name: 'periodSec', label: 'Period', type: 'number', unit: 's', min: 1 }, { name: 'phaseSec', label: 'Phase', type: 'number', unit: 's' }], defaults: { meanRecordsPerSec: 1000, amplitudeRecordsPerSec: 500, periodSec: 600 } },
  { kind: 'bursts', label: 'Bursts', fields: [rate('baseRecordsPerSec', 'Base'), rate('burstRecordsPerSec', 'Burst'), { name: 'everySec', label: 'Every', type: 'number', unit: 's', min: 1 }, { name: 'burstDurationSec', label: 'Burst length', type: 'number', unit: 's', min: 0 }, { name: 'firstBurstAtSec', label: 'First burst at', type: 'number', unit: 's', min: 0 }], defaults: { baseRecordsPerSec: 500, burstRecordsPerSec: 2500, everySec: 60, burstDurationSec: 10 } },
  { kind: 'replay', label: 'Replay a series', fields: [{ name: 'recordsPerSec', label: 'Rate per second', type: 'list', hint: 'records/s for second 0, 1, 2, …', ...numberList }, { name: 'loop', label: 'After the end', type: 'select', options: [['false', 'Stop (0 records/s)'], ['true', 'Loop']] }], defaults: { recordsPerSec: [100, 200, 400, 800, 400, 200], loop: 'true' } },
];

export const KEY_SPECS: readonly KindSpec[] = [
  { kind: 'uuid', label: 'Random UUID per record', fields: [], defaults: {} },
  { kind: 'pool', label: 'Pool of keys', fields: [{ name: 'keys', label: 'Distinct keys', type: 'number', min: 1, step: 1 }, { name: 'distribution', label: 'Distribution', type: 'select', options: [['uniform', 'Uniform'], ['zipf', 'Zipf (skewed)']] }, { name: 'zipfExponent', label: 'Zipf exponent', type: 'number', min: 0, hint: '1 is typical; higher is more skewed' }, { name: 'prefix', label: 'Key prefix', type: 'text' }], defaults: { keys: 1000, distribution: 'uniform', prefix: 'key-' } },
  { kind: 'hotKey', label: 'One hot key', fields: [{ name: 'hotKey', label: 'Hot key', type: 'text' }, { name: 'hotPercent', label: 'Hot share', type: 'number', unit: '%', min: 0 }, { name: 'otherKeys', label: 'Other keys', type: 'number', min: 1, step: 1 }, { name: 'prefix', label: 'Other keys prefix', type: 'text' }], defaults: { hotKey: 'hot', hotPercent: 50, otherKeys: 1000, prefix: 'key-' } },
  { kind: 'sequential', label: 'Sequential', fields: [{ name: 'prefix', label: 'Prefix', type: 'text' }, { name: 'wrap', label: 'Wrap after', type: 'number', min: 1, step: 1 }], defaults: { prefix: 'seq-' } },
  { kind: 'timeBucket', label: 'Time bucket', fields: [{ name: 'bucketMs', label: 'Bucket', type: 'number', unit: 'ms', min: 1 }, { name: 'prefix', label: 'Prefix', type: 'text' }], defaults: { bucketMs: 1000, prefix: 'bucket-' } },
  { kind: 'explicitHash', label: 'Explicit hash keys', fields: [{ name: 'hashKeys', label: 'Explicit hash keys', type: 'list', hint: 'decimal numbers in 0…2^128−1, cycled in order', ...stringList }, { name: 'partitionKey', label: 'Partition key sent', type: 'text' }], defaults: { hashKeys: ['0', '170141183460469231731687303715884105728'], partitionKey: 'explicit' } },
];

export const SIZE_SPECS: readonly KindSpec[] = [
  { kind: 'fixed', label: 'Fixed', fields: [{ name: 'bytes', label: 'Size', type: 'number', unit: 'bytes', min: 1 }], defaults: { bytes: 200 } },
  { kind: 'uniform', label: 'Uniform', fields: [{ name: 'minBytes', label: 'Min', type: 'number', unit: 'bytes', min: 1 }, { name: 'maxBytes', label: 'Max', type: 'number', unit: 'bytes', min: 1 }], defaults: { minBytes: 100, maxBytes: 1000 } },
  { kind: 'normal', label: 'Normal', fields: [{ name: 'meanBytes', label: 'Mean', type: 'number', unit: 'bytes', min: 1 }, { name: 'stdDevBytes', label: 'Std. deviation', type: 'number', unit: 'bytes', min: 0 }, { name: 'minBytes', label: 'Min', type: 'number', unit: 'bytes', min: 1 }, { name: 'maxBytes', label: 'Max', type: 'number', unit: 'bytes', min: 1 }], defaults: { meanBytes: 500, stdDevBytes: 100 } },
  { kind: 'logNormal', label: 'Log-normal (long tail)', fields: [{ name: 'medianBytes', label: 'Median', type: 'number', unit: 'bytes', min: 1 }, { name: 'sigma', label: 'σ', type: 'number', min: 0 }, { name: 'minBytes', label: 'Min', type: 'number', unit: 'bytes', min: 1 }, { name: 'maxBytes', label: 'Max', type: 'number', unit: 'bytes', min: 1 }], defaults: { medianBytes: 300, sigma: 0.5 } },
];
