/**
 * The delivery-stream form as flat fields, and its translation to and from a scenario `firehose`
 * entry (CreateDeliveryStream-shaped). Pure functions: the page keeps the form state, the worker
 * and the engine validate the result and answer with AWS error messages.
 */
import type { FirehoseSectionEntry } from '../../../worker/api/firehose-api';

export type DestinationChoice = 's3' | 'http-endpoint' | 'opensearch' | 'redshift' | 'splunk';
export type CompressionChoice = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy' | 'HADOOP_SNAPPY';

export interface StreamForm {
  name: string;
  source: 'DirectPut' | 'KinesisStreamAsSource';
  sourceStream: string;
  destination: DestinationChoice;
  bucket: string;
  prefix: string;
  errorPrefix: string;
  compression: CompressionChoice;
  newline: boolean;
  /** S3 only: convert JSON records to Parquet with the columns below (`name:type, …`). */
  parquet: boolean;
  columns: string;
  bufferMiB: number;
  intervalSec: number;
  retrySec: number;
  endpointUrl: string;
  domain: string;
  indexName: string;
  rotation: 'NoRotation' | 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';
  jdbcUrl: string;
  table: string;
  copyOptions: string;
  hecEndpoint: string;
  hecType: 'Raw' | 'Event';
  producerRate: number;
  producerTemplate: string;
  transformOn: boolean;
  transformSource: string;
  transformTimeoutMs: number;
  transformRetries: number;
  failureRatePct: number;
  down: boolean;
  latencyMs: number;
  failureStatus: number;
}

export const DEFAULT_TRANSFORM = `// Lambda-style transformation: base64 in, base64 out, one result per recordId.
exports.handler = async (event) => {
  const records = event.records.map((r) => {
    const text = atob(r.data);
    let doc;
    try { doc = JSON.parse(text); } catch { return { recordId: r.recordId, result: 'ProcessingFailed' }; }
    if (doc.action === 'view') return { recordId: r.recordId, result: 'Dropped' };
    doc.processed = true;
    return { recordId: r.recordId, result: 'Ok', data: btoa(JSON.stringify(doc) + '\\n') };
  });
  return { records };
};
`;

export function emptyForm(existing: readonly string[]): StreamForm {
  let n = 1;
  while (existing.includes(`delivery-${n}`)) n++;
  return {
    name: `delivery-${n}`, source: 'DirectPut', sourceStream: '', destination: 's3', bucket: 'firehose-sandbox', prefix: '', errorPrefix: '',
    compression: 'GZIP', newline: false, parquet: false, columns: 'id:int, user:string, action:string, amount:int, ts:bigint', bufferMiB: 1, intervalSec: 10, retrySec: 300,
    endpointUrl: 'https://collector.example.com/firehose', domain: 'arn:aws:es:us-east-1:000000000000:domain/logs', indexName: 'events', rotation: 'OneDay',
    jdbcUrl: 'jdbc:redshift://warehouse.example.com:5439/dev', table: 'events', copyOptions: "json 'auto'",
    hecEndpoint: 'https://splunk.example.com:8088', hecType: 'Raw',
    producerRate: 20, producerTemplate: '', transformOn: false, transformSource: DEFAULT_TRANSFORM, transformTimeoutMs: 3000, transformRetries: 0,
    failureRatePct: 0, down: false, latencyMs: 50, failureStatus: 500,
  };
}

const s3Config = (f: StreamForm) => ({
  RoleARN: 'arn:aws:iam::000000000000:role/firehose-delivery',
  BucketARN: `arn:aws:s3:::${f.bucket}`,
  ...(f.prefix ? { Prefix: f.prefix } : {}),
  ...(f.errorPrefix ? { ErrorOutputPrefix: f.errorPrefix } : {}),
  CompressionFormat: f.compression,
});

const hints = (f: StreamForm) => ({ SizeInMBs: f.bufferMiB, IntervalInSeconds: f.intervalSec });

const tableName = (f: StreamForm) => `${f.name.trim().replace(/[^a-zA-Z0-9_]/g, '_')}_records`;

export function parseColumns(text: string): { Name: string; Type: string }[] {
  return text.split(',').map((c) => c.trim()).filter(Boolean).map((c) => {
    const [name, type] = c.split(':').map((x) => x.trim());
    return { Name: name, Type: type || 'string' };
  });
}

const schemaTable = (f: StreamForm) => ({ DatabaseName: 'sandbox', TableName: tableName(f), Columns: parseColumns(f.columns) });

function conversion(f: StreamForm) {
  return {
    CompressionFormat: 'UNCOMPRESSED',
    DataFormatConversionConfiguration: {
      Enabled: true,
      SchemaConfiguration: { DatabaseName: 'sandbox', TableName: tableName(f), RoleARN: 'arn:aws:iam::000000000000:role/firehose-delivery', VersionId: 'LATEST' },
      InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
      OutputFormatConfiguration: { Serializer: { ParquetSerDe: { Compression: 'SNAPPY' } } },
    },
  };
}

