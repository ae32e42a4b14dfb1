import { defineMiddleware } from 'astro:middleware';
import { ensureDatabaseReady } from './lib/server/setup';

// Headers that Astro's CSP (set in astro.config.mjs) does not cover.
const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const onRequest = defineMiddleware(async (_context, next) => {
  // Migrations run before the first request is served, even if the server was started directly.
  await ensureDatabaseReady();
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});
