import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect } from '../fixtures.ts';

/**
 * Every item of /api/v1/comments (with the given filters, e.g. "?chapter=uvod"), page after page
 * (1000 a page) by the `Link: <…>; rel="next"` header, as a client would; each page's `next`
 * agrees with its Link.
 */
export async function openDataPages<T = Record<string, unknown>>(request: APIRequestContext, query = ''): Promise<T[]> {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  params.set('limit', '1000');
  let url: string | undefined = `/api/v1/comments?${params}`;
  const items: T[] = [];
  while (url) {
    const response: APIResponse = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const page = (await response.json()) as { items: T[]; next: string | null };
    items.push(...page.items);
    const link: string | undefined = response.headers().link;
    const next: string | undefined = link?.match(/^<([^>]+)>; rel="next"$/)?.[1];
    expect(next ? new URL(next).searchParams.get('after') : null, 'the Link header leads to the next cursor').toBe(page.next);
    url = next ? new URL(next).pathname + new URL(next).search : undefined;
  }
  return items;
}
