/**
 * Resharding and stream settings, each a real Kinesis API call validated by the API itself:
 * SplitShard (midpoint or a chosen hash key), MergeShards, UpdateShardCount, UpdateStreamMode and
 * Increase/DecreaseStreamRetentionPeriod. The API's error shows inline under the action.
 */
import { useState, type ReactNode } from 'react';
import type { ControlResult, StreamDetail } from '../../../worker/api/streams-api';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { errorText, kinesisCall, splitShardAtMidpoint, switchCapacityMode } from '../../stores/console-actions';

type Outcome = { ok: boolean; text: string } | null;

function ActionCard({ title, note, outcome, children, testId }: { title: string; note: string; outcome: Outcome; children: ReactNode; testId: string }) {
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
  const [out, setOut] = useState<Record<string, Outcome>>({});
  const set = (k: string, o: Outcome) => setOut((prev) => ({ ...prev, [k]: o }));
  const options = ids.map((id) => [id, id] as [string, string]);

  const split = async () => {
    if (splitAt === 'mid') {
      const r = await splitShardAtMidpoint(name, splitShard);
      return set('split', outcomeOf(r, r.ok ? `Splitting ${splitShard} at ${r.value.newStartingHashKey}: the children open in about 30 virtual seconds.` : ''));
    }
    const key = splitKey.trim();
    const r = await kinesisCall('SplitShard', { StreamName: name, ShardToSplit: splitShard, NewStartingHashKey: key });
    set('split', outcomeOf(r, `Splitting ${splitShard} at ${key}: the children open in about 30 virtual seconds.`));
  };
  const merge = async () => {
    const r = await kinesisCall('MergeShards', { StreamName: name, ShardToMerge: mergeA, AdjacentShardToMerge: mergeB });
    set('merge', outcomeOf(r, `Merging ${mergeA} and ${mergeB}.`));
  };
  const scale = async () => {
    const r = await kinesisCall('UpdateShardCount', { StreamName: name, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
    set('scale', outcomeOf(r, `Scaling to ${target} shards.`));
  };
  const switchMode = async () => {
    const r = await switchCapacityMode(name, mode);
    set('mode', outcomeOf(r, `Switching to ${mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned'} capacity.`));
  };
  const changeRetention = async () => {
    const op = (retention ?? 0) >= detail.retentionHours ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod';
    const r = await kinesisCall(op, { StreamName: name, RetentionPeriodHours: retention });
    set('retention', outcomeOf(r, `Retention is now ${retention} hours.`));
  };

  return (
    <div className="action-grid">
      <ActionCard title="Split a shard" note="SplitShard: one open shard becomes two; its hash range divides at the new starting hash key." outcome={out.split ?? null} testId="split-card">
        <div className="form-grid">
          <SelectField label="Shard to split" value={splitShard} options={options} onChange={setSplitShard} testId="split-shard" />
          <SelectField label="Split at" value={splitAt} options={[['mid', 'The midpoint of its range'], ['key', 'A hash key I choose']]} onChange={setSplitAt} testId="split-at" />
          {splitAt === 'key' ? <TextField label="New starting hash key" value={splitKey} onChange={setSplitKey} mono testId="split-key" hint="A decimal number inside the shard's range" /> : null}
        </div>
        <button className="btn btn-primary section-gap" onClick={() => void split()} data-testid="split-submit">Split shard</button>
      </ActionCard>
      <ActionCard title="Merge two shards" note="MergeShards: two open shards with adjacent hash ranges become one." outcome={out.merge ?? null} testId="merge-card">
        <div className="form-grid">
          <SelectField label="Shard" value={mergeA} options={options} onChange={setMergeA} testId="merge-a" />
          <SelectField label="Adjacent shard" value={mergeB} options={options} onChange={setMergeB} testId="merge-b" />
        </div>
        <button className="btn btn-primary section-gap" onClick={() => void merge()} data-testid="merge-submit">Merge shards</button>
      </ActionCard>
      <ActionCard title="Update shard count" note="UpdateShardCount (uniform scaling): between half and double the current count, at most 10 times in 24 hours." outcome={out.scale ?? null} testId="scale-card">
        <NumberField label="Target shard count" value={target} onChange={setTarget} min={1} step={1} testId="scale-target" />
        <button className="btn btn-primary section-gap" onClick={() => void scale()} data-testid="scale-submit">Update shard count</button>
      </ActionCard>
      <ActionCard title="Capacity mode" note={`Now ${detail.mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned'}. UpdateStreamMode: twice in 24 hours at most.`} outcome={out.mode ?? null} testId="mode-card">
        <SelectField label="Switch to" value={mode} options={[['PROVISIONED', 'Provisioned'], ['ON_DEMAND', 'On-demand']]} onChange={setMode} testId="mode-select" />
        <button className="btn btn-primary section-gap" onClick={() => void switchMode()} data-testid="mode-submit">Switch capacity mode</button>
      </ActionCard>
      <ActionCard title="Data retention" note={`Now ${detail.retentionHours} hours. From 24 hours up to 8,760 hours (365 days).`} outcome={out.retention ?? null} testId="retention-card">
        <NumberField label="Retention" unit="hours" value={retention} onChange={setRetention} min={24} step={1} testId="retention-hours" />
        <button className="btn btn-primary section-gap" onClick={() => void changeRetention()} data-testid="retention-submit">Change retention</button>
      </ActionCard>
    </div>
  );
}
