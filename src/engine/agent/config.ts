/**
 * Parses and validates an agent.json the way the agent does at start-up, collecting every
 * problem with its JSON path (for the console editor's markers and the CLI's error list)
 * instead of stopping at the first. Keys, defaults and ranges: Firehose developer guide,
 * "Specify agent configuration settings"
 * (docs.aws.amazon.com/firehose/latest/dev/agent-config-settings.html); spec kinesis-agent.md.
 */
import { ConfigReader, isObject } from './config-reader';
import type { AgentConfig, ConfigDiagnostic, FlowConfig, ProcessingOption } from './config-types';
import { parseFilePattern } from './file-pattern';
import { compileJavaRegex, type JavaPattern } from './java-regex';
import * as L from './limits';
import { readProcessingOption } from './processing-options';

export type ParseResult =
  | { readonly ok: true; readonly config: AgentConfig; readonly diagnostics: readonly ConfigDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly ConfigDiagnostic[] };

const TOP_LEVEL_KEYS = [
  'flows', 'awsAccessKeyId', 'awsSecretAccessKey', 'assumeRoleARN', 'assumeRoleExternalId',
  'userDefinedCredentialsProvider.classname', 'userDefinedCredentialsProvider.location',
  'kinesis.endpoint', 'kinesis.region', 'firehose.endpoint', 'cloudwatch.endpoint', 'sts.endpoint',
  'cloudwatch.emitMetrics', 'cloudwatch.namespace', 'cloudwatch.tagInstance', 'cloudwatch.metricsBufferTimeMillis',
  'cloudwatch.metricsQueueSize', 'log.emitMetrics', 'log.emitInternalMetrics', 'log.statusReportingPeriodSeconds',
  'checkpointFile', 'checkpointTimeToLiveDays', 'checkpoints.queryTimeoutSeconds', 'checkpoints.connectionTimeoutSeconds',
  'maxSendingThreadsPerCore', 'maxSendingThreads', 'sendingThreadsKeepAliveMillis', 'sendingThreadsMaxQueueSize',
  'maxConnections', 'connectionTimeoutMillis', 'socketTimeoutMillis', 'connectionTTLMillis', 'useTcpKeepAlive',
  'useHttpGzip', 'shutdownTimeoutMillis', 'userAgent', 'userAgentOverride',
];

const FLOW_KEYS = [
  'filePattern', 'kinesisStream', 'deliveryStream', 'partitionKeyOption', 'initialPosition', 'maxBufferAgeMillis',
  'maxBufferSizeRecords', 'maxBufferSizeBytes', 'waitOnFullPublishQueueMillis', 'waitOnEmptyPublishQueueMillis',
  'waitOnFullRetryQueueMillis', 'publishQueueCapacity', 'retryInitialBackoffMillis', 'retryMaxBackoffMillis',
  'minTimeBetweenFilePollsMillis', 'maxTimeBetweenFileTrackerRefreshMillis', 'multiLineStartPattern', 'skipHeaderLines',
  'truncatedRecordTerminator', 'fileFooterPattern', 'aggregatedRecordSizeBytes', 'dataProcessingOptions',
];

