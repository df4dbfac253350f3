/**
 * UI state of the Analytics page, kept across navigation: the application being edited (draft),
 * which running application the live panels show, and the dialect the examples are offered in.
 */
import { create } from 'zustand';
import type { InputSchema } from '../../../engine/analytics/input-schema';
import type { AnalyticsAppConfig, AnalyticsReferenceConfig, OutputKind } from '../../../engine/analytics/world/app-config';
import { DEFAULT_EXAMPLE } from './examples';

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

export interface AnalyticsUiState {
  draft: AppDraft;
  dialect: 'kda' | 'flink';
  selectedApp: string | null;
  chartColumn: string | null;
  setDraft(patch: Partial<AppDraft>): void;
  setDialect(dialect: 'kda' | 'flink'): void;
  select(name: string | null): void;
  setChartColumn(column: string | null): void;
  /** Loads an existing application's configuration into the editor. */
  edit(config: AnalyticsAppConfig): void;
}

export const DEFAULT_NAME_PREFIX = 'SOURCE_SQL_STREAM';

export const useAnalyticsUi = create<AnalyticsUiState>()((set) => ({
  draft: { name: 'page-counts', sql: DEFAULT_EXAMPLE.sql, stream: '', namePrefix: DEFAULT_NAME_PREFIX, inputSchema: null, startingPosition: 'NOW', outputKind: 'console', outputName: '', outputStream: '' },
  dialect: 'kda',
  selectedApp: null,
  chartColumn: DEFAULT_EXAMPLE.chartColumn ?? null,
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  setDialect: (dialect) => set({ dialect }),
  select: (selectedApp) => set({ selectedApp }),
  setChartColumn: (chartColumn) => set({ chartColumn }),
  edit: (config) => set({
    selectedApp: config.name,
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
