/**
 * A built-in Direct PUT load for one delivery stream: every virtual second it renders
 * `recordsPerSec` records from a text template and sends them with PutRecordBatch (≤ 500 per call),
 * counting sent, accepted and throttled records. Chance comes from a forked Prng, time from the
 * scheduler, so a run is reproducible from the scenario seed.
 */
import { AwsServiceError } from '../../api/result';
import type { FirehoseService } from '../../firehose/firehose-service';
import type { Prng } from '../../random/prng';
import type { Scheduler, Cancellable } from '../../time/scheduler';
import { BATCH_RECORDS_MAX } from '../limits';
import type { ProducerSpec } from './scenario-section';

export const DEFAULT_TEMPLATE = '{"id":{{seq}},"user":"u{{int:1:50}}","action":"{{pick:view|click|buy}}","amount":{{int:1:500}},"ts":{{ts}}}';

export interface ProducerCounts {
  readonly sent: number;
  readonly accepted: number;
  readonly throttled: number;
  readonly lastError?: string;
}

const encoder = new TextEncoder();

/** Renders one record; exported for tests. */
export function renderTemplate(template: string, seq: number, nowMs: number, prng: Prng): string {
  return template.replace(/\{\{([a-z]+)(?::([^}]*))?\}\}/g, (whole, name: string, arg: string | undefined) => {
    switch (name) {
      case 'seq': return String(seq);
      case 'ts': return String(nowMs);
      case 'iso': return new Date(nowMs).toISOString();
      case 'uuid': return prng.uuid();
      case 'int': {
        const [lo, hi] = (arg ?? '0:100').split(':').map(Number);
        return String(prng.intInclusive(Number.isFinite(lo) ? lo : 0, Number.isFinite(hi) ? hi : 100));
      }
      case 'pick': {
        const options = (arg ?? '').split('|');
        return options[prng.intInclusive(0, options.length - 1)] ?? '';
      }
      default: return whole;
    }
  });
}

export class DirectPutProducer {
  private seq = 0;
  private sent = 0;
  private accepted = 0;
  private throttled = 0;
  private lastError: string | undefined;
  private timer: Cancellable | undefined;

  constructor(
    private readonly service: FirehoseService,
    private readonly streamName: string,
    private spec: ProducerSpec,
    private readonly scheduler: Scheduler,
    private readonly prng: Prng,
  ) {}

  start(): void {
    this.timer?.cancel();
    this.timer = this.scheduler.every(1000, (now) => this.tick(now), Math.floor(this.scheduler.nowMs / 1000) * 1000 + 1000);
  }

  update(spec: ProducerSpec): void {
    this.spec = spec;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  counts(): ProducerCounts {
    return { sent: this.sent, accepted: this.accepted, throttled: this.throttled, lastError: this.lastError };
  }

  private tick(nowMs: number): void {
    const total = Math.round(this.spec.recordsPerSec);
    const template = this.spec.template || DEFAULT_TEMPLATE;
    const suffix = this.spec.newline === false ? '' : '\n';
    for (let offset = 0; offset < total; offset += BATCH_RECORDS_MAX) {
      const batch: Uint8Array[] = [];
      for (let i = offset; i < Math.min(total, offset + BATCH_RECORDS_MAX); i++) {
        this.seq++;
        batch.push(encoder.encode(renderTemplate(template, this.seq, nowMs, this.prng) + suffix));
      }
      this.sent += batch.length;
      try {
        const out = this.service.putRecordBatch(this.streamName, batch) as { FailedPutCount: number };
        this.accepted += batch.length - out.FailedPutCount;
        this.throttled += out.FailedPutCount;
      } catch (e) {
        if (!(e instanceof AwsServiceError)) throw e;
        this.lastError = `${e.name}: ${e.message}`;
        if (e.name === 'ServiceUnavailableException') this.throttled += batch.length;
      }
    }
  }
}
