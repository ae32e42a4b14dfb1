import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import {
  archiveConsultation,
  assignModerator,
  consultationModerators,
  createConsultation,
  setConsultationStatus,
  unarchiveConsultation,
  unassignModerator,
} from '../../src/lib/server/consultations/commands.ts';
import { findConsultation, listConsultations } from '../../src/lib/server/consultations/consultations.ts';
import { consultationInput, type ConsultationInput } from '../../src/lib/server/consultations/input.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { Result } from '../../src/lib/result.ts';
import { organisationId, postgresCluster, seededDatabase, userId } from './helpers.ts';

const t = dictionary();
const root = join(import.meta.dirname, '../..');

async function actor(db: Db, email: string): Promise<Actor> {
  const user = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.role', 'u.organisation_id', 'o.kind'])
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();
  return { id: user.id, role: user.role, organisationId: user.organisation_id, organisationKind: user.kind };
}

function input(overrides: Partial<Record<keyof ConsultationInput, string>> = {}): ConsultationInput {
  return consultationInput(t).parse({
    slug: 'pametne-obcine',
    title: 'Strategija pametnih občin 2030',
    shortTitle: 'SPO 2030',
    caseNumber: '3510-7/2026',
    description: 'Osnutek strategije pametnih občin.',
    ...overrides,
  });
}

/** The message(s) of a refusal, in Slovenian, and its code. */
function refusal(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.error.code, message: result.error.message?.(t), fields: Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, m]) => [k, m(t)])) };
}

async function audit(db: Db, action: string) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();
}

describe('creating a consultation', () => {
  it('an administrator creates one in preparation, owned by the ministry, audited with who did it', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    const result = await createConsultation(db, admin, input({ invited: '  Vse občine.  ' }), { ip: '192.0.2.1' });
    expect(result.ok).toBe(true);
    const created = await findConsultation(db, 'pametne-obcine');
    expect(created).toMatchObject({ title: 'Strategija pametnih občin 2030', shortTitle: 'SPO 2030', caseNumber: '3510-7/2026', status: 'preparation', invited: 'Vse občine.', archivedAt: null });
    expect(created!.ownerOrganisationId).toBe(await organisationId(db, 'MDP'));
    const [entry] = (await audit(db, 'consultation.create')).filter((e) => e.target_id === String(created!.id));
    expect(entry).toMatchObject({ actor_user_id: admin.id, target_type: 'consultation', ip: '192.0.2.1' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ slug: 'pametne-obcine', status: 'preparation' });
  });

  it('the operator (no user) may create one; it is audited with no actor', async () => {
    const { db } = await seededDatabase();
    const result = await createConsultation(db, null, input());
    expect(result.ok && result.value.status).toBe('preparation');
    const entries = (await audit(db, 'consultation.create')).filter((e) => JSON.parse(e.after_json!).slug === 'pametne-obcine');
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_user_id).toBeNull();
  });

  it('refuses a slug that is taken, saying which, and changes nothing', async () => {
    const { db } = await seededDatabase();
    const before = (await listConsultations(db, { archived: true })).length;
    const result = await createConsultation(db, await actor(db, 'admin@posvet.test'), input({ slug: 'ds2030' }));
    expect(refusal(result)).toMatchObject({ code: 'conflict', fields: { slug: t.consultationAdmin.errors.slugTaken('ds2030') } });
    expect((await listConsultations(db, { archived: true })).length).toBe(before);
  });

  it('refuses an owner that is not a government organisation', async () => {
    const { db } = await seededDatabase();
    const result = await createConsultation(db, await actor(db, 'admin@posvet.test'), input({ owner: 'ZMOS' }));
    expect(refusal(result)).toMatchObject({ code: 'invalid', fields: { owner: t.consultationAdmin.errors.ownerInvalid } });
    expect(await findConsultation(db, 'pametne-obcine')).toBeUndefined();
  });

  it('is refused to everyone but administrators', async () => {
    const { db } = await seededDatabase();
    for (const email of ['moderator@posvet.test', 'ljubljana@posvet.test', 'bled@posvet.test']) {
      const result = await createConsultation(db, await actor(db, email), input());
      expect(refusal(result).code, email).toBe('forbidden');
    }
    expect(await findConsultation(db, 'pametne-obcine')).toBeUndefined();
    expect((await audit(db, 'consultation.create')).filter((e) => e.actor_user_id !== null)).toEqual([]);
  });

  it('the form refuses a malformed slug and missing texts, each with its message', () => {
    const schema = consultationInput(t);
    for (const slug of ['A-velike', 'x', 'šumnik', '-vezaj', 'a'.repeat(41), 'presledek vmes']) {
      const parsed = schema.safeParse({ slug, title: 'a', shortTitle: 'a', caseNumber: 'a', description: 'a' });
      expect(parsed.success, slug).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([t.consultationAdmin.errors.slugInvalid]);
    }
    for (const slug of ['ds2030', 'ab', 'a-1', 'a'.repeat(40)]) {
      expect(schema.safeParse({ slug, title: 'a', shortTitle: 'a', caseNumber: 'a', description: 'a' }).success, slug).toBe(true);
    }
    const empty = schema.safeParse({ slug: ' ', title: '  ', shortTitle: '', caseNumber: '', description: '' });
    expect(Object.fromEntries(empty.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      slug: t.consultationAdmin.errors.slugRequired,
      title: t.consultationAdmin.errors.titleRequired,
      shortTitle: t.consultationAdmin.errors.shortTitleRequired,
      caseNumber: t.consultationAdmin.errors.caseNumberRequired,
      description: t.consultationAdmin.errors.descriptionRequired,
    });
  });
});

