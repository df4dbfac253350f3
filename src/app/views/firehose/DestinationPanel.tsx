/** What a non-S3 destination received (HTTP endpoint, OpenSearch, Redshift, Splunk): facts and the latest payload. */
import { Fragment } from 'react';
import type { SinkView } from '../../../worker/api/firehose-api';

const TITLES: Record<SinkView['kind'], string> = {
  'http-endpoint': 'HTTP endpoint', 'opensearch': 'OpenSearch domain', 'redshift': 'Redshift cluster', 'splunk': 'Splunk HEC',
};

export function DestinationPanel({ sink }: { sink: SinkView }) {
  return (
    <section className="panel" aria-label="Destination" data-testid="destination-panel">
      <div className="panel-header"><h2>{TITLES[sink.kind]}</h2><span className="stat-sub fh-mono">{sink.target}</span></div>
      <dl className="fh-facts">
        {sink.facts.map((f) => <Fragment key={f.label}><dt>{f.label}</dt><dd className="fh-mono">{f.value}</dd></Fragment>)}
      </dl>
      {sink.sample ? <pre className="fh-pre" aria-label="Latest payload">{sink.sample}</pre> : <p className="stat-sub">Nothing received yet.</p>}
    </section>
  );
}
