import { config } from './config.ts';
import { getDb, migrate, type Db } from './db.ts';
import { seedOrganisationDirectory } from './organisations.ts';

/** Everything a database needs before the portal can serve from it. Safe to run on every start. */
export async function prepareDatabase(db: Db, options: { demo: boolean }): Promise<{ migrations: string[] }> {
  const applied = await migrate(db);
  await seedOrganisationDirectory(db);
  void options.demo; // demo accounts and comments arrive with the accounts and comments features
  return { migrations: applied };
}

let ready: Promise<unknown> | undefined;

/** Prepares the server's database once per process; later calls share the same promise. */
export function ensureDatabaseReady(): Promise<unknown> {
  ready ??= prepareDatabase(getDb(), { demo: !config.production }).catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
