/**
 * Translates AWS-shaped destination configurations (as CreateDeliveryStream / UpdateDestination
 * carry them) into a validated ResolvedStreamConfig, applying Firehose's defaults and refusing
 * out-of-range values with InvalidArgumentException messages that name the limit.
 */
import { AwsServiceError } from '../api/result';
import { decodeBase64 } from './base64';
import { COMPRESSION_FORMATS, type CompressionFormat } from './compression';
import { compileQuery, JqError } from './jq-lite';
import {
  ACTIVE_PARTITIONS_DEFAULT, BUFFERING_RANGES, LAMBDA_BUFFER_INTERVAL_SEC, LAMBDA_BUFFER_MIB, LAMBDA_RETRIES_DEFAULT,
  MIB, RETRY_DURATION_SEC_DEFAULT, RETRY_DURATION_SEC_MAX, type BufferingProfile,
} from './limits';
import type { ParquetColumn } from './parquet';
import { effectiveDataPrefix, effectiveErrorPrefix, hasKind, PrefixError } from './prefix';
import type { BackupMode, DeliveryStreamType, OpenSearchRotation, ResolvedDestination, ResolvedProcessing, ResolvedS3, ResolvedStreamConfig } from './types';

/** A JSON object as the wire carries it. */
export type Doc = Record<string, unknown>;

export const DESTINATION_CONFIG_KEYS = {
  ExtendedS3DestinationConfiguration: 's3',
  S3DestinationConfiguration: 's3',
  HttpEndpointDestinationConfiguration: 'http-endpoint',
  AmazonopensearchserviceDestinationConfiguration: 'opensearch',
  ElasticsearchDestinationConfiguration: 'opensearch',
  RedshiftDestinationConfiguration: 'redshift',
  SplunkDestinationConfiguration: 'splunk',
} as const;
export type DestinationConfigKey = keyof typeof DESTINATION_CONFIG_KEYS;

export interface ResolveEnv {
  readonly lambdaTimeoutMs: number;
  lookupTable(databaseName: string, tableName: string): readonly ParquetColumn[] | undefined;
}

export function invalid(message: string): AwsServiceError {
  return new AwsServiceError('InvalidArgumentException', message, 400);
}

const obj = (v: unknown): Doc | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function bucketFromArn(arn: unknown, field: string): string {
  const m = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(str(arn) ?? '');
  if (!m) throw invalid(`${field} must be an S3 bucket ARN such as arn:aws:s3:::my-bucket, got ${JSON.stringify(arn)}`);
  return m[1];
}

function buffering(hints: unknown, profile: BufferingProfile, where: string): { sizeBytes: number; intervalMs: number; doc: Doc } {
  const range = BUFFERING_RANGES[profile];
  const h = obj(hints) ?? {};
  const size = num(h.SizeInMBs);
  const interval = num(h.IntervalInSeconds);
  // "This parameter is optional but if you specify a value for it, you must also specify a value
  // for IntervalInSeconds, and vice versa." — https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
  if ((size === undefined) !== (interval === undefined)) {
    throw invalid(`${where}.BufferingHints: SizeInMBs and IntervalInSeconds must be specified together; if you specify a value for one of them, you must also specify a value for the other.`);
  }
  // "BufferingHints.SizeInMBs must be at least 64 when Dynamic Partitioning is enabled." (AWS's words)
  // — https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning.html
  if (profile === 's3-dynamic-partitioning' && size !== undefined && size < range.sizeMiBMin) {
    throw invalid('BufferingHints.SizeInMBs must be at least 64 when Dynamic Partitioning is enabled.');
  }
  const sizeMiB = size ?? range.sizeMiBDefault;
  const intervalSec = interval ?? range.intervalSecDefault;
  if (!Number.isInteger(sizeMiB) || sizeMiB < range.sizeMiBMin || sizeMiB > range.sizeMiBMax) {
    throw invalid(`${where}.BufferingHints.SizeInMBs must be ${range.sizeMiBMin}–${range.sizeMiBMax} for this destination, got ${sizeMiB}`);
  }
  if (!Number.isInteger(intervalSec) || intervalSec < range.intervalSecMin || intervalSec > range.intervalSecMax) {
    throw invalid(`${where}.BufferingHints.IntervalInSeconds must be ${range.intervalSecMin}–${range.intervalSecMax} for this destination, got ${intervalSec}`);
  }
  return { sizeBytes: sizeMiB * MIB, intervalMs: intervalSec * 1000, doc: { SizeInMBs: sizeMiB, IntervalInSeconds: intervalSec } };
}

