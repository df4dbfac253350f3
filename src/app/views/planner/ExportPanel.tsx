/**
 * Infrastructure export: the scenario's streams (as configured, or as recommended) as a
 * CloudFormation template, Terraform and AWS CLI commands, to download or copy.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfraTexts } from '../../../worker/api/planner/plan-scenario';
import { downloadText } from '../../components/scenario/download';

const FORMATS = [
  { key: 'cloudformation', label: 'CloudFormation', file: 'kinesis.template.json', mime: 'application/json' },
  { key: 'terraform', label: 'Terraform', file: 'kinesis.tf', mime: 'text/plain' },
  { key: 'cli', label: 'AWS CLI', file: 'create-kinesis.sh', mime: 'text/x-shellscript' },
] as const;

export function ExportPanel({ scenario, recommended }: { scenario: InfraTexts; recommended: InfraTexts }) {
  const { t } = useTranslation('planner');
  const [which, setWhich] = useState<'scenario' | 'recommended'>('scenario');
  const [format, setFormat] = useState<(typeof FORMATS)[number]['key']>('cloudformation');
  const [copied, setCopied] = useState(false);
  const texts = which === 'scenario' ? scenario : recommended;
  const f = FORMATS.find((x) => x.key === format)!;
  return (
    <section className="panel" aria-labelledby="export-title">
      <div className="panel-header">
        <h2 id="export-title">{t('export.title')}</h2>
        <div className="row">
          <select aria-label={t('export.what')} value={which} onChange={(e) => setWhich(e.target.value as 'scenario' | 'recommended')}>
            <option value="scenario">{t('export.configured')}</option>
            <option value="recommended">{t('export.recommended')}</option>
          </select>
        </div>
      </div>
      <div className="row">
        <div className="row" role="tablist" aria-label={t('export.format')}>
        {FORMATS.map((x) => (
          <button key={x.key} type="button" role="tab" id={`export-tab-${x.key}`} aria-controls="export-preview" aria-selected={format === x.key} className={`btn ${format === x.key ? 'btn-primary' : ''}`} data-testid={`export-${x.key}`} onClick={() => { setFormat(x.key); setCopied(false); }}>
            {x.label}
          </button>
        ))}
        </div>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => downloadText(f.file, texts[format], f.mime)}>
          {t('export.download', { file: f.file })}
        </button>
        <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(texts[format]).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? t('export.copied') : t('export.copy')}
        </button>
      </div>
      <pre className="export-preview" id="export-preview" role="tabpanel" aria-labelledby={`export-tab-${format}`} tabIndex={0} data-testid="export-preview">{texts[format]}</pre>
    </section>
  );
}
