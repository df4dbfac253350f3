/**
 * Where live mode sends its requests: an AWS Region (the public Kinesis Data Streams endpoint
 * `https://kinesis.<region>.amazonaws.com`, https://docs.aws.amazon.com/general/latest/gr/ak.html)
 * or a URL such as `npm run api`, LocalStack or kinesalite. Pure; no network.
 */

export interface LiveCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** What the user typed: a Region, or an endpoint URL (with the Region to sign for). */
export interface ConnectionInput {
  readonly target: string;
  /** Region used for SigV4 when the target is a URL; ignored for a Region target. */
  readonly signingRegion?: string;
  readonly credentials: LiveCredentials;
}

export interface ResolvedEndpoint {
  readonly url: string;
  readonly region: string;
  /** Short text for the banner: the Region, or the URL's host. */
  readonly label: string;
  readonly isAws: boolean;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export type EndpointParse = { readonly ok: true; readonly endpoint: ResolvedEndpoint } | { readonly ok: false; readonly problem: 'empty' | 'not-url-or-region' | 'bad-scheme' };

export function resolveEndpoint(target: string, signingRegion?: string): EndpointParse {
  const text = target.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (REGION.test(text)) {
    const suffix = text.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return { ok: true, endpoint: { url: `https://kinesis.${text}.${suffix}`, region: text, label: text, isAws: true } };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-url-or-region' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'bad-scheme' };
  const aws = /^kinesis(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(url.hostname);
  const region = aws?.[2] ?? (signingRegion?.trim() || 'us-east-1');
  const clean = `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
  return { ok: true, endpoint: { url: clean, region, label: url.host, isAws: aws !== null } };
}

/** Credentials must be present and plausible before any request is signed with them. */
export function credentialProblems(c: LiveCredentials): ('access-key' | 'secret')[] {
  const out: ('access-key' | 'secret')[] = [];
  if (!c.accessKeyId.trim()) out.push('access-key');
  if (!c.secretAccessKey.trim()) out.push('secret');
  return out;
}
