/**
 * Internationalisation: i18next + react-i18next, English and Korean.
 *
 * How to add a string (for every engineer):
 *  1. Add the key to the English resource of its namespace, `locales/en/<ns>.ts` (an `as const`
 *     object; nest by page or component). English is the source of truth and the fallback.
 *  2. Add the same key to `locales/ko/<ns>.ts`. That file is typed `Translation<typeof en>`, so
 *     `tsc` fails until every English key has a Korean value (and no stray keys remain).
 *  3. In a component: `const { t } = useTranslation('<ns>')` then `t('page.key', { name })`.
 *     Keys are type-checked against the English resource. Plurals: `key_one` / `key_other` with
 *     `{ count }` (Korean needs only `_other` but keeps both for the type).
 *  4. A new namespace: create `locales/en/<ns>.ts` and `locales/ko/<ns>.ts`, add it to `Resources`
 *     below. It loads on demand (its own chunk) the first time a component asks for it.
 *  Numbers, sizes, durations and dates: use `src/app/format.ts`; it follows the chosen language.
 *  Service names: as AWS uses them today (Amazon Data Firehose, Amazon Managed Service for Apache
 *  Flink); mention an older name once, where a page first introduces the service.
 *
 * Only English `common` is in the initial JavaScript; Korean and every other namespace are lazy
 * chunks loaded through the small backend below. The language comes from localStorage (the
 * switch in the header), else the browser's `navigator.languages`, else English.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from './locales/en/common';
import type enLearn from './locales/en/learn';
import type enGlossary from './locales/en/glossary';
import type enPlayground from './locales/en/playground';
import type enPut from './locales/en/put';
import type enAnalytics from './locales/en/analytics';
import type enFirehose from './locales/en/firehose';
import type enVideo from './locales/en/video';
import type enAgent from './locales/en/agent';
import type enQueues from './locales/en/queues';
import type enGallery from './locales/en/gallery';
import type enStreams from './locales/en/streams';
import type enProducers from './locales/en/producers';
import type enConsumers from './locales/en/consumers';
import type enConsole from './locales/en/console';
import type enPlanner from './locales/en/planner';
import type enLive from './locales/en/live';
import { setFormatLocale } from '../format';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ks-lang';

export interface Resources {
  common: typeof enCommon;
  learn: typeof enLearn;
  glossary: typeof enGlossary;
  playground: typeof enPlayground;
  put: typeof enPut;
  analytics: typeof enAnalytics;
  firehose: typeof enFirehose;
  video: typeof enVideo;
  agent: typeof enAgent;
  queues: typeof enQueues;
  gallery: typeof enGallery;
  streams: typeof enStreams;
  producers: typeof enProducers;
  consumers: typeof enConsumers;
  console: typeof enConsole;
  planner: typeof enPlanner;
  live: typeof enLive;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

// Every locale file but the bundled English `common` becomes its own chunk, fetched on first use.
const lazyLocales = import.meta.glob<{ default: object }>(['./locales/*/*.ts', '!./locales/en/common.ts']);

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = lazyLocales[`./locales/${language}/${namespace}.ts`];
    if (!load) return callback(null, {});
    load().then((m) => callback(null, m.default as never), (e: unknown) => callback(e as Error, null));
  },
};

function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The stored choice, else the first browser language we have, else English. */
export function detectLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch { /* storage blocked: fall through to the browser's language */ }
  const wanted = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  for (const tag of wanted) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyLanguage(lng: string): void {
  setFormatLocale(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

let ready: Promise<unknown> | null = null;

/** Initialise once; resolves when the chosen language's `common` strings are loaded. */
export function initI18n(lng: Language = detectLanguage()): Promise<unknown> {
  if (ready) return ready;
  i18next.on('languageChanged', applyLanguage);
  ready = i18next
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: ['common'],
      defaultNS: 'common',
      resources: { en: { common: enCommon } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
    });
  return ready;
}

/** Switch language (loads its chunks first) and remember the choice. */
export async function setLanguage(lng: Language): Promise<void> {
  try { localStorage.setItem(STORAGE_KEY, lng); } catch { /* storage blocked: the choice lasts this visit */ }
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

export { i18next };