describe('a consultation’s status', () => {
  it('goes preparation → open → closed → open (reopened) → closed → report published, each step audited', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    await createConsultation(db, admin, input());
    for (const status of ['open', 'closed', 'open', 'closed', 'report_published'] as const) {
      const result = await setConsultationStatus(db, admin, 'pametne-obcine', status);
      expect(result.ok, status).toBe(true);
      expect((await findConsultation(db, 'pametne-obcine'))!.status).toBe(status);
    }
    const id = String((await findConsultation(db, 'pametne-obcine'))!.id);
    const steps = (await audit(db, 'consultation.status')).filter((e) => e.target_id === id).reverse();
    expect(steps.map((e) => [JSON.parse(e.before_json!).status, JSON.parse(e.after_json!).status])).toEqual([
      ['preparation', 'open'],
      ['open', 'closed'],
      ['closed', 'open'],
      ['open', 'closed'],
      ['closed', 'report_published'],
    ]);
    expect(steps.every((e) => e.actor_user_id === admin.id)).toBe(true);
  });

  it('refuses every other step as a conflict that names both statuses, and leaves the status as it was', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    await createConsultation(db, admin, input());
    const refused: Array<[string[], 'preparation' | 'open' | 'closed' | 'report_published']> = [
      [[], 'closed'],
      [[], 'report_published'],
      [[], 'preparation'],
      [['open'], 'open'],
      [['open'], 'preparation'],
      [['open'], 'report_published'],
      [['open', 'closed'], 'preparation'],
      [['open', 'closed', 'report_published'], 'open'],
      [['open', 'closed', 'report_published'], 'closed'],
    ];
    for (const [path, target] of refused) {
      const slug = `k-${path.length}-${target.replace('_', '-')}`;
      await createConsultation(db, admin, input({ slug }));
      for (const step of path) expect((await setConsultationStatus(db, admin, slug, step as 'open')).ok).toBe(true);
      const from = (await findConsultation(db, slug))!.status;
      const result = await setConsultationStatus(db, admin, slug, target);
      expect(refusal(result), `${from} → ${target}`).toMatchObject({
        code: 'conflict',
        message: t.consultationAdmin.errors.transition(t.consultations.status[from], t.consultations.status[target]),
      });
      expect((await findConsultation(db, slug))!.status).toBe(from);
    }
  });

  it('is refused to a moderator, and for a consultation that does not exist', async () => {
    const { db } = await seededDatabase();
    expect(refusal(await setConsultationStatus(db, await actor(db, 'moderator@posvet.test'), 'ds2030', 'closed')).code).toBe('forbidden');
    expect((await findConsultation(db, 'ds2030'))!.status).toBe('open');
    expect(refusal(await setConsultationStatus(db, await actor(db, 'admin@posvet.test'), 'ni-ga', 'open')).code).toBe('not_found');
  });
});

