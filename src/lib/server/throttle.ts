import type { Db } from './db.ts';

/**
 * Login throttling per account (e-mail as typed, so unknown addresses are throttled alike and
 * nothing reveals which accounts exist) and per IP address. Failures since the last success count;
 * past a threshold each further failure doubles the wait, up to an hour.
 */
export const ACCOUNT_FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 20;
const MAX_WAIT_MINUTES = 60;
const LOOKBACK_MS = 24 * 60 * 60 * 1000;

function waitMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_WAIT_MINUTES);
}

async function failuresSinceSuccess(db: Db, column: 'email' | 'ip', value: string, now: Date) {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where(column, '=', value)
    .where('succeeded', '=', 1)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last')])
    .where(column, '=', value)
    .where('succeeded', '=', 0)
    .where('created_at', '>', from)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), last: row?.last ?? null };
}

/** Whole minutes (at least 1) until another attempt is allowed, or 0 when one is allowed now. */
export async function loginWaitMinutes(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  let waitUntil = 0;
  for (const [column, value, free] of [
    ['email', email, ACCOUNT_FREE_FAILURES],
    ['ip', ip, IP_FREE_FAILURES],
  ] as const) {
    const { count, last } = await failuresSinceSuccess(db, column, value, now);
    const minutes = waitMinutes(count, free);
    if (minutes > 0 && last) waitUntil = Math.max(waitUntil, new Date(last).getTime() + minutes * 60_000);
  }
  const remaining = waitUntil - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 60_000) : 0;
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, succeeded: boolean, now = new Date()) {
  await db
    .insertInto('login_attempts')
    .values({ email, ip, succeeded: succeeded ? 1 : 0, created_at: now.toISOString() })
    .execute();
}