function retryMs(options: unknown, defaultSec: number, where: string): number {
  const sec = num(obj(options)?.DurationInSeconds) ?? defaultSec;
  if (!Number.isInteger(sec) || sec < 0 || sec > RETRY_DURATION_SEC_MAX) throw invalid(`${where}.RetryOptions.DurationInSeconds must be 0–${RETRY_DURATION_SEC_MAX}, got ${sec}`);
  return sec * 1000;
}

function processing(config: unknown, env: ResolveEnv, where: string): ResolvedProcessing {
  const pc = obj(config);
  if (!pc || pc.Enabled === false) return { appendDelimiter: false };
  const processors = Array.isArray(pc.Processors) ? (pc.Processors as unknown[]) : [];
  let result: { -readonly [K in keyof ResolvedProcessing]: ResolvedProcessing[K] } = { appendDelimiter: false };
  for (const p of processors) {
    const po = obj(p) ?? {};
    const params = new Map<string, string>();
    for (const param of (Array.isArray(po.Parameters) ? po.Parameters : []) as unknown[]) {
      const pp = obj(param) ?? {};
      if (typeof pp.ParameterName === 'string' && typeof pp.ParameterValue === 'string') params.set(pp.ParameterName, pp.ParameterValue);
    }
    switch (po.Type) {
      case 'Lambda': {
        const lambdaArn = params.get('LambdaArn');
        if (!lambdaArn) throw invalid(`${where}: a Lambda processor needs the LambdaArn parameter`);
        const retries = Number(params.get('NumberOfRetries') ?? LAMBDA_RETRIES_DEFAULT);
        const sizeMiB = Number(params.get('BufferSizeInMBs') ?? LAMBDA_BUFFER_MIB.default);
        const intervalSec = Number(params.get('BufferIntervalInSeconds') ?? LAMBDA_BUFFER_INTERVAL_SEC.default);
        if (!(retries >= 0 && retries <= 300 && Number.isInteger(retries))) throw invalid(`${where}: NumberOfRetries must be an integer 0–300, got ${retries}`);
        if (!(sizeMiB >= LAMBDA_BUFFER_MIB.min && sizeMiB <= LAMBDA_BUFFER_MIB.max)) throw invalid(`${where}: BufferSizeInMBs must be ${LAMBDA_BUFFER_MIB.min}–${LAMBDA_BUFFER_MIB.max}, got ${sizeMiB}`);
        if (!(intervalSec >= LAMBDA_BUFFER_INTERVAL_SEC.min && intervalSec <= LAMBDA_BUFFER_INTERVAL_SEC.max)) {
          throw invalid(`${where}: BufferIntervalInSeconds must be ${LAMBDA_BUFFER_INTERVAL_SEC.min}–${LAMBDA_BUFFER_INTERVAL_SEC.max}, got ${intervalSec}`);
        }
        result = { ...result, lambda: { lambdaArn, retries, bufferBytes: Math.round(sizeMiB * MIB), bufferIntervalMs: intervalSec * 1000, timeoutMs: env.lambdaTimeoutMs } };
        break;
      }
      case 'AppendDelimiterToRecord':
        result = { ...result, appendDelimiter: true };
        break;
      case 'MetadataExtraction': {
        const query = params.get('MetadataExtractionQuery');
        if (!query) throw invalid(`${where}: MetadataExtraction needs MetadataExtractionQuery`);
        try {
          result = { ...result, metadataQuery: compileQuery(query) };
        } catch (e) {
          if (e instanceof JqError) throw invalid(e.message);
          throw e;
        }
        break;
      }
      case 'RecordDeAggregation': {
        const type = params.get('SubRecordType') ?? 'JSON';
        if (type === 'JSON') result = { ...result, deaggregation: { kind: 'JSON' } };
        else if (type === 'DELIMITED') {
          const delimiter = decodeBase64(params.get('Delimiter') ?? '');
          if (!delimiter || delimiter.length === 0) throw invalid(`${where}: DELIMITED de-aggregation needs a base64 Delimiter parameter`);
          result = { ...result, deaggregation: { kind: 'DELIMITED', delimiter } };
        } else throw invalid(`${where}: SubRecordType must be JSON or DELIMITED, got ${type}`);
        break;
      }
      case 'CloudWatchLogProcessing':
        throw invalid(`${where}: the ${String(po.Type)} processor is not simulated yet`);
      default:
        throw invalid(`${where}: unknown processor type ${JSON.stringify(po.Type)}; use Lambda, AppendDelimiterToRecord or MetadataExtraction`);
    }
  }
  return result;
}

