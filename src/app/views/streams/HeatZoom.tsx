/**
 * Zoom of the heat map to a range of shard numbers. At 10,000 shards each row of the whole-stream
 * map stands for a group of shards (their maximum); zooming to, say, shards 4,000–4,499 gives every
 * shard its own row again. Applied on submit so typing does not refetch on every keystroke.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface HeatRange {
  readonly from: number;
  readonly to: number;
}

interface Props {
  range: HeatRange | null;
  totalShards: number;
  rowsPerGroup: number;
  onChange(range: HeatRange | null): void;
}

export function HeatZoom({ range, totalShards, rowsPerGroup, onChange }: Props) {
  const { t } = useTranslation('streams');
  const [from, setFrom] = useState(String(range?.from ?? 0));
  const [to, setTo] = useState(String(range?.to ?? Math.max(0, totalShards - 1)));
  const [error, setError] = useState<string | null>(null);
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const a = Number(from);
    const b = Number(to);
    const last = totalShards - 1;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > last || a > b) {
      setError(t('zoom.bad', { last }));
      return;
    }
    setError(null);
    onChange(a === 0 && b === last ? null : { from: a, to: b });
  };
  return (
    <form className="toolbar heat-zoom" onSubmit={apply} data-testid="heat-zoom">
      <label>{t('zoom.from')} <input type="number" min={0} max={totalShards - 1} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="heat-zoom-from" /></label>
      <label>{t('zoom.to')} <input type="number" min={0} max={totalShards - 1} value={to} onChange={(e) => setTo(e.target.value)} data-testid="heat-zoom-to" /></label>
      <button type="submit" className="btn" data-testid="heat-zoom-apply">{t('zoom.apply')}</button>
      <button type="button" className="btn" disabled={range === null} onClick={() => { setFrom('0'); setTo(String(totalShards - 1)); setError(null); onChange(null); }} data-testid="heat-zoom-all">{t('zoom.all')}</button>
      <span className="muted" data-testid="heat-grouping">{rowsPerGroup > 1 ? t('zoom.grouped', { count: rowsPerGroup }) : t('zoom.single')}</span>
      {error ? <span role="alert" className="field-error">{error}</span> : null}
    </form>
  );
}
