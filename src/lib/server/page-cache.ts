/**
 * Rendered pages for anonymous readers, kept in memory until public data changes. Every write that
 * changes what the public sees calls `invalidatePublicPages()`; the next anonymous request renders
 * afresh. Signed-in people always get a fresh page. One server process keeps one cache.
 */
interface Entry {
  generation: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const MAX_ENTRIES = 500;

// The bundled server and the start script each load their own copy of this module; the state lives
// on the global object so that the start script can answer cache hits before Astro is involved.
interface State {
  entries: Map<string, Entry>;
  generation: number;
}
const stateKey = Symbol.for('posvet.pageCache');
const state: State = ((globalThis as Record<symbol, unknown>)[stateKey] as State | undefined) ??
  ((globalThis as Record<symbol, unknown>)[stateKey] = { entries: new Map(), generation: 0 });
const entries = state.entries;

export function invalidatePublicPages(): void {
  state.generation++;
  entries.clear();
}

const CACHEABLE = /^\/($|osnutek\/|verzije(\/|$)|porocilo(\.csv|\.xlsx)?$|api\/v1\/|dostopnost$|zasebnost$)/;

/** The cache key for a request, or undefined when its answer must not come from the cache. */
export function cacheKeyFor(method: string, url: URL, cookieHeader: string | null): string | undefined {
  if (method !== 'GET') return undefined;
  if (cookieHeader && /(^|;\s*)posvet_seja=/.test(cookieHeader)) return undefined;
  if (!CACHEABLE.test(url.pathname) || url.searchParams.has('sporocilo')) return undefined;
  return url.pathname + url.search;
}

/** The raw entry, for the start script's fast path. */
export function cachedEntry(key: string): { status: number; headers: [string, string][]; body: Uint8Array } | undefined {
  const entry = entries.get(key);
  return entry && entry.generation === state.generation ? entry : undefined;
}

export function cachedPage(key: string): Response | undefined {
  const entry = entries.get(key);
  if (!entry || entry.generation !== state.generation) return undefined;
  // Most recently used last, so the oldest is evicted first.
  entries.delete(key);
  entries.set(key, entry);
  return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
}

/** Stores a successful response (and returns an equivalent one, since reading consumed it). */
export async function storePage(key: string, response: Response): Promise<Response> {
  if (response.status !== 200 || response.headers.has('set-cookie')) return response;
  const startedAt = state.generation;
  const body = new Uint8Array(await response.arrayBuffer());
  // The length is set when the cached body is sent; chunking does not apply to a known body.
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length' && name !== 'transfer-encoding');
  if (startedAt === state.generation) {
    entries.set(key, { generation: startedAt, status: response.status, headers, body });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return new Response(body.slice(), { status: response.status, headers });
}
