import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';

/**
 * Throttling of password guesses, so that nobody can lock an account's owner out from elsewhere:
 *
 * - per address and account (e-mail as typed, so unknown addresses are throttled alike and nothing
 *   reveals which accounts exist): a few free failures since that address's last success on that
 *   account, then each further failure doubles the wait, up to an hour;
 * - per account from all addresses together: the same, past a far higher threshold, against
 *   guessing spread over many addresses;
 * - per address over all accounts: failures within the last hour, which no success resets (a
 *   success on one's own account must not buy more guesses at others').
 *
 * Sign-ins and the current-password check of a password change count together; the check itself is
 * throttled per address and account only (the person is already signed in).
 */
export const PAIR_FREE_FAILURES = 5;
export const ACCOUNT_FREE_FAILURES = 100;
export const IP_FREE_FAILURES = 20;
export const MAX_WAIT_MINUTES = 60;
/** How far back failures count for an account (until a success). */
const ACCOUNT_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** How far back failures count for an address over all accounts (no success resets them). */
const IP_WINDOW_MS = 60 * 60 * 1000;

type Db = Kysely<Database>;
export type AttemptKind = 'login' | 'password_check';

function waitMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_WAIT_MINUTES);
}

interface Count {
  count: number;
  last: string | null;
}

/** Failures of an account (from one address, or from all) since its last success there. */
async function accountFailures(db: Db, email: string, ip: string | null, now: Date): Promise<Count> {
  const since = new Date(now.getTime() - ACCOUNT_LOOKBACK_MS).toISOString();
  let successes = db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('email', '=', email)
    .where('succeeded', '=', 1)
    .where('created_at', '>=', since);
  if (ip !== null) successes = successes.where('ip', '=', ip);
  const lastSuccess = await successes.executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  let failures = db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last')])
    .where('email', '=', email)
    .where('succeeded', '=', 0)
    .where('created_at', '>', from);
  if (ip !== null) failures = failures.where('ip', '=', ip);
  const row = await failures.executeTakeFirst();
  return { count: Number(row?.count ?? 0), last: row?.last ?? null };
}

/** Failures from an address over all accounts within the window; successes do not reset them. */
async function addressFailures(db: Db, ip: string, now: Date): Promise<Count> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last')])
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('created_at', '>', new Date(now.getTime() - IP_WINDOW_MS).toISOString())
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), last: row?.last ?? null };
}

function remainingMinutes(limits: Array<{ count: Count; free: number }>, now: Date): number {
  let waitUntil = 0;
  for (const { count, free } of limits) {
    const minutes = waitMinutes(count.count, free);
    if (minutes > 0 && count.last) waitUntil = Math.max(waitUntil, new Date(count.last).getTime() + minutes * 60_000);
  }
  const remaining = waitUntil - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 60_000) : 0;
}

/** Whole minutes (at least 1) until another sign-in attempt is allowed, or 0 when one is allowed now. */
export async function loginWaitMinutes(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  return remainingMinutes(
    [
      { count: await accountFailures(db, email, ip, now), free: PAIR_FREE_FAILURES },
      { count: await accountFailures(db, email, null, now), free: ACCOUNT_FREE_FAILURES },
      { count: await addressFailures(db, ip, now), free: IP_FREE_FAILURES },
    ],
    now,
  );
}

/** The same for the current-password check of a signed-in person: per address and account. */
export async function passwordCheckWaitMinutes(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  return remainingMinutes([{ count: await accountFailures(db, email, ip, now), free: PAIR_FREE_FAILURES }], now);
}

export async function recordLoginAttempt(
  db: Db,
  email: string,
  ip: string,
  succeeded: boolean,
  now = new Date(),
  kind: AttemptKind = 'login',
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ email, ip, succeeded: succeeded ? 1 : 0, kind, created_at: now.toISOString() })
    .execute();
}