function s3Part(s3: Doc, where: string, profile: BufferingProfile): { resolved: ResolvedS3; doc: Doc } {
  const bucket = bucketFromArn(s3.BucketARN, `${where}.BucketARN`);
  const compression = (str(s3.CompressionFormat) ?? 'UNCOMPRESSED') as CompressionFormat;
  if (!COMPRESSION_FORMATS.includes(compression)) throw invalid(`${where}.CompressionFormat must be one of ${COMPRESSION_FORMATS.join(', ')}`);
  const fileExtension = str(s3.FileExtension);
  if (fileExtension !== undefined && !/^\.[A-Za-z0-9._-]{0,127}$/.test(fileExtension)) throw invalid(`${where}.FileExtension must start with "." and be 1–128 chars`);
  const prefix = str(s3.Prefix);
  const errorOutputPrefix = str(s3.ErrorOutputPrefix);
  let dataPrefix, errorPrefix;
  try {
    dataPrefix = effectiveDataPrefix(prefix);
    errorPrefix = effectiveErrorPrefix(prefix, errorOutputPrefix);
  } catch (e) {
    // Prefix rule violations carry AWS's own message, unprefixed, as the service answers them.
    if (e instanceof PrefixError) throw invalid(e.message);
    throw e;
  }
  const b = buffering(s3.BufferingHints, profile, where);
  return {
    resolved: { bucket, prefix, errorOutputPrefix, dataPrefix, errorPrefix, compression, fileExtension, sizeBytes: b.sizeBytes, intervalMs: b.intervalMs },
    doc: { ...s3, BufferingHints: b.doc, CompressionFormat: compression, EncryptionConfiguration: s3.EncryptionConfiguration ?? { NoEncryptionConfig: 'NoEncryption' } },
  };
}

export interface ResolvedWithDescription {
  readonly config: ResolvedStreamConfig;
  /** The destination description (AWS shape with defaults filled), keyed like DescribeDeliveryStream. */
  readonly description: Doc;
  /** The configuration as given with defaults, kept for UpdateDestination merges. */
  readonly configKey: DestinationConfigKey;
  readonly configDoc: Doc;
}

