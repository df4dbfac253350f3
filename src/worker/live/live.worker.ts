/// <reference lib="webworker" />
/**
 * The live worker: the console's requests to a real Kinesis endpoint (SigV4 signing, sampling,
 * statistics) run here, off the page's main thread. A thin Comlink facade over LiveSession.
 */
import * as Comlink from 'comlink';
import { LiveSession } from './live-session';
import type { LiveApi } from './live-types';

const session = new LiveSession();
const api: LiveApi = {
  connect: (i) => session.connect(i),
  disconnect: () => session.disconnect(),
  listStreams: () => session.listStreams(),
  describeStream: (n) => session.describeStream(n),
  startSampling: (n, r) => session.startSampling(n, r),
  setSamplingRate: (r) => session.setSamplingRate(r),
  stopSampling: () => session.stopSampling(),
  startCapture: (s) => session.startCapture(s),
  viewRecords: (s, id, from, limit) => session.viewRecords(s, id, from, limit),
  putRecord: (s, k, d) => session.putRecord(s, k, d),
  updateShardCount: (s, n) => session.updateShardCount(s, n),
  splitShard: (s, id) => session.splitShard(s, id),
  onFrame: (l) => session.onFrame(l),
};

Comlink.expose(api);
