import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/platform/db.ts';
import { associationMembers, listOrganisations, seedOrganisationDirectory } from '../../src/lib/server/organisations/organisations.ts';
import { postgresCluster, tempDatabase } from './helpers.ts';
import { WRITE_LOCK } from '../../src/lib/server/platform/postgres.ts';

describe('database', () => {
  it.skipIf(postgresCluster)('runs in WAL mode with foreign keys and durable commits (SQLite: its pragmas)', async () => {
    const { db } = tempDatabase();
    const pragma = async (name: string) => (await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db)).rows[0];
    expect(Object.values((await pragma('journal_mode'))!)[0]).toBe('wal');
    expect(Object.values((await pragma('foreign_keys'))!)[0]).toBe(1);
    expect(Object.values((await pragma('synchronous'))!)[0]).toBe(2);
  });

  it.runIf(postgresCluster)('keeps foreign keys, durable commits, UTC, and write transactions one at a time (PostgreSQL: its settings)', async () => {
    const { db } = tempDatabase();
    const setting = async (name: string) => Object.values((await sql<Record<string, string>>`${sql.raw(`show ${name}`)}`.execute(db)).rows[0]!)[0];
    // Durability is the server's (synchronous_commit, fsync: on by default; the throwaway test cluster
    // turns them off): the portal's connections never lower it for themselves.
    const durability = await sql<{ source: string }>`select source from pg_settings where name in ('synchronous_commit', 'fsync')`.execute(db);
    expect(durability.rows.map((r) => r.source).filter((source) => source === 'client' || source === 'session')).toEqual([]);
    expect(await setting('timezone')).toBe('UTC');
    expect(await setting('client_encoding')).toBe('UTF8');
    // Every write transaction holds the write lock from its start, at READ COMMITTED (each statement sees
    // what was committed before the lock): write transactions run one at a time, as on SQLite.
    const inside = await db.transaction().execute(async (trx) => ({
      level: Object.values((await sql<Record<string, string>>`show transaction_isolation`.execute(trx)).rows[0]!)[0],
      locked: (await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and objid = ${WRITE_LOCK} and pid = pg_backend_pid() and granted`.execute(trx)).rows[0]!.n,
    }));
    expect(inside).toEqual({ level: 'read committed', locked: 1 });
    // Foreign keys always hold: a user of an organisation that does not exist is refused.
    const orphan = await db.insertInto('users').values({ email: 'sirota@posvet.test', name: 'Sirota', organisation_id: 999_999, role: 'moderator', password_hash: 'x' }).execute().catch((e: { code?: string }) => e);
    expect((orphan as { code?: string }).code).toBe('23503');
  });

  it('applies migrations once', async () => {
    const { db } = tempDatabase({ migrated: false });
    expect(await migrate(db)).toContain('0001_organisations');
    expect(await migrate(db)).toEqual([]);
  });
});

describe('organisation directory', () => {
  it('seeds all 212 municipalities, the three associations and the ministry', async () => {
    const { db } = tempDatabase();
    await migrate(db);
    await seedOrganisationDirectory(db);
    const municipalities = await listOrganisations(db, 'municipality');
    expect(municipalities).toHaveLength(212);
    expect((await listOrganisations(db, 'association')).map((a) => a.code).sort()).toEqual(['SOS', 'ZMOS', 'ZOS']);
    expect((await listOrganisations(db, 'government')).map((o) => o.name)).toEqual([
      'Ministrstvo za digitalno preobrazbo',
    ]);
    const ljubljana = municipalities.find((m) => m.code === '61');
    expect(ljubljana).toMatchObject({ name: 'Mestna občina Ljubljana', slug: 'ljubljana', is_urban: 1 });
    expect(municipalities.find((m) => m.short_name === 'Bled')?.name).toBe('Občina Bled');
    // Sorted the Slovenian way: Č after C, Š after S, Ž after Z.
    const names = municipalities.map((m) => m.short_name);
    expect(names.indexOf('Cerkno')).toBeLessThan(names.indexOf('Črnomelj'));
    expect(names.indexOf('Črnomelj')).toBeLessThan(names.indexOf('Destrnik'));
  });

  it('turns the former government office of a database seeded before 2027 into the ministry, keeping its people', async () => {
    const { db } = tempDatabase({ migrated: false });
    const { Migrator } = await import('kysely/migration');
    const { migrations } = await import('../../db/migrations/index.ts');
    const before = new Migrator({ db, provider: { getMigrations: async () => Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0009')) } });
    await before.migrateToLatest();
    const office = await db
      .insertInto('organisations')
      .values({ kind: 'government', code: 'SDP', name: 'Služba Vlade Republike Slovenije za digitalno preobrazbo', short_name: 'SDP', slug: 'sdp', registry_id: null, is_urban: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('users').values({ email: 'moderatorka@gov.si', name: 'Moderatorka', organisation_id: office.id, role: 'moderator', password_hash: 'x' }).execute();
    await migrate(db);
    await seedOrganisationDirectory(db);
    const government = await listOrganisations(db, 'government');
    expect(government.map((o) => [o.id, o.code, o.name, o.slug])).toEqual([[office.id, 'MDP', 'Ministrstvo za digitalno preobrazbo', 'mdp']]);
    expect((await db.selectFrom('users').select('organisation_id').where('email', '=', 'moderatorka@gov.si').executeTakeFirstOrThrow()).organisation_id).toBe(office.id);
  });

  it('makes the 12 urban municipalities members of ZMOS', async () => {
    const { db } = tempDatabase();
    await migrate(db);
    await seedOrganisationDirectory(db);
    const members = await associationMembers(db, 'ZMOS');
    expect(members.map((m) => m.short_name)).toEqual([
      'Celje', 'Koper', 'Kranj', 'Krško', 'Ljubljana', 'Maribor', 'Murska Sobota',
      'Nova Gorica', 'Novo mesto', 'Ptuj', 'Slovenj Gradec', 'Velenje',
    ]);
  });

  it('can be seeded again without duplicates and keeps memberships an administrator added', async () => {
    const { db } = tempDatabase();
    await migrate(db);
    await seedOrganisationDirectory(db);
    const sos = (await listOrganisations(db, 'association')).find((a) => a.code === 'SOS')!;
    const bled = (await listOrganisations(db, 'municipality')).find((m) => m.short_name === 'Bled')!;
    await db.insertInto('association_memberships').values({ association_id: sos.id, member_id: bled.id }).execute();

    await seedOrganisationDirectory(db);
    expect(await listOrganisations(db)).toHaveLength(216);
    expect((await associationMembers(db, 'SOS')).map((m) => m.short_name)).toEqual(['Bled']);
    expect(await associationMembers(db, 'ZMOS')).toHaveLength(12);
  });
});
