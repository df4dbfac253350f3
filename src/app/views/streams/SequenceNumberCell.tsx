/**
 * The whole sequence number of a record, selectable and copyable, with the digits that differ from the
 * neighbouring record's number (the previous one; the next one for the first row) marked so consecutive
 * records can be told apart at a glance.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSequenceNumber } from './sequence-diff';

export function SequenceNumberCell({ value, neighbour }: { value: string; neighbour: string | undefined }) {
  const { t } = useTranslation('streams');
  const [copied, setCopied] = useState(false);
  const parts = splitSequenceNumber(value, neighbour);
  return (
    <span className="seq-number">
      <code className="seq-digits" data-testid="viewer-seq-number" aria-label={t('viewer.seqAria', { value })}>
        <span className="seq-same">{parts.head}</span>
        <mark className="seq-changed">{parts.changed}</mark>
        <span className="seq-same">{parts.tail}</span>
      </code>
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('viewer.copyAria')}
        onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? t('viewer.copied') : t('viewer.copy')}
      </button>
    </span>
  );
}
