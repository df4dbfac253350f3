/**
 * Adding, editing and removing producers and consumers of the running world. An edit is checked
 * by the scenario validator on a document made of the live streams and the edited actor lists (so
 * errors name the field, e.g. `producer.rate.recordsPerSec must be ≥ 0`); then the old engine
 * object is stopped and a new one, built as the scenario loader builds it, starts at the current
 * virtual time. The edited lists are kept per world for the forms.
 */
import { compileTemplate, TemplateError } from '../../../engine/producers/payload-template';
import { buildConsumer, buildProducer } from '../../../engine/scenario/load';
import type { ScenarioConsumer, ScenarioDoc, ScenarioProducer, ScenarioStream } from '../../../engine/scenario/schema';
import { validateScenario } from '../../../engine/scenario/validate';
import { MAX_RECORD_SIZE_KIB_DEFAULT } from '../../../engine/streams/limits';
import type { LiveWorld } from '../../runtime';
import type { ActorConfigs, EditResult } from './console-types';

interface Lists {
  producers: ScenarioProducer[];
  consumers: ScenarioConsumer[];
}

const lists = new WeakMap<LiveWorld, Lists>();

function listsOf(world: LiveWorld): Lists {
  let l = lists.get(world);
  if (!l) {
    const doc = world.scenario.doc;
    lists.set(world, (l = { producers: [...doc.producers], consumers: [...(doc.consumers ?? [])] }));
  }
  return l;
}

function liveStreams(world: LiveWorld): ScenarioStream[] {
  return world.scenario.service
    .allStreams()
    .filter((s) => !s.deleted && s.status !== 'DELETING')
    // Large-record size and AUTO distribution only when set, so documents that never used them stay as they were.
    .map((s) => ({
      name: s.name, mode: s.mode, shards: Math.max(1, s.openShardCount),
      maxRecordSizeKiB: s.maxRecordSizeKiB === MAX_RECORD_SIZE_KIB_DEFAULT ? undefined : s.maxRecordSizeKiB,
      recordDistribution: s.distribution === 'AUTO' ? 'AUTO' as const : undefined,
    }));
}

/**
 * Writes the live streams and the edited actor lists back into the world's scenario document, so
 * Reset, autosave, export and share links keep what was changed in the console.
 */
export function writeBackToDoc(world: LiveWorld): void {
  const l = listsOf(world);
  const previous = JSON.stringify([world.doc.streams, world.doc.producers, world.doc.consumers]);
  const before = new Map(world.doc.streams.map((s) => [s.name, s]));
  const streams = liveStreams(world).map((s) => {
    const was = before.get(s.name);
    const live = world.scenario.service.stream(s.name);
    return { ...was, ...s, ...(s.mode === 'ON_DEMAND' ? { shards: undefined } : {}), ...(live ? { retentionHours: live.retentionHours } : {}) };
  });
  if (JSON.stringify([streams, l.producers, l.consumers]) === previous) return;
  world.world.writeSections({ streams, producers: [...l.producers], consumers: [...l.consumers] });
}

export function actorConfigs(world: LiveWorld): ActorConfigs {
  const l = listsOf(world);
  const live = liveStreams(world);
  const streamSettings = Object.fromEntries(live.map((s) => [s.name, { maxRecordSizeKiB: s.maxRecordSizeKiB ?? MAX_RECORD_SIZE_KIB_DEFAULT, distribution: s.recordDistribution ?? 'USER_PARTITION_KEY' as const }]));
  return { streams: live.map((s) => s.name), streamSettings, producers: l.producers, consumers: l.consumers };
}

/** Validates a candidate document; errors about actor `index` of `section` are renamed to `label.…`. */
function check(world: LiveWorld, producers: ScenarioProducer[], consumers: ScenarioConsumer[], section: 'producers' | 'consumers', index: number, label: string): string[] {
  const doc: ScenarioDoc = { ...world.scenario.doc, streams: liveStreams(world), producers, consumers };
  const result = validateScenario(doc);
  if (result.ok) return [];
  const prefix = `${section}[${index}]`;
  return result.errors.map((e) => (e.startsWith(prefix) ? label + e.slice(prefix.length) : e));
}

/** Adds `p` (originalName null) or replaces the producer named originalName with it. */
export function saveProducer(world: LiveWorld, originalName: string | null, p: ScenarioProducer): EditResult {
  const l = listsOf(world);
  const at = originalName === null ? -1 : l.producers.findIndex((x) => x.name === originalName);
  if (originalName !== null && at < 0) return { ok: false, errors: [`there is no producer named "${originalName}"`] };
  const next = [...l.producers];
  const index = at < 0 ? next.length : at;
  next[index] = p;
  const errors = check(world, next, l.consumers, 'producers', index, 'producer');
  if (errors.length > 0) return { ok: false, errors };
  const run = world.scenario;
  if (originalName !== null) removeEngineProducer(world, originalName);
  const built = buildProducer(world.scenario, p);
  run.producers.push(built);
  built.start();
  l.producers = next;
  return { ok: true };
}

function removeEngineProducer(world: LiveWorld, name: string): void {
  const run = world.scenario;
  const i = run.producers.findIndex((x) => x.name === name);
  if (i >= 0) {
    run.producers[i].stop();
    run.producers.splice(i, 1);
  }
}

export function removeProducer(world: LiveWorld, name: string): EditResult {
  const l = listsOf(world);
  if (!l.producers.some((p) => p.name === name)) return { ok: false, errors: [`there is no producer named "${name}"`] };
  removeEngineProducer(world, name);
  l.producers = l.producers.filter((p) => p.name !== name);
  return { ok: true };
}

export function saveConsumer(world: LiveWorld, originalName: string | null, c: ScenarioConsumer): EditResult {
  const l = listsOf(world);
  const at = originalName === null ? -1 : l.consumers.findIndex((x) => x.name === originalName);
  if (originalName !== null && at < 0) return { ok: false, errors: [`there is no consumer named "${originalName}"`] };
  const next = [...l.consumers];
  const index = at < 0 ? next.length : at;
  next[index] = c;
  const errors = check(world, l.producers, next, 'consumers', index, 'consumer');
  if (errors.length > 0) return { ok: false, errors };
  if (originalName !== null) removeEngineConsumer(world, originalName);
  const built = buildConsumer(world.scenario, c);
  world.scenario.consumers.push(built);
  built.start();
  l.consumers = next;
  return { ok: true };
}

function removeEngineConsumer(world: LiveWorld, name: string): void {
  const run = world.scenario;
  const i = run.consumers.findIndex((x) => x.name === name);
  if (i >= 0) {
    run.consumers[i].stop();
    run.consumers.splice(i, 1);
  }
}

export function removeConsumer(world: LiveWorld, name: string): EditResult {
  const l = listsOf(world);
  if (!l.consumers.some((c) => c.name === name)) return { ok: false, errors: [`there is no consumer named "${name}"`] };
  removeEngineConsumer(world, name);
  l.consumers = l.consumers.filter((c) => c.name !== name);
  return { ok: true };
}

/** A few payloads rendered from a template, or the template's error. */
export function samplePayloads(template: string, seed: string, nowMs: number, count = 3): { ok: true; samples: string[] } | { ok: false; error: string } {
  try {
    const t = compileTemplate(template, seed);
    return { ok: true, samples: Array.from({ length: count }, (_, i) => t.render(nowMs + i * 137)) };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    throw e;
  }
}
