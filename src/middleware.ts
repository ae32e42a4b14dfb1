import { defineMiddleware } from 'astro:middleware';
import { routeDecision } from './lib/server/access';
import { actorOf, loadSession } from './lib/server/auth-context';
import { ensureDatabaseReady } from './lib/server/setup';

// Headers that Astro's CSP (set in astro.config.mjs) does not cover.
const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const STATIC = /^\/(_astro\/|favicon\.svg$|robots\.txt$)/;

export const onRequest = defineMiddleware(async (context, next) => {
  // Migrations run before the first request is served, even if the server was started directly.
  await ensureDatabaseReady();
  context.locals.user = null;
  context.locals.sessionToken = null;
  if (!STATIC.test(context.url.pathname)) await loadSession(context);

  // Route rules from access.ts: sign in first, or 403 for a role that may not.
  const decision = routeDecision(context.locals.user ? actorOf(context.locals.user) : null, context.url.pathname);
  if (decision === 'sign-in') {
    return context.redirect(`/prijava?vrnitev=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
  }
  const final = decision === 'forbidden' ? await next('/403') : await next();

  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!final.headers.has(name)) final.headers.set(name, value);
  }
  // Pages for signed-in people are private: never stored by shared caches or the back button.
  if (context.locals.user && !final.headers.has('Cache-Control')) final.headers.set('Cache-Control', 'private, no-store');
  return final;
});
