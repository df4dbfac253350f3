/**
 * Overview: the simulation's status and the pipeline diagram with live rates. The Firehose and
 * Analytics slices are read loosely (other modules own them) and turned into diagram nodes.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../stores/sim-store';
import { useConsole, useWatch } from '../stores/console-store';
import { PageHeader } from '../components/Shell';
import { PipelineDiagram } from '../components/console/PipelineDiagram';
import { buildPipeline, type AnalyticsInput, type DeliveryInput } from '../components/console/pipeline-graph';
import { formatCount, formatElapsed, formatSpeed } from '../format';
import { useTranslation } from 'react-i18next';
import { href } from '../router';

type Loose = Record<string, unknown>;
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per-second rates from cumulative totals seen in successive frames (virtual time), keyed by name. */
class RateTracker {
  private prev = new Map<string, { total: number; atMs: number; rate: number }>();
  rate(key: string, total: number, atMs: number): number {
    const p = this.prev.get(key);
    if (!p || atMs < p.atMs || total < p.total) {
      this.prev.set(key, { total, atMs, rate: Number.NaN });
      return Number.NaN;
    }
    if (atMs - p.atMs < 1000) return p.rate;
    const rate = ((total - p.total) * 1000) / (atMs - p.atMs);
    this.prev.set(key, { total, atMs, rate });
    return rate;
  }
}

function deliveriesOf(slice: unknown, rates: RateTracker, nowMs: number): DeliveryInput[] {
  return arr((slice as Loose | undefined)?.streams).map((d) => {
    const producer = d.producer as Loose | undefined;
    return {
      name: String(d.name), source: typeof d.source === 'string' ? d.source : undefined, destination: String(d.destination ?? 's3'),
      bucket: typeof d.bucket === 'string' ? d.bucket : undefined,
      recordsPerSec: producer ? n(producer.recordsPerSec) : rates.rate(`delivery:${String(d.name)}`, n(d.incomingRecords), nowMs),
      deliveredPerSec: rates.rate(`delivered:${String(d.name)}`, n(d.deliveredRecords), nowMs),
      throttled: n(d.throttledRecords) > 0, behindMs: n(d.kinesisMillisBehindLatest),
    };
  });
}

function appsOf(slice: unknown): AnalyticsInput[] {
  return arr((slice as Loose | undefined)?.apps).map((a) => {
    const source = (a.source ?? {}) as Loose;
    const output = a.output as Loose | undefined;
    return {
      name: String(a.name), source: String(source.stream ?? ''), inputRecordsPerSec: n(a.inputRecordsPerSec), outputRowsPerSec: n(a.outputRowsPerSec),
      behindMs: n(source.millisBehindLatest), errors: n(a.errorsTotal),
      output: output ? { kind: String(output.kind), name: typeof output.name === 'string' ? output.name : undefined } : undefined,
    };
  });
}

export function OverviewPage() {
  const { t } = useTranslation();
  useWatch({ stream: null });
  const scenario = useSim((s) => s.frame?.scenario);
  const clock = useSim(useShallow((s) => (s.frame ? { nowMs: s.frame.clock.nowMs, startMs: s.frame.clock.startMs, running: s.frame.clock.running, achieved: s.frame.clock.achievedSpeed } : null)));
  const eventsRun = useSim((s) => s.frame?.engine.eventsRun);
  const eventsPerSec = useSim((s) => s.frame?.engine.eventsPerWallSec);
  const firehose = useSim((s) => s.frame?.world?.firehose);
  const analytics = useSim((s) => s.frame?.world?.analytics);
  const loadError = useSim((s) => s.loadError);
  const frame = useConsole((s) => s.frame);
  const rates = useRef(new RateTracker());
  const graph = useMemo(() => (frame ? buildPipeline(frame, deliveriesOf(firehose, rates.current, frame.nowMs), appsOf(analytics)) : null), [frame, firehose, analytics]);
  const alerts = graph ? graph.nodes.filter((x) => x.alert).length : 0;
  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={scenario ? t('overview.subtitle', { name: scenario.name, seed: scenario.seed }) : t('overview.starting')} />
      <p className="panel-note" data-testid="overview-services">{t('overview.services')} <a href={href('learn')} data-testid="overview-learn">{t('overview.learnCta')} →</a></p>
      {loadError ? <div className="callout callout-error" role="alert">{loadError}</div> : null}
      <section className="cards" aria-label={t('overview.status')}>
        <div className="card stat">
          <div className="stat-label">{t('overview.simulatedTime')}</div>
          <div className="stat-value" data-testid="overview-elapsed">{clock ? formatElapsed(clock.nowMs - clock.startMs) : '—'}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">{t('overview.speedAchieved')}</div>
          <div className="stat-value">{clock?.running ? formatSpeed(clock.achieved) : t('overview.paused')}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">{t('overview.engineEvents')}</div>
          <div className="stat-value" data-testid="overview-events">{eventsRun !== undefined ? formatCount(eventsRun) : '—'}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">{t('overview.eventsPerSec')}</div>
          <div className="stat-value">{eventsPerSec !== undefined ? formatCount(eventsPerSec) : '—'}</div>
        </div>
      </section>
      <section className="panel" aria-labelledby="pipeline-title">
        <div className="panel-header">
          <h2 id="pipeline-title">{t('overview.pipeline')}</h2>
          <span className={alerts > 0 ? 'badge badge-bad' : 'badge badge-ok'} data-testid="pipeline-status">
            {alerts > 0 ? t('overview.attention', { count: alerts }) : t('overview.allFlowing')}
          </span>
        </div>
        <p className="panel-note">{t('overview.note')}</p>
        {!graph ? (
          <div className="loading">{t('overview.waiting')}</div>
        ) : graph.nodes.length === 0 ? (
          <div className="empty-state">
            <p>{t('overview.emptyBefore')} <a href="#/streams">{t('overview.createStream')}</a>{t('overview.emptyMiddle')} <a href="#/producers">{t('overview.addProducer')}</a> {t('overview.emptyAfter')}</p>
          </div>
        ) : (
          <PipelineDiagram graph={graph} />
        )}
      </section>
    </>
  );
}