export function formToEntry(f: StreamForm): FirehoseSectionEntry {
  const processing = f.newline ? { ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'AppendDelimiterToRecord' }] } } : {};
  const retry = { RetryOptions: { DurationInSeconds: f.retrySec } };
  const backup = { S3Configuration: { ...s3Config(f), CompressionFormat: f.compression === 'GZIP' ? 'GZIP' : 'UNCOMPRESSED', BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 } } };
  const destination = (() => {
    switch (f.destination) {
      case 's3':
        return { ExtendedS3DestinationConfiguration: { ...s3Config(f), BufferingHints: hints(f), ...processing, ...(f.parquet ? conversion(f) : {}) } };
      case 'http-endpoint':
        return { HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: f.endpointUrl, Name: 'endpoint' }, BufferingHints: hints(f), ...retry, ...backup, ...processing } };
      case 'opensearch':
        return { AmazonopensearchserviceDestinationConfiguration: { DomainARN: f.domain, IndexName: f.indexName, IndexRotationPeriod: f.rotation, BufferingHints: hints(f), ...retry, ...backup, ...processing } };
      case 'redshift':
        return { RedshiftDestinationConfiguration: {
          ClusterJDBCURL: f.jdbcUrl, CopyCommand: { DataTableName: f.table, CopyOptions: f.copyOptions }, Username: 'firehose', Password: 'sandbox',
          ...retry, S3Configuration: { ...backup.S3Configuration, BufferingHints: hints(f) }, ...processing,
        } };
      case 'splunk':
        return { SplunkDestinationConfiguration: { HECEndpoint: f.hecEndpoint, HECEndpointType: f.hecType, HECToken: 'sandbox-token', BufferingHints: hints(f), ...retry, ...backup, ...processing } };
    }
  })();
  return {
    DeliveryStreamName: f.name.trim(),
    DeliveryStreamType: f.source,
    ...(f.source === 'KinesisStreamAsSource' ? { KinesisStreamSourceConfiguration: { StreamName: f.sourceStream } } : {}),
    ...destination,
    ...(f.source === 'DirectPut' && f.producerRate > 0 ? { producer: { recordsPerSec: f.producerRate, ...(f.producerTemplate ? { template: f.producerTemplate } : {}) } } : {}),
    ...(f.transformOn ? { transform: { source: f.transformSource, timeoutMs: f.transformTimeoutMs, retries: f.transformRetries } } : {}),
    ...(f.destination === 's3' && f.parquet ? { schemaTable: schemaTable(f) } : {}),
    faults: { failureRate: f.failureRatePct / 100, down: f.down, latencyMs: f.latencyMs, failureStatus: f.failureStatus },
  };
}

type Doc = Record<string, unknown>;
const o = (v: unknown): Doc => (v && typeof v === 'object' ? (v as Doc) : {});

export function entryToForm(e: FirehoseSectionEntry, existing: readonly string[]): StreamForm {
  const f = emptyForm(existing);
  f.name = e.DeliveryStreamName;
  f.source = e.DeliveryStreamType ?? 'DirectPut';
  f.sourceStream = e.KinesisStreamSourceConfiguration?.StreamName ?? '';
  const [key, cfg] = (Object.entries(e).find(([k]) => k.endsWith('DestinationConfiguration')) ?? ['', {}]) as [string, Doc];
  f.destination = key.startsWith('Http') ? 'http-endpoint' : key.startsWith('Amazonopensearch') ? 'opensearch' : key.startsWith('Redshift') ? 'redshift' : key.startsWith('Splunk') ? 'splunk' : 's3';
  const s3 = f.destination === 's3' ? cfg : o(cfg.S3Configuration);
  f.bucket = String(s3.BucketARN ?? '').replace(/^arn:aws[a-z-]*:s3:::/, '') || f.bucket;
  f.prefix = String(s3.Prefix ?? '');
  f.errorPrefix = String(s3.ErrorOutputPrefix ?? '');
  f.compression = (s3.CompressionFormat as CompressionChoice | undefined) ?? 'UNCOMPRESSED';
  const h = o(f.destination === 'redshift' ? s3.BufferingHints : cfg.BufferingHints);
  f.bufferMiB = Number(h.SizeInMBs ?? f.bufferMiB);
  f.intervalSec = Number(h.IntervalInSeconds ?? f.intervalSec);
  f.retrySec = Number(o(cfg.RetryOptions).DurationInSeconds ?? f.retrySec);
  f.parquet = cfg.DataFormatConversionConfiguration !== undefined;
  if (e.schemaTable) f.columns = e.schemaTable.Columns.map((c) => `${c.Name}:${c.Type}`).join(', ');
  f.newline = JSON.stringify(cfg.ProcessingConfiguration ?? '').includes('AppendDelimiterToRecord');
  f.endpointUrl = String(o(cfg.EndpointConfiguration).Url ?? f.endpointUrl);
  f.domain = String(cfg.DomainARN ?? f.domain);
  f.indexName = String(cfg.IndexName ?? f.indexName);
  f.rotation = (cfg.IndexRotationPeriod as StreamForm['rotation'] | undefined) ?? f.rotation;
  f.jdbcUrl = String(cfg.ClusterJDBCURL ?? f.jdbcUrl);
  f.table = String(o(cfg.CopyCommand).DataTableName ?? f.table);
  f.copyOptions = String(o(cfg.CopyCommand).CopyOptions ?? f.copyOptions);
  f.hecEndpoint = String(cfg.HECEndpoint ?? f.hecEndpoint);
  f.hecType = cfg.HECEndpointType === 'Event' ? 'Event' : 'Raw';
  f.producerRate = e.producer?.recordsPerSec ?? 0;
  f.producerTemplate = e.producer?.template ?? '';
  f.transformOn = e.transform !== undefined;
  f.transformSource = e.transform?.source ?? f.transformSource;
  f.transformTimeoutMs = e.transform?.timeoutMs ?? f.transformTimeoutMs;
  f.transformRetries = e.transform ? (e.transform.retries ?? 3) : f.transformRetries;
  f.failureRatePct = Math.round((e.faults?.failureRate ?? 0) * 100);
  f.down = e.faults?.down ?? false;
  f.latencyMs = e.faults?.latencyMs ?? f.latencyMs;
  f.failureStatus = e.faults?.failureStatus ?? 500;
  return f;
}
