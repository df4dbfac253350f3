/**
 * Partition keys: the top keys by records and bytes with what they offer now and where they land,
 * the hottest key's share, and a histogram of records per shard against the even share.
 */
import { memo } from 'react';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { useWidth } from '../../components/viz/use-width';
import { formatBytes, formatCount, formatPercent } from '../../format';

const BARS_H = 140;
const rate = (v: number) => (v < 10 ? v.toFixed(1) : formatCount(v));
const MAX_BARS = 200;

/** Records per shard (hash order), binned by sum past 200 bars, with the even share as a dashed line. */
const ShardHistogram = memo(function ShardHistogram({ attempted, ids }: { attempted: Float64Array; ids: readonly string[] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const n = attempted.length;
  const bin = Math.max(1, Math.ceil(n / MAX_BARS));
  const bars: number[] = [];
  for (let i = 0; i < n; i += bin) {
    let s = 0;
    for (let k = i; k < Math.min(n, i + bin); k++) s += attempted[k];
    bars.push(s);
  }
  const total = bars.reduce((a, b) => a + b, 0);
  const even = total / Math.max(1, bars.length);
  const max = Math.max(even * 1.2, ...bars, 1);
  const w = width / Math.max(1, bars.length);
  const y = (v: number) => BARS_H - (v / max) * (BARS_H - 6);
  return (
    <div className="bars" ref={ref}>
      <svg width={width} height={BARS_H} role="img" aria-label={`Records per second per shard across ${n} shards; the dashed line is an even share`}>
        {bars.map((v, i) => (
          <rect key={i} x={i * w + 0.5} y={y(v)} width={Math.max(0.5, w - 1)} height={BARS_H - y(v)} className={v > even * 1.5 && v > 0 ? 'bar hot' : 'bar'}>
            <title>{bin === 1 ? ids[i] : `${ids[i * bin]} … ${ids[Math.min(n - 1, i * bin + bin - 1)]}`}: {formatCount(v)} records/s</title>
          </rect>
        ))}
        <line x1={0} x2={width} y1={y(even)} y2={y(even)} className="bar-even" />
      </svg>
      <div className="muted" style={{ fontSize: 12 }}>Dashed: an even share ({formatCount(even)} records/s per {bin === 1 ? 'shard' : `${bin} shards`}). Bars in hash-key order{bin > 1 ? `, ${bin} shards per bar` : ''}; red bars take more than 1.5× the even share.</div>
    </div>
  );
});

export function KeysTab({ detail }: { detail: StreamDetail }) {
  const keys = detail.topKeys;
  const offered = keys.reduce((s, k) => s + k.offeredRecordsPerSec, 0);
  const totalOffered = Array.from(detail.bandAttempted).reduce((a, b) => a + b, 0);
  const hottest = keys[0];
  return (
    <>
      <section className="cards" aria-label="Key figures">
        <div className="card stat"><div className="stat-label">Hottest key</div><div className="stat-value small mono">{hottest ? hottest.key : '—'}</div></div>
        <div className="card stat"><div className="stat-label">Its share of writes</div><div className="stat-value small" data-testid="hottest-share">{hottest && totalOffered > 0 ? formatPercent(Math.min(1, hottest.offeredRecordsPerSec / Math.max(totalOffered, offered)), 1) : '—'}</div></div>
        <div className="card stat"><div className="stat-label">It offers</div><div className={hottest && hottest.offeredRecordsPerSec > 1000 ? 'stat-value small bad' : 'stat-value small'}>{hottest ? `${formatCount(hottest.offeredRecordsPerSec)} records/s` : '—'}</div><div className="stat-sub">one shard takes at most 1,000 records/s</div></div>
      </section>
      <section className="panel" aria-labelledby="hist-title">
        <div className="panel-header"><h2 id="hist-title">Records per shard</h2><span className="muted">accepted + refused, last second</span></div>
        <ShardHistogram attempted={detail.bandAttempted} ids={detail.bandIds} />
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <div className="panel-header"><h2 id="keys-title">Top partition keys</h2></div>
        {keys.length === 0 ? (
          <div className="empty-state"><p>No fixed key pool writes to this stream: random or sequential keys spread evenly by construction. Producers with a key pool or a hot key show their keys here.</p></div>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table className="data" aria-label="Top partition keys">
              <thead><tr><th>Partition key</th><th>Producer</th><th>Shard</th><th className="num">Offered now</th><th className="num">Offered bytes</th><th className="num">Accepted records</th><th className="num">Accepted bytes</th><th className="num">Key-space position</th></tr></thead>
              <tbody>
                {keys.map((k, i) => (
                  <tr key={`${k.producer}-${k.key}-${i}`}>
                    <td className="mono">{k.key}</td>
                    <td>{k.producer}</td>
                    <td className="mono">{k.shardId}</td>
                    <td className="num" style={k.offeredRecordsPerSec > 1000 ? { color: 'var(--bad)', fontWeight: 600 } : undefined}>{rate(k.offeredRecordsPerSec)}/s</td>
                    <td className="num">{formatBytes(k.offeredBytesPerSec)}/s</td>
                    <td className="num">{formatCount(k.records)}</td>
                    <td className="num">{formatBytes(k.bytes)}</td>
                    <td className="num">{formatPercent(k.hashFraction, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
