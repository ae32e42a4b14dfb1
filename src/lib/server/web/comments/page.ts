import type { AstroGlobal } from 'astro';

/**
 * What a comment page's handler needs of the request. A handler answers `{ response }` to return at
 * once (a redirect, the 404 page) or the page's model.
 */
export type PageContext = Pick<AstroGlobal, 'request' | 'locals' | 'params' | 'url' | 'redirect' | 'rewrite' | 'response' | 'clientAddress'>;

export const notFound = (page: PageContext) => ({ response: page.rewrite('/404') });

/** A numeric id from the address (1–9 digits), or undefined. */
export function idParam(value: string | undefined): number | undefined {
  return /^\d{1,9}$/.test(value ?? '') ? Number(value) : undefined;
}
