/**
 * The source stream the page works on, its schema discovered from the stream's records once it has
 * some, and the starter query written from that schema (src/app/views/analytics/starter-sql.ts):
 * the Analytics page opens on code that fits the scenario's stream instead of an example written
 * for another one. Only a starter is rewritten; examples and the learner's code are left alone.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { simulator } from '../../sim-client';
import { useSim } from '../../stores/sim-store';
import { useAnalyticsUi } from './analytics-store';
import { useScenario } from '../../scenarios/scenario-store';
import { flinkStarter, kdaStarter, pendingStarter, type StarterWords } from './starter-sql';

/** The stream named in the draft, else the scenario's first (after loading another scenario). */
export function useSourceStream(): string {
  const wanted = useAnalyticsUi((s) => s.draft.stream);
  const streams = useSim(useShallow((s) => s.frame?.world?.streams.streams.map((x) => x.name) ?? []));
  return streams.includes(wanted) ? wanted : (streams[0] ?? '');
}

/** Like the console's "Discover schema" on a new application: once the stream holds records, try once per stream. */
export function useAutoDiscovery(stream: string): void {
  const hasSchema = useAnalyticsUi((s) => s.draft.inputSchema !== null);
  const hasData = useSim((s) => (s.frame?.world?.streams.streams.find((x) => x.name === stream)?.incomingRecordsTotal ?? 0) > 0);
  const tried = useRef(new Set<string>());
  const revision = useScenario((s) => s.revision);
  useEffect(() => {
    // A stream of the same name in another scenario may carry other records: discover again.
    if (useAnalyticsUi.getState().scenarioRevision === revision) return;
    tried.current.clear();
    useAnalyticsUi.getState().newScenario(revision);
  }, [revision]);
  useEffect(() => {
    if (hasSchema || !hasData || !stream || tried.current.has(stream)) return;
    tried.current.add(stream);
    void simulator().analyticsDiscoverSchema(stream).then((r) => {
      const ui = useAnalyticsUi.getState();
      if (!r.ok || !r.value.inputSchema || ui.draft.inputSchema) {
        // Records without payloads (size-only producers) give nothing to discover: say so in the editor.
        if (!r.ok) ui.setUndiscoverable(stream);
        return;
      }
      ui.setSamples(r.value.samples);
      ui.setUndiscoverable(null);
      ui.setDraft({ inputSchema: r.value.inputSchema, stream });
    });
  }, [hasSchema, hasData, stream]);
}

/** Keeps a starter in the editor in step with the dialect, the source, its schema and the language. */
export function useStarter(stream: string): void {
  const { t, i18n } = useTranslation('analytics');
  const origin = useAnalyticsUi((s) => s.sqlOrigin);
  const starterFor = useAnalyticsUi((s) => s.starterFor);
  const dialect = useAnalyticsUi((s) => s.dialect);
  const schema = useAnalyticsUi((s) => s.draft.inputSchema);
  const namePrefix = useAnalyticsUi((s) => s.draft.namePrefix);
  const samples = useAnalyticsUi((s) => s.samples);
  // Discovery was tried on records that carry no payload (size-only producers): nothing to discover.
  const noPayload = useAnalyticsUi((s) => s.undiscoverable === stream);
  useEffect(() => {
    if (origin !== 'starter') return;
    const key = JSON.stringify([dialect, stream, schema, namePrefix, i18n.resolvedLanguage, noPayload]);
    if (starterFor === key) return;
    const ui = useAnalyticsUi.getState();
    // The learner may have typed between the render that scheduled this effect and now: theirs wins.
    if (ui.sqlOrigin !== 'starter') return;
    const words: StarterWords = {
      perKey: (k, s) => t('starter.perKey', { key: k, stream: s }),
      total: (s) => t('starter.total', { stream: s }),
    };
    if (!schema) {
      const lines = !stream ? [t('starter.noStream')]
        : noPayload ? [t('starter.noPayload1', { stream }), t('starter.noPayload2'), t('starter.noPayload3')]
          : [t('starter.pending1', { stream }), t('starter.pending2'), t('starter.pending3')];
      ui.setSql(pendingStarter(lines), 'starter', key);
      return;
    }
    const starter = dialect === 'kda' ? kdaStarter(schema, samples, stream, words, namePrefix || undefined) : flinkStarter(schema, samples, stream, words);
    ui.setSql(starter.sql, 'starter', key);
    ui.setChartColumn(starter.chartColumn);
  }, [origin, starterFor, dialect, stream, schema, namePrefix, samples, noPayload, t, i18n.resolvedLanguage]);
}
