/// <reference lib="webworker" />
/**
 * The playground's sandbox: learner JavaScript runs here, in its own dedicated Worker (no DOM, no
 * access to the console's state), with the real @aws-sdk/client-kinesis and client-firehose whose
 * clients send every request through EngineRequestHandler to the simulation worker's world (via
 * the page). Network and storage globals are shadowed inside the learner's function; the page ends
 * a run by terminating this Worker, so a runaway loop cannot outlive Stop.
 */
import * as Comlink from 'comlink';
import * as Kinesis from '@aws-sdk/client-kinesis';
import * as Firehose from '@aws-sdk/client-firehose';
import { EngineRequestHandler } from '../../sdk/engine-request-handler';
import { asyncWire, type SdkDoor } from './async-wire';
import { formatArg, prepareLearnerCode } from './learner-code';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';
export interface LogLine { readonly level: LogLevel; readonly text: string }

export interface SandboxApi {
  run(source: string, door: SdkDoor, log: (line: LogLine) => void): Promise<{ ok: boolean }>;
}

type Config = Record<string, unknown>;
const defaults = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox' } };

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
// Shadowed inside learner code: the engine is the only thing it talks to.
const SHADOWED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'postMessage', 'self', 'globalThis'];

const api: SandboxApi = {
  async run(source, door, log) {
    // Callbacks cross to the page as Comlink proxies (functions cannot be cloned).
    const remote: SdkDoor = {
      sdkCall: (prefix, op, body) => door.sdkCall(prefix, op, body),
      sdkSubscribe: (body, sink) => door.sdkSubscribe(body, Comlink.proxy(sink)),
      sdkUnsubscribe: (id) => door.sdkUnsubscribe(id),
    };
    const handler = new EngineRequestHandler(asyncWire(remote));
    class KinesisClient extends Kinesis.KinesisClient {
      constructor(config: Config = {}) {
        super({ ...defaults, ...config, requestHandler: handler } as Kinesis.KinesisClientConfig);
      }
    }
    class FirehoseClient extends Firehose.FirehoseClient {
      constructor(config: Config = {}) {
        super({ ...defaults, ...config, requestHandler: handler } as Firehose.FirehoseClientConfig);
      }
    }
    const modules = {
      '@aws-sdk/client-kinesis': { ...Kinesis, KinesisClient },
      '@aws-sdk/client-firehose': { ...Firehose, FirehoseClient },
    };
    const out = (level: LogLevel) => (...args: unknown[]) => void log({ level, text: args.map(formatArg).join(' ') });
    const learnerConsole = { log: out('log'), info: out('info'), warn: out('warn'), error: out('error'), debug: out('log') };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const prepared = prepareLearnerCode(source);
    if (!prepared.ok) {
      learnerConsole.error(`Line ${prepared.line}: ${prepared.message}`);
      return { ok: false };
    }
    try {
      const fn = new AsyncFunction('__modules', 'console', 'sleep', ...SHADOWED, `"use strict";\n${prepared.body}`);
      await fn(modules, learnerConsole, sleep, ...SHADOWED.map(() => undefined));
      return { ok: true };
    } catch (e) {
      learnerConsole.error(e instanceof Error ? `${e.name}: ${e.message}` : formatArg(e));
      return { ok: false };
    }
  },
};

Comlink.expose(api);
