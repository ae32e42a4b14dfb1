import type { Role } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import { config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { mustSetUpTwoFactorFirst } from '../access.ts';

/** Whether a person has two-factor sign-in on, must have it, and what follows a right password. */

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** Their role must use it (REQUIRE_2FA_ROLES). */
  required: boolean;
}

export function requiredFor(role: Role, requiredRoles: readonly Role[] = config.requireTwoFactorRoles): boolean {
  return requiredRoles.includes(role);
}

export async function twoFactorStatus(db: Db, user: { id: number; role: Role }): Promise<TwoFactorStatus> {
  const row = await db.selectFrom('two_factor').select('enabled_at').where('user_id', '=', user.id).executeTakeFirst();
  const enabledAt = row?.enabled_at ?? null;
  const left = enabledAt
    ? Number(
        (
          await db
            .selectFrom('two_factor_recovery_codes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', user.id)
            .where('used_at', 'is', null)
            .executeTakeFirst()
        )?.n ?? 0,
      )
    : 0;
  return { enabled: !!enabledAt, enabledAt, recoveryCodesLeft: left, required: requiredFor(user.role) };
}

export async function isEnabled(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('two_factor').select('enabled_at').where('user_id', '=', userId).executeTakeFirst();
  return !!row?.enabled_at;
}

/**
 * The gate the middleware applies: where to send a signed-in person whose role requires 2FA and who
 * has not set it up, or null to let the request through. Costs a query only for those roles.
 */
export async function twoFactorSetupRedirect(
  db: Db,
  user: { id: number; role: Role } | null | undefined,
  url: URL,
  requiredRoles: readonly Role[] = config.requireTwoFactorRoles,
): Promise<string | null> {
  if (!user || !requiredRoles.includes(user.role)) return null;
  if (!mustSetUpTwoFactorFirst(user, false, requiredRoles, url.pathname)) return null;
  if (await isEnabled(db, user.id)) return null;
  return routes.twoFactorSetup(url.pathname + url.search);
}

/** What happens after a right password: a code is asked, 2FA must be set up first, or nothing more. */
export async function stepAfterPassword(db: Db, userId: number, requiredRoles: readonly Role[] = config.requireTwoFactorRoles): Promise<'code' | 'setup' | 'none'> {
  if (await isEnabled(db, userId)) return 'code';
  const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirstOrThrow();
  return requiredRoles.includes(user.role) ? 'setup' : 'none';
}
