import { sql } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { findConsultation } from '../../src/lib/server/consultations/consultations.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { tempDatabase } from './helpers.ts';

/**
 * Issue 18, item 5: a database of the first version (one consultation, no consultations table)
 * keeps every comment, stance and audit entry under the same numbers, now belonging to DS2030.
 */

const upTo = (last: string): MigrationProvider => ({
  getMigrations: async () => Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last)),
});

describe('the consultations migration', () => {
  it('gives every existing comment to DS2030 without renumbering anything, and keeps its moderators on it', async () => {
    const { db } = tempDatabase({ migrated: false });
    const before = await new Migrator({ db, provider: upTo('0009_ministry') }).migrateToLatest();
    expect(before.error).toBeUndefined();
    await sql`insert into organisations (kind, code, name, short_name, slug, is_urban) values
      ('government', 'MDP', 'Ministrstvo za digitalno preobrazbo', 'MDP', 'mdp', 0),
      ('municipality', '3', 'Občina Bled', 'Bled', 'bled', 0)`.execute(db);
    await sql`insert into users (email, name, organisation_id, role, password_hash) values
      ('m@mdp.test', 'Moderatorka', 1, 'moderator', 'x'), ('b@bled.test', 'Član', 2, 'member', 'x')`.execute(db);
    // Numbers with gaps, as a real database has after deleted drafts; one decided, one new.
    await sql`insert into comments (id, organisation_id, scope, version_id, chapter_slug, chapter_number, kind, body, state, submitted_at, moderation_status, response)
      values (7, 2, 'chapter', 'osnutek-1', 'uvod', 1, 'comment', 'Prva pripomba.', 'submitted', '2026-09-20T08:00:00.000Z', 'rejected', 'Stališče ministrstva.'),
             (12, 2, 'chapter', 'osnutek-2', 'uvod', 1, 'question', 'Druga pripomba.', 'submitted', '2026-11-20T08:00:00.000Z', 'new', null)`.execute(db);
    await sql`insert into audit_log (actor_user_id, action, target_type, target_id) values (1, 'comment.decide', 'comment', '7')`.execute(db);

    await prepareDatabase(db, { demo: false });

    const ds2030 = await findConsultation(db, 'ds2030');
    expect(ds2030).toMatchObject({ slug: 'ds2030', caseNumber: '3510-1/2026', status: 'open', ownerName: 'Ministrstvo za digitalno preobrazbo' });
    const rows = await db.selectFrom('comments').select(['id', 'consultation_id', 'moderation_status', 'response']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 7, consultation_id: ds2030!.id, moderation_status: 'rejected', response: 'Stališče ministrstva.' },
      { id: 12, consultation_id: ds2030!.id, moderation_status: 'new', response: null },
    ]);
    expect((await listPublicComments(db, { consultationId: ds2030!.id })).map((c) => [c.id, c.consultation])).toEqual([
      [7, 'ds2030'],
      [12, 'ds2030'],
    ]);
    const audit = await db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'comment.decide').execute();
    expect(audit).toEqual([{ action: 'comment.decide', target_id: '7' }]);
    const moderators = await db.selectFrom('consultation_moderators').select(['consultation_id', 'user_id']).execute();
    expect(moderators).toEqual([{ consultation_id: ds2030!.id, user_id: 1 }]);
    // The second consultation came from its folder, and has none of the old comments.
    const sdjs = await findConsultation(db, 'sdjs2030');
    expect(sdjs?.title).toBe('Strategija digitalnih javnih storitev 2030');
    expect(await listPublicComments(db, { consultationId: sdjs!.id })).toEqual([]);
  });

  it('a fresh database gets both consultations from content/, once however often it starts', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: false });
    await prepareDatabase(db, { demo: false });
    const rows = await db.selectFrom('consultations').select(['slug', 'status']).orderBy('slug').execute();
    expect(rows).toEqual([
      { slug: 'ds2030', status: 'open' },
      { slug: 'sdjs2030', status: 'open' },
    ]);
    const created = await db.selectFrom('audit_log').select('target_id').where('action', '=', 'consultation.create').execute();
    expect(created).toHaveLength(2);
  });
});

describe('a consultation.json changed after the consultation exists', () => {
  it('updates what the file says (audited) and never the status the ministry set', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: false });
    await db.updateTable('consultations').set({ status: 'closed' }).where('slug', '=', 'sdjs2030').execute();
    const { syncConsultationFiles } = await import('../../src/lib/server/consultations/sync.ts');
    const data = { title: 'Strategija digitalnih javnih storitev 2030 (popravljeno)', shortTitle: 'SDJS 2030', owner: 'MDP', caseNumber: '3510-2/2026', description: 'Opis.' };
    await syncConsultationFiles(db, [{ slug: 'sdjs2030', data, hasVersions: true }]);
    expect(await findConsultation(db, 'sdjs2030')).toMatchObject({ title: data.title, description: 'Opis.', status: 'closed' });
    const entry = await db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'consultation.update').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!)).toMatchObject({ title: data.title, description: 'Opis.' });
    // An owner that is not a government organisation is refused at start, with the file named.
    await expect(syncConsultationFiles(db, [{ slug: 'sdjs2030', data: { ...data, owner: '3' }, hasVersions: true }])).rejects.toThrow(/content\/sdjs2030\/consultation\.json/);
  });
});

describe('the first version\'s addresses', () => {
  it('lead to the same page of the first consultation; every other address is left alone', async () => {
    const { legacyTarget } = await import('../../src/lib/routes.ts');
    expect(legacyTarget('/osnutek/uvod', 'ds2030')).toBe('/posvetovanja/ds2030/osnutek/uvod');
    expect(legacyTarget('/osnutek/uvod/14', 'ds2030')).toBe('/posvetovanja/ds2030/osnutek/uvod/14');
    expect(legacyTarget('/verzije/osnutek-1/osnutek-2', 'ds2030')).toBe('/posvetovanja/ds2030/verzije/osnutek-1/osnutek-2');
    expect(legacyTarget('/porocilo', 'ds2030')).toBe('/posvetovanja/ds2030/porocilo');
    expect(legacyTarget('/porocilo.xlsx', 'ds2030')).toBe('/posvetovanja/ds2030/porocilo.xlsx');
    for (const other of ['/', '/pripombe/3', '/osnutekx', '/porocilo.pdf', '/porocilo/1', '/posvetovanja/ds2030/osnutek/uvod', '/api/v1/comments']) {
      expect(legacyTarget(other, 'ds2030'), other).toBeUndefined();
    }
  });
});
