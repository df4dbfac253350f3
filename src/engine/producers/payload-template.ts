/**
 * Payload templates with fake-data placeholders in the style of the Amazon Kinesis Data Generator:
 * `{"ip":"{{internet.ip}}","n":{{random.number(100)}},"at":"{{date.now("YYYY-MM-DD HH:mm:ss")}}"}`.
 * KDG's names (faker.js 3.x era) are mapped onto @faker-js/faker v10; any other dotted path is
 * resolved on faker itself (`{{person.jobTitle}}`). The faker instance is seeded per producer and
 * dates come from the virtual clock, so payloads are reproducible.
 */
import { Faker, base, en } from '@faker-js/faker';
import { hashString32 } from '../random/prng';

type Part = string | Placeholder;
interface Placeholder {
  readonly path: string;
  readonly args: readonly unknown[];
  readonly call: (ctx: TemplateContext, args: readonly unknown[]) => unknown;
}

interface TemplateContext {
  readonly faker: Faker;
  nowMs: number;
}

export interface CompiledTemplate {
  readonly source: string;
  /** Renders one payload at virtual time `nowMs`. */
  render(nowMs: number): string;
  /** Renders as UTF-8 bytes. */
  renderBytes(nowMs: number): Uint8Array;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const numArg = (a: unknown, fallback: number): number => (typeof a === 'number' ? a : fallback);
type Opts = { min?: number; max?: number; precision?: number };

/** KDG placeholder → faker v10. Anything not here is looked up on the faker object by path. */
const KDG: Record<string, (ctx: TemplateContext, args: readonly unknown[]) => unknown> = {
  'random.number': ({ faker }, [a]) => {
    if (typeof a === 'number') return faker.number.int({ min: 0, max: a });
    const o = (a ?? {}) as Opts;
    const min = o.min ?? 0;
    const max = o.max ?? 99999;
    if (o.precision !== undefined && o.precision < 1) return faker.number.float({ min, max, multipleOf: o.precision });
    return faker.number.int({ min, max });
  },
  'random.float': ({ faker }, [a]) => {
    const o = (typeof a === 'number' ? { max: a } : (a ?? {})) as Opts;
    return faker.number.float({ min: o.min ?? 0, max: o.max ?? 99999, multipleOf: o.precision ?? 0.01 });
  },
  'random.arrayElement': ({ faker }, [a]) => faker.helpers.arrayElement(Array.isArray(a) && a.length ? a : ['']),
  'random.weightedArrayElement': ({ faker }, [a]) => {
    const o = (a ?? {}) as { weights?: number[]; data?: unknown[] };
    const data = o.data ?? [''];
    return faker.helpers.weightedArrayElement(data.map((value, i) => ({ value, weight: o.weights?.[i] ?? 1 })));
  },
  'random.uuid': ({ faker }) => faker.string.uuid(),
  'random.boolean': ({ faker }) => faker.datatype.boolean(),
  'random.word': ({ faker }) => faker.lorem.word(),
  'random.words': ({ faker }, [n]) => faker.lorem.words(numArg(n, 3)),
  'random.alphaNumeric': ({ faker }, [n]) => faker.string.alphanumeric(numArg(n, 1)),
  'random.locale': () => 'en',
  'date.now': ({ nowMs }, [fmt]) => formatDate(nowMs, typeof fmt === 'string' ? fmt : undefined),
  'date.utc': ({ nowMs }, [fmt]) => formatDate(nowMs, typeof fmt === 'string' ? fmt : undefined),
  'date.past': ({ faker, nowMs }, [years]) => faker.date.past({ years: numArg(years, 1), refDate: nowMs }).toISOString(),
  'date.future': ({ faker, nowMs }, [years]) => faker.date.future({ years: numArg(years, 1), refDate: nowMs }).toISOString(),
  'date.recent': ({ faker, nowMs }, [days]) => faker.date.recent({ days: numArg(days, 1), refDate: nowMs }).toISOString(),
  'date.month': ({ faker }) => faker.date.month(),
  'date.weekday': ({ faker }) => faker.date.weekday(),
  'name.firstName': ({ faker }) => faker.person.firstName(),
  'name.lastName': ({ faker }) => faker.person.lastName(),
  'name.findName': ({ faker }) => faker.person.fullName(),
  'name.jobTitle': ({ faker }) => faker.person.jobTitle(),
  'name.prefix': ({ faker }) => faker.person.prefix(),
  'name.suffix': ({ faker }) => faker.person.suffix(),
  'name.title': ({ faker }) => faker.person.jobTitle(),
  'internet.ip': ({ faker }) => faker.internet.ipv4(),
  'internet.ipv6': ({ faker }) => faker.internet.ipv6(),
  'internet.userName': ({ faker }) => faker.internet.username(),
  'internet.email': ({ faker }) => faker.internet.email(),
  'internet.url': ({ faker }) => faker.internet.url(),
  'internet.domainName': ({ faker }) => faker.internet.domainName(),
  'internet.userAgent': ({ faker }) => faker.internet.userAgent(),
  'internet.mac': ({ faker }) => faker.internet.mac(),
  'internet.color': ({ faker }) => faker.color.rgb(),
  'internet.password': ({ faker }) => faker.internet.password(),
  'address.city': ({ faker }) => faker.location.city(),
  'address.zipCode': ({ faker }) => faker.location.zipCode(),
  'address.state': ({ faker }) => faker.location.state(),
  'address.stateAbbr': ({ faker }) => faker.location.state({ abbreviated: true }),
  'address.country': ({ faker }) => faker.location.country(),
  'address.countryCode': ({ faker }) => faker.location.countryCode(),
  'address.streetAddress': ({ faker }) => faker.location.streetAddress(),
  'address.latitude': ({ faker }) => faker.location.latitude(),
  'address.longitude': ({ faker }) => faker.location.longitude(),
  'commerce.productName': ({ faker }) => faker.commerce.productName(),
  'commerce.product': ({ faker }) => faker.commerce.product(),
  'commerce.price': ({ faker }) => faker.commerce.price(),
  'commerce.department': ({ faker }) => faker.commerce.department(),
  'commerce.color': ({ faker }) => faker.color.human(),
  'company.companyName': ({ faker }) => faker.company.name(),
  'company.catchPhrase': ({ faker }) => faker.company.catchPhrase(),
  'finance.amount': ({ faker }) => faker.finance.amount(),
  'finance.account': ({ faker }) => faker.finance.accountNumber(),
  'finance.currencyCode': ({ faker }) => faker.finance.currencyCode(),
  'finance.transactionType': ({ faker }) => faker.finance.transactionType(),
  'lorem.word': ({ faker }) => faker.lorem.word(),
  'lorem.words': ({ faker }, [n]) => faker.lorem.words(numArg(n, 3)),
  'lorem.sentence': ({ faker }) => faker.lorem.sentence(),
  'lorem.paragraph': ({ faker }) => faker.lorem.paragraph(),
  'phone.phoneNumber': ({ faker }) => faker.phone.number(),
  'system.fileName': ({ faker }) => faker.system.fileName(),
};

export const KDG_PLACEHOLDERS: readonly string[] = Object.keys(KDG);

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\(([^]*?)\))?\s*\}\}/g;

