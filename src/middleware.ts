import { defineMiddleware } from 'astro:middleware';
import { DEFAULT_LOCALE, dictionary } from './i18n';
import { routeDecision } from './lib/server/accounts/access';
import { actorOf, loadSession } from './lib/server/web/auth-context';
import { config } from './lib/server/platform/config';
import { nextContentBoundary } from './lib/server/content/content';
import { cacheKeyFor, pageCache } from './lib/server/web/page-cache';
import { SESSION_COOKIE } from './lib/server/accounts/sessions';
import { startBackgroundWork } from './lib/server/platform/setup';
import { getDb } from './lib/server/platform/db'; // [two-factor]
import { twoFactorSetupRedirect } from './lib/server/accounts/two-factor/status'; // [two-factor]
import { legacyTarget, routes } from './lib/routes';
import { FIRST_CONSULTATION } from './lib/enums';
import { jointAnswersAwaited, nextJointDeadline } from './lib/server/comments/joint'; // [joint positions]

// Headers that Astro's CSP (set in astro.config.mjs) does not cover; on every answer, redirects too.
const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Browsers that reached the portal over HTTPS never again try it over plain HTTP.
  ...(config.publicUrl.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
};

const STATIC = /^\/(_astro\/|favicon\.svg$|robots\.txt$)/;
const SAFE_METHODS = ['GET', 'HEAD'];

function withHeaders(response: Response, isPrivate: boolean): Response {
  // A redirect from Astro.redirect() has immutable headers: copy it into one we may add to.
  let final = response;
  try {
    final.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    final = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
  }
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!final.headers.has(name)) final.headers.set(name, value);
  }
  const type = final.headers.get('Content-Type');
  if (type && /^text\/html\s*(;|$)/i.test(type) && !/charset=/i.test(type)) final.headers.set('Content-Type', 'text/html; charset=utf-8');
  // Pages for signed-in people, and any answer that sets a cookie, are private: never stored by
  // shared caches or the back button.
  if (isPrivate && !final.headers.has('Cache-Control')) final.headers.set('Cache-Control', 'private, no-store');
  return final;
}

/**
 * Cross-site form posts are refused: a request that changes something must come from a page of the
 * portal itself, i.e. carry the Origin of PUBLIC_URL (in development also the address the browser
 * used, so that both localhost and 127.0.0.1 work). Replaces Astro's own check, which compares
 * with the request's Host and so fails behind a TLS-terminating proxy.
 */
function crossSite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.includes(request.method)) return false;
  // A mail client's one-click unsubscribe (RFC 8058) posts from no page at all; the token in the
  // address is what authorises it, so a forged post can do no more than the link itself.
  if (url.pathname.startsWith(routes.unsubscribe(''))) return false;
  const origin = request.headers.get('Origin');
  return origin !== config.publicUrl && (config.production || origin !== url.origin);
}

export const onRequest = defineMiddleware(async (context, next) => {
  // Astro adds the cookies set during the request after this middleware: ask them.
  const isPrivate = () => !!context.locals.user || !context.cookies.headers().next().done;
  // Mail delivery and clean-up run in the process that serves (the database was prepared before it listened).
  startBackgroundWork(() => pageCache.invalidate());
  context.locals.user = null;
  context.locals.sessionToken = null;
  context.locals.locale = DEFAULT_LOCALE;
  context.locals.t = dictionary(context.locals.locale);
  if (crossSite(context.request, context.url)) {
    return withHeaders(new Response(context.locals.t.errors.crossSite, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }), false);
  }
  // The first version's addresses (in mails, minutes, bookmarks) lead on to the same page of DS2030.
  const moved = legacyTarget(context.url.pathname, FIRST_CONSULTATION);
  if (moved) {
    const status = SAFE_METHODS.includes(context.request.method) ? 301 : 308;
    return withHeaders(new Response(null, { status, headers: { Location: `${moved}${context.url.search}` } }), false);
  }
  const anonymous = !context.cookies.has(SESSION_COOKIE);
  // Public pages an anonymous reader gets from the page cache (see page-cache.ts).
  const cacheKey = cacheKeyFor(context.request.method, context.url, context.request.headers.get('cookie'));
  if (cacheKey) {
    const hit = pageCache.get(cacheKey);
    if (hit) return withHeaders(hit, false);
  }
  if (!anonymous && !STATIC.test(context.url.pathname)) await loadSession(context);
  // [joint positions] A municipality's member sees in the navigation how many wait for its answer.
  const signedIn = context.locals.user as App.Locals['user'];
  if (signedIn?.organisationKind === 'municipality') context.locals.jointAwaiting = await jointAnswersAwaited(getDb(), signedIn.organisationId);
  // [two-factor, issue 10 item 15] A role that must use 2FA sets it up before anything else.
  const setupFirst = await twoFactorSetupRedirect(getDb(), context.locals.user, context.url);
  if (setupFirst) return withHeaders(context.redirect(setupFirst, 303), true);

  // Route rules from access.ts: sign in first, or 403 for a role that may not.
  const decision = routeDecision(context.locals.user ? actorOf(context.locals.user) : null, context.url.pathname);
  if (decision === 'sign-in') {
    // A form posted without a session (it expired, or never was) gets a clear 401, not a redirect
    // that would lose what was typed without a word.
    if (!SAFE_METHODS.includes(context.request.method)) return withHeaders(await next('/401'), isPrivate());
    return withHeaders(context.redirect(routes.signIn(context.url.pathname + context.url.search), 303), isPrivate());
  }
  const response = decision === 'forbidden' ? await next('/403') : await next();
  const final = withHeaders(response, isPrivate());
  // The one place public pages are invalidated: after any request that may have written. A refused
  // request (4xx, 5xx) wrote nothing.
  if (!SAFE_METHODS.includes(context.request.method) && final.status < 400) await pageCache.invalidate();
  // A cached page lives until public data changes or the next publication or window boundary — or
  // the next joint position's deadline, when it stops being "v usklajevanju".
  return cacheKey ? pageCache.store(cacheKey, final, Math.min(await nextContentBoundary(), await nextJointDeadline(getDb()))) : final;
});
