import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ObjectStore, ObjectStoreError } from './object-store';

const bytes = (s: string) => new TextEncoder().encode(s);

function storeWith(keys: string[], maxBytes?: number): ObjectStore {
  let t = 1_000;
  const store = new ObjectStore({ nowMs: () => t++, maxBytes });
  store.createBucket('logs');
  for (const k of keys) store.putObject('logs', k, bytes(k));
  return store;
}

describe('ObjectStore', () => {
  it('stores real bytes with metadata and answers NoSuchKey / NoSuchBucket', () => {
    const store = storeWith([]);
    const o = store.putObject('logs', 'a/b.txt', bytes('hello'), { contentType: 'text/plain', metadata: { m: '1' } });
    expect(o.sizeBytes).toBe(5);
    expect(new TextDecoder().decode(store.getObject('logs', 'a/b.txt').body)).toBe('hello');
    expect(store.headObject('logs', 'a/b.txt').metadata).toEqual({ m: '1' });
    expect(() => store.getObject('logs', 'nope')).toThrow(ObjectStoreError);
    expect(() => store.putObject('missing-bucket', 'k', bytes('x'))).toThrow(/does not exist/);
  });

  it('lists with prefix and delimiter into contents and common prefixes', () => {
    const store = storeWith(['2024/01/a', '2024/01/b', '2024/02/c', '2024/top', 'other']);
    const r = store.listObjectsV2({ bucket: 'logs', prefix: '2024/', delimiter: '/' });
    expect(r.commonPrefixes).toEqual(['2024/01/', '2024/02/']);
    expect(r.contents.map((o) => o.key)).toEqual(['2024/top']);
    expect(r.keyCount).toBe(3);
    expect(r.isTruncated).toBe(false);
  });

  it('pages with continuation tokens and never repeats or skips a key (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[ab/]{1,6}$/), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('', '/'),
        (keys, maxKeys, delimiter) => {
          const store = storeWith(keys);
          const all = store.listObjectsV2({ bucket: 'logs', delimiter, maxKeys: 1000 });
          const seen: string[] = [];
          let token: string | undefined;
          for (let pages = 0; pages < 100; pages++) {
            const page = store.listObjectsV2({ bucket: 'logs', delimiter, maxKeys, continuationToken: token });
            seen.push(...page.contents.map((o) => o.key), ...page.commonPrefixes);
            if (!page.isTruncated) break;
            token = page.nextContinuationToken;
          }
          const expected = [...all.contents.map((o) => o.key), ...all.commonPrefixes].sort();
          expect([...seen].sort()).toEqual(expected);
        },
      ),
      { seed: 42 },
    );
  });

  it('evicts the oldest objects past its byte budget and counts them', () => {
    const store = storeWith([], 10);
    store.putObject('logs', 'one', bytes('12345'));
    store.putObject('logs', 'two', bytes('12345'));
    store.putObject('logs', 'three', bytes('123'));
    const stats = store.stats();
    expect(stats.bytesStored).toBeLessThanOrEqual(10);
    expect(stats.evictedObjects).toBe(1);
    expect(stats.evictedBytes).toBe(5);
    expect(store.evictedObjectsIn('logs')).toBe(1);
    expect(store.listObjectsV2({ bucket: 'logs' }).contents.map((o) => o.key)).toEqual(['three', 'two']);
  });

  it('overwrites keep one copy and correct byte accounting', () => {
    const store = storeWith([]);
    store.putObject('logs', 'k', bytes('aaaa'));
    store.putObject('logs', 'k', bytes('bb'));
    expect(store.stats()).toMatchObject({ objectCount: 1, bytesStored: 2 });
    store.deleteObject('logs', 'k');
    expect(store.stats()).toMatchObject({ objectCount: 0, bytesStored: 0 });
  });
});
