import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import { actionLabel, actionOptions, changeText, describeChanges, readableEntry, shorten, type AuditRecord } from '../../src/lib/audit-text.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { withdrawComment } from '../../src/lib/server/comments/commands.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { findVersion } from '../../src/lib/server/content/content.ts';
import { endOtherSessions } from '../../src/lib/server/accounts/password-change.ts';
import { exportPersonalData, recordPersonalDataExport } from '../../src/lib/server/accounts/personal-data/export.ts';
import { addNote } from '../../src/lib/server/moderation/annotate.ts';
import { assign } from '../../src/lib/server/moderation/bulk.ts';
import { draftStance } from '../../src/lib/server/moderation/stances.ts';
import { consultationOfComment, moderationPage } from '../../src/lib/server/moderation/detail.ts';
import { setHidden } from '../../src/lib/server/moderation/hide.ts';
import { AUDIT_CSV_PAGE, auditCsv, listAudit, recordAudit } from '../../src/lib/server/platform/audit.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { readAuditQuery } from '../../src/lib/server/web/audit/log-page.ts';
import { parseCsv } from '../support/spreadsheets.ts';
import { consultationId, seededDatabase, userId } from './helpers.ts';

const t = dictionary();
const IP = '192.0.2.7';
const BASE = 'https://posvet.test';

async function actor(db: Db, email: string): Promise<CommentActor> {
  const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
  return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
}

/** Občina Bled submits a comment on a paragraph of DS 2030's Osnutek 2, its window open. */
async function submitted(db: Db, body: string) {
  const ds = await consultationId(db, 'ds2030');
  const anchor: CommentAnchor = {
    window: { consultationId: ds, consultationStatus: 'open', versionId: 'osnutek-2', opensAt: new Date('2026-11-16T08:00:00Z'), closesAt: new Date('2027-01-15T23:00:00Z'), lastDay: new Date('2027-01-15T22:59:00Z') },
    scope: 'block',
    chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
    block: { key: 'cilji-gigabit-2030', number: '2.3', fingerprint: 'f', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
  };
  const bled = await actor(db, 'bled@posvet.test');
  const outcome = await saveComment(db, bled, anchor, { kind: 'comment', body }, 'submit', { now: new Date('2026-12-01T10:00:00Z') });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return { id: outcome.value.id, bled, anchor };
}

const entry = (action: string, before: unknown, after: unknown, target: Partial<AuditRecord> = {}): AuditRecord => ({
  action,
  target_type: 'comment',
  target_id: '5',
  before_json: before === undefined ? null : JSON.stringify(before),
  after_json: after === undefined ? null : JSON.stringify(after),
  ...target,
});

/** Every action code written by the source: `action: '…'` and the two branches of `action: x ? '…' : '…'`. */
function actionsInSource(): string[] {
  const root = join(import.meta.dirname, '../../src/lib/server');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  const found = new Set<string>();
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action: (?:[\w.]+ (?:===? [^?]+)?\? )?'([a-z_.]+)'(?: : '([a-z_.]+)')?/g)) {
      found.add(m[1]);
      if (m[2]) found.add(m[2]);
    }
    for (const m of text.matchAll(/changeEach\([^,]+, [^,]+, [^,]+, '([a-z_.]+)'/g)) found.add(m[1]);
  }
  return [...found].filter((a) => a.includes('.') || a === 'logout');
}

