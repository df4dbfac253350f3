/**
 * Console edits made in the worker (streams, producers, consumers, delivery streams, analytics
 * apps) are written back into the live world's scenario document; each write bumps that
 * document's revision, which frames carry so the UI can adopt (and autosave) the edited document.
 */
const revisions = new WeakMap<object, number>();

export function markDocEdited(doc: object): void {
  revisions.set(doc, (revisions.get(doc) ?? 0) + 1);
}

export function docRevisionOf(doc: object): number {
  return revisions.get(doc) ?? 0;
}
