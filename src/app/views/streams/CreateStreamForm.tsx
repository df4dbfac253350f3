/** Create a stream through CreateStream: provisioned with a shard count, or on-demand. The API validates. */
import { useState } from 'react';
import { NumberField, SelectField, TextField } from '../../components/console/fields';
import { errorText, kinesisCall } from '../../stores/console-actions';

export function CreateStreamForm({ onDone }: { onDone(): void }) {
  const [name, setName] = useState('');
  const [mode, setMode] = useState<'PROVISIONED' | 'ON_DEMAND'>('PROVISIONED');
  const [shards, setShards] = useState<number | undefined>(2);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await kinesisCall('CreateStream', { StreamName: name, StreamModeDetails: { StreamMode: mode }, ...(mode === 'PROVISIONED' ? { ShardCount: shards } : {}) });
    setBusy(false);
    setError(errorText(r));
    if (r.ok) onDone();
  };
  return (
    <form noValidate className="editor-card" onSubmit={(e) => void submit(e)} aria-label="Create stream">
      <h2>Create a data stream</h2>
      <div className="form-grid">
        <TextField label="Stream name" value={name} onChange={setName} testId="create-stream-name" placeholder="orders" hint="1–128 characters: letters, digits, _ . -" />
        <SelectField label="Capacity mode" value={mode} onChange={setMode} testId="create-stream-mode" options={[['PROVISIONED', 'Provisioned'], ['ON_DEMAND', 'On-demand']]} hint={mode === 'ON_DEMAND' ? 'Starts with 4 shards and scales with traffic.' : 'Each shard takes 1,000 records/s or 1 MiB/s.'} />
        {mode === 'PROVISIONED' ? <NumberField label="Shards" value={shards} onChange={setShards} min={1} step={1} testId="create-stream-shards" /> : null}
      </div>
      {error ? <div className="callout callout-error section-gap" role="alert" data-testid="create-stream-error">{error}</div> : null}
      <div className="row section-gap">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="create-stream-submit">Create</button>
        <button className="btn" type="button" onClick={onDone}>Cancel</button>
        <span className="muted">New streams are CREATING for about 10 virtual seconds before they take writes.</span>
      </div>
    </form>
  );
}
