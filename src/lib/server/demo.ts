import type { Db } from './db.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './schema.ts';

/** Demo accounts, seeded unless NODE_ENV=production; listed in the README. */
export const DEMO_PASSWORD = 'posvet-demo-2030';

export const demoAccounts: ReadonlyArray<{ email: string; name: string; organisationCode: string; role: Role }> = [
  { email: 'admin@posvet.test', name: 'Ana Administratorka', organisationCode: 'SDP', role: 'admin' },
  { email: 'moderator@posvet.test', name: 'Marko Moderator', organisationCode: 'SDP', role: 'moderator' },
  { email: 'ljubljana@posvet.test', name: 'Lea Novak', organisationCode: '61', role: 'org_admin' },
  { email: 'bled@posvet.test', name: 'Blaž Kranjc', organisationCode: '3', role: 'member' },
  { email: 'zmos@posvet.test', name: 'Zala Horvat', organisationCode: 'ZMOS', role: 'org_admin' },
  { email: 'sos@posvet.test', name: 'Simon Zupan', organisationCode: 'SOS', role: 'org_admin' },
];

/** Adds the demo accounts that are missing; never changes an existing one. */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('users').select('email').where('email', 'in', demoAccounts.map((a) => a.email)).execute()).map((r) => r.email),
  );
  const missing = demoAccounts.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const account of missing) {
      const organisation = await trx.selectFrom('organisations').select('id').where('code', '=', account.organisationCode).executeTakeFirstOrThrow();
      await trx
        .insertInto('users')
        .values({ email: account.email, name: account.name, organisation_id: organisation.id, role: account.role, password_hash: passwordHash })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
    }
  });
  return missing.length;
}
