/**
 * Plans are data: a closed OperatorKind union plus edges, built by the planner while it wires the
 * executable operators, so EXPLAIN, the UI graph and tests read the same JSON-able object.
 */

export type OperatorKind =
  | 'stream_source' | 'filter' | 'project' | 'tumbling_aggregate' | 'sliding_window' | 'stagger_window'
  | 'table_join' | 'stream_join' | 'union' | 'window_assign' | 'session_window' | 'top_k_items'
  | 'count_distinct_items' | 'random_cut_forest' | 'hotspots' | 'insert';

export interface PlanNode {
  readonly id: number;
  readonly kind: OperatorKind;
  /** Human-readable parameters (expressions printed back to SQL, sizes). */
  readonly detail: string;
  /** The pump (or query) the node belongs to. */
  readonly owner: string;
}

export interface PlanEdge {
  readonly from: number;
  readonly to: number;
  /** Input port of `to` (joins have two). */
  readonly port: number;
}

export interface Plan {
  readonly kind: 'plan';
  readonly nodes: PlanNode[];
  readonly edges: PlanEdge[];
}

export class PlanBuilder {
  readonly nodes: PlanNode[] = [];
  readonly edges: PlanEdge[] = [];
  owner = '';

  add(kind: OperatorKind, detail: string): number {
    const id = this.nodes.length;
    this.nodes.push({ id, kind, detail, owner: this.owner });
    return id;
  }
  connect(from: number, to: number, port = 0): void {
    this.edges.push({ from, to, port });
  }
  build(): Plan {
    return { kind: 'plan', nodes: [...this.nodes], edges: [...this.edges] };
  }
}

/** One line per node, indented by depth from the sinks: the text EXPLAIN prints. */
export function explainPlan(plan: Plan): string {
  return plan.nodes.map((n) => {
    const inputs = plan.edges.filter((e) => e.to === n.id).map((e) => `#${e.from}`);
    return `#${n.id} ${n.kind}${n.detail ? ` ${n.detail}` : ''}${inputs.length ? ` <- ${inputs.join(', ')}` : ''} [${n.owner}]`;
  }).join('\n');
}
