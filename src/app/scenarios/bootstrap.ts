/**
 * What the console opens on: a scenario shared in the URL (confirmed first when it carries user
 * code), else the autosaved one with its settings, else the built-in demo. A share link pasted into
 * an open tab is picked up on `hashchange` too. The payload is removed from the address bar once read,
 * so a reload restores the autosave (which by then holds the shared scenario).
 */
import { DEMO_SCENARIO } from '../../engine/scenario/demo';
import { sharedPayloadFromHash } from './share-fragment';
import { scenarioStorage, useScenario } from './scenario-store';
import { findUserCode } from './user-code';
import { validateScenarioDoc } from './scenario-validation';
import { keepRescuedText, readAutosaveSafely } from './autosave-recovery';

/** Handles a share payload in the fragment; true when one was found (valid or not). */
async function takeSharedFromHash(): Promise<boolean> {
  const payload = sharedPayloadFromHash(window.location.hash);
  if (!payload) return false;
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/planner`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  const store = useScenario.getState();
  const { decodeScenario } = await import('./share-link');
  const decoded = decodeScenario(payload);
  if (!decoded.ok) {
    useScenario.setState({ notice: { kind: 'error', text: decoded.error } });
    return true;
  }
  const v = await validateScenarioDoc(decoded.doc);
  if (!v.ok) {
    useScenario.setState({ notice: { kind: 'error', text: 'The shared scenario is not valid:', details: v.errors } });
    return true;
  }
  const code = findUserCode(v.doc);
  if (code.length > 0) {
    store.offerShared(v.doc, code);
    return true;
  }
  await store.load(v.doc, 'shared');
  useScenario.setState({ notice: { kind: 'ok', text: 'Opened the shared scenario.' } });
  return true;
}

let boot: Promise<void> | null = null;

/**
 * Opens the first scenario once; every call gets the same promise, which resolves when it is loaded. A lesson
 * opened by its link waits for it before loading its own scenario, or the demo (loaded a moment later when the
 * boot is slow) would replace the lesson's world.
 */
export function startScenario(): Promise<void> {
  return (boot ??= openFirstScenario());
}

async function openFirstScenario(): Promise<void> {
  window.addEventListener('hashchange', () => void takeSharedFromHash());
  const store = useScenario.getState();
  void store.refreshSaved();
  const sharedLoaded = (await takeSharedFromHash()) && useScenario.getState().doc !== null;
  if (sharedLoaded) return;
  // Shared scenarios waiting for confirmation still need something running behind the dialog.
  const autosave = await readAutosaveSafely(scenarioStorage(), validateScenarioDoc);
  if (autosave.kind === 'ok' && (await store.load(autosave.doc, 'autosave', autosave.settings))) {
    if (autosave.notice) useScenario.setState({ notice: autosave.notice });
    return;
  }
  if (autosave.kind === 'unreadable' && autosave.notice.rescue) keepRescuedText(autosave.notice.rescue.text);
  await store.load(DEMO_SCENARIO, 'demo');
  if (autosave.kind === 'unreadable') useScenario.setState({ notice: autosave.notice });
}
