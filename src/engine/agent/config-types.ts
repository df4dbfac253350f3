/**
 * The parsed form of an agent.json: plain data, JSON-able except compiled patterns.
 * Produced by `parseAgentConfig`; consumed by the record pipeline and the agent producer.
 */
import type { JavaPattern } from './java-regex';
import type { JsonValue } from './jackson-json';
import type { LogFormat } from './log-formats';
import type { FilePattern } from './file-pattern';

export type JsonFormat = 'COMPACT' | 'PRETTYPRINT';

export type ProcessingOption =
  | { readonly optionName: 'SINGLELINE'; readonly noTrim: boolean; readonly escapeNewLine: boolean }
  | { readonly optionName: 'CSVTOJSON'; readonly customFieldNames: readonly string[]; readonly delimiter: string; readonly jsonFormat: JsonFormat }
  | {
      readonly optionName: 'LOGTOJSON'; readonly logFormat: LogFormat; readonly matchPattern?: JavaPattern;
      readonly customFieldNames?: readonly string[]; readonly jsonFormat: JsonFormat;
    }
  | { readonly optionName: 'ADDMETADATA'; readonly metadata: JsonValue; readonly timestamp: boolean; readonly jsonFormat: JsonFormat }
  | { readonly optionName: 'ADDBRACKETS' }
  | { readonly optionName: 'ADDEC2METADATA' };

export type DestinationKind = 'kinesisStream' | 'deliveryStream';

export interface FlowConfig {
  /** 0-based position in the config's `flows`. */
  readonly index: number;
  /** `kinesis:<stream>:<pattern>` or `fh:<stream>:<pattern>`, unique per agent. */
  readonly id: string;
  readonly destinationKind: DestinationKind;
  readonly destinationName: string;
  readonly filePattern: string;
  readonly file: FilePattern;
  readonly partitionKeyOption: 'RANDOM' | 'DETERMINISTIC';
  readonly initialPosition: 'START_OF_FILE' | 'END_OF_FILE';
  readonly maxBufferAgeMillis: number;
  readonly maxBufferSizeRecords: number;
  readonly maxBufferSizeBytes: number;
  readonly maxRecordSizeBytes: number;
  readonly multiLineStartPattern?: JavaPattern;
  readonly fileFooterPattern?: JavaPattern;
  readonly skipHeaderLines: number;
  readonly truncatedRecordTerminator: string;
  readonly aggregatedRecordSizeBytes: number;
  readonly retryInitialBackoffMillis: number;
  readonly retryMaxBackoffMillis: number;
  readonly publishQueueCapacity: number;
  readonly minTimeBetweenFilePollsMillis: number;
  readonly dataProcessingOptions: readonly ProcessingOption[];
}

export interface AgentConfig {
  readonly flows: readonly FlowConfig[];
  readonly kinesisEndpoint?: string;
  readonly kinesisRegion?: string;
  readonly firehoseEndpoint?: string;
  readonly checkpointFile: string;
  readonly emitMetrics: boolean;
  readonly namespace: string;
  readonly awsAccessKeyId?: string;
  readonly awsSecretAccessKey?: string;
}

export interface ConfigDiagnostic {
  /** JSON path of the offending value, e.g. `flows[0].maxBufferAgeMillis`. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}
