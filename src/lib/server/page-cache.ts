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
const entries = new Map<string, Entry>();
let generation = 0;

export function invalidatePublicPages(): void {
  generation++;
  entries.clear();
}

export function cachedPage(key: string): Response | undefined {
  const entry = entries.get(key);
  if (!entry || entry.generation !== generation) return undefined;
  // Most recently used last, so the oldest is evicted first.
  entries.delete(key);
  entries.set(key, entry);
  return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
}

/** Stores a successful response (and returns an equivalent one, since reading consumed it). */
export async function storePage(key: string, response: Response): Promise<Response> {
  if (response.status !== 200 || response.headers.has('set-cookie')) return response;
  const startedAt = generation;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = [...response.headers.entries()];
  if (startedAt === generation) {
    entries.set(key, { generation, status: response.status, headers, body });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return new Response(body.slice(), { status: response.status, headers });
}
