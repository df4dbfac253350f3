/**
 * Draws a PipelineGraph as SVG: nodes are links to their pages (keyboard-focusable), edges carry
 * their live rate, and anything that throttles or lags is marked red with the reason in words.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutPipeline, NODE_H, NODE_W, type NodeKind, type PipelineGraph } from './pipeline-graph';

function rateText(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v >= 10_000) return `${(v / 1000).toFixed(1)}k/s`;
  return `${Math.round(v).toLocaleString('en-US')}/s`;
}

function PipelineDiagramImpl({ graph }: { graph: PipelineGraph }) {
  const { t } = useTranslation();
  const KIND_LABEL: Record<NodeKind, string> = {
    producer: t('pipeline.kind.producer'), stream: t('pipeline.kind.stream'), consumer: t('pipeline.kind.consumer'),
    delivery: t('pipeline.kind.delivery'), analytics: t('pipeline.kind.analytics'), destination: t('pipeline.kind.destination'),
  };
  const { placed, width, height } = layoutPipeline(graph);
  const byId = new Map(placed.map((n) => [n.id, n]));
  return (
    <div className="pipeline-scroll" tabIndex={-1}>
      <svg className="pipeline" width={width} height={height} style={{ maxWidth: '100%', height: 'auto' }} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('pipeline.label')}>
        <defs>
          <marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0 0 L8 4 L0 8 z" className="pipeline-arrow" />
          </marker>
          <marker id="arrow-bad" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0 0 L8 4 L0 8 z" className="pipeline-arrow-bad" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = byId.get(e.from);
          const b = byId.get(e.to);
          if (!a || !b) return null;
          const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x - 2, y2 = b.y + NODE_H / 2;
          const mx = (x1 + x2) / 2;
          const label = rateText(e.recordsPerSec);
          return (
            <g key={`${e.from}->${e.to}`} className={e.alert ? 'pipeline-edge bad' : 'pipeline-edge'} data-testid={`edge-${e.from}->${e.to}`}>
              <path d={`M${x1} ${y1} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`} markerEnd={e.alert ? 'url(#arrow-bad)' : 'url(#arrow)'} />
              {label || e.alert ? (
                <text x={x2 - 10} y={y2 - 7} textAnchor="end" className="pipeline-rate">
                  {label}{e.alert ? ` · ${e.alert}` : ''}
                </text>
              ) : null}
            </g>
          );
        })}
        {placed.map((n) => (
          <a key={n.id} href={n.href} className={`pipeline-node kind-${n.kind}${n.alert ? ' bad' : ''}`} aria-label={`${KIND_LABEL[n.kind]} ${n.label}: ${n.detail}${n.alert ? `; ${n.alert}` : ''}`} data-testid={`node-${n.id}`}>
            <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={8} />
            <text x={n.x + 12} y={n.y + 18} className="pipeline-kind">{KIND_LABEL[n.kind]}</text>
            <text x={n.x + 12} y={n.y + 35} className="pipeline-label">{n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label}</text>
            <text x={n.x + 12} y={n.y + 50} className={n.alert ? 'pipeline-detail bad' : 'pipeline-detail'}>{n.alert ?? n.detail}</text>
            {n.alert ? <circle cx={n.x + NODE_W - 12} cy={n.y + 12} r={5} className="pipeline-alert-dot" /> : null}
          </a>
        ))}
      </svg>
    </div>
  );
}

export const PipelineDiagram = memo(PipelineDiagramImpl);