export function resolveStreamConfig(
  name: string, type: DeliveryStreamType, kinesisStreamArn: string | undefined,
  key: DestinationConfigKey, input: Doc, env: ResolveEnv,
): ResolvedWithDescription {
  const kind = DESTINATION_CONFIG_KEYS[key];
  const base = { name, type, kinesisStreamArn, activePartitionsMax: ACTIVE_PARTITIONS_DEFAULT };
  if (kind === 's3') {
    const dp = obj(input.DynamicPartitioningConfiguration);
    const dynamic = dp?.Enabled === true;
    const fc = obj(input.DataFormatConversionConfiguration);
    const converting = fc !== undefined && fc.Enabled !== false;
    const profile: BufferingProfile = dynamic ? 's3-dynamic-partitioning' : converting ? 's3-format-conversion' : 's3';
    const { resolved, doc } = s3Part(input, key, profile);
    const proc = processing(input.ProcessingConfiguration, env, key);
    let formatConversion;
    if (converting) {
      if (resolved.compression !== 'UNCOMPRESSED') throw invalid(`${key}: with DataFormatConversionConfiguration the CompressionFormat must be UNCOMPRESSED (the serializer compresses)`);
      const schema = obj(fc?.SchemaConfiguration) ?? {};
      const columns = env.lookupTable(str(schema.DatabaseName) ?? '', str(schema.TableName) ?? '');
      if (!columns) throw invalid(`${key}: schema table ${String(schema.DatabaseName)}.${String(schema.TableName)} is not registered; register it with the simulator first`);
      const serializer = obj(obj(fc?.OutputFormatConfiguration)?.Serializer) ?? {};
      if (serializer.OrcSerDe) throw invalid(`${key}: ORC output is not simulated; use ParquetSerDe`);
      const compression = (str(obj(serializer.ParquetSerDe)?.Compression) ?? 'SNAPPY') as 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED';
      formatConversion = { columns, compression };
    }
    // Dynamic partitioning rules, in AWS's words:
    // https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-partitioning-keys.html
    const usesKeys = hasKind(resolved.dataPrefix, 'query-key') || hasKind(resolved.dataPrefix, 'lambda-key');
    if (dynamic) {
      if (!resolved.errorOutputPrefix) throw invalid(`${key}: an ErrorOutputPrefix is required when dynamic partitioning is enabled`);
      if (!usesKeys) throw invalid('S3 Prefix should contain Dynamic Partitioning namespaces when Dynamic Partitioning is enabled');
      const prefixKeys = new Set(resolved.dataPrefix.flatMap((seg) => (seg.kind === 'query-key' ? [seg.key] : [])));
      const stray = proc.metadataQuery?.keys.find((k) => !prefixKeys.has(k));
      if (stray !== undefined) throw invalid("MetaDataExtraction JQ Query can't contain keys that are not present in the S3 Prefix expression");
    } else if (usesKeys) {
      throw invalid('Dynamic Partitioning Namespaces can only be part of a prefix expression when Dynamic Partitioning is enabled.');
    } else if (proc.metadataQuery) {
      throw invalid('class com.amazonaws.services.firehose.internal.model.MetadataExtractionProcessor can only be present when Dynamic Partitioning is enabled.');
    }
    let sourceBackup: ResolvedS3 | undefined;
    let backupDesc: Doc | undefined;
    if (input.S3BackupMode === 'Enabled') {
      const backupDoc = obj(input.S3BackupConfiguration);
      if (!backupDoc) throw invalid(`${key}: S3BackupMode Enabled needs S3BackupConfiguration`);
      const b = s3Part(backupDoc, `${key}.S3BackupConfiguration`, 's3');
      // The backup destination does not allow zero buffering.
      if (b.resolved.intervalMs < 60_000) throw invalid(`${key}.S3BackupConfiguration.BufferingHints.IntervalInSeconds must be 60–900`);
      sourceBackup = b.resolved;
      backupDesc = b.doc;
    } else if (input.S3BackupMode !== undefined && input.S3BackupMode !== 'Disabled') {
      throw invalid(`${key}.S3BackupMode must be Enabled or Disabled`);
    }
    const config: ResolvedStreamConfig = {
      ...base, destination: { kind: 's3' }, s3: resolved, sizeBytes: resolved.sizeBytes, intervalMs: resolved.intervalMs,
      processing: proc, formatConversion, sourceBackup,
      dynamicPartitioning: dynamic ? { retryDurationMs: retryMs(dp?.RetryOptions, RETRY_DURATION_SEC_DEFAULT.dynamicPartitioning, key) } : undefined,
    };
    const description: Doc = {
      ExtendedS3DestinationDescription: { S3BackupMode: 'Disabled', ...doc, ...(backupDesc ? { S3BackupDescription: backupDesc } : {}) },
      S3DestinationDescription: { ...doc },
    };
    return { config, description, configKey: key, configDoc: doc };
  }
  const s3Doc = obj(input.S3Configuration);
  if (!s3Doc) throw invalid(`${key}.S3Configuration is required (backup / intermediate bucket)`);
  const profile: BufferingProfile = kind;
  const { resolved: s3, doc: s3Desc } = s3Part(s3Doc, `${key}.S3Configuration`, kind === 'redshift' ? 'redshift' : 's3');
  const proc = processing(input.ProcessingConfiguration, env, key);
  const b = kind === 'redshift' ? { sizeBytes: s3.sizeBytes, intervalMs: s3.intervalMs, doc: undefined } : buffering(input.BufferingHints, profile, key);
  const backupMode = (all: string): BackupMode => (str(input.S3BackupMode) === all ? 'All' : 'FailedOnly');
  let destination: ResolvedDestination;
  let descKey: string;
  switch (kind) {
    case 'http-endpoint': {
      const ep = obj(input.EndpointConfiguration) ?? {};
      const url = str(ep.Url);
      if (!url || !/^https:\/\//.test(url)) throw invalid(`${key}.EndpointConfiguration.Url must be an https:// URL, got ${JSON.stringify(url)}`);
      const rc = obj(input.RequestConfiguration) ?? {};
      const attrs = (Array.isArray(rc.CommonAttributes) ? rc.CommonAttributes : []) as Doc[];
      if (attrs.length > 50) throw invalid(`${key}: at most 50 CommonAttributes`);
      destination = {
        kind, url, name: str(ep.Name), accessKey: str(ep.AccessKey), gzip: rc.ContentEncoding === 'GZIP',
        commonAttributes: Object.fromEntries(attrs.map((a) => [String(a.AttributeName), String(a.AttributeValue)])),
        retryDurationMs: retryMs(input.RetryOptions, RETRY_DURATION_SEC_DEFAULT.httpEndpoint, key), backupMode: backupMode('AllData'),
      };
      descKey = 'HttpEndpointDestinationDescription';
      break;
    }
    case 'opensearch': {
      const domain = str(input.DomainARN) ?? str(input.ClusterEndpoint);
      const indexName = str(input.IndexName);
      if (!domain || !indexName) throw invalid(`${key} needs DomainARN (or ClusterEndpoint) and IndexName`);
      const rotation = (str(input.IndexRotationPeriod) ?? 'OneDay') as OpenSearchRotation;
      if (!['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'].includes(rotation)) throw invalid(`${key}.IndexRotationPeriod ${rotation} is not valid`);
      destination = { kind, domain, indexName, rotation, retryDurationMs: retryMs(input.RetryOptions, RETRY_DURATION_SEC_DEFAULT.opensearch, key), backupMode: backupMode('AllDocuments') };
      descKey = key === 'ElasticsearchDestinationConfiguration' ? 'ElasticsearchDestinationDescription' : 'AmazonopensearchserviceDestinationDescription';
      break;
    }
    case 'redshift': {
      const cluster = str(input.ClusterJDBCURL);
      const copy = obj(input.CopyCommand) ?? {};
      const table = str(copy.DataTableName);
      if (!cluster || !table) throw invalid(`${key} needs ClusterJDBCURL and CopyCommand.DataTableName`);
      if (s3.compression !== 'UNCOMPRESSED' && s3.compression !== 'GZIP') throw invalid(`${key}: Redshift allows only UNCOMPRESSED or GZIP`);
      const columns = str(copy.DataTableColumns)?.split(',').map((c) => c.trim()).filter(Boolean);
      const copyOptions = `${str(copy.CopyOptions) ?? ''}${s3.compression === 'GZIP' ? ' gzip' : ''}`;
      destination = { kind, cluster, table, columns, copyOptions, retryDurationMs: retryMs(input.RetryOptions, RETRY_DURATION_SEC_DEFAULT.redshift, key) };
      descKey = 'RedshiftDestinationDescription';
      break;
    }
    case 'splunk': {
      const hecEndpoint = str(input.HECEndpoint);
      if (!hecEndpoint) throw invalid(`${key}.HECEndpoint is required`);
      const ackSec = num(input.HECAcknowledgmentTimeoutInSeconds) ?? 180;
      if (ackSec < 180 || ackSec > 600) throw invalid(`${key}.HECAcknowledgmentTimeoutInSeconds must be 180–600, got ${ackSec}`);
      destination = {
        kind, hecEndpoint, endpointType: input.HECEndpointType === 'Event' ? 'Event' : 'Raw', ackTimeoutMs: ackSec * 1000,
        retryDurationMs: retryMs(input.RetryOptions, RETRY_DURATION_SEC_DEFAULT.splunk, key), backupMode: backupMode('AllEvents'),
      };
      descKey = 'SplunkDestinationDescription';
      break;
    }
  }
  const { S3Configuration: _s3, Password: _password, ...rest } = input;
  const doc: Doc = { ...rest, ...(b.doc ? { BufferingHints: b.doc } : {}), S3BackupMode: input.S3BackupMode ?? defaultBackupMode(kind) };
  const config: ResolvedStreamConfig = { ...base, destination, s3, sizeBytes: b.sizeBytes, intervalMs: b.intervalMs, processing: proc };
  return { config, description: { [descKey]: { ...doc, S3DestinationDescription: s3Desc } }, configKey: key, configDoc: { ...input, S3Configuration: s3Desc } };
}

function defaultBackupMode(kind: Exclude<ResolvedDestination['kind'], 's3'>): string {
  return { 'http-endpoint': 'FailedDataOnly', opensearch: 'FailedDocumentsOnly', redshift: 'Disabled', splunk: 'FailedEventsOnly' }[kind];
}

/** Deep merge for UpdateDestination: given members replace, unspecified ones stay (arrays replaced whole). */
export function mergeDoc(base: Doc, update: Doc): Doc {
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(update)) {
    const b = obj(out[k]);
    const u = obj(v);
    out[k] = b && u ? mergeDoc(b, u) : v;
  }
  return out;
}
