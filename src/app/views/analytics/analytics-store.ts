/**
 * UI state of the Analytics page, kept across navigation: the application being edited (draft),
 * which running application the live panels show, and the dialect the examples are offered in.
 */
import { create } from 'zustand';
import type { InputSchema } from '../../../engine/analytics/input-schema';
import type { AnalyticsAppConfig, AnalyticsReferenceConfig, OutputKind } from '../../../engine/analytics/world/app-config';

export interface AppDraft {
  name: string;
  sql: string;
  stream: string;
  namePrefix: string;
  inputSchema: InputSchema | null;
  startingPosition: 'NOW' | 'TRIM_HORIZON';
  outputKind: OutputKind;
  outputName: string;
  /** In-application stream to emit ('' = the one no pump reads, normally DESTINATION_SQL_STREAM). */
  outputStream: string;
  /** Reference data of the application being edited (from the scenario; the page has no editor for it). */
  reference?: readonly AnalyticsReferenceConfig[];
}

/**
 * Where the editor's code came from. Only a starter is rewritten by the page (when the source's
 * schema is discovered, the source or the dialect changes); an example or the learner's own code
 * is never replaced behind their back.
 */
export type SqlOrigin = 'starter' | 'example' | 'edited';

export interface AnalyticsUiState {
  draft: AppDraft;
  sqlOrigin: SqlOrigin;
  /** What the starter in the editor was written for (dialect, stream, schema, language), to rewrite it only when that changes. */
  starterFor: string | null;
  /** Sample records of the last schema discovery (the starter picks its key column from them). */
  samples: readonly string[];
  /** The scenario load (useScenario's revision) the discovered schema and samples belong to. */
  scenarioRevision: number;
  /** A stream whose records were tried and carry no payload to discover a schema from (size-only producers). */
  undiscoverable: string | null;
  dialect: 'kda' | 'flink';
  selectedApp: string | null;
  chartColumn: string | null;
  setDraft(patch: Partial<AppDraft>): void;
  /** New code in the editor and where it came from. */
  setSql(sql: string, origin: SqlOrigin, starterFor?: string | null): void;
  setSamples(samples: readonly string[]): void;
  setUndiscoverable(stream: string | null): void;
  /** Another scenario was loaded: what was discovered from the previous one's streams no longer holds. */
  newScenario(revision: number): void;
  setDialect(dialect: 'kda' | 'flink'): void;
  select(name: string | null): void;
  setChartColumn(column: string | null): void;
  /** Loads an existing application's configuration into the editor. */
  edit(config: AnalyticsAppConfig): void;
}

export const DEFAULT_NAME_PREFIX = 'SOURCE_SQL_STREAM';

export const useAnalyticsUi = create<AnalyticsUiState>()((set) => ({
  draft: { name: 'page-counts', sql: '', stream: '', namePrefix: DEFAULT_NAME_PREFIX, inputSchema: null, startingPosition: 'NOW', outputKind: 'console', outputName: '', outputStream: '' },
  sqlOrigin: 'starter',
  starterFor: null,
  samples: [],
  undiscoverable: null,
  scenarioRevision: -1,
  dialect: 'kda',
  selectedApp: null,
  chartColumn: 'n',
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  setSql: (sql, sqlOrigin, starterFor = null) => set((s) => ({ draft: { ...s.draft, sql }, sqlOrigin, starterFor })),
  setSamples: (samples) => set({ samples }),
  setUndiscoverable: (undiscoverable) => set({ undiscoverable }),
  newScenario: (scenarioRevision) => set((s) => ({ scenarioRevision, samples: [], undiscoverable: null, draft: { ...s.draft, inputSchema: null } })),
  setDialect: (dialect) => set({ dialect }),
  select: (selectedApp) => set({ selectedApp }),
  setChartColumn: (chartColumn) => set({ chartColumn }),
  edit: (config) => set({
    selectedApp: config.name,
    sqlOrigin: 'edited',
    starterFor: null,
    draft: {
      name: config.name, sql: config.sql, stream: config.input.stream, namePrefix: config.input.namePrefix ?? DEFAULT_NAME_PREFIX,
      inputSchema: config.input.inputSchema ?? null, startingPosition: config.input.startingPosition ?? 'NOW', outputKind: config.output?.kind ?? 'console', outputName: config.output?.name ?? '', outputStream: config.output?.inAppStream ?? '',
      reference: config.reference,
    },
  }),
}));

export function draftToConfig(d: AppDraft): AnalyticsAppConfig {
  return {
    name: d.name.trim(),
    sql: d.sql,
    input: { stream: d.stream, namePrefix: d.namePrefix || undefined, inputSchema: d.inputSchema ?? undefined, startingPosition: d.startingPosition },
    ...(d.reference ? { reference: d.reference } : {}),
    output: {
      kind: d.outputKind,
      ...(d.outputKind === 'console' ? {} : { name: d.outputName }),
      ...(d.outputStream ? { inAppStream: d.outputStream } : {}),
    },
  };
}
