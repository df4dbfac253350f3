/**
 * Firehose SSE on the virtual clock: transitions settle after the service's transition delay,
 * a later Start/Stop supersedes a pending one, and Start/Stop share a quota of 25 calls per
 * stream per rolling 24 hours.
 */
import { describe, expect, it } from 'vitest';
import { ENCRYPTION_CALLS_PER_DAY_MAX } from './limits';
import { newService, s3Stream, text } from './test-helpers';

import type { FirehoseService } from './firehose-service';

const sseOf = (service: FirehoseService, name: string): unknown =>
  (service.describeDeliveryStream(name).DeliveryStreamDescription as Record<string, unknown>).DeliveryStreamEncryptionConfiguration;

describe('Firehose server-side encryption on the virtual clock', () => {
  it('settles ENABLING → ENABLED and DISABLING → DISABLED after the transition delay; a newer call wins', () => {
    const { sim, service } = newService({ creationDelayMs: 2_000 });
    const sse = (name: string) => sseOf(service, name);
    service.createDeliveryStream(s3Stream('s'));
    sim.advanceBy(2_000);
    service.startDeliveryStreamEncryption('s', { KeyType: 'AWS_OWNED_CMK' });
    expect(sse('s')).toEqual({ KeyType: 'AWS_OWNED_CMK', Status: 'ENABLING' });
    expect(service.putRecord('s', text('a')).Encrypted).toBe(false);
    sim.advanceBy(1_000);
    service.stopDeliveryStreamEncryption('s');
    sim.advanceBy(1_500);
    // The pending ENABLED was superseded by the stop: still DISABLING, never ENABLED.
    expect(sse('s')).toEqual({ KeyType: 'AWS_OWNED_CMK', Status: 'DISABLING' });
    sim.advanceBy(500);
    expect(sse('s')).toEqual({ Status: 'DISABLED' });
  });

  it(`allows ${ENCRYPTION_CALLS_PER_DAY_MAX} Start/Stop calls per stream per 24 hours`, () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('q'));
    for (let i = 0; i < ENCRYPTION_CALLS_PER_DAY_MAX; i++) {
      sim.advanceBy(1_000);
      if (i % 2 === 0) service.startDeliveryStreamEncryption('q', {});
      else service.stopDeliveryStreamEncryption('q');
    }
    sim.advanceBy(1_000);
    expect(() => service.stopDeliveryStreamEncryption('q')).toThrow(/combined limit of 25 calls per Firehose stream per 24 hours/);
    sim.advanceBy(86_400_000);
    expect(() => service.stopDeliveryStreamEncryption('q')).not.toThrow();
  });
});
