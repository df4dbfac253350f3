/**
 * Simulated external systems Firehose delivers to, each with injectable faults: an HTTP endpoint
 * that speaks the Firehose HTTP endpoint protocol 1.0, an OpenSearch-like domain (indices, _bulk,
 * a simple search), a Redshift-like cluster (tables filled by COPY from S3 objects) and a Splunk
 * HEC with indexer acknowledgements. They answer synchronously; the delivery engine adds latency
 * on the virtual clock. Chance comes from the Prng handed in.
 */
import type { Prng } from '../random/prng';
import { utf8 } from './base64';
import { decompress } from './compression';

export interface SinkFaults {
  /** Virtual time one request takes. */
  latencyMs: number;
  /** Probability (0–1) that a request fails with `failureStatus`. */
  failureRate: number;
  /** When true every request fails (an outage). */
  down: boolean;
  /** HTTP-like status of injected failures (500 by default; 413 is permanent for HTTP endpoints). */
  failureStatus: number;
}

export const defaultFaults = (): SinkFaults => ({ latencyMs: 100, failureRate: 0, down: false, failureStatus: 500 });

export type SinkOutcome =
  | { readonly ok: true; readonly failedItems?: readonly { index: number; errorCode: string; errorMessage: string }[] }
  | { readonly ok: false; readonly status: number; readonly errorCode: string; readonly errorMessage: string };

function injected(faults: SinkFaults, prng: Prng, what: string): SinkOutcome | undefined {
  if (faults.down) return { ok: false, status: 503, errorCode: `${what}.Unavailable`, errorMessage: `${what} is down (injected outage)` };
  if (faults.failureRate > 0 && prng.bernoulli(faults.failureRate)) {
    return { ok: false, status: faults.failureStatus, errorCode: `${what}.DestinationException`, errorMessage: `${what} answered HTTP ${faults.failureStatus} (injected failure)` };
  }
  return undefined;
}

// --- HTTP endpoint ---------------------------------------------------------------------------

export interface HttpEndpointRequest {
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body `{requestId, timestamp, records:[{data}]}` as text (after gunzip when gzip was used). */
  readonly body: string;
  readonly receivedAtMs: number;
}

export class HttpEndpointSink {
  readonly faults: SinkFaults = defaultFaults();
  readonly requests: HttpEndpointRequest[] = [];
  recordsReceived = 0;
  private readonly seenRequestIds = new Set<string>();
  duplicateRequests = 0;
  constructor(readonly url: string, private readonly prng: Prng) {}

  /** Handles one POST; returns status and the response document the endpoint would send. */
  receive(headers: Record<string, string>, body: Uint8Array, nowMs: number): { status: number; response: Record<string, unknown> } {
    const text = utf8.decode(headers['Content-Encoding'] === 'gzip' ? decompress('GZIP', body) : body);
    const doc = JSON.parse(text) as { requestId: string; records: unknown[] };
    const fault = injected(this.faults, this.prng, 'HttpEndpoint');
    if (fault && !fault.ok) return { status: fault.status, response: { requestId: doc.requestId, timestamp: nowMs, errorMessage: fault.errorMessage } };
    if (this.seenRequestIds.has(doc.requestId)) this.duplicateRequests++;
    this.seenRequestIds.add(doc.requestId);
    this.requests.push({ headers: { ...headers }, body: text, receivedAtMs: nowMs });
    if (this.requests.length > 200) this.requests.shift();
    this.recordsReceived += doc.records.length;
    return { status: 200, response: { requestId: doc.requestId, timestamp: nowMs } };
  }
}

// --- OpenSearch-like domain ------------------------------------------------------------------

export interface SearchDocument {
  readonly id: string;
  readonly source: Record<string, unknown>;
  readonly indexedAtMs: number;
}

export class SearchDomain {
  readonly faults: SinkFaults = defaultFaults();
  readonly indices = new Map<string, SearchDocument[]>();
  constructor(readonly domain: string, private readonly prng: Prng) {}

  /** A `_bulk` index request; documents that are not single JSON objects fail individually. */
  bulk(index: string, docs: readonly { id: string; body: Uint8Array }[], nowMs: number): SinkOutcome {
    const fault = injected(this.faults, this.prng, 'AmazonOpenSearchService');
    if (fault) return fault;
    const failedItems: { index: number; errorCode: string; errorMessage: string }[] = [];
    const target = this.indices.get(index) ?? [];
    docs.forEach((d, i) => {
      try {
        const parsed: unknown = JSON.parse(utf8.decode(d.body));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('document is not a JSON object');
        target.push({ id: d.id, source: parsed as Record<string, unknown>, indexedAtMs: nowMs });
      } catch (e) {
        failedItems.push({ index: i, errorCode: 'mapper_parsing_exception', errorMessage: `failed to parse: ${(e as Error).message}` });
      }
    });
    this.indices.set(index, target);
    return { ok: true, failedItems };
  }