describe('the audit log in words', () => {
  it('names every action recorded anywhere, and those of the record work, in Slovenian', () => {
    const recorded = actionsInSource();
    expect(recorded).toEqual(expect.arrayContaining(['comment.submitted', 'comment.hidden', 'user.role_changed', 'two_factor.reset', 'consultation.status', 'comment.assigned', 'personal_data.exported']));
    const coming = ['comment.withdrawn', 'comment.supported', 'comment.support_withdrawn', 'joint.confirmed', 'joint.declined', 'stance.drafted', 'stance.returned', 'stance.approved', 'stance.published', 'comment.hidden', 'comment.shown', 'template.created', 'template.updated', 'template.deleted'];
    for (const action of [...recorded, ...coming]) {
      const label = actionLabel(t, action);
      expect(label, action).not.toBe(action);
      expect(label, action).toMatch(/^[a-zčšž(]/);
    }
    expect(actionLabel(t, 'something.new')).toBe('something.new');
  });

  it('groups the filter by area, each action once, and puts actions no dictionary names under "Drugo"', () => {
    const groups = actionOptions(t, ['comment.hidden', 'legacy.thing']);
    expect(groups.map((g) => g.label)).toEqual(['Pripombe', 'Stališča', 'Predloge odgovorov', 'Teme', 'Računi in prijava', 'Dvostopenjska prijava', 'Organizacije', 'Posvetovanja', 'Drugo']);
    const values = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(values).size).toBe(values.length);
    expect(groups.at(-1)!.options).toEqual([{ value: 'legacy.thing', label: 'legacy.thing' }]);
  });

  it('says what changed field by field, „prej → potem“, with codes in words and never JSON', () => {
    const cases: Array<[AuditRecord, string]> = [
      [entry('comment.status_changed', { status: 'new' }, { status: 'in_review' }), 'Stanje: nova → v obravnavi'],
      [entry('comment.decided', { status: 'in_review', response: null }, { status: 'rejected', response: 'Ker ukrep 5.1 to že ureja.' }), 'Stanje: v obravnavi → ni upoštevana; Obrazložitev: – → Ker ukrep 5.1 to že ureja.'],
      [entry('comment.hidden', { hidden: false, reason: null }, { hidden: true, reason: 'offensive' }), 'Skrita: ne → da; Razlog: – → žaljiva vsebina'],
      [entry('comment.tags_set', ['a'], ['a', 'financiranje']), 'Oznake: a → a, financiranje'],
      [entry('comment.tagged', null, { tag: 'financiranje' }), 'Oznaka: financiranje'],
      [entry('user.role_changed', { role: 'member' }, { role: 'org_admin' }, { target_type: 'user' }), 'Vloga: član → skrbnik organizacije'],
      [entry('user.disabled', { status: 'active' }, { status: 'disabled' }, { target_type: 'user' }), 'Stanje: aktiven → onemogočen'],
      [entry('consultation.status', { status: 'open' }, { status: 'closed' }, { target_type: 'consultation' }), 'Stanje: Odprto → Zaključeno'],
      [entry('stance.approved', { state: 'drafted' }, { state: 'approved', status: 'noted' }), 'Stanje: predlog stališča → odobreno; Stališče: vzeta na znanje'],
      [entry('two_factor.failed', undefined, { during: 'login', kind: 'totp', reason: 'reused' }, { target_type: 'user' }), 'Pri: prijavi; Vrsta kode: koda iz aplikacije; Razlog: že uporabljena'],
      [entry('comment.recorded', undefined, { receivedVia: 'post', receivedOn: '2027-02-03', late: true }), 'Prejeta prek: pošta; Prejeta dne: 3. 2. 2027; Prejeta po roku: da'],
      [entry('comment.note_added', undefined, { noteId: 4 }), ''],
    ];
    for (const [e, text] of cases) {
      const said = changeText(t, e);
      expect(said, e.action).toBe(text);
      expect(said).not.toMatch(/[{}"]/);
    }
  });

  it('names people and organisations by the ids a change holds, and links what an entry is about', async () => {
    const { db } = await seededDatabase();
    const moderator = await userId(db, 'moderator@posvet.test');
    const bled = (await db.selectFrom('organisations').select(['id', 'slug']).where('code', '=', 'BLD').executeTakeFirst()) ?? (await db.selectFrom('organisations').select(['id', 'slug']).where('name', '=', 'Občina Bled').executeTakeFirstOrThrow());
    const ds = await consultationId(db, 'ds2030');
    await recordAudit(db, { actorUserId: moderator, action: 'comment.assigned', targetType: 'comment', targetId: 12, before: { assignee: null }, after: { assignee: moderator } });
    await recordAudit(db, { actorUserId: null, action: 'comment.recorded', targetType: 'comment', targetId: 13, after: { organisationId: bled.id } });
    await recordAudit(db, { actorUserId: moderator, action: 'user.role_changed', targetType: 'user', targetId: moderator, before: { role: 'member' }, after: { role: 'moderator' } });
    await recordAudit(db, { actorUserId: null, action: 'consultation.status', targetType: 'consultation', targetId: ds, before: { status: 'open' }, after: { status: 'closed' } });
    await recordAudit(db, { actorUserId: null, action: 'association.member_added', targetType: 'organisation', targetId: bled.id, after: { member: 'BLD' } });
    const log = await listAudit(db, { who: 'Marko' });
    const [role, assigned] = log.rows.map((r) => readableEntry(t, r, log.names));
    expect(assigned.changes.map((c) => `${c.before} → ${c.after}`)).toEqual(['nihče → Marko Moderator']);
    expect(assigned.target).toEqual({ text: 'pripomba št. 12', href: '/moderacija/pripombe/12' });
    expect(role.target?.text).toBe('oseba Marko Moderator');
    expect(role.target?.href).toMatch(/^\/admin\/organizacije\/[a-z0-9-]+$/);
    const all = await listAudit(db, {});
    const read = all.rows.map((r) => readableEntry(t, r, all.names));
    expect(read.find((r) => r.action === 'comment.recorded')!.changes[0]).toMatchObject({ label: 'Organizacija', after: 'Občina Bled' });
    expect(read.find((r) => r.action === 'consultation.status')!.target).toEqual({ text: 'posvetovanje Digitalna Slovenija 2030 – vmesni pregled', href: '/admin/posvetovanja/ds2030' });
    expect(read.find((r) => r.action === 'association.member_added')!.target).toEqual({ text: 'organizacija Občina Bled', href: `/admin/organizacije/${bled.slug}` });
    expect(read.find((r) => r.action === 'association.member_added')!.label).toBe('nova članica združenja');
  });

  it('shortens a long text in the row and keeps it whole for the reader who opens it', () => {
    const long = `${'Obrazložitev, ki je zelo dolga in pojasnjuje stališče do pripombe. '.repeat(5)}Konec.`;
    const [change] = describeChanges(t, entry('comment.decided', { response: null }, { response: long }));
    expect(change.long).toBe(true);
    expect(change.after).toBe(long);
    expect(shorten(long).length).toBeLessThanOrEqual(142);
    expect(shorten(long).endsWith(' …')).toBe(true);
    expect(shorten('kratko')).toBe('kratko');
  });
});

describe('the audit log page and its filters', () => {
  it('filters by who (part of an e-mail or a name), what, which comment and which days', async () => {
    const { db } = await seededDatabase();
    const moderator = await userId(db, 'moderator@posvet.test');
    const admin = await userId(db, 'admin@posvet.test');
    await recordAudit(db, { actorUserId: moderator, action: 'comment.tagged', targetType: 'comment', targetId: 41, after: { tag: 'a' } });
    await recordAudit(db, { actorUserId: admin, action: 'comment.tagged', targetType: 'comment', targetId: 42, after: { tag: 'b' } });
    await recordAudit(db, { actorUserId: admin, action: 'user.disabled', targetType: 'user', targetId: moderator });
    const ids = async (filter: Parameters<typeof listAudit>[1]) => (await listAudit(db, filter)).rows.map((r) => `${r.action} ${r.target_id}`);
    // (The demo data has the demo moderators' stances in the log too.)
    const by = async (who: string) => (await listAudit(db, { who })).rows;
    for (const who of ['moderator@posvet', 'marko']) {
      const rows = await by(who);
      expect(rows.map((r) => `${r.action} ${r.target_id}`)).toContain('comment.tagged 41');
      expect(rows.map((r) => `${r.action} ${r.target_id}`)).not.toContain('comment.tagged 42');
      expect(new Set(rows.map((r) => r.actor_email))).toEqual(new Set(['moderator@posvet.test']));
    }
    expect(await ids({ action: 'comment.tagged', who: 'admin@posvet.test' })).toEqual(['comment.tagged 42']);
    expect(await ids({ commentId: 41 })).toEqual(['comment.tagged 41']);
    expect(await ids({ who: '%' })).toEqual([]); // a wildcard is a character like any other
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(db, { from: today, action: 'user.disabled' })).total).toBe(1);
    expect((await listAudit(db, { to: '2020-01-01' })).total).toBe(0);
  });

  it('reads the filters as people type them and says which one is wrong', () => {
    const q = (params: Record<string, string>) => readAuditQuery(new URLSearchParams(params), ['legacy.thing'], t);
    expect(q({ pripomba: 'št. 12', od: '3. 2. 2027', do: '2027-02-05', dejanje: 'comment.hidden', izvajalec: ' Marko ' }).filter).toMatchObject({ commentId: 12, from: '2027-02-03', to: '2027-02-05', action: 'comment.hidden', who: 'Marko' });
    expect(q({ pripomba: '#7' }).filter.commentId).toBe(7);
    expect(q({ dejanje: 'legacy.thing' }).filter.action).toBe('legacy.thing');
    expect(q({ dejanje: 'no.such' }).filter.action).toBeUndefined();
    const wrong = q({ pripomba: 'dvanajst', od: '31. 2. 2027' });
    expect(wrong.errors).toEqual({ from: t.audit.dateInvalid, to: undefined, target: 'Vpišite številko pripombe, na primer 12.' });
    expect(wrong.filter.commentId).toBeUndefined();
    expect(wrong.shown.target).toBe('dvanajst');
  });

  it('stays append-only', async () => {
    const { db } = await seededDatabase();
    await recordAudit(db, { actorUserId: null, action: 'comment.tagged' });
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describe('the audit log as CSV', () => {
  it('is ;-separated with Slovenian headings, Ljubljana time and the readable change, read in pages however long the log is', async () => {
    const { db } = await seededDatabase();
    const moderator = await userId(db, 'moderator@posvet.test');
    const n = AUDIT_CSV_PAGE * 2 + 7;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await recordAudit(trx, { actorUserId: moderator, action: 'comment.status_changed', targetType: 'comment', targetId: 900 + (i % 3), before: { status: 'new' }, after: { status: 'in_review' }, ip: IP });
    });
    let text = '';
    let pieces = 0;
    for await (const piece of auditCsv(db, { action: 'comment.status_changed' }, t)) {
      text += piece;
      pieces++;
    }
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(pieces).toBe(1 + 3); // the heading, then three pages
    const rows = parseCsv(text.slice(1), ';');
    expect(rows[0]).toEqual(['Št. vpisa', 'Čas', 'Dejanje', 'Koda dejanja', 'Kdo', 'E-naslov', 'Predmet', 'Sprememba', 'Naslov IP']);
    expect(rows).toHaveLength(n + 1);
    const first = rows[1];
    expect(first.slice(2)).toEqual(['sprememba stanja obravnave', 'comment.status_changed', 'Marko Moderator', 'moderator@posvet.test', 'pripomba št. 900', 'Stanje: nova → v obravnavi', IP]);
    expect(first[1]).toMatch(/^\d{1,2}\. \d{1,2}\. \d{4} \d{1,2}\.\d{2}$/);
    const ids = rows.slice(1).map((r) => Number(r[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The same filters as the page: one comment only.
    let one = '';
    for await (const piece of auditCsv(db, { commentId: 901 }, t)) one += piece;
    expect(parseCsv(one.slice(1), ';').slice(1).every((r) => r[6] === 'pripomba št. 901')).toBe(true);
  });
});

describe('accounts in the log', () => {
  it('a download of one’s personal data and ending one’s other sessions are recorded', async () => {
    const { db } = await seededDatabase();
    const bled = await userId(db, 'bled@posvet.test');
    expect(await exportPersonalData(db, bled, t)).toBeDefined();
    await recordPersonalDataExport(db, bled, IP);
    await endOtherSessions(db, bled, undefined, IP);
    const actions = (await listAudit(db, { who: 'bled@posvet.test' })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['personal_data.exported', 'sessions.ended_others']));
  });
});

describe('a withdrawn comment on its moderation page', () => {
  it('is shown read-only with when and why it was withdrawn and its history; the commands still refuse it', async () => {
    const { db } = await seededDatabase();
    const { id, bled } = await submitted(db, 'Pripomba, ki jo občina umakne.');
    const moderator = await actor(db, 'moderator@posvet.test');
    await addNote(db, moderator, id, 'Preverimo pri sektorju.', IP);
    const windows = () => ({ consultationId: 0, consultationStatus: 'open' as const, versionId: 'osnutek-2', opensAt: new Date('2026-11-16T08:00:00Z'), closesAt: new Date('2027-01-15T23:00:00Z'), lastDay: new Date('2027-01-15T22:59:00Z') });
    const withdrawn = await withdrawComment(db, bled, id, { reason: 'Pripombo bomo oddali skupaj z ZMOS.' }, windows as never, { now: new Date('2026-12-03T09:15:00Z') });
    expect(withdrawn.ok).toBe(true);

    expect(await consultationOfComment(db, id)).toBe(await consultationId(db, 'ds2030'));
    const view = (await moderationPage(db, id, async (c) => findVersion(c.slug, 'osnutek-2')))!;
    expect(view.withdrawn).toBe(true);
    expect(view.comment).toMatchObject({ state: 'withdrawn', withdrawal_reason: 'Pripombo bomo oddali skupaj z ZMOS.', withdrawn_at: '2026-12-03T09:15:00.000Z', body: 'Pripomba, ki jo občina umakne.' });
    const history = view.history.rows.map((r) => readableEntry(t, r, view.history.names));
    expect(history.map((h) => h.label)).toEqual(expect.arrayContaining(['interna opomba', 'oddaja pripombe']));
    expect(history.at(-1)!.label).toBe('oddaja pripombe'); // newest first

    for (const result of [
      await draftStance(db, moderator, id, { status: 'noted', response: 'Hvala.' }, IP),
      await addNote(db, moderator, id, 'Še ena.', IP),
      await setHidden(db, moderator, id, { hidden: true, reason: 'spam' }, BASE, IP),
    ]) {
      expect(result.ok).toBe(false);
    }
    // Assigning answers how many it changed: none.
    await assign(db, moderator, id, moderator.id, IP);
    const after = await db.selectFrom('comments').select(['moderation_status', 'hidden', 'assignee_user_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toEqual({ moderation_status: 'new', hidden: 0, assignee_user_id: null });
  });

  it('a draft is still nobody’s to moderate', async () => {
    const { db } = await seededDatabase();
    const draft = await db.selectFrom('comments').select('id').where('state', '=', 'draft').executeTakeFirst();
    if (draft) expect(await consultationOfComment(db, draft.id)).toBeUndefined();
    expect(await consultationOfComment(db, 999_999)).toBeUndefined();
    expect(await moderationPage(db, 999_999, async () => undefined)).toBeUndefined();
  });
});

describe('the quote beside the current text', () => {
  it('shows the text the comment was written on and what became of the paragraph: unchanged, changed, removed', async () => {
    const { db } = await seededDatabase();
    const current = async () => findVersion('ds2030', 'osnutek-2');
    const anchors = await db.selectFrom('comment_anchors').select(['comment_id', 'status']).where('version_id', '=', 'osnutek-2').execute();
    for (const status of ['unchanged', 'changed', 'removed'] as const) {
      const anchor = anchors.find((a) => a.status === status);
      expect(anchor, status).toBeDefined();
      const view = (await moderationPage(db, anchor!.comment_id, current))!;
      expect(view.quote?.written.version).toBe('Osnutek 1');
      expect(view.quote?.written.text).toBe(view.comment.quote);
      expect(view.quote?.now?.version).toBe('Osnutek 2');
      expect(view.quote?.now?.status).toBe(status);
      if (status === 'removed') expect(view.quote?.now).toMatchObject({ block: null, text: null });
      else expect(view.quote?.now?.text).toBeTruthy();
      if (status === 'unchanged') expect(view.quote?.now?.text).toBe(view.comment.quote);
      if (status === 'changed') expect(view.quote?.now?.text).not.toBe(view.comment.quote);
    }
  });

  it('a comment on the current version has only its quote', async () => {
    const { db } = await seededDatabase();
    const { id } = await submitted(db, 'Pripomba k aktualnemu osnutku.');
    const view = (await moderationPage(db, id, async () => findVersion('ds2030', 'osnutek-2')))!;
    expect(view.quote).toEqual({ written: { version: 'Osnutek 2', block: '2.3', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' } });
  });
});
