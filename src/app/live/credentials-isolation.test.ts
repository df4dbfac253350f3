/**
 * Live credentials never leave memory unless the user asks: after connecting, the secret is in no
 * scenario document, autosave entry, share link, Planner hand-off or UI store, and not in
 * localStorage; with "remember on this device" it is in localStorage under its one key only, and
 * Forget removes it. Runs the real live session against the local server with SigV4 checking on,
 * so a wrong secret is refused with AWS's error name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from '../../cli/server/local-api-server';
import { DEMO_SCENARIO } from '../../engine/scenario/demo';
import { LiveSession } from '../../worker/live/live-session';
import { memoryStorage } from '../scenarios/persistence';
import { configureScenarioStore, scenarioStorage, useScenario } from '../scenarios/scenario-store';
import { encodeScenario, shareUrl } from '../scenarios/share-link';
import { connect, disconnect, useLiveRemoteForTests } from './live-actions';
import { useLive } from './live-store';
import { SAVED_CONNECTION_KEY, forgetSavedConnection } from './saved-connection';
import { editsOfCapture } from './open-in-planner';
import { updatePlannerSettings } from '../views/planner/planner-settings';
import { parseWorkload } from '../../engine/capacity/workload';
import { validateScenario } from '../../engine/scenario/validate';
import { configureScenarioValidator } from '../scenarios/scenario-validation';

const ACCESS_KEY = 'AKIDLIVEISOLATION';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYliveSECRET';
const TOKEN = 'FQoGZXIvYXdzELIVESESSIONTOKEN';

class MemoryLocalStorage {
  private readonly m = new Map<string, string>();
  getItem(k: string) { return this.m.get(k) ?? null; }
  setItem(k: string, v: string) { this.m.set(k, String(v)); }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  get length() { return this.m.size; }
  dump() { return JSON.stringify([...this.m.entries()]); }
}

let server: LocalApiServer;
const local = new MemoryLocalStorage();

beforeAll(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = local;
  configureScenarioValidator(async (doc) => validateScenario(doc));
  configureScenarioStore({ storage: memoryStorage(), loadIntoWorker: async () => undefined });
  await useScenario.getState().load(DEMO_SCENARIO, 'demo');
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 3, sigv4: { keys: new Map([[ACCESS_KEY, SECRET]]) } });
  useLiveRemoteForTests(new LiveSession());
});
afterAll(async () => {
  await disconnect();
  await server?.close();
});

function leaks(text: string): boolean {
  return text.includes(SECRET) || text.includes(TOKEN);
}

async function everywhereButLocalStorage(): Promise<string> {
  const s = useScenario.getState();
  const autosave = await scenarioStorage().readAutosave();
  return [
    JSON.stringify({ doc: s.doc, settings: s.settings }),
    JSON.stringify(autosave),
    encodeScenario(s.doc),
    shareUrl('https://example.org/#/streams', s.doc),
    JSON.stringify(useLive.getState()),
  ].join('\n');
}

describe('live credentials', () => {
  it('refuses a wrong secret with the AWS error name and stays disconnected', async () => {
    const ok = await connect({ target: server.endpoint, signingRegion: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: 'wrong' }, remember: false });
    expect(ok).toBe(false);
    expect(useLive.getState().status).toBe('disconnected');
    expect(useLive.getState().error?.name).toBe('InvalidSignatureException');
    expect(useLive.getState().error?.advice).toBe('credentials');
  });

  it('keeps the keys in memory only when not asked to remember', async () => {
    const ok = await connect({ target: server.endpoint, signingRegion: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: TOKEN }, remember: false });
    expect(ok).toBe(true);
    expect(useLive.getState().status).toBe('connected');
    expect(useLive.getState().endpoint?.url).toBe(server.endpoint);
    // A Planner hand-off and a settings change (which autosaves) happen while connected.
    const parsed = parseWorkload({ name: 'captured-x', traffic: { recordsPerSecond: { average: 10 }, recordSize: { kind: 'fixed', bytes: 100 }, keys: { kind: 'explicit', weights: { a: 3, b: 1 } } } });
    if (!parsed.ok) throw new Error('workload');
    updatePlannerSettings({ edits: editsOfCapture({ stream: 'x', endpoint: server.endpoint, seconds: 30, workload: parsed.workload, json: {}, perSecond: [10], mode: 'PROVISIONED', openShards: 1 }) });
    await new Promise((r) => setTimeout(r, 400));
    expect(leaks(await everywhereButLocalStorage())).toBe(false);
    expect(local.length).toBe(0);
  });

  it('writes them to localStorage under one key when asked, and Forget removes them', async () => {
    await disconnect();
    const ok = await connect({ target: server.endpoint, signingRegion: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }, remember: true });
    expect(ok).toBe(true);
    expect(local.length).toBe(1);
    expect(local.getItem(SAVED_CONNECTION_KEY)).toContain(SECRET);
    useScenario.getState().setPageSettings('planner', { edits: {} });
    await new Promise((r) => setTimeout(r, 400));
    expect(leaks(await everywhereButLocalStorage())).toBe(false);
    forgetSavedConnection();
    expect(leaks(local.dump())).toBe(false);
    await disconnect();
    expect(useLive.getState().endpoint).toBeUndefined();
  });
});
