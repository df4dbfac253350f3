/**
 * Derives the figures the formulas need from a workload: Kinesis records and bytes per second at
 * average, peak and surge (after KPL aggregation when on), exact per-record billing averages, and the
 * flat list of consumers each with its read mode and processing speed. Pure; no pricing here.
 */
import { discretizeSizes, expectation, meanBytes, type WeightedSize } from './record-size';
import {
  aggregationShape,
  onDemandBilledBytes,
  putPayloadUnits,
  type AggregationShape,
} from './units';
import type { Workload } from './workload';

export interface TrafficFigures {
  /** User records per second, as the producers emit them. */
  readonly userRecordsPerSecAverage: number;
  readonly userRecordsPerSecPeak: number;
  /** Kinesis records per second (fewer than user records when aggregation is on). */
  readonly recordsPerSecAverage: number;
  readonly recordsPerSecPeak: number;
  /** Mean bytes of one Kinesis record counted against the write limit (data + key). */
  readonly recordBytesMean: number;
  readonly dataBytesMean: number;
  readonly keyBytesMean: number;
  readonly bytesPerSecAverage: number;
  readonly bytesPerSecPeak: number;
  /** Mean PUT payload units per Kinesis record, averaged per record (not computed on the mean size). */
  readonly ppuPerRecordMean: number;
  /** Mean on-demand billed bytes per Kinesis record (1 KiB rounding per record). */
  readonly onDemandBilledBytesPerRecordMean: number;
  readonly surge?: { readonly recordsPerSec: number; readonly bytesPerSec: number; readonly seconds: number; readonly userRecordsPerSec: number };
  readonly aggregation?: AggregationShape;
  /** Fraction of user records larger than the stream's maximum record size: rejected, not throttled. */
  readonly oversizeFraction: number;
  readonly sizes: readonly WeightedSize[];
}

export type ReadMode = 'shared' | 'efo';

export interface ConsumerFigures {
  readonly name: string;
  readonly source: 'polling' | 'efo' | 'lambda' | 'firehose';
  readonly readMode: ReadMode;
  /** GetRecords calls per second per shard (shared consumers only; 0 for EFO). */
  readonly pollsPerSecondPerShard: number;
  /** User records per second per shard this consumer can process, when bounded. */
  readonly processingRecordsPerSecPerShard?: number;
  readonly maxAcceptableLagSeconds?: number;
}

export function trafficFigures(w: Workload): TrafficFigures {
  const t = w.traffic;
  const sizes = discretizeSizes(t.recordSize, w.maxRecordSizeBytes);
  const oversizeFraction = discretizeSizes(t.recordSize)
    // The maximum record size counts the data blob plus the partition key (PutRecord API).
    .filter((s) => s.bytes + t.partitionKeyBytes > w.maxRecordSizeBytes)
    .reduce((sum, s) => sum + s.probability, 0);
  const keyBytes = t.partitionKeyBytes;
  const dataBytesMean = meanBytes(sizes);
  const rps = t.recordsPerSecond;
  if (t.aggregation.enabled) {
    const shape = aggregationShape(dataBytesMean + keyBytes);
    const per = shape.userRecordsPerAggregate;
    const surge = rps.surge && {
      userRecordsPerSec: rps.surge.recordsPerSecond,
      recordsPerSec: rps.surge.recordsPerSecond / per,
      bytesPerSec: (rps.surge.recordsPerSecond / per) * shape.aggregateBytes,
      seconds: rps.surge.seconds,
    };
    return {
      userRecordsPerSecAverage: rps.average,
      userRecordsPerSecPeak: rps.peak,
      recordsPerSecAverage: rps.average / per,
      recordsPerSecPeak: rps.peak / per,
      recordBytesMean: shape.aggregateBytes,
      dataBytesMean,
      keyBytesMean: keyBytes,
      bytesPerSecAverage: (rps.average / per) * shape.aggregateBytes,
      bytesPerSecPeak: (rps.peak / per) * shape.aggregateBytes,
      ppuPerRecordMean: putPayloadUnits(shape.aggregateBytes),
      onDemandBilledBytesPerRecordMean: onDemandBilledBytes(shape.aggregateBytes),
      surge,
      aggregation: shape,
      oversizeFraction,
      sizes,
    };
  }
  const recordBytesMean = dataBytesMean + keyBytes;
  const surge = rps.surge && {
    userRecordsPerSec: rps.surge.recordsPerSecond,
    recordsPerSec: rps.surge.recordsPerSecond,
    bytesPerSec: rps.surge.recordsPerSecond * recordBytesMean,
    seconds: rps.surge.seconds,
  };
  return {
    userRecordsPerSecAverage: rps.average,
    userRecordsPerSecPeak: rps.peak,
    recordsPerSecAverage: rps.average,
    recordsPerSecPeak: rps.peak,
    recordBytesMean,
    dataBytesMean,
    keyBytesMean: keyBytes,
    bytesPerSecAverage: rps.average * recordBytesMean,
    bytesPerSecPeak: rps.peak * recordBytesMean,
    ppuPerRecordMean: expectation(sizes, (b) => putPayloadUnits(b + keyBytes)),
    onDemandBilledBytesPerRecordMean: expectation(sizes, (b) => onDemandBilledBytes(b + keyBytes)),
    surge,
    oversizeFraction,
    sizes,
  };
}

/** One entry per consumer application (a spec with count 3 gives three), Firehose-from-stream included. */
export function consumerFigures(w: Workload): ConsumerFigures[] {
  const out: ConsumerFigures[] = [];
  for (const c of w.consumers) {
    for (let i = 0; i < c.count; i++) {
      const name = c.count > 1 ? `${c.name}#${i + 1}` : c.name;
      const lag = c.maxAcceptableLagSeconds;
      switch (c.kind) {
        case 'polling':
          out.push({ name, source: 'polling', readMode: 'shared', pollsPerSecondPerShard: c.pollsPerSecondPerShard, processingRecordsPerSecPerShard: c.maxRecordsPerSecondPerShard, maxAcceptableLagSeconds: lag });
          break;
        case 'efo':
          out.push({ name, source: 'efo', readMode: 'efo', pollsPerSecondPerShard: 0, processingRecordsPerSecPerShard: c.maxRecordsPerSecondPerShard, maxAcceptableLagSeconds: lag });
          break;
        case 'lambda': {
          // Each shard runs up to parallelizationFactor concurrent batches; a batch takes averageDurationMs.
          const processing = (c.parallelizationFactor * c.batchSize * 1000) / c.averageDurationMs;
          out.push({
            name,
            source: 'lambda',
            readMode: c.efo ? 'efo' : 'shared',
            pollsPerSecondPerShard: c.efo ? 0 : 1,
            processingRecordsPerSecPerShard: processing,
            maxAcceptableLagSeconds: lag,
          });
          break;
        }
      }
    }
  }
  if (w.firehose?.source === 'kinesis-stream') {
    // Firehose reads its source stream with GetRecords, once per second per shard.
    out.push({ name: `firehose:${w.firehose.name}`, source: 'firehose', readMode: 'shared', pollsPerSecondPerShard: 1 });
  }
  return out;
}
