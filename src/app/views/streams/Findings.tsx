/** The plain-language hot-spot findings, with a one-click split for a hot shard (at its midpoint). */
import { useState } from 'react';
import type { Finding } from '../../../worker/api/streams-api';
import { errorText, splitShardAtMidpoint } from '../../stores/console-actions';

export function Findings({ stream, findings }: { stream: string; findings: readonly Finding[] }) {
  const [result, setResult] = useState<string | null>(null);
  const split = async (shardId: string) => {
    const s = await splitShardAtMidpoint(stream, shardId);
    setResult(s.ok ? `Splitting ${shardId} at its midpoint: the stream is UPDATING and the two child shards open in about 30 virtual seconds.` : errorText(s));
  };
  if (findings.length === 0 && !result) return null;
  return (
    <section aria-label="Findings" data-testid="findings">
      {findings.map((f) => (
        <div key={f.title} className={`finding ${f.severity}`} role="status">
          <h3>{f.title}</h3>
          <p>{f.text}</p>
          <ul>{f.fixes.map((x) => <li key={x}>{x}</li>)}</ul>
          {f.shardId && f.title.includes('is hot') ? (
            <button className="btn section-gap" onClick={() => void split(f.shardId!)} data-testid="split-hot-shard">Split {f.shardId} at its midpoint</button>
          ) : null}
        </div>
      ))}
      {result ? <div className="callout callout-ok" role="status" data-testid="split-result">{result}</div> : null}
    </section>
  );
}
