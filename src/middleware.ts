import { defineMiddleware } from 'astro:middleware';
import { routeDecision } from './lib/server/access';
import { actorOf, loadSession } from './lib/server/auth-context';
import { cachedPage, cacheKeyFor, storePage } from './lib/server/page-cache';
import { SESSION_COOKIE } from './lib/server/sessions';
import { ensureDatabaseReady } from './lib/server/setup';
import { getDb } from './lib/server/db'; // [two-factor]
import { twoFactorSetupRedirect } from './lib/server/two-factor'; // [two-factor]

// Headers that Astro's CSP (set in astro.config.mjs) does not cover.
const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const STATIC = /^\/(_astro\/|favicon\.svg$|robots\.txt$)/;

function withHeaders(response: Response, signedIn: boolean): Response {
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages for signed-in people are private: never stored by shared caches or the back button.
  if (signedIn && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

export const onRequest = defineMiddleware(async (context, next) => {
  // Migrations run before the first request is served, even if the server was started directly.
  await ensureDatabaseReady();
  context.locals.user = null;
  context.locals.sessionToken = null;
  const anonymous = !context.cookies.has(SESSION_COOKIE);
  // Public pages an anonymous reader gets from the page cache (see page-cache.ts).
  const cacheKey = cacheKeyFor(context.request.method, context.url, context.request.headers.get('cookie'));
  if (cacheKey) {
    const hit = cachedPage(cacheKey);
    if (hit) return withHeaders(hit, false);
  }
  if (!anonymous && !STATIC.test(context.url.pathname)) await loadSession(context);
  // [two-factor, issue 10 item 15] A role that must use 2FA sets it up before anything else.
  const setupFirst = await twoFactorSetupRedirect(getDb(), context.locals.user, context.url);
  if (setupFirst) return withHeaders(context.redirect(setupFirst, 303), true);

  // Route rules from access.ts: sign in first, or 403 for a role that may not.
  const decision = routeDecision(context.locals.user ? actorOf(context.locals.user) : null, context.url.pathname);
  if (decision === 'sign-in') {
    // A form posted without a session (it expired, or never was) gets a clear 401, not a redirect
    // that would lose what was typed without a word.
    if (context.request.method !== 'GET' && context.request.method !== 'HEAD') return withHeaders(await next('/401'), false);
    return context.redirect(`/prijava?vrnitev=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
  }
  const response = decision === 'forbidden' ? await next('/403') : await next();
  const final = withHeaders(response, !!context.locals.user);
  return cacheKey ? storePage(cacheKey, final) : final;
});
