import { runSoakHour, startSoak } from '/work/main/src/engine/soak/soak-run';
const MiB = 1048576;
const gc = (globalThis as any).gc;
const run = startSoak({ hours: 9, shards: 1000 });
for (let h = 1; h <= 9; h++) {
  runSoakHour(run, h);
  gc(); await new Promise((r) => setTimeout(r, 300)); gc(); await new Promise((r) => setTimeout(r, 300)); gc();
  const m = process.memoryUsage();
  const svc = run.world.parts.streams.run.service;
  let chunks = 0, chunkBytes = 0, shards = 0, entries = 0;
  for (const name of ['events', 'orders']) {
    const st = svc.stream(name)!;
    for (const sh of st.shards) {
      shards++;
      const cs = (sh.log as any).chunks as any[];
      for (const c of cs) { chunks++; chunkBytes += c.entries.byteLength + (c.uuidWords?.byteLength ?? 0); }
      entries += sh.log.endIndex - sh.log.headIndex;
    }
  }
  const store = (run.world as any).parts.firehose;
  console.log(JSON.stringify({ h, heap: +(m.heapUsed / MiB).toFixed(1), ab: +(m.arrayBuffers / MiB).toFixed(1), rss: +(m.rss / MiB).toFixed(0),
    used: +(svc.memory.usedBytes / MiB).toFixed(1), budget: +(svc.memory.budgetBytes / MiB).toFixed(1), shards, entries, chunks, chunkMiB: +(chunkBytes / MiB).toFixed(1) }));
}