/** Compiles a template once; throws TemplateError naming the bad placeholder. */
export function compileTemplate(source: string, seed: number | string): CompiledTemplate {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(hashString32(String(seed), 7));
  const ctx: TemplateContext = { faker, nowMs: 0 };
  // Faker's own date helpers default to the wall clock; point them at the virtual one.
  faker.setDefaultRefDate(() => new Date(ctx.nowMs));
  const parts: Part[] = [];
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(source.slice(last, m.index));
    parts.push(resolvePlaceholder(m[1], m[2], faker));
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  const encoder = new TextEncoder();
  const render = (nowMs: number): string => {
    ctx.nowMs = nowMs;
    let out = '';
    for (const p of parts) out += typeof p === 'string' ? p : String(p.call(ctx, p.args));
    return out;
  };
  return { source, render, renderBytes: (nowMs) => encoder.encode(render(nowMs)) };
}

function resolvePlaceholder(path: string, argsText: string | undefined, faker: Faker): Placeholder {
  let args: unknown[] = [];
  if (argsText !== undefined && argsText.trim() !== '') {
    try {
      args = JSON.parse(`[${argsText}]`) as unknown[];
    } catch {
      throw new TemplateError(`{{${path}(${argsText})}}: arguments must be JSON values, e.g. 100, "YYYY-MM-DD" or {"min":1,"max":9}`);
    }
  }
  const known = KDG[path];
  if (known) return { path, args, call: known };
  // Fall back to faker v10's own API: `person.firstName`, `number.int`…
  const segments = path.split('.');
  let owner: unknown = faker;
  for (let i = 0; i < segments.length - 1; i++) owner = (owner as Record<string, unknown> | undefined)?.[segments[i]];
  const fn = (owner as Record<string, unknown> | undefined)?.[segments[segments.length - 1]];
  if (typeof fn !== 'function') {
    throw new TemplateError(`{{${path}}} is not a known placeholder; use a Kinesis Data Generator name such as random.number, internet.ip, date.now, or a faker path such as person.firstName`);
  }
  const bound = fn.bind(owner) as (...a: unknown[]) => unknown;
  return { path, args, call: (_ctx, a) => bound(...a) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A subset of moment.js formats that KDG templates use: YYYY MM DD HH mm ss SSS, X (epoch s), x (epoch ms). */
export function formatDate(ms: number, format?: string): string {
  const d = new Date(ms);
  if (!format) return d.toISOString();
  return format.replace(/YYYY|MM|DD|HH|mm|ss|SSS|X|x/g, (tok) => {
    switch (tok) {
      case 'YYYY': return String(d.getUTCFullYear());
      case 'MM': return pad(d.getUTCMonth() + 1);
      case 'DD': return pad(d.getUTCDate());
      case 'HH': return pad(d.getUTCHours());
      case 'mm': return pad(d.getUTCMinutes());
      case 'ss': return pad(d.getUTCSeconds());
      case 'SSS': return pad(d.getUTCMilliseconds(), 3);
      case 'X': return String(Math.floor(ms / 1000));
      default: return String(ms);
    }
  });
}
