/**
 * Create a stream through CreateStream: provisioned with a shard count, or on-demand; with its maximum
 * record size (large records, up to 10 MiB) and, on demand, its record distribution (AUTO spreads records
 * whatever their key). The API validates and its error shows as AWS words it.
 * docs.aws.amazon.com/streams/latest/dev/large-records.html;
 * docs.aws.amazon.com/streams/latest/dev/service-managed-pk-configure.html
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RECORD_SIZE_KIB_DEFAULT, MAX_RECORD_SIZE_KIB_MAX, MAX_RECORD_SIZE_KIB_MIN } from '../../../engine/streams/limits';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { errorText, kinesisCall } from '../../stores/console-actions';

type Distribution = 'USER_PARTITION_KEY' | 'AUTO';

export function CreateStreamForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('streams');
  const [name, setName] = useState('');
  const [mode, setMode] = useState<'PROVISIONED' | 'ON_DEMAND'>('PROVISIONED');
  const [shards, setShards] = useState<number | undefined>(2);
  const [maxKiB, setMaxKiB] = useState<number | undefined>(MAX_RECORD_SIZE_KIB_DEFAULT);
  const [distribution, setDistribution] = useState<Distribution>('USER_PARTITION_KEY');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await kinesisCall('CreateStream', {
      StreamName: name,
      StreamModeDetails: { StreamMode: mode },
      ...(mode === 'PROVISIONED' ? { ShardCount: shards } : {}),
      // Sent only when changed, as the AWS console does: absent means the 1 MiB default.
      ...(maxKiB !== MAX_RECORD_SIZE_KIB_DEFAULT ? { MaxRecordSizeInKiB: maxKiB } : {}),
      ...(mode === 'ON_DEMAND' && distribution === 'AUTO' ? { RecordDistributionStrategy: 'AUTO' as const } : {}),
    });
    setBusy(false);
    setError(errorText(r));
    if (r.ok) onDone();
  };
  const range = { min: MAX_RECORD_SIZE_KIB_MIN.toLocaleString('en-US'), max: MAX_RECORD_SIZE_KIB_MAX.toLocaleString('en-US') };
  return (
    <form noValidate className="editor-card" onSubmit={(e) => void submit(e)} aria-label={t('create.aria')}>
      <h2>{t('create.title')}</h2>
      <div className="form-grid">
        <TextField label={t('create.name')} value={name} onChange={setName} testId="create-stream-name" placeholder="orders" hint={t('create.nameHint')} />
        <SelectField label={t('create.mode')} value={mode} onChange={setMode} testId="create-stream-mode" options={[['PROVISIONED', t('mode.PROVISIONED')], ['ON_DEMAND', t('mode.ON_DEMAND')]]} hint={mode === 'ON_DEMAND' ? t('create.onDemandHint') : t('create.provisionedHint')} />
        {mode === 'PROVISIONED' ? <NumberField label={t('create.shards')} value={shards} onChange={setShards} min={1} step={1} testId="create-stream-shards" /> : null}
        <NumberField label={t('create.maxRecordSize')} unit={t('units.kib')} value={maxKiB} onChange={setMaxKiB} min={MAX_RECORD_SIZE_KIB_MIN} max={MAX_RECORD_SIZE_KIB_MAX} step={1} testId="create-stream-max-record" hint={t('create.maxRecordSizeHint', range)} />
        <SelectField
          label={t('create.distribution')}
          value={mode === 'ON_DEMAND' ? distribution : 'USER_PARTITION_KEY'}
          onChange={setDistribution}
          testId="create-stream-distribution"
          options={mode === 'ON_DEMAND' ? [['USER_PARTITION_KEY', t('distribution.USER_PARTITION_KEY')], ['AUTO', t('distribution.AUTO')]] : [['USER_PARTITION_KEY', t('distribution.USER_PARTITION_KEY')]]}
          hint={mode !== 'ON_DEMAND' ? t('create.distributionOnDemandOnly') : distribution === 'AUTO' ? t('create.distributionAutoHint') : t('create.distributionKeyHint')}
        />
      </div>
      {error ? <div className="callout callout-error section-gap" role="alert" data-testid="create-stream-error">{error}</div> : null}
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="create-stream-submit">{t('create.submit')}</button>
        <button className="btn" type="button" onClick={onDone}>{t('create.cancel')}</button>
        <span className="muted">{t('create.creatingNote')}</span>
      </div>
    </form>
  );
}
