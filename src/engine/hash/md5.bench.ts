/** md5.partitionkey: partition-key hashes per second for random UUID-like 36-character keys (pre-generated). */
import type { Benchmark } from '../bench/harness';
import { Prng } from '../random/prng';
import { md5PartitionKey } from './md5';

const KEY_COUNT = 100_000;
const ROUNDS = 20;
let keys: string[] = [];

export const benchmarks: Benchmark[] = [
  {
    name: 'md5.partitionkey',
    unit: 'keys/s',
    higherIsBetter: true,
    goal: 2_400_000,
    setup() {
      const prng = new Prng('md5-bench');
      keys = Array.from({ length: KEY_COUNT }, () => prng.uuid());
      for (const k of keys) md5PartitionKey(k); // warm up
    },
    run() {
      const out = new Uint32Array(4);
      let sink = 0;
      const start = performance.now();
      for (let r = 0; r < ROUNDS; r++) {
        for (let i = 0; i < KEY_COUNT; i++) sink ^= md5PartitionKey(keys[i], out)[0];
      }
      const seconds = (performance.now() - start) / 1000;
      if (sink === 0.5) console.log(sink); // keeps the loop observable
      return (KEY_COUNT * ROUNDS) / seconds;
    },
  },
];
