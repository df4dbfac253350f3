/**
 * What the simulated destination received, for the page's "Destination" panel: HTTP endpoint
 * requests (and duplicates from retries), OpenSearch indices and document counts, Redshift tables,
 * row counts and the COPY log, Splunk events. Bounded: a few lines and one sample payload.
 */
import type { FirehoseService } from '../../firehose/firehose-service';
import type { ResolvedStreamConfig } from '../../firehose/types';

export interface SinkView {
  readonly kind: 'http-endpoint' | 'opensearch' | 'redshift' | 'splunk';
  readonly target: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** The latest payload the destination accepted (truncated). */
  readonly sample?: string;
}

const SAMPLE_CHARS_MAX = 2000;
const cut = (s: string) => (s.length > SAMPLE_CHARS_MAX ? `${s.slice(0, SAMPLE_CHARS_MAX)}…` : s);

export function sinkView(service: FirehoseService, config: ResolvedStreamConfig): SinkView | undefined {
  const d = config.destination;
  switch (d.kind) {
    case 's3':
      return undefined;
    case 'http-endpoint': {
      const sink = service.sinks.httpEndpoint(d.url);
      const last = sink.requests[sink.requests.length - 1];
      return {
        kind: d.kind, target: d.url,
        facts: [
          { label: 'Requests accepted', value: String(sink.requests.length >= 200 ? '200+' : sink.requests.length) },
          { label: 'Records received', value: String(sink.recordsReceived) },
          { label: 'Duplicate request ids (retries)', value: String(sink.duplicateRequests) },
        ],
        sample: last ? cut(describeHttpBody(last.body)) : undefined,
      };
    }
    case 'opensearch': {
      const domain = service.sinks.searchDomain(d.domain);
      const indices = [...domain.indices.entries()];
      const latest = indices.flatMap(([, docs]) => docs.slice(-1))[0];
      return {
        kind: d.kind, target: d.domain,
        facts: indices.slice(-6).map(([name, docs]) => ({ label: `index ${name}`, value: `${docs.length} documents` })),
        sample: latest ? cut(JSON.stringify(latest.source, null, 2)) : undefined,
      };
    }
    case 'redshift': {
      const cluster = service.sinks.warehouse(d.cluster);
      const table = cluster.tables.get(d.table);
      const copies = cluster.copyLog.slice(-3).reverse();
      return {
        kind: d.kind, target: `${d.cluster} · ${d.table}`,
        facts: [
          { label: 'Rows in table', value: String(table?.rows.length ?? 0) },
          ...copies.map((c) => ({ label: `COPY at ${new Date(c.atMs).toISOString().slice(11, 19)}`, value: c.ok ? `${c.rows} rows` : `failed: ${c.error ?? ''}` })),
        ],
        sample: table?.rows.length ? cut(JSON.stringify(table.rows[table.rows.length - 1], null, 2)) : undefined,
      };
    }
    case 'splunk': {
      const sink = service.sinks.splunk(d.hecEndpoint);
      const last = sink.events[sink.events.length - 1];
      return {
        kind: d.kind, target: d.hecEndpoint,
        facts: [{ label: 'Events indexed', value: String(sink.events.length) }, { label: 'Ack loss rate', value: `${Math.round(sink.ackLossRate * 100)}%` }],
        sample: last ? cut(last.event) : undefined,
      };
    }
  }
}

/** The request body with each record's base64 data decoded, so a person can read what arrived. */
function describeHttpBody(body: string): string {
  try {
    const doc = JSON.parse(body) as { requestId: string; timestamp: number; records: { data: string }[] };
    const dec = new TextDecoder();
    const lines = doc.records.slice(0, 20).map((r) => dec.decode(Uint8Array.from(atob(r.data), (c) => c.charCodeAt(0))).replace(/\n$/, ''));
    const more = doc.records.length > lines.length ? `\n… ${doc.records.length - lines.length} more records` : '';
    return `requestId ${doc.requestId} · ${doc.records.length} records (data decoded from base64)\n${lines.join('\n')}${more}`;
  } catch {
    return body;
  }
}
