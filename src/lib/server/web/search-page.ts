import { routes } from '../../routes.ts';
import { getDb } from '../platform/db.ts';
import { MAX_QUERY_CHARS } from '../search/query.ts';
import { searchPublic } from '../search/public.ts';
import { consultationOf } from './consultation-context.ts';
import { notFound, type PageContext } from './comments/page.ts';

/**
 * The public search of a consultation, /posvetovanja/<c>/iskanje?q=…&stran=…: a GET form (it works
 * without JavaScript and keeps what was typed) and its results, paged with links that keep `q`.
 *
 * Never page-cached (web/page-cache.ts lists no such path): its addresses are as many as the queries
 * people type, which would only push the pages everyone reads out of a cache of 500, and an answer
 * takes milliseconds from the index (search/public.ts).
 */
export async function searchPage(page: PageContext) {
  const consultation = await consultationOf(page.params);
  if (!consultation) return notFound(page);
  const query = [...(page.url.searchParams.get('q') ?? '').trim()].slice(0, MAX_QUERY_CHARS).join('');
  const asked = page.url.searchParams.get('stran') ?? '';
  const result = await searchPublic(getDb(), consultation, query, /^\d{1,5}$/.test(asked) ? Number(asked) : 1);
  const { page: number, pageCount } = result.comments;
  const link = (n: number) => `${routes.search(consultation.slug, { q: query, stran: n > 1 ? n : undefined })}#pripombe`;
  return {
    consultation,
    query,
    result,
    pages: { number, count: pageCount, previous: number > 1 ? link(number - 1) : undefined, next: number < pageCount ? link(number + 1) : undefined },
  };
}
