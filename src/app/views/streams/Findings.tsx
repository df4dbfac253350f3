/**
 * The plain-language hot-spot findings, with a one-click split for a hot shard (at its midpoint). The
 * worker sends each finding's figures (`detail`); the words are the reader's language's. A finding
 * without figures (an older worker) shows the worker's English text.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Finding, FindingDetail, KeyOverLimit } from '../../../worker/api/streams-api';
import { errorText, splitShardAtMidpoint } from '../../stores/console-actions';
import { formatCount, formatPercent } from '../../format';

interface Worded { title: string; text: string; fixes: string[] }

type T = TFunction<'streams'>;

function what(t: T, k: KeyOverLimit): string {
  return k.byRecords ? t('findings.recordsPerSec', { rate: formatCount(k.recordsPerSec) }) : t('findings.mibPerSec', { rate: (k.bytesPerSec / 1_048_576).toFixed(2) });
}

/** The finding in the reader's language, from its figures. */
export function wordFinding(t: T, d: FindingDetail): Worded {
  switch (d.kind) {
    case 'keys-over-limit': {
      const first = d.keys[0];
      const noResharding = t('findings.noResharding');
      const tail = [t('findings.fixRandomHash'), t('findings.fixKpl'), ...(d.autoSuggested ? [t('findings.fixAuto')] : [])];
      const suffix = { first: `${first.key}#0`, last: `${first.key}#${d.parts - 1}`, parts: d.parts };
      if (d.keys.length === 1) {
        return {
          title: t('findings.keyOverTitle', { key: first.key, what: what(t, first) }),
          text: t('findings.keyOverText', { noResharding, shard: first.shardId }),
          fixes: [t('findings.fixSuffix', suffix), ...tail],
        };
      }
      const list = d.keys.map((k) => t('findings.keysOverItem', { key: k.key, what: what(t, k), shard: k.shardId })).join(', ');
      return {
        title: t('findings.keysOverTitle', { count: d.keys.length }),
        text: t('findings.keysOverText', { list, noResharding }),
        fixes: [t('findings.fixSuffixMany', suffix), ...tail],
      };
    }
    case 'hot-shard': {
      const util = formatPercent(d.writeUtil);
      const text = (d.throttledPerSec > 0 ? t('findings.hotTextThrottled', { util, rate: formatCount(d.throttledPerSec) }) : t('findings.hotText', { util }))
        + (d.hotKey ? t('findings.hotKey', { key: d.hotKey.key, share: formatPercent(d.hotKey.share), rate: formatCount(d.hotKey.recordsPerSec) }) : '');
      return {
        title: t('findings.hotTitle', { shard: d.shardId, share: formatPercent(d.share), even: formatPercent(d.evenShare) }),
        text,
        fixes: [
          d.splitApart ? t('findings.fixSplitApart', { shard: d.shardId }) : t('findings.fixSplit', { shard: d.shardId }),
          t('findings.fixBetterKey'),
          t('findings.fixEven'),
          ...(d.autoSuggested ? [t('findings.fixAuto')] : []),
        ],
      };
    }
    case 'capacity':
      return {
        title: t('findings.capacityTitle', { count: d.shards, rate: formatCount(d.demandPerSec), util: formatPercent(d.util) }),
        text: t('findings.capacityText', { target: d.target }),
        fixes: [t('findings.fixShardCount', { target: d.target }), t('findings.fixOnDemand')],
      };
  }
}

export function Findings({ stream, findings }: { stream: string; findings: readonly Finding[] }) {
  const { t } = useTranslation('streams');
  const [result, setResult] = useState<string | null>(null);
  const split = async (shardId: string) => {
    const s = await splitShardAtMidpoint(stream, shardId);
    setResult(s.ok ? t('findings.splitting', { shard: shardId }) : errorText(s));
  };
  if (findings.length === 0 && !result) return null;
  return (
    <section aria-label={t('findings.aria')} data-testid="findings">
      {findings.map((f) => {
        const w = f.detail ? wordFinding(t, f.detail) : f;
        return (
          <div key={f.id} className={`finding ${f.severity}`} role="status">
            <h3>{w.title}</h3>
            <p>{w.text}</p>
            <ul>{w.fixes.map((x) => <li key={x}>{x}</li>)}</ul>
            {f.shardId && f.detail?.kind === 'hot-shard' ? (
              <button className="btn section-gap" onClick={() => void split(f.shardId!)} data-testid="split-hot-shard">{t('findings.split', { shard: f.shardId })}</button>
            ) : null}
          </div>
        );
      })}
      {result ? <div className="callout callout-ok" role="status" data-testid="split-result">{result}</div> : null}
    </section>
  );
}