  /** Documents in indices matching `indexPattern` (`*` wildcard) whose field equals the value, or whose JSON contains `text`. */
  search(indexPattern: string, query: { field: string; value: unknown } | { text: string }, limit = 100): SearchDocument[] {
    const re = new RegExp(`^${indexPattern.split('*').map(escapeRegExp).join('.*')}$`);
    const out: SearchDocument[] = [];
    for (const [name, docs] of this.indices) {
      if (!re.test(name)) continue;
      for (const d of docs) {
        const hit = 'text' in query ? JSON.stringify(d.source).includes(query.text) : d.source[query.field] === query.value;
        if (hit) out.push(d);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- Redshift-like cluster -------------------------------------------------------------------

export class WarehouseCluster {
  readonly faults: SinkFaults = defaultFaults();
  readonly tables = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  readonly copyLog: { atMs: number; table: string; rows: number; ok: boolean; error?: string }[] = [];
  constructor(readonly cluster: string, private readonly prng: Prng) {}

  createTable(name: string, columns: readonly string[]): void {
    if (!this.tables.has(name)) this.tables.set(name, { columns: [...columns], rows: [] });
  }

  /**
   * `COPY table (columns) FROM <objects> <options>`: `json 'auto'` reads JSON documents, `csv`
   * comma-separated lines, otherwise `DELIMITER 'x'` (default "|"); `gzip` gunzips first. A
   * missing table is created from the column list ([sim]); a row that does not fit fails the COPY.
   */
  copy(table: string, columns: readonly string[] | undefined, objects: readonly Uint8Array[], copyOptions: string, nowMs: number): SinkOutcome {
    const fault = injected(this.faults, this.prng, 'Redshift');
    if (fault) return fault;
    const opts = copyOptions.toLowerCase();
    const rows: Record<string, unknown>[] = [];
    try {
      for (const obj of objects) {
        const text = utf8.decode(/\bgzip\b/.test(opts) ? decompress('GZIP', obj) : obj);
        const lines = text.split('\n').filter((l) => l.trim() !== '');
        for (const line of lines) rows.push(this.parseLine(line, columns, opts));
      }
    } catch (e) {
      const message = (e as Error).message;
      this.copyLog.push({ atMs: nowMs, table, rows: 0, ok: false, error: message });
      return { ok: false, status: 400, errorCode: 'Redshift.CopyFailed', errorMessage: `COPY into ${table} failed: ${message}` };
    }
    const cols = columns ?? Object.keys(rows[0] ?? {});
    this.createTable(table, cols);
    this.tables.get(table)?.rows.push(...rows);
    this.copyLog.push({ atMs: nowMs, table, rows: rows.length, ok: true });
    return { ok: true };
  }

  private parseLine(line: string, columns: readonly string[] | undefined, opts: string): Record<string, unknown> {
    if (/\bjson\b/.test(opts)) {
      const doc = JSON.parse(line) as Record<string, unknown>;
      if (!columns) return doc;
      return Object.fromEntries(columns.map((c) => [c, doc[c] ?? null]));
    }
    const delimiter = /\bcsv\b/.test(opts) ? ',' : /delimiter\s+'(.)'/.exec(opts)?.[1] ?? '|';
    const cells = line.split(delimiter);
    const cols = columns ?? cells.map((_, i) => `col${i + 1}`);
    if (cells.length !== cols.length) throw new Error(`line has ${cells.length} fields, table expects ${cols.length}: ${line.slice(0, 80)}`);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  }
}

// --- Splunk HEC ------------------------------------------------------------------------------

export class SplunkSink {
  readonly faults: SinkFaults = defaultFaults();
  /** Probability that the indexer never acknowledges (→ Splunk.AckTimeout after the ack timeout). */
  ackLossRate = 0;
  readonly events: { atMs: number; event: string }[] = [];
  constructor(readonly hecEndpoint: string, private readonly prng: Prng) {}

  /** Returns the outcome and whether the ack was lost (the caller waits for the ack timeout). */
  post(events: readonly string[], nowMs: number): SinkOutcome & { ackLost?: boolean } {
    const fault = injected(this.faults, this.prng, 'Splunk');
    if (fault) return fault;
    if (this.ackLossRate > 0 && this.prng.bernoulli(this.ackLossRate)) {
      return { ok: false, status: 504, errorCode: 'Splunk.AckTimeout', errorMessage: 'Did not receive an acknowledgement from HEC before the HEC acknowledgement timeout expired', ackLost: true };
    }
    for (const e of events) this.events.push({ atMs: nowMs, event: e });
    if (this.events.length > 10_000) this.events.splice(0, this.events.length - 10_000);
    return { ok: true };
  }
}

/** Every simulated external system, found (and created on first use) by its address. */
export class SinkRegistry {
  readonly httpEndpoints = new Map<string, HttpEndpointSink>();
  readonly searchDomains = new Map<string, SearchDomain>();
  readonly warehouses = new Map<string, WarehouseCluster>();
  readonly splunks = new Map<string, SplunkSink>();
  constructor(private readonly prng: Prng) {}

  httpEndpoint(url: string): HttpEndpointSink {
    return getOrCreate(this.httpEndpoints, url, () => new HttpEndpointSink(url, this.prng.fork(`http:${url}`)));
  }
  searchDomain(domain: string): SearchDomain {
    return getOrCreate(this.searchDomains, domain, () => new SearchDomain(domain, this.prng.fork(`search:${domain}`)));
  }
  warehouse(cluster: string): WarehouseCluster {
    return getOrCreate(this.warehouses, cluster, () => new WarehouseCluster(cluster, this.prng.fork(`warehouse:${cluster}`)));
  }
  splunk(endpoint: string): SplunkSink {
    return getOrCreate(this.splunks, endpoint, () => new SplunkSink(endpoint, this.prng.fork(`splunk:${endpoint}`)));
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let v = map.get(key);
  if (!v) {
    v = create();
    map.set(key, v);
  }
  return v;
}
