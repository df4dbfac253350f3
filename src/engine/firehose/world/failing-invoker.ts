/**
 * The transform a delivery stream gets when the runner offers no way to run user code (`npm run sim`
 * without a transform host, tests): every invocation fails as InvalidFunction, so the records follow
 * Firehose's processing-failure path (retries, then the error output) and are counted there.
 */
import type { TransformInvoker } from '../transform-invoker';

export const failingInvoker: TransformInvoker = {
  invoke: async () => ({
    kind: 'error',
    errorType: 'InvalidFunction',
    message: 'this runner cannot run transformation code (the console runs it in its browser sandbox)',
    durationMs: 0,
  }),
};
