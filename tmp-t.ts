import { keyWeights } from './src/engine/capacity/key-weights';
import { searchShardLayout } from './src/engine/capacity/layout-search';
const weights = keyWeights({ kind: 'hot-key', hotKey: 'tenant-acme', share: 0.3, otherKeys: 20, prefix: 'tenant-' });
const t0 = performance.now();
const p = searchShardLayout({ weights, baseShards: 4, bytesPerSec: 3000*209, recordsPerSec: 3000, targetUtilization: 0.8 });
console.log(performance.now()-t0);
console.log(JSON.stringify({ ...p, atBase: undefined }, (k, v) => typeof v === 'bigint' ? v.toString() : v, 1).slice(0, 4000));
