import { fail, invalid, ok, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { endSessions } from '../sessions.ts';
import { replaceRecoveryCodes } from './recovery.ts';
import { checkTotp, formatKey, generateTotpKey, normaliseTotpCode, openKey, qrCodeSvg, sealKey, totpCodeProblem, totpUri } from './secret.ts';
import { Refused } from './verify.ts';

/** Setting up two-factor sign-in: a key for the app, confirmed with a code from it. */

export interface SetupView {
  /** Base32 key in groups of four, for typing into an app. */
  key: string;
  uri: string;
  svg: string;
}

/**
 * The key being set up for this person (made on first visit, kept until confirmed so that a reload
 * does not invalidate what they scanned), or null when 2FA is already on.
 */
export async function setupView(db: Db, user: { id: number; email: string }): Promise<SetupView | null> {
  let row = await db.selectFrom('two_factor').select(['secret', 'enabled_at']).where('user_id', '=', user.id).executeTakeFirst();
  if (row?.enabled_at) return null;
  let key = row ? openKey(row.secret, user.id) : null;
  if (!row || !key) {
    key = generateTotpKey();
    const secret = sealKey(key, user.id);
    await db
      .insertInto('two_factor')
      .values({ user_id: user.id, secret, enabled_at: null, last_used_step: null, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret }).where('two_factor.enabled_at', 'is', null))
      .execute();
    row = await db.selectFrom('two_factor').select(['secret', 'enabled_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    if (row.enabled_at) return null;
    key = openKey(row.secret, user.id)!;
  }
  const uri = totpUri(user.email, key);
  return { key: formatKey(key), uri, svg: qrCodeSvg(uri) };
}

const alreadyEnabled = () => fail('conflict', (t) => t.twoFactor.errors.alreadyEnabled);

/**
 * Turns 2FA on once the person proves their app has the key with a current code (field `code`).
 * Returns the recovery codes — the only time they exist outside the person's hands. Other sessions end.
 */
export async function confirmSetup(
  db: Db,
  user: { id: number },
  input: { code: string },
  sessionToken: string | undefined,
  ip: string,
  now = new Date(),
): Promise<Result<{ recoveryCodes: string[] }>> {
  const problem = totpCodeProblem(input.code);
  if (problem) return invalid({ code: problem });
  const row = await db.selectFrom('two_factor').selectAll().where('user_id', '=', user.id).executeTakeFirst();
  if (!row || row.enabled_at) return alreadyEnabled();
  const key = openKey(row.secret, user.id);
  const check = key ? checkTotp(key, normaliseTotpCode(input.code), now, row.last_used_step) : ({ kind: 'wrong' } as const);
  if (check.kind !== 'ok') {
    await recordAudit(db, { actorUserId: user.id, action: 'two_factor.failed', targetType: 'user', targetId: user.id, after: { during: 'setup', reason: check.kind }, ip });
    return invalid({ code: (t) => t.twoFactor.errors.codeWrong });
  }
  try {
    const recoveryCodes = await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('two_factor')
        .set({ enabled_at: now.toISOString(), last_used_step: check.step })
        .where('user_id', '=', user.id)
        .where('enabled_at', 'is', null)
        .where('secret', '=', row.secret)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Refused();
      const codes = await replaceRecoveryCodes(trx, user.id, now);
      await endSessions(trx, user.id, sessionToken);
      await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.enabled', targetType: 'user', targetId: user.id, ip });
      return codes;
    });
    return ok({ recoveryCodes });
  } catch (error) {
    if (error instanceof Refused) return alreadyEnabled();
    throw error;
  }
}
