export { Scheduler } from './scheduler';
export type { Cancellable, EventHandler } from './scheduler';
export { parseDurationMs, formatDuration } from './duration';
