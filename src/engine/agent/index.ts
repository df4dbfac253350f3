/** The Kinesis Agent: agent.json flows, record splitting and processing, tailing and sending. */
export { parseAgentConfig, parseAgentConfigText } from './config';
export type { ParseResult } from './config';
export type { AgentConfig, ConfigDiagnostic, FlowConfig, ProcessingOption, DestinationKind } from './config-types';
export { readAvailable, newCursor, processRecord, partitionKeyFor } from './record-pipeline';
export type { AgentRecord, FileCursor, PipelineContext, RecordStatus } from './record-pipeline';
export { matchesFileName, parseFilePattern } from './file-pattern';
export { convertRecord, javaTrim } from './converters';
export { compileJavaRegex } from './java-regex';
export * from './limits';
export * from './publisher';
export { AgentProducer } from './agent-producer';
export type { AgentSnapshot, LogGeneratorSpec, RecordView } from './agent-producer';
export { engineDestination } from './destinations';
export type { AgentDestination } from './destinations';
export { VirtualFileSystem } from './virtual-files';
export { logLine, LOG_KINDS, suggestedProcessing } from './log-generator';
export type { LogKind } from './log-generator';
export type { BatchEvent, FlowCounters } from './flow-runner';
