/**
 * Every part of the world, in build order. This list is the only place a service joins the
 * simulation: the console worker, `npm run sim`, the Planner's what-ifs and `npm run api` all build
 * their world from it (world.ts), so a part added here runs everywhere.
 *
 * To add a service (Video Streams, the Kinesis Agent, SQS, …):
 *  1. type its section in scenario/schema.ts (`video?: readonly VideoSectionEntry[]`);
 *  2. write a `WorldPart<'video', VideoWorld>` (world/part.ts): `validate(doc)` returns field-path
 *     problems, `build(ctx)` builds the service on `ctx.sim` (attach it with `sim.attach` when other
 *     parts or the API server look it up) and returns an instance with start/stop/report/snapshot;
 *  3. add it below, after the parts it reads from. Reports and snapshots gain its key by type.
 */
import { analyticsPart } from '../analytics/world/analytics-world';
import { firehosePart } from '../firehose/world/firehose-part';
import { dataStreamsPart } from '../scenario/streams-part';
import { videoPart } from '../video/video-world';
import { agentsPart } from '../agent/world/agents-part';
import { queuesPart } from '../queues/world/queues-part';

export const WORLD_PARTS = [dataStreamsPart, firehosePart, analyticsPart, videoPart, agentsPart, queuesPart] as const;

type AnyPart = (typeof WORLD_PARTS)[number];
export type PartKey = AnyPart['key'];
export type PartInstanceOf<K extends PartKey> = ReturnType<Extract<AnyPart, { readonly key: K }>['build']>;
export type WorldInstances = { readonly [K in PartKey]: PartInstanceOf<K> };
export type PartReports = { readonly [K in PartKey]: ReturnType<PartInstanceOf<K>['report']> };
export type PartSnapshots = { readonly [K in PartKey]: ReturnType<PartInstanceOf<K>['snapshot']> };