/** Parses agent.json text; JSON syntax errors come back as a diagnostic at path "". */
export function parseAgentConfigText(text: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, diagnostics: [{ path: '', message: `agent.json is not valid JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  return parseAgentConfig(doc);
}

export function parseAgentConfig(doc: unknown): ParseResult {
  const diagnostics: ConfigDiagnostic[] = [];
  if (!isObject(doc)) {
    return { ok: false, diagnostics: [{ path: '', message: 'agent.json must be a JSON object with a "flows" list', severity: 'error' }] };
  }
  const r = new ConfigReader(doc, '', diagnostics);
  r.unknownKeys(TOP_LEVEL_KEYS);
  const flows: FlowConfig[] = [];
  const rawFlows = doc.flows;
  if (rawFlows === undefined || rawFlows === null) r.error('flows', 'Required configuration value missing: flows');
  else if (!Array.isArray(rawFlows)) r.error('flows', 'flows must be a list of flow objects');
  else {
    const ids = new Map<string, number>();
    rawFlows.forEach((raw, i) => {
      const flow = readFlow(raw, i, diagnostics);
      if (!flow) return;
      const seen = ids.get(flow.id);
      if (seen !== undefined) {
        diagnostics.push({ path: `flows[${i}]`, message: `Duplicate flow: ${flow.id} (same destination and filePattern as flows[${seen}])`, severity: 'error' });
        return;
      }
      ids.set(flow.id, i);
      flows.push(flow);
    });
  }
  const config: AgentConfig = {
    flows,
    kinesisEndpoint: r.string('kinesis.endpoint'),
    kinesisRegion: r.string('kinesis.region'),
    firehoseEndpoint: r.string('firehose.endpoint'),
    checkpointFile: r.string('checkpointFile') ?? L.DEFAULT_CHECKPOINT_FILE,
    emitMetrics: r.boolean('cloudwatch.emitMetrics', true),
    namespace: r.string('cloudwatch.namespace') ?? L.DEFAULT_CLOUDWATCH_NAMESPACE,
    awsAccessKeyId: r.string('awsAccessKeyId'),
    awsSecretAccessKey: r.string('awsSecretAccessKey'),
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, config, diagnostics };
}

function pattern(r: ConfigReader, key: string): JavaPattern | undefined {
  const s = r.string(key);
  if (s === undefined || s === '') return undefined;
  const c = compileJavaRegex(s);
  if (!c.ok) {
    r.error(key, `${key}: ${c.message}`);
    return undefined;
  }
  return c.pattern;
}

function readFlow(raw: unknown, index: number, diagnostics: ConfigDiagnostic[]): FlowConfig | undefined {
  const path = `flows[${index}]`;
  if (!isObject(raw)) {
    diagnostics.push({ path, message: 'a flow must be an object with filePattern and kinesisStream or deliveryStream', severity: 'error' });
    return undefined;
  }
  const before = diagnostics.filter((d) => d.severity === 'error').length;
  const r = new ConfigReader(raw, path, diagnostics);
  r.unknownKeys(FLOW_KEYS);
  // The agent checks deliveryStream first: a flow naming both is a Firehose flow.
  const isFirehose = r.has('deliveryStream');
  if (!isFirehose && !r.has('kinesisStream')) {
    diagnostics.push({ path, message: 'a flow needs a destination: set "kinesisStream" or "deliveryStream"', severity: 'error' });
  }
  if (isFirehose && r.has('kinesisStream')) r.warn('kinesisStream', 'both deliveryStream and kinesisStream are set: the agent uses deliveryStream and ignores kinesisStream');
  const destinationName = r.string(isFirehose ? 'deliveryStream' : 'kinesisStream') ?? '';
  const filePattern = r.string('filePattern', true) ?? '';
  const file = filePattern ? parseFilePattern(filePattern) : undefined;
  if (file && !file.ok) r.error('filePattern', file.message);
  const maxBytes = isFirehose ? L.FIREHOSE_MAX_BUFFER_SIZE_BYTES : L.KINESIS_MAX_BUFFER_SIZE_BYTES;
  const maxRecordSizeBytes = isFirehose ? L.FIREHOSE_MAX_RECORD_SIZE_BYTES : L.KINESIS_MAX_RECORD_SIZE_BYTES;
  const partitionKeyOption = r.enumOf('partitionKeyOption', ['RANDOM', 'DETERMINISTIC'] as const, 'RANDOM');
  if (isFirehose && r.has('partitionKeyOption')) r.warn('partitionKeyOption', 'partitionKeyOption applies to Kinesis streams only; Firehose ignores it');
  const initialPosition = r.enumOf('initialPosition', ['START_OF_FILE', 'END_OF_FILE'] as const, 'END_OF_FILE');
  const maxBufferAgeMillis = r.integer('maxBufferAgeMillis', L.DEFAULT_MAX_BUFFER_AGE_MILLIS, L.MAX_BUFFER_AGE_MILLIS_RANGE);
  const maxBufferSizeRecords = r.integer('maxBufferSizeRecords', L.MAX_BUFFER_SIZE_RECORDS, [1, L.MAX_BUFFER_SIZE_RECORDS]);
  const maxBufferSizeBytes = r.integer('maxBufferSizeBytes', maxBytes, [1, maxBytes]);
  r.integer('waitOnFullPublishQueueMillis', L.DEFAULT_WAIT_ON_PUBLISH_QUEUE_MILLIS, L.WAIT_ON_PUBLISH_QUEUE_MILLIS_RANGE);
  r.integer('waitOnEmptyPublishQueueMillis', L.DEFAULT_WAIT_ON_PUBLISH_QUEUE_MILLIS, L.WAIT_ON_PUBLISH_QUEUE_MILLIS_RANGE);
  const retryInitialBackoffMillis = r.integer('retryInitialBackoffMillis', L.DEFAULT_RETRY_INITIAL_BACKOFF_MILLIS, [0, Number.MAX_SAFE_INTEGER]);
  const retryMaxBackoffMillis = r.integer('retryMaxBackoffMillis', L.DEFAULT_RETRY_MAX_BACKOFF_MILLIS, [0, Number.MAX_SAFE_INTEGER]);
  const publishQueueCapacity = r.integer('publishQueueCapacity', L.DEFAULT_PUBLISH_QUEUE_CAPACITY, [1, 100_000]);
  const minTimeBetweenFilePollsMillis = r.integer('minTimeBetweenFilePollsMillis', L.DEFAULT_MIN_TIME_BETWEEN_FILE_POLLS_MILLIS, [1, 3_600_000]);
  r.integer('maxTimeBetweenFileTrackerRefreshMillis', L.DEFAULT_MAX_TIME_BETWEEN_FILE_TRACKER_REFRESH_MILLIS, [1, 3_600_000]);
  const skipHeaderLines = r.integer('skipHeaderLines', 0, [0, Number.MAX_SAFE_INTEGER]);
  const multiLineStartPattern = pattern(r, 'multiLineStartPattern');
  const fileFooterPattern = pattern(r, 'fileFooterPattern');
  const truncatedRecordTerminator = r.string('truncatedRecordTerminator') ?? '\n';
  if (new TextEncoder().encode(truncatedRecordTerminator).length >= maxRecordSizeBytes) {
    r.error('truncatedRecordTerminator', 'Record terminator not specified or exceeds the maximum record size');
  }
  let aggregatedRecordSizeBytes = 0;
  if (r.has('aggregatedRecordSizeBytes')) {
    if (!isFirehose) r.warn('aggregatedRecordSizeBytes', 'aggregatedRecordSizeBytes applies to deliveryStream flows only; ignored for Kinesis');
    else aggregatedRecordSizeBytes = r.integer('aggregatedRecordSizeBytes', 0, [0, L.AGGREGATED_RECORD_SIZE_BYTES_MAX]);
  }
  const options: ProcessingOption[] = [];
  const rawOptions = raw.dataProcessingOptions;
  if (rawOptions !== undefined && rawOptions !== null) {
    if (!Array.isArray(rawOptions)) r.error('dataProcessingOptions', 'dataProcessingOptions must be a list of {"optionName": …} objects');
    else {
      rawOptions.forEach((o, j) => {
        const opt = readProcessingOption(o, `${path}.dataProcessingOptions[${j}]`, diagnostics);
        if (opt) options.push(opt);
      });
    }
  }
  if (diagnostics.filter((d) => d.severity === 'error').length > before || !file || !file.ok) return undefined;
  const kind = isFirehose ? 'deliveryStream' : 'kinesisStream';
  return {
    index,
    id: `${isFirehose ? 'fh' : 'kinesis'}:${destinationName}:${filePattern}`,
    destinationKind: kind,
    destinationName,
    filePattern,
    file: file.value,
    partitionKeyOption,
    initialPosition,
    maxBufferAgeMillis,
    maxBufferSizeRecords,
    maxBufferSizeBytes,
    maxRecordSizeBytes,
    multiLineStartPattern,
    fileFooterPattern,
    skipHeaderLines,
    truncatedRecordTerminator,
    aggregatedRecordSizeBytes,
    retryInitialBackoffMillis,
    retryMaxBackoffMillis,
    publishQueueCapacity,
    minTimeBetweenFilePollsMillis,
    dataProcessingOptions: options,
  };
}
