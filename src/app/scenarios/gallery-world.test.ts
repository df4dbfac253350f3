import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../worker/runtime';
import { GALLERY } from './gallery';

// The gallery's documents load into the live world with every extension (Firehose, Analytics), not
// just the engine's scenario part: what "open an example" does in the console.
describe('gallery documents in the live world', () => {
  for (const g of GALLERY) {
    it(`${g.id} builds`, () => {
      const built = createRuntime(g.doc);
      expect(built.ok ? 'ok' : built.message).toBe('ok');
    });
  }
});
