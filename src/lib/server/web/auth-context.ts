import type { APIContext } from 'astro';
import type { Cookie } from 'lucia';
import { can, type Permission } from '../accounts/access.ts';
import { config } from '../platform/config.ts';
import { getDb } from '../platform/db.ts';
import { cookieIsSecure, createLucia, type PosvetLucia } from '../accounts/sessions.ts';
import { routes } from '../../routes.ts';

/** The glue between a request and sessions: lucia on the server's database, cookies, helpers. */

let instance: PosvetLucia | undefined;
export function lucia(): PosvetLucia {
  instance ??= createLucia(getDb());
  return instance;
}

type Context = Pick<APIContext, 'cookies' | 'url' | 'locals' | 'redirect' | 'clientAddress' | 'request'>;

function setCookie(context: Context, cookie: Cookie) {
  context.cookies.set(cookie.name, cookie.value, { ...cookie.attributes, secure: cookieIsSecure(config.publicUrl) });
}

/** Reads the session cookie, validates it, keeps the cookie fresh, and fills locals.user. */
export async function loadSession(context: Context): Promise<void> {
  context.locals.user = null;
  context.locals.sessionToken = null;
  const token = context.cookies.get(lucia().sessionCookieName)?.value;
  if (!token) return;
  const { session, user } = await lucia().validateSession(token);
  if (!session || !user) {
    setCookie(context, lucia().createBlankSessionCookie());
    return;
  }
  if (session.fresh) setCookie(context, lucia().createSessionCookie(session.id));
  context.locals.user = user as App.Locals['user'];
  context.locals.sessionToken = session.id;
}

export async function signIn(context: Context, userId: number): Promise<void> {
  const session = await lucia().createSession(userId, {
    ip: clientIp(context),
    userAgent: context.request.headers.get('user-agent')?.slice(0, 300) ?? null,
  });
  setCookie(context, lucia().createSessionCookie(session.id));
}

export async function signOut(context: Context): Promise<void> {
  if (context.locals.sessionToken) await lucia().invalidateSession(context.locals.sessionToken);
  setCookie(context, lucia().createBlankSessionCookie());
  context.locals.user = null;
  context.locals.sessionToken = null;
}

/** The client's address: as the start script established it (trusted proxies), else the socket's. */
export function clientIp(context: Pick<APIContext, 'clientAddress' | 'locals'>): string {
  if (context.locals.client) return context.locals.client.address;
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Base of every link in mails and downloads: PUBLIC_URL, never the request's Host header. */
export function publicBaseUrl(): string {
  return config.publicUrl;
}

/**
 * The `require…` helper for pages and endpoints: the signed-in person if they hold the permission,
 * otherwise a response to return at once (sign-in redirect or 403). The middleware already applies
 * the route rules; this guards actions inside a page.
 */
export function requirePermission(
  context: Pick<APIContext, 'locals' | 'url' | 'redirect' | 'rewrite'>,
  permission: Permission,
): { user: NonNullable<App.Locals['user']>; response?: undefined } | { user?: undefined; response: Response | Promise<Response> } {
  const user = context.locals.user;
  if (!user) {
    return { response: context.redirect(routes.signIn(context.url.pathname + context.url.search), 303) };
  }
  if (!can({ id: user.id, role: user.role, organisationId: user.organisationId, organisationKind: user.organisationKind }, permission)) {
    return { response: context.rewrite('/403') };
  }
  return { user };
}

export function actorOf(user: NonNullable<App.Locals['user']>) {
  return { id: user.id, role: user.role, organisationId: user.organisationId, organisationKind: user.organisationKind };
}