describe('archiving', () => {
  it('takes a consultation off the list and brings it back, audited; twice is a conflict', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    expect((await archiveConsultation(db, admin, 'sdjs2030')).ok).toBe(true);
    expect((await listConsultations(db)).map((c) => c.slug)).not.toContain('sdjs2030');
    expect((await findConsultation(db, 'sdjs2030'))!.archivedAt).toBeInstanceOf(Date);
    expect(refusal(await archiveConsultation(db, admin, 'sdjs2030'))).toMatchObject({ code: 'conflict', message: t.consultationAdmin.errors.alreadyArchived });
    expect((await unarchiveConsultation(db, admin, 'sdjs2030')).ok).toBe(true);
    expect((await listConsultations(db)).map((c) => c.slug)).toContain('sdjs2030');
    expect(refusal(await unarchiveConsultation(db, admin, 'sdjs2030'))).toMatchObject({ code: 'conflict', message: t.consultationAdmin.errors.notArchived });
    expect(await audit(db, 'consultation.archive')).toHaveLength(1);
    expect(await audit(db, 'consultation.unarchive')).toHaveLength(1);
  });

  it('is refused to a non-administrator', async () => {
    const { db } = await seededDatabase();
    expect(refusal(await archiveConsultation(db, await actor(db, 'ljubljana@posvet.test'), 'ds2030')).code).toBe('forbidden');
    expect(refusal(await unarchiveConsultation(db, await actor(db, 'moderator@posvet.test'), 'ds2030')).code).toBe('forbidden');
    expect((await findConsultation(db, 'ds2030'))!.archivedAt).toBeNull();
  });
});

describe('moderators of a consultation', () => {
  it('an administrator assigns and unassigns a moderator, audited', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    const moderator = await userId(db, 'moderator@posvet.test');
    const sdjs = (await findConsultation(db, 'sdjs2030'))!;
    await unassignModerator(db, admin, 'sdjs2030', moderator);
    expect((await consultationModerators(db, sdjs.id)).map((m) => m.email)).toEqual([]);
    expect((await assignModerator(db, admin, 'sdjs2030', moderator)).ok).toBe(true);
    expect((await consultationModerators(db, sdjs.id)).map((m) => m.email)).toEqual(['moderator@posvet.test']);
    expect(refusal(await assignModerator(db, admin, 'sdjs2030', moderator))).toMatchObject({ code: 'conflict', fields: { userId: t.consultationAdmin.errors.alreadyAssigned } });
    expect((await unassignModerator(db, admin, 'sdjs2030', moderator)).ok).toBe(true);
    expect(await consultationModerators(db, sdjs.id)).toEqual([]);
    expect(refusal(await unassignModerator(db, admin, 'sdjs2030', moderator))).toMatchObject({ code: 'conflict', message: t.consultationAdmin.errors.notAssigned });
    const [assigned] = await audit(db, 'consultation.moderator.assign');
    expect(assigned).toMatchObject({ actor_user_id: admin.id, target_id: String(sdjs.id) });
    expect(JSON.parse(assigned.after_json!)).toMatchObject({ userId: moderator });
    expect((await audit(db, 'consultation.moderator.unassign')).filter((e) => e.actor_user_id === admin.id)).toHaveLength(1);
  });

  it('refuses anyone without the moderator role, and a disabled moderator', async () => {
    const { db } = await seededDatabase();
    const admin = await actor(db, 'admin@posvet.test');
    for (const email of ['bled@posvet.test', 'admin@posvet.test', 'ljubljana@posvet.test']) {
      const result = await assignModerator(db, admin, 'ds2030', await userId(db, email));
      expect(refusal(result), email).toMatchObject({ code: 'invalid', fields: { userId: t.consultationAdmin.errors.notModerator } });
    }
    const moderator = await userId(db, 'moderator@posvet.test');
    await db.updateTable('users').set({ status: 'disabled' }).where('id', '=', moderator).execute();
    await unassignModerator(db, admin, 'sdjs2030', moderator);
    expect(refusal(await assignModerator(db, admin, 'sdjs2030', moderator)).code).toBe('invalid');
  });

  it('is refused to a moderator assigning themself', async () => {
    const { db } = await seededDatabase();
    const moderator = await actor(db, 'moderator@posvet.test');
    const sdjs = (await findConsultation(db, 'sdjs2030'))!;
    await db.deleteFrom('consultation_moderators').where('consultation_id', '=', sdjs.id).execute();
    expect(refusal(await assignModerator(db, moderator, 'sdjs2030', moderator.id)).code).toBe('forbidden');
    expect(refusal(await unassignModerator(db, moderator, 'ds2030', moderator.id)).code).toBe('forbidden');
    expect(await consultationModerators(db, sdjs.id)).toEqual([]);
  });
});

