/** What a non-S3 destination received (HTTP endpoint, OpenSearch, Redshift, Splunk): facts and the latest payload. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SinkView } from '../../../worker/api/firehose-api';

export function DestinationPanel({ sink }: { sink: SinkView }) {
  const { t } = useTranslation('firehose');
  return (
    <section className="panel" aria-label={t('sink.label')} data-testid="destination-panel">
      <div className="panel-header"><h2>{t(`sink.titles.${sink.kind}`)}</h2><span className="stat-sub fh-mono">{sink.target}</span></div>
      <dl className="fh-facts">
        {sink.facts.map((f) => <Fragment key={f.label}><dt>{f.label}</dt><dd className="fh-mono">{f.value}</dd></Fragment>)}
      </dl>
      {sink.sample ? <pre className="fh-pre" aria-label={t('sink.latest')}>{sink.sample}</pre> : <p className="stat-sub">{t('sink.nothing')}</p>}
    </section>
  );
}
