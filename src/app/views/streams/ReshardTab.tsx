/**
 * Resharding and stream settings, each a real Kinesis API call validated by the API itself:
 * SplitShard (midpoint or a chosen hash key), MergeShards, UpdateShardCount, UpdateStreamMode,
 * Increase/DecreaseStreamRetentionPeriod, UpdateMaxRecordSize (large records, up to 10 MiB:
 * docs.aws.amazon.com/streams/latest/dev/large-records.html) and UpdateStreamRecordDistributionStrategy
 * (AUTO on on-demand streams: docs.aws.amazon.com/streams/latest/dev/service-managed-pk-configure.html).
 * The API's error shows inline under the action.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlResult, StreamDetail } from '../../../worker/api/streams-api';
import { MAX_RECORD_SIZE_KIB_MAX, MAX_RECORD_SIZE_KIB_MIN } from '../../../engine/streams/limits';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { errorText, kinesisCall, splitShardAtMidpoint, switchCapacityMode } from '../../stores/console-actions';
import { formatBytes } from '../../format';
import { Term } from '../../learn/Term';

type Outcome = { ok: boolean; text: string } | null;
type Distribution = StreamDetail['distribution'];

function ActionCard({ title, note, outcome, children, testId }: { title: ReactNode; note: string; outcome: Outcome; children: ReactNode; testId: string }) {
  return (
    <div className="action-card" data-testid={testId}>
      <h3>{title}</h3>
      <p className="hint" style={{ marginTop: 0 }}>{note}</p>
      {children}
      {outcome ? (
        <div className={outcome.ok ? 'action-result ok' : 'callout callout-error action-result'} role={outcome.ok ? 'status' : 'alert'} data-testid={`${testId}-result`}>{outcome.text}</div>
      ) : null}
    </div>
  );
}

const outcomeOf = (r: ControlResult<unknown>, okText: string): Outcome => (r.ok ? { ok: true, text: okText } : { ok: false, text: errorText(r)! });

export function ReshardTab({ detail }: { detail: StreamDetail }) {
  const { t } = useTranslation('streams');
  const name = detail.name;
  const ids = detail.bandIds;
  const [splitShard, setSplitShard] = useState(ids[0] ?? '');
  const [splitAt, setSplitAt] = useState<'mid' | 'key'>('mid');
  const [splitKey, setSplitKey] = useState('');
  const [mergeA, setMergeA] = useState(ids[0] ?? '');
  const [mergeB, setMergeB] = useState(ids[1] ?? '');
  const [target, setTarget] = useState<number | undefined>(detail.openShards * 2);
  const [mode, setMode] = useState<'PROVISIONED' | 'ON_DEMAND'>(detail.mode === 'PROVISIONED' ? 'ON_DEMAND' : 'PROVISIONED');
  const [retention, setRetention] = useState<number | undefined>(detail.retentionHours);
  const [maxKiB, setMaxKiB] = useState<number | undefined>(detail.maxRecordSizeKiB);
  const [distribution, setDistribution] = useState<Distribution>(detail.distribution === 'AUTO' ? 'USER_PARTITION_KEY' : 'AUTO');
  const [out, setOut] = useState<Record<string, Outcome>>({});
  const set = (k: string, o: Outcome) => setOut((prev) => ({ ...prev, [k]: o }));
  const options = ids.map((id) => [id, id] as [string, string]);

  const split = async () => {
    if (splitAt === 'mid') {
      const r = await splitShardAtMidpoint(name, splitShard);
      return set('split', outcomeOf(r, r.ok ? t('reshard.splitting', { shard: splitShard, key: r.value.newStartingHashKey }) : ''));
    }
    const key = splitKey.trim();
    const r = await kinesisCall('SplitShard', { StreamName: name, ShardToSplit: splitShard, NewStartingHashKey: key });
    set('split', outcomeOf(r, t('reshard.splitting', { shard: splitShard, key })));
  };
  const merge = async () => {
    const r = await kinesisCall('MergeShards', { StreamName: name, ShardToMerge: mergeA, AdjacentShardToMerge: mergeB });
    set('merge', outcomeOf(r, t('reshard.merging', { a: mergeA, b: mergeB })));
  };
  const scale = async () => {
    const r = await kinesisCall('UpdateShardCount', { StreamName: name, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
    set('scale', outcomeOf(r, t('reshard.scaling', { count: target ?? 0 })));
  };
  const switchMode = async () => {
    const r = await switchCapacityMode(name, mode);
    set('mode', outcomeOf(r, t('reshard.switching', { mode: t(`modeLower.${mode}`) })));
  };
  const changeRetention = async () => {
    const op = (retention ?? 0) >= detail.retentionHours ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod';
    const r = await kinesisCall(op, { StreamName: name, RetentionPeriodHours: retention });
    set('retention', outcomeOf(r, t('reshard.retentionDone', { hours: retention ?? 0 })));
  };
  const changeMaxRecordSize = async () => {
    const r = await kinesisCall('UpdateMaxRecordSize', { StreamARN: detail.arn, MaxRecordSizeInKiB: maxKiB });
    set('max', outcomeOf(r, t('reshard.maxDone', { kib: (maxKiB ?? 0).toLocaleString('en-US') })));
  };
  const changeDistribution = async () => {
    const r = await kinesisCall('UpdateStreamRecordDistributionStrategy', { StreamARN: detail.arn, RecordDistributionStrategy: distribution });
    set('distribution', outcomeOf(r, t('reshard.distDone', { strategy: distribution })));
  };

  return (
    <div className="action-grid">
      <ActionCard title={t('reshard.splitTitle')} note={t('reshard.splitNote')} outcome={out.split ?? null} testId="split-card">
        <div className="form-grid">
          <SelectField label={t('reshard.shardToSplit')} value={splitShard} options={options} onChange={setSplitShard} testId="split-shard" />
          <SelectField label={t('reshard.splitAt')} value={splitAt} options={[['mid', t('reshard.midpoint')], ['key', t('reshard.chosenKey')]]} onChange={setSplitAt} testId="split-at" />
          {splitAt === 'key' ? <TextField label={t('reshard.newKey')} value={splitKey} onChange={setSplitKey} mono testId="split-key" hint={t('reshard.newKeyHint')} /> : null}
        </div>
        <button className="btn btn-primary section-gap" onClick={() => void split()} data-testid="split-submit">{t('reshard.splitSubmit')}</button>
      </ActionCard>
      <ActionCard title={t('reshard.mergeTitle')} note={t('reshard.mergeNote')} outcome={out.merge ?? null} testId="merge-card">
        <div className="form-grid">
          <SelectField label={t('reshard.shard')} value={mergeA} options={options} onChange={setMergeA} testId="merge-a" />
          <SelectField label={t('reshard.adjacent')} value={mergeB} options={options} onChange={setMergeB} testId="merge-b" />
        </div>
        <button className="btn btn-primary section-gap" onClick={() => void merge()} data-testid="merge-submit">{t('reshard.mergeSubmit')}</button>
      </ActionCard>
      <ActionCard title={t('reshard.scaleTitle')} note={t('reshard.scaleNote')} outcome={out.scale ?? null} testId="scale-card">
        <NumberField label={t('reshard.target')} value={target} onChange={setTarget} min={1} step={1} testId="scale-target" />
        <button className="btn btn-primary section-gap" onClick={() => void scale()} data-testid="scale-submit">{t('reshard.scaleSubmit')}</button>
      </ActionCard>
      <ActionCard title={<Term id="provisioned">{t('reshard.modeTitle')}</Term>} note={t('reshard.modeNote', { mode: t(`modeLower.${detail.mode}`) })} outcome={out.mode ?? null} testId="mode-card">
        <SelectField label={t('reshard.switchTo')} value={mode} options={[['PROVISIONED', t('mode.PROVISIONED')], ['ON_DEMAND', t('mode.ON_DEMAND')]]} onChange={setMode} testId="mode-select" />
        <button className="btn btn-primary section-gap" onClick={() => void switchMode()} data-testid="mode-submit">{t('reshard.modeSubmit')}</button>
      </ActionCard>
      <ActionCard title={<Term id="retention">{t('reshard.retentionTitle')}</Term>} note={t('reshard.retentionNote', { hours: detail.retentionHours })} outcome={out.retention ?? null} testId="retention-card">
        <NumberField label={t('reshard.retention')} unit={t('reshard.hoursUnit')} value={retention} onChange={setRetention} min={24} step={1} testId="retention-hours" />
        <button className="btn btn-primary section-gap" onClick={() => void changeRetention()} data-testid="retention-submit">{t('reshard.retentionSubmit')}</button>
      </ActionCard>
      <ActionCard
        title={t('reshard.maxTitle')}
        note={t('reshard.maxNote', { size: formatBytes(detail.maxRecordSizeKiB * 1024), kib: detail.maxRecordSizeKiB.toLocaleString('en-US'), min: MAX_RECORD_SIZE_KIB_MIN.toLocaleString('en-US'), max: MAX_RECORD_SIZE_KIB_MAX.toLocaleString('en-US') })}
        outcome={out.max ?? null}
        testId="max-record-card"
      >
        <NumberField label={t('reshard.maxField')} unit={t('units.kib')} value={maxKiB} onChange={setMaxKiB} min={MAX_RECORD_SIZE_KIB_MIN} max={MAX_RECORD_SIZE_KIB_MAX} step={1} testId="max-record-kib" />
        <button className="btn btn-primary section-gap" onClick={() => void changeMaxRecordSize()} data-testid="max-record-submit">{t('reshard.maxSubmit')}</button>
      </ActionCard>
      <ActionCard
        title={t('reshard.distTitle')}
        note={detail.mode !== 'ON_DEMAND' ? t('reshard.distProvisioned') : detail.distribution === 'AUTO' ? t('reshard.distNoteAuto') : t('reshard.distNoteKey')}
        outcome={out.distribution ?? null}
        testId="distribution-card"
      >
        <SelectField label={t('reshard.distField')} value={distribution} options={[['USER_PARTITION_KEY', t('distribution.USER_PARTITION_KEY')], ['AUTO', t('distribution.AUTO')]]} onChange={setDistribution} testId="distribution-select" />
        <button className="btn btn-primary section-gap" onClick={() => void changeDistribution()} data-testid="distribution-submit">{t('reshard.distSubmit')}</button>
      </ActionCard>
    </div>
  );
}