// Each command is a Node process of its own (about two seconds on this machine, more when it is busy).
describe('the operator’s command line', { timeout: 180_000 }, () => {
  const cli = (path: string, ...args: string[]) =>
    spawnSync(join(root, 'node_modules/.bin/node'), ['src/cli/admin.ts', 'consultation', ...args], { cwd: root, env: { ...process.env, ...(postgresCluster ? { DATABASE_URL: path } : { DATABASE_PATH: path }) }, encoding: 'utf8' });

  it('creates, opens, closes, assigns and lists a consultation; refusals exit 1 with the reason', async () => {
    const { db, path } = await seededDatabase();
    const created = cli(path, 'create', '--slug', 'cli-posvet', '--title', 'Posvet iz ukazne vrstice', '--short-title', 'CLI', '--case-number', '1/2026', '--description', 'Opis.');
    expect(created.status, created.stderr).toBe(0);
    expect((await findConsultation(db, 'cli-posvet'))).toMatchObject({ status: 'preparation', title: 'Posvet iz ukazne vrstice' });

    const again = cli(path, 'create', '--slug', 'cli-posvet', '--title', 'X', '--short-title', 'X', '--case-number', 'X', '--description', 'X');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(t.consultationAdmin.errors.slugTaken('cli-posvet'));

    const early = cli(path, 'close', 'cli-posvet');
    expect(early.status).toBe(1);
    expect(early.stderr).toContain(t.consultationAdmin.errors.transition(t.consultations.status.preparation, t.consultations.status.closed));

    expect(cli(path, 'open', 'cli-posvet').status).toBe(0);
    expect(cli(path, 'close', 'cli-posvet').status).toBe(0);
    expect((await findConsultation(db, 'cli-posvet'))!.status).toBe('closed');

    expect(cli(path, 'assign', 'cli-posvet', 'moderator@posvet.test').status).toBe(0);
    const notModerator = cli(path, 'assign', 'cli-posvet', 'bled@posvet.test');
    expect(notModerator.status).toBe(1);
    expect(notModerator.stderr).toContain(t.consultationAdmin.errors.notModerator);
    const id = (await findConsultation(db, 'cli-posvet'))!.id;
    expect((await consultationModerators(db, id)).map((m) => m.email)).toEqual(['moderator@posvet.test']);

    expect(cli(path, 'archive', 'cli-posvet').status).toBe(0);
    const list = cli(path, 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^cli-posvet\tclosed\tarchived\t/m);

    // Every change the operator made is in the audit log, with no user.
    const entries = await db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('target_type', '=', 'consultation').where('target_id', '=', String(id)).orderBy('id').execute();
    expect(entries).toEqual([
      { action: 'consultation.create', actor_user_id: null },
      { action: 'consultation.status', actor_user_id: null },
      { action: 'consultation.status', actor_user_id: null },
      { action: 'consultation.moderator.assign', actor_user_id: null },
      { action: 'consultation.archive', actor_user_id: null },
    ]);
  });

  it('refuses a malformed slug with the field named, and an unknown one', async () => {
    const { path } = await seededDatabase();
    const bad = cli(path, 'create', '--slug', 'Velike Črke', '--title', 'X', '--short-title', 'X', '--case-number', 'X', '--description', 'X');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`--slug: ${t.consultationAdmin.errors.slugInvalid}`);
    const unknown = cli(path, 'open', 'ni-ga');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(t.consultationAdmin.errors.notFound);
  });
});
