/**
 * Connects the simulation worker's Firehose transforms to the browser sandbox: the worker calls
 * back (through a Comlink proxy) for each Lambda invocation, and the page runs it in the function's
 * sandbox. Attached once per page load; it stays attached while the user browses other pages, so
 * delivery streams with transforms keep working.
 */
import * as Comlink from 'comlink';
import { simulator } from '../sim-client';
import type { TransformCall } from '../../worker/api/firehose-api';
import { sandboxFor } from './transform-sandbox';

let attached: Promise<void> | undefined;

export function attachTransformSandbox(): Promise<void> {
  attached ??= simulator().registerTransformInvoker(
    Comlink.proxy((call: TransformCall) => sandboxFor(call.functionId).invoke(call.source, call.request, call.timeLimitMs)),
  );
  return attached;
}
