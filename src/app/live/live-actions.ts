/**
 * The Live page's actions: the only code that talks to the live worker. Each writes its outcome
 * into the live store; AWS errors come back as data and are shown, never thrown.
 */
import * as Comlink from 'comlink';
import type { LiveApi, LiveFrame, LiveResult } from '../../worker/live/live-types';
import type { LiveCredentials } from '../../live/endpoint';
import { useLive } from './live-store';
import { forgetSavedConnection, saveConnection } from './saved-connection';

let remote: Comlink.Remote<LiveApi> | null = null;

function live(): Comlink.Remote<LiveApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../worker/live/live.worker.ts', import.meta.url), { type: 'module', name: 'live' });
    remote = Comlink.wrap<LiveApi>(worker);
    void remote.onFrame(Comlink.proxy((frame: LiveFrame) => useLive.getState().set({ frame })));
  }
  return remote;
}

/** Tests run the live session in-process instead of in a Worker. */
export function useLiveRemoteForTests(api: LiveApi): void {
  remote = api as unknown as Comlink.Remote<LiveApi>;
  void api.onFrame((frame) => useLive.getState().set({ frame }));
}

function failed<T>(r: LiveResult<T>): r is Extract<LiveResult<T>, { ok: false }> {
  if (!r.ok) useLive.getState().set({ error: r.error });
  return !r.ok;
}

export interface ConnectForm {
  readonly target: string;
  readonly signingRegion: string;
  readonly credentials: LiveCredentials;
  readonly remember: boolean;
}

export async function connect(form: ConnectForm): Promise<boolean> {
  const store = useLive.getState();
  store.set({ status: 'connecting', error: undefined });
  const r = await live().connect({ target: form.target, signingRegion: form.signingRegion, credentials: form.credentials });
  if (failed(r)) {
    useLive.getState().set({ status: 'disconnected' });
    return false;
  }
  if (form.remember) saveConnection({ target: form.target, signingRegion: form.signingRegion, credentials: form.credentials });
  else forgetSavedConnection();
  useLive.getState().set({ status: 'connected', endpoint: r.value.endpoint, streams: r.value.streams, detail: undefined, frame: undefined });
  return true;
}

export async function disconnect(): Promise<void> {
  if (remote) await remote.disconnect();
  useLive.getState().set({ status: 'disconnected', endpoint: undefined, streams: [], detail: undefined, frame: undefined, error: undefined });
}

export async function refreshStreams(): Promise<void> {
  const r = await live().listStreams();
  if (!failed(r)) useLive.getState().set({ streams: r.value, error: undefined });
}

export async function openStream(stream: string): Promise<void> {
  const r = await live().describeStream(stream);
  if (!failed(r)) useLive.getState().set({ detail: { stream, ...r.value }, error: undefined });
}

export async function startSampling(stream: string, readsPerSecPerShard: number): Promise<void> {
  const r = await live().startSampling(stream, readsPerSecPerShard);
  if (!failed(r)) useLive.getState().set({ error: undefined });
}

export async function stopSampling(): Promise<void> {
  await live().stopSampling();
}

export async function setSamplingRate(readsPerSecPerShard: number): Promise<void> {
  await live().setSamplingRate(readsPerSecPerShard);
}

export async function startCapture(seconds: number): Promise<void> {
  const r = await live().startCapture(seconds);
  if (!failed(r)) useLive.getState().set({ error: undefined });
}

export function liveApi(): Comlink.Remote<LiveApi> {
  return live();
}
