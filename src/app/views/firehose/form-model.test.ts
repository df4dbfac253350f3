import { describe, expect, it } from 'vitest';
import type { FirehoseWorld } from '../../../engine/firehose/world/firehose-world';
import { World } from '../../../engine/world/world';
import { emptyForm, entryToForm, formToEntry, type DestinationChoice } from './form-model';

function world(): FirehoseWorld {
  return World.build({ version: 1, seed: 1, name: 'f', streams: [{ name: 'clicks', shards: 2 }], producers: [], consumers: [] }).parts.firehose;
}

describe('delivery stream form', () => {
  for (const destination of ['s3', 'http-endpoint', 'opensearch', 'redshift', 'splunk'] as DestinationChoice[]) {
    it(`a default ${destination} form is accepted by the engine and reads back unchanged`, () => {
      const form = { ...emptyForm([]), destination, compression: destination === 'redshift' ? 'GZIP' as const : 'GZIP' as const, transformOn: true, newline: true, failureRatePct: 10 };
      const fh = world();
      const saved = fh.save(formToEntry(form));
      expect(saved).toEqual({ ok: true });
      const view = fh.snapshot().streams[0];
      expect(view.destination).toBe(destination);
      expect(view.transform).toBeDefined();
      expect(entryToForm(fh.list()[0], [])).toEqual(form);
    });
  }

  it('a Kinesis-sourced form names the scenario stream and drops the producer', () => {
    const form = { ...emptyForm([]), source: 'KinesisStreamAsSource' as const, sourceStream: 'clicks' };
    const entry = formToEntry(form);
    expect(entry.producer).toBeUndefined();
    const fh = world();
    expect(fh.save(entry)).toEqual({ ok: true });
    expect(fh.snapshot().streams[0].type).toBe('KinesisStreamAsSource');
  });

  it('a Parquet form registers its columns and reads back', () => {
    const form = { ...emptyForm([]), parquet: true, compression: 'UNCOMPRESSED' as const, bufferMiB: 64, columns: 'id:int, user:string' };
    const fh = world();
    expect(fh.save(formToEntry(form))).toEqual({ ok: true });
    expect(entryToForm(fh.list()[0], [])).toEqual(form);
  });

  it('shows the engine\'s AWS message for prefix rules', () => {
    const fh = world();
    const saved = fh.save(formToEntry({ ...emptyForm([]), prefix: 'year=!{timestamp:yyyy}/' }));
    expect(saved).toMatchObject({ ok: false });
    expect(JSON.stringify(saved)).toContain('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions');
    const fixed = fh.save(formToEntry({ ...emptyForm([]), prefix: 'year=!{timestamp:yyyy}/', errorPrefix: 'errors/!{firehose:error-output-type}/' }));
    expect(fixed).toEqual({ ok: true });
  });

  it('picks a free default name', () => {
    expect(emptyForm(['delivery-1', 'delivery-2']).name).toBe('delivery-3');
  });
});
