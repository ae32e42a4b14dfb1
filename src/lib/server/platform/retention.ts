import type { Db } from './db.ts';

/**
 * How long records about people are kept, as the privacy notice (/zasebnost) states it. Records of
 * sign-in attempts and two-factor codes (with IP addresses) and mail once sent are deleted after a
 * year; the comments, stances and the audit log are the consultation's record and are kept with it.
 */
export const RETENTION_DAYS = {
  signInAttempts: 365,
  twoFactorAttempts: 365,
  sentMail: 365,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

function before(days: number, now: Date): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Deletes what has outlived its retention period; returns how many rows of each kind went. */
export async function applyRetention(db: Db, now = new Date()): Promise<Record<keyof typeof RETENTION_DAYS, number>> {
  return db.transaction().execute(async (trx) => {
    const signIn = await trx.deleteFrom('login_attempts').where('created_at', '<', before(RETENTION_DAYS.signInAttempts, now)).executeTakeFirst();
    const codes = await trx.deleteFrom('two_factor_attempts').where('created_at', '<', before(RETENTION_DAYS.twoFactorAttempts, now)).executeTakeFirst();
    const mail = await trx
      .deleteFrom('mail_outbox')
      .where('sent_at', 'is not', null)
      .where('sent_at', '<', before(RETENTION_DAYS.sentMail, now))
      .executeTakeFirst();
    return {
      signInAttempts: Number(signIn.numDeletedRows),
      twoFactorAttempts: Number(codes.numDeletedRows),
      sentMail: Number(mail.numDeletedRows),
    };
  });
}
