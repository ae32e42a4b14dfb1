import { fail, ok, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { can, type Actor } from '../access.ts';
import { endSessions } from '../sessions.ts';

/** People with 2FA on, for the administrators' list. */
export async function listTwoFactorUsers(db: Db) {
  return db
    .selectFrom('two_factor as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'o.name as organisation_name', 'f.enabled_at'])
    .where('f.enabled_at', 'is not', null)
    .orderBy('u.name')
    .execute();
}

export type TwoFactorUser = Awaited<ReturnType<typeof listTwoFactorUsers>>[number];

/**
 * An administrator resets someone's 2FA (a lost phone): key, recovery codes and pending logins go,
 * every session of theirs ends; at their next sign-in they set it up again (if their role requires
 * it) or sign in with the password alone. Not for one's own account — that is what disabling is for.
 */
export async function resetTwoFactor(db: Db, actor: Actor, targetUserId: number, ip: string): Promise<Result> {
  if (!can(actor, 'administer')) return fail('forbidden', (t) => t.access.notAllowed);
  if (actor.id === targetUserId) return fail('conflict', (t) => t.twoFactor.admin.notYourself);
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('two_factor').where('user_id', '=', targetUserId).where('enabled_at', 'is not', null).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) return fail('conflict', (t) => t.twoFactor.admin.notEnabled);
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', targetUserId).execute();
    await trx.deleteFrom('two_factor_pending_logins').where('user_id', '=', targetUserId).execute();
    await endSessions(trx, targetUserId);
    await recordAudit(trx, { actorUserId: actor.id, action: 'two_factor.reset', targetType: 'user', targetId: targetUserId, ip });
    return ok();
  });
}
