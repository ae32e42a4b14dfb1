import type { OrganisationKind, Role } from '../../enums.ts';
import { routes } from '../../routes.ts';

/**
 * Who may do what — every access rule of the portal, in one place. Pages and the middleware ask
 * here; tests/unit/access.test.ts has a test for each rule.
 */

export interface Actor {
  id: number;
  role: Role;
  organisationId: number;
  organisationKind: OrganisationKind | string;
}

export type Permission =
  /** Own profile, password, sessions, own data. */
  | 'account'
  /** See one's own organisation's page. */
  | 'organisation.view'
  /** Invite, remove and change the role of members of one's own organisation. */
  | 'organisation.manage'
  /** Write and submit comments on behalf of one's organisation. */
  | 'comment'
  /** The triage queue, decisions, responses, hiding, exports. */
  | 'moderate'
  /** Organisations, users, roles, settings, the audit log. */
  | 'administer';

const permissions: Record<Role, readonly Permission[]> = {
  member: ['account', 'organisation.view', 'comment'],
  org_admin: ['account', 'organisation.view', 'organisation.manage', 'comment'],
  moderator: ['account', 'organisation.view', 'moderate'],
  admin: ['account', 'organisation.view', 'organisation.manage', 'moderate', 'administer'],
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && permissions[actor.role].includes(permission);
}

/** Routes that need a signed-in person with a permission. Longest prefix first. */
export const protectedRoutes: ReadonlyArray<{ prefix: string; permission: Permission }> = [
  { prefix: routes.admin, permission: 'administer' },
  { prefix: routes.moderation(), permission: 'moderate' },
  { prefix: routes.organisation, permission: 'organisation.view' },
  { prefix: routes.account, permission: 'account' },
];

export type RouteDecision = 'allow' | 'sign-in' | 'forbidden';

export function routeDecision(actor: Actor | null | undefined, pathname: string): RouteDecision {
  const rule = protectedRoutes.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  if (!rule) return 'allow';
  if (!actor) return 'sign-in';
  return can(actor, rule.permission) ? 'allow' : 'forbidden';
}

/** Roles a person may give to someone in an organisation of the given kind. */
export function assignableRoles(actor: Actor, organisationId: number, organisationKind: OrganisationKind | string): Role[] {
  if (actor.role === 'admin') {
    return organisationKind === 'government' ? ['member', 'moderator', 'admin'] : ['member', 'org_admin'];
  }
  if (actor.role === 'org_admin' && actor.organisationId === organisationId && organisationKind !== 'government') {
    return ['member', 'org_admin'];
  }
  return [];
}

/**
 * A portal administrator's decision outranks an organisation admin's: a person an administrator
 * disabled can be re-enabled or otherwise changed by an administrator only.
 */
export function isAdministratorsDecision(actor: Actor, target: { status?: string; disabled_by_role?: Role | null }): boolean {
  return actor.role !== 'admin' && target.status === 'disabled' && target.disabled_by_role === 'admin';
}

/** May the actor change, disable or re-enable this person's account? Never their own. */
export function canManageUser(
  actor: Actor,
  target: { id: number; organisation_id: number; role: Role; status?: string; disabled_by_role?: Role | null },
): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'org_admin' &&
    actor.organisationId === target.organisation_id &&
    (target.role === 'member' || target.role === 'org_admin') &&
    !isAdministratorsDecision(actor, target)
  );
}

/**
 * May the actor revoke this invitation? An administrator any; an organisation admin those into
 * their own organisation, except ones a portal administrator sent (or the operator, from the CLI).
 */
export function canRevokeInvitation(actor: Actor, invitation: { organisation_id: number; inviter_role: Role | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'org_admin' && invitation.organisation_id === actor.organisationId && !invitationIsAdministrators(invitation);
}

export function invitationIsAdministrators(invitation: { inviter_role: Role | null }): boolean {
  return invitation.inviter_role === null || invitation.inviter_role === 'admin';
}

const SAME_ORIGIN = 'http://posvet.invalid';

/**
 * A return-to address, made safe for a Location header: a path on this site (never another origin,
 * never protocol-relative), normalised and percent-encoded so that it is plain printable ASCII
 * whatever was sent ("/č" becomes "/%C4%8D"). Anything else gives the fallback. Every redirect to
 * an address that came with a request goes through here.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string = routes.account): string {
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001F\u007F]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SAME_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments and backslashes are resolved by now: "/.//x" must not become "//x" (another host).
  if (!/^\/(?![/\\])[\x21-\x7E]*$/.test(path)) return fallback;
  return path;
}

/** All a person whose role requires two-factor sign-in may open before setting it up. */
const OPEN_BEFORE_TWO_FACTOR_SETUP = new Set([routes.twoFactorSetup(), routes.signOut, routes.accessibility, routes.privacy, '/401', '/403', '/404', '/500']);
const STATIC_FILE = /^\/(_astro\/|favicon\.svg$|robots\.txt$)/;

/**
 * Must this person set up two-factor sign-in before opening this path? Yes when their role is one
 * of `requiredRoles` (REQUIRE_2FA_ROLES) and they have not; then only the setup page, sign-out and
 * the legal pages are open to them.
 */
export function mustSetUpTwoFactorFirst(
  actor: Pick<Actor, 'role'> | null | undefined,
  twoFactorEnabled: boolean,
  requiredRoles: readonly Role[],
  pathname: string,
): boolean {
  if (!actor || twoFactorEnabled || !requiredRoles.includes(actor.role)) return false;
  return !OPEN_BEFORE_TWO_FACTOR_SETUP.has(pathname) && !STATIC_FILE.test(pathname);
}
