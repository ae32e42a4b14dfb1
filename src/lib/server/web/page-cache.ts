import { config } from '../platform/config.ts';
import { getDb, type Db } from '../platform/db.ts';
import { bumpGeneration, coalescingReader, readGeneration } from './cache-generation.ts';
import { FLASH_KEYS } from './flash.ts';

/**
 * Rendered pages for anonymous readers, kept in memory until public data changes or a moment that
 * changes what pages say (a draft's publication, a window opening or closing) passes. The middleware
 * calls `pageCache.invalidate()` after every request that may have written (a successful POST); the
 * next anonymous request renders afresh. Signed-in people always get a fresh page. Each server process keeps
 * its own cache; with several, they agree through a generation number in the database (`createPageCache`).
 *
 * A cached page depends only on its path and the query parameters that page reads, normalised
 * (`normalisedCacheUrl`): the start script hands Astro the normalised address, so `?t=<random>`
 * gets the page everyone else gets instead of a fresh render.
 */
interface Entry {
  generation: number;
  /** When the entry stops being valid (ms since the epoch): the next window or publication boundary. */
  expiresAt: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const MAX_ENTRIES = 500;

// The bundled server and the start script each load their own copy of this module; the state lives
// on the global object so that the start script can answer cache hits before Astro is involved.
export interface State {
  entries: Map<string, Entry>;
  generation: number;
  /** Several processes: the shared generation (cache-generation.ts) the entries were stored under. */
  seen?: number;
  /** Several processes: reads the shared generation (one reader for both copies of the module). */
  read?: () => Promise<number>;
}
const stateKey = Symbol.for('posvet.pageCache');
const globalState: State = ((globalThis as Record<symbol, unknown>)[stateKey] as State | undefined) ??
  ((globalThis as Record<symbol, unknown>)[stateKey] = { entries: new Map(), generation: 0 });

/** The query parameters each cacheable page reads, with the values it can make sense of. */
type ParamRule = RegExp | readonly string[];
const flash: ParamRule = FLASH_KEYS;
const SLUG: ParamRule = /^[a-z0-9-]{1,80}$/;
const CACHEABLE: Array<{ path: RegExp; params: Record<string, ParamRule> }> = [
  { path: /^\/$/, params: { sporocilo: flash } },
  { path: /^\/posvetovanja\/[^/]+$/, params: { sporocilo: flash } },
  { path: /^\/posvetovanja\/[^/]+\/osnutek\/[^/]+$/, params: { odstavek: /^odstavek-\d{1,3}-\d{1,4}$/, sporocilo: flash } },
  // A chapter's Atom feed (issue 16), before the block pages' rule that its address also fits.
  { path: /^\/posvetovanja\/[^/]+\/osnutek\/[^/]+\/novosti\.atom$/, params: {} },
  { path: /^\/posvetovanja\/[^/]+\/osnutek\/[^/]+\/[^/]+$/, params: { stran: /^\d{1,5}$/, sporocilo: flash } },
  { path: /^\/posvetovanja\/[^/]+\/verzije(\/[^/]+){0,2}$/, params: {} },
  { path: /^\/posvetovanja\/[^/]+\/porocilo$/, params: {} },
  // A published report version never changes; its parts are paged. A page it cannot read answers
  // 404 (never cached): such values are kept, so the answer stays.
  { path: /^\/posvetovanja\/[^/]+\/porocilo\/\d{1,6}(\/[^/]+)?$/, params: { stran: /^.{0,200}$/s } },
  // The open data answers 400 to a value it cannot read: such values are kept, so the answer stays.
  {
    path: /^\/api\/v1\/comments$/,
    params: {
      consultation: /^.{0,200}$/s, chapter: /^.{0,200}$/s, status: /^.{0,200}$/s, organisation: /^.{0,200}$/s, format: /^.{0,200}$/s,
      since: /^.{0,200}$/s, limit: /^.{0,200}$/s, after: /^.{0,400}$/s,
      organisationKind: /^.{0,200}$/s, association: /^.{0,200}$/s, block: /^.{0,200}$/s, kind: /^.{0,200}$/s, late: /^.{0,200}$/s, hasAttachment: /^.{0,200}$/s,
    },
  },
  // Every published comment (issue 16): the filters in the order its links write them; a value the
  // page drops (an unknown slug) is kept, it answers the same page for it.
  {
    path: /^\/pripombe$/,
    params: {
      posvetovanje: SLUG, organizacija: SLUG, tip: /^[a-z]{1,20}$/, zveza: SLUG, poglavje: SLUG, odstavek: /^\d{1,3}\.\d{1,4}$/, vrsta: /^[a-z]{1,20}$/,
      stalisce: /^[a-z_]{1,20}$/, zamuda: /^1$/, priloga: /^1$/, razvrsti: /^[a-z]{1,20}$/, stran: /^\d{1,5}$/,
    },
  },
  { path: /^\/organizacije$/, params: { posvetovanje: SLUG, vrsta: /^[a-z]{1,20}$/ } },
  { path: /^\/organizacije\/[^/]+$/, params: { posvetovanje: SLUG, stran: /^\d{1,5}$/, podpisi: /^\d{1,5}$/, skupna: /^\d{1,5}$/ } },
  { path: /^\/(dostopnost|zasebnost)$/, params: {} },
  // Who took part (issue 16): one consultation's or all together; an unknown slug answers 404 (never cached).
  { path: /^\/udelezba$/, params: { posvetovanje: /^[a-z0-9-]{1,40}$/ } },
];

/**
 * The address a cacheable page is rendered for: its path and, in a fixed order, the parameters it
 * reads with values it accepts (the first of each); anything else dropped. Undefined for a page that
 * is not cached.
 */
export function normalisedCacheUrl(url: URL): string | undefined {
  const rule = CACHEABLE.find((r) => r.path.test(url.pathname));
  if (!rule) return undefined;
  const kept = new URLSearchParams();
  for (const [name, accepts] of Object.entries(rule.params)) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    const ok = Array.isArray(accepts) ? accepts.includes(value) : (accepts as RegExp).test(value);
    if (ok) kept.set(name, value);
  }
  const search = kept.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/** Whether a request carries no session cookie (its answer may come from the cache). */
export function isAnonymous(cookieHeader: string | null | undefined): boolean {
  return !(cookieHeader && /(^|;\s*)posvet_seja=/.test(cookieHeader));
}

/**
 * The cache key for a request, or undefined when its answer must not come from the cache. Only an
 * address already normalised is cached, so what is stored under a key is what the key describes.
 */
export function cacheKeyFor(method: string, url: URL, cookieHeader: string | null): string | undefined {
  if (method !== 'GET' || !isAnonymous(cookieHeader)) return undefined;
  const normal = normalisedCacheUrl(url);
  return normal !== undefined && normal === url.pathname + url.search ? normal : undefined;
}

export interface CachedEntry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/**
 * What the portal needs of a page cache. Each process keeps pages in its own memory; with several
 * processes (WORKERS > 1, or PostgreSQL, which several machines may share) an invalidation also adds
 * one to the generation in the database and every process checks it before answering from its cache.
 */
export interface PageCache {
  /** Catches up with invalidations by other processes (one shared read; nothing with one process). */
  refresh(): Promise<void>;
  /** The stored answer, as raw parts (the start script answers from it before Astro is involved). */
  entry(key: string, now?: number): CachedEntry | undefined;
  /** The stored answer as a Response. */
  get(key: string): Response | undefined;
  /** Stores a successful answer until `expiresAt` at the latest; returns an equivalent Response. */
  store(key: string, response: Response, expiresAt: number): Promise<Response>;
  /** Forgets every page, here and (several processes) in every other: public data may have changed. Never fails. */
  invalidate(): Promise<void>;
}

/**
 * A page cache over `state`; with `db`, shared with the other processes on that database through
 * its generation (cache-generation.ts).
 */
export function createPageCache(options: { db?: () => Db; state?: State } = {}): PageCache {
  const state: State = options.state ?? { entries: new Map(), generation: 0 };
  const entries = state.entries;
  const db = options.db;
  if (db) state.read ??= coalescingReader(() => readGeneration(db()));

  function forget(): void {
    state.generation++;
    entries.clear();
  }

  async function refresh(): Promise<void> {
    if (!state.read) return;
    try {
      const now = await state.read();
      if (now !== state.seen) {
        if (state.seen !== undefined) forget();
        state.seen = now;
      }
    } catch (error) {
      // The database is away: the page is answered from what is kept (it fails on a miss anyway).
      console.error('posvet: the page cache could not read the shared generation', error);
    }
  }

  async function invalidate(): Promise<void> {
    forget();
    if (!db) return;
    const before = state.seen;
    try {
      const now = await bumpGeneration(db());
      // Another process's change came in between: whatever was stored meanwhile may predate it.
      if (before === undefined || now !== before + 1) forget();
      state.seen = now;
    } catch (error) {
      console.error('posvet: the other processes could not be told to forget their cached pages', error);
    }
  }

  /** The raw entry, for the start script's fast path. */
  function cachedEntry(key: string, now = Date.now()): CachedEntry | undefined {
    const entry = entries.get(key);
    if (!entry || entry.generation !== state.generation) return undefined;
    if (now >= entry.expiresAt) {
      // A boundary passed: every page may say something else now (the window notice, the current draft).
      forget();
      return undefined;
    }
    return entry;
  }

  function cachedPage(key: string): Response | undefined {
    const entry = cachedEntry(key);
    if (!entry) return undefined;
    // Most recently used last, so the oldest is evicted first.
    entries.delete(key);
    entries.set(key, entry as Entry);
    return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  }

  /**
   * Stores a successful response until `expiresAt` at the latest (and returns an equivalent one,
   * since reading consumed it).
   */
  async function storePage(key: string, response: Response, expiresAt: number): Promise<Response> {
    if (response.status !== 200 || response.headers.has('set-cookie')) return response;
    const startedAt = state.generation;
    const body = new Uint8Array(await response.arrayBuffer());
    // The length is set when the cached body is sent; chunking does not apply to a known body.
    const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length' && name !== 'transfer-encoding');
    if (startedAt === state.generation && Date.now() < expiresAt) {
      entries.set(key, { generation: startedAt, expiresAt, status: response.status, headers, body });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    }
    return new Response(body.slice(), { status: response.status, headers });
  }

  return { refresh, entry: cachedEntry, get: cachedPage, store: storePage, invalidate };
}

/**
 * The server's cache: shared through the database when there may be other processes — WORKERS > 1,
 * or PostgreSQL (several machines may serve from it) — else this process's alone, as with one
 * process on a SQLite file.
 */
export const pageCache: PageCache = createPageCache({ state: globalState, db: config.workers > 1 || config.databaseUrl !== undefined ? getDb : undefined });
