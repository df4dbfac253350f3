/**
 * Dead-letter redrive: StartMessageMoveTask moves messages from a dead-letter queue back to
 * their source queues (or to DestinationArn) at MaxNumberOfMessagesPerSecond, one active task
 * per source queue, advanced on the virtual clock. Source: SQS API reference,
 * StartMessageMoveTask / ListMessageMoveTasks / CancelMessageMoveTask.
 */
export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTask {
  readonly taskHandle: string;
  readonly sourceArn: string;
  readonly destinationArn?: string;
  readonly maxPerSecond?: number;
  readonly startedMs: number;
  status: MoveTaskStatus;
  moved: number;
  readonly toMove: number;
  failureReason?: string;
  /** Fractional messages owed by the rate limit between advances. */
  credit: number;
  lastMs: number;
}

/** "Service-optimised" rate when MaxNumberOfMessagesPerSecond is unset. */
export const DEFAULT_MOVE_RATE = 500;

/** How many messages the task may move by `nowMs` (rate-limited), updating its credit. */
export function moveAllowance(task: MoveTask, nowMs: number): number {
  const rate = task.maxPerSecond ?? DEFAULT_MOVE_RATE;
  task.credit += ((nowMs - task.lastMs) / 1000) * rate;
  task.lastMs = nowMs;
  const n = Math.floor(task.credit);
  task.credit -= n;
  return n;
}
