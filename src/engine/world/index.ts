/** The world: one loader, one list of parts (parts.ts), the part contract (part.ts) and headless runs. */
export { World, validateWorld } from './world';
export type { WorldOptions, WorldReport, WorldPartsSnapshot, WorldValidation } from './world';
export { WORLD_PARTS } from './parts';
export type { PartKey, PartInstanceOf, WorldInstances } from './parts';
export type { WorldPart, PartInstance, PartContext, WorldHost, TransformHost, EditableSection } from './part';
export { runWorld } from './run';
