import { describe, expect, it } from 'vitest';
import { newService, s3Stream, text } from './test-helpers';
import { MIB } from './limits';

describe('buffering: whichever of size and interval comes first', () => {
  it('flushes by interval when the size is not reached, with the default yyyy/MM/dd/HH/ prefix and object name', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('orders', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }));
    service.putRecord('orders', text('{"a":1}\n'));
    sim.advanceBy(59_000);
    expect(service.store.listObjectsV2({ bucket: 'sink-bucket' }).keyCount).toBe(0);
    sim.advanceBy(2_000);
    const objects = service.store.listObjectsV2({ bucket: 'sink-bucket' }).contents;
    expect(objects).toHaveLength(1);
    expect(objects[0].key).toMatch(/^2026\/01\/01\/00\/orders-1-2026-01-01-00-01-00-[0-9a-f-]{36}$/);
    const snap = service.snapshot('orders');
    expect(snap.flushes[0]).toMatchObject({ reason: 'interval', records: 1 });
    expect(snap.ledger).toMatchObject({ ingested: 1, delivered: 1, pending: 0 });
    expect(snap.counters['DeliveryToS3.Records']).toBe(1);
  });

  it('flushes by size as soon as the buffer reaches SizeInMBs, before the interval', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('big', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } }));
    const chunk = new Uint8Array(500 * 1024);
    service.putRecord('big', chunk);
    service.putRecord('big', chunk);
    expect(service.snapshot('big').flushes).toHaveLength(0);
    service.putRecord('big', chunk); // 1.46 MiB ≥ 1 MiB
    expect(service.snapshot('big').flushes[0]).toMatchObject({ reason: 'size', records: 3 });
    sim.advanceBy(1_000);
    expect(service.store.listObjectsV2({ bucket: 'sink-bucket' }).contents[0].sizeBytes).toBe(3 * 500 * 1024);
  });

  it('zero buffering delivers within about a second', () => {
    const { sim, service } = newService();
    service.createDeliveryStream(s3Stream('zero', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } }));
    service.putRecord('zero', text('x'));
    sim.advanceBy(1_100);
    expect(service.snapshot('zero').flushes[0].reason).toBe('zero-buffer');
    expect(service.snapshot('zero').ledger.delivered).toBe(1);
  });

  it('applies the per-destination defaults and refuses out-of-range hints', () => {
    const { service } = newService();
    service.createDeliveryStream(s3Stream('defaults'));
    const d = service.describeDeliveryStream('defaults') as { DeliveryStreamDescription: { Destinations: { ExtendedS3DestinationDescription: { BufferingHints: unknown } }[] } };
    expect(d.DeliveryStreamDescription.Destinations[0].ExtendedS3DestinationDescription.BufferingHints).toEqual({ SizeInMBs: 5, IntervalInSeconds: 300 });
    expect(service.config('defaults').sizeBytes).toBe(5 * MIB);
    expect(() => service.createDeliveryStream(s3Stream('bad', { BufferingHints: { SizeInMBs: 129, IntervalInSeconds: 60 } }))).toThrow(/1–128/);
    expect(() => service.createDeliveryStream(s3Stream('bad2', { BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 901 } }))).toThrow(/0–900/);
  });
});
