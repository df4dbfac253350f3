import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../engine/scenario/demo';
import { createRuntime, type LiveWorld } from './runtime';
import { removeProducer, saveProducer, writeBackToDoc } from './api/streams/actor-edits';

function world(): LiveWorld {
  const built = createRuntime(structuredClone(DEMO_SCENARIO));
  if (!built.ok) throw new Error(built.message);
  return built.runtime as LiveWorld;
}

describe('console edits written back into the scenario document', () => {
  it('adds an edited producer to the document and bumps the revision in the snapshot', () => {
    const w = world();
    expect(w.snapshot().docRevision).toBe(0);
    const r = saveProducer(w, null, { name: 'extra', stream: 'clickstream', rate: { kind: 'constant', recordsPerSec: 10 } });
    expect(r.ok).toBe(true);
    writeBackToDoc(w);
    expect(w.doc.producers.map((p) => p.name)).toEqual(['web-frontend', 'extra']);
    expect(w.snapshot().docRevision).toBe(1);
  });

  it('does not bump the revision when nothing changed', () => {
    const w = world();
    writeBackToDoc(w);
    const after = w.snapshot().docRevision;
    writeBackToDoc(w);
    expect(w.snapshot().docRevision).toBe(after);
  });

  it('survives a reset: the document rebuilt holds the edit', () => {
    const w = world();
    expect(removeProducer(w, 'web-frontend').ok).toBe(true);
    writeBackToDoc(w);
    const again = createRuntime(w.doc);
    expect(again.ok && (again.runtime as LiveWorld).scenario.producers.length).toBe(0);
  });
});
