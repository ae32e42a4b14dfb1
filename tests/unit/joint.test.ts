import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import { windowLookup, type ConsultationWindow } from '../../src/lib/server/comments/consultation-window.ts';
import type { CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { answerJointPosition, jointAnswersAwaited, nextJointDeadline } from '../../src/lib/server/comments/joint.ts';
import { describeJoint, jointDeadline, jointStanding, type JointMember } from '../../src/lib/server/comments/joint-standing.ts';
import { openDataCsv, OPEN_DATA_COLUMNS, toOpenDataItem } from '../../src/lib/server/comments/open-data.ts';
import { organisationRecord } from '../../src/lib/server/comments/organisation-record.ts';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { STATUS_OF } from '../../src/lib/server/web/form-handling.ts';
import { actorFor, consultationId, postgresCluster, tempDatabase } from './helpers.ts';

/*
 * Joint positions: the deadline, the municipalities asked, their answers until the deadline (with
 * the audit entry and the association told), and what the position says before and after.
 */

const sl = dictionary();
const DS2030 = 1;
const window: ConsultationWindow = {
  consultationId: DS2030,
  consultationStatus: 'open',
  versionId: 'osnutek-1',
  label: 'Osnutek 1',
  opensAt: new Date('2026-11-01T08:00:00Z'),
  closesAt: new Date('2027-01-31T23:00:00Z'),
  lastDay: new Date('2027-01-31T22:59:00Z'),
};
const windows = windowLookup([window]);
/** Submitted at; the deadline is seven days later (JOINT_DEADLINE_DAYS' default). */
const submitted = new Date('2026-12-01T10:00:00Z');
const deadline = new Date('2026-12-08T10:00:00Z');
const before = new Date('2026-12-05T09:00:00Z');
const afterDeadline = new Date('2026-12-09T09:00:00Z');

const anchor: CommentAnchor = {
  window,
  scope: 'block',
  chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
  block: { key: 'cilji-2030', number: '2.3', fingerprint: 'abc', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
};

/** Accounts and the directory, no demo comments; a member for Maribor and Kranj (and a disabled one in Kranj). */
async function database(): Promise<Db> {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  await db.deleteFrom('comments').execute();
  await db.deleteFrom('mail_outbox').execute();
  if ((await consultationId(db, 'ds2030')) !== DS2030) throw new Error('the window of this file expects DS 2030 to be consultation 1');
  const org = async (name: string) => (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const users = [
    { email: 'maribor@posvet.test', name: 'Maja Maribor', organisation_id: await org('Mestna občina Maribor'), role: 'org_admin' as const, status: 'active' as const },
    { email: 'kranj@posvet.test', name: 'Klemen Kranj', organisation_id: await org('Mestna občina Kranj'), role: 'member' as const, status: 'active' as const },
    { email: 'kranj-nekdanji@posvet.test', name: 'Karel Nekdanji', organisation_id: await org('Mestna občina Kranj'), role: 'member' as const, status: 'disabled' as const },
  ];
  await db.insertInto('users').values(users.map((u) => ({ ...u, password_hash: 'x', disabled_by_role: null }))).execute();
  return db;
}


/** ZMOS submits a joint position naming Ljubljana, Maribor and Kranj. */
async function jointPosition(db: Db, at = submitted, on: CommentAnchor = anchor) {
  const zmos = await actorFor(db, 'zmos@posvet.test');
  const named = await Promise.all(['ljubljana', 'maribor', 'kranj'].map(async (who) => (await actorFor(db, `${who}@posvet.test`)).organisationId));
  const saved = await saveComment(db, zmos, on, { kind: 'comment', body: 'Skupno stališče mestnih občin: gradnjo naj vodijo občine.', onBehalfOf: named }, 'submit', {
    now: at,
    baseUrl: 'https://posvet.example',
  });
  if (!saved.ok) throw new Error('not submitted');
  return saved.value.id;
}

const refusal = (result: Result) => (result.ok ? undefined : { status: STATUS_OF[result.error.code], message: result.error.message?.(sl) });
const mails = (db: Db) => db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text']).orderBy('id').execute();
const audits = (db: Db, id: number) =>
  db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('target_id', '=', String(id)).where('action', 'like', 'joint.%').orderBy('id').execute();

describe('the deadline', () => {
  it('is JOINT_DEADLINE_DAYS after submission, but never after the window closes', () => {
    const closes = new Date('2027-01-31T23:00:00Z');
    expect(jointDeadline(new Date('2026-12-01T10:00:00Z'), closes, 7).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(jointDeadline(new Date('2026-12-01T10:00:00Z'), closes, 14).toISOString()).toBe('2026-12-15T10:00:00.000Z');
    // Three days before the window closes: the window's close is the deadline.
    expect(jointDeadline(new Date('2027-01-28T23:00:00Z'), closes, 7).toISOString()).toBe(closes.toISOString());
  });

  it('is stored on submission; drafts and other comments have none', async () => {
    const db = await database();
    const id = await jointPosition(db);
    const late = await jointPosition(db, new Date('2027-01-30T12:00:00Z'));
    const bled = await saveComment(db, await actorFor(db, 'bled@posvet.test'), anchor, { kind: 'comment', body: 'Navadna pripomba.' }, 'submit', { now: submitted });
    const draft = await saveComment(db, await actorFor(db, 'zmos@posvet.test'), anchor, { kind: 'comment', body: 'Osnutek.', onBehalfOf: [(await actorFor(db, 'ljubljana@posvet.test')).organisationId] }, 'draft', { now: submitted });
    if (!bled.ok || !draft.ok) throw new Error('not saved');
    const deadlines = Object.fromEntries((await db.selectFrom('comments').select(['id', 'joint_deadline']).execute()).map((c) => [c.id, c.joint_deadline]));
    expect(deadlines).toEqual({ [id]: deadline.toISOString(), [late]: window.closesAt.toISOString(), [bled.value.id]: null, [draft.value.id]: null });
  });
});

describe('asking the named municipalities', () => {
  it('queues a mail to every active member of each named municipality, in the submitting transaction', async () => {
    const db = await database();
    const id = await jointPosition(db);
    const asked = (await mails(db)).filter((m) => m.subject.includes('čaka na odgovor'));
    expect(asked.map((m) => m.to_address).sort()).toEqual(['kranj@posvet.test', 'ljubljana@posvet.test', 'maribor@posvet.test']);
    const [toKranj] = asked.filter((m) => m.to_address === 'kranj@posvet.test');
    expect(toKranj.subject).toBe(`Skupno stališče (pripomba št. ${id}) čaka na odgovor vaše občine – Posvet`);
    expect(toKranj.body_text).toMatch(/^Spoštovani,\n\n/);
    expect(toKranj.body_text).toContain(
      `organizacija Združenje mestnih občin Slovenije je v javnem posvetovanju „Digitalna Slovenija 2030 – vmesni pregled“ oddala pripombo št. ${id} k odstavku 2.3 poglavja „Gigabitna infrastruktura“ kot skupno stališče in v njem navedla tudi vašo občino (Mestna občina Kranj).`,
    );
    expect(toKranj.body_text).toContain('Skupno stališče mestnih občin: gradnjo naj vodijo občine.');
    // The deadline in Ljubljana time, and where to answer.
    expect(toKranj.body_text).toContain('Potrdite ali zavrnite ga lahko do 8.\u00A012.\u00A02026 11.00 na strani pripomb vaše organizacije:\nhttps://posvet.example/organizacija/pripombe');
    expect(toKranj.body_text).toMatch(/Ministrstvo za digitalno preobrazbo\nMasarykova cesta 16, 1000 Ljubljana$/);
    // Nobody is asked to reply to the mail.
    expect(toKranj.body_text).not.toMatch(/odgovorite na (to )?sporočilo|pišite nam/i);
  });

  it('asks nobody if the submission fails', async () => {
    const db = await database();
    const zmos = await actorFor(db, 'zmos@posvet.test');
    const bled = await actorFor(db, 'bled@posvet.test');
    const refused = await saveComment(db, zmos, anchor, { kind: 'comment', body: 'Skupno.', onBehalfOf: [bled.organisationId] }, 'submit', { now: submitted });
    expect(refused.ok).toBe(false);
    expect(await mails(db)).toEqual([]);
  });
});

describe('answering', () => {
  it('before the deadline: stored, audited, and the association told who answered what and how many are still open', async () => {
    const db = await database();
    const id = await jointPosition(db);
    await db.deleteFrom('mail_outbox').execute();
    const kranj = await actorFor(db, 'kranj@posvet.test');
    expect((await answerJointPosition(db, kranj, id, 'confirmed', windows, before, 'https://posvet.example')).ok).toBe(true);
    expect(await db.selectFrom('joint_position_members').select(['status', 'responded_at', 'responded_by']).where('comment_id', '=', id).where('organisation_id', '=', kranj.organisationId).executeTakeFirst()).toEqual({
      status: 'confirmed',
      responded_at: before.toISOString(),
      responded_by: kranj.id,
    });
    expect(await audits(db, id)).toEqual([
      {
        action: 'joint.confirmed',
        before_json: JSON.stringify({ organisationId: kranj.organisationId, answer: 'pending' }),
        after_json: JSON.stringify({ organisationId: kranj.organisationId, answer: 'confirmed' }),
      },
    ]);
    const told = await mails(db);
    expect(told.map((m) => m.to_address)).toEqual(['zmos@posvet.test']);
    expect(told[0].subject).toBe(`Mestna občina Kranj: potrditev skupnega stališča (pripomba št. ${id}) – Posvet`);
    expect(told[0].body_text).toContain(`Mestna občina Kranj je potrdila skupno stališče, ki ste ga v javnem posvetovanju „Digitalna Slovenija 2030 – vmesni pregled“ oddali kot pripombo št. ${id} k odstavku 2.3 poglavja „Gigabitna infrastruktura“.`);
    expect(told[0].body_text).toContain('Odgovori doslej – potrdile: 1, zavrnile: 0, še brez odgovora: 2.\nŠe nista odgovorili 2 občini; rok za odgovor je 8.\u00A012.\u00A02026 11.00.');
    expect(told[0].body_text).toContain(`https://posvet.example/pripombe/${id}`);

    // Changed before the deadline: declined now; audited again, told again.
    expect((await answerJointPosition(db, kranj, id, 'declined', windows, before, 'https://posvet.example')).ok).toBe(true);
    expect((await audits(db, id)).map((a) => [a.action, JSON.parse(a.before_json!).answer, JSON.parse(a.after_json!).answer])).toEqual([
      ['joint.confirmed', 'pending', 'confirmed'],
      ['joint.declined', 'confirmed', 'declined'],
    ]);
    expect((await mails(db)).map((m) => m.subject)).toEqual([told[0].subject, `Mestna občina Kranj: zavrnitev skupnega stališča (pripomba št. ${id}) – Posvet`]);
    // The same answer again changes nothing: no entry, no mail.
    expect((await answerJointPosition(db, kranj, id, 'declined', windows, before)).ok).toBe(true);
    expect(await audits(db, id)).toHaveLength(2);
    expect(await mails(db)).toHaveLength(2);
  });

  it('when the last one answers, the association reads that all have', async () => {
    const db = await database();
    const id = await jointPosition(db);
    for (const who of ['ljubljana', 'maribor']) expect((await answerJointPosition(db, await actorFor(db, `${who}@posvet.test`), id, 'confirmed', windows, before)).ok).toBe(true);
    expect((await answerJointPosition(db, await actorFor(db, 'kranj@posvet.test'), id, 'declined', windows, before)).ok).toBe(true);
    const last = (await mails(db)).at(-1)!;
    expect(last.body_text).toContain('Odgovori doslej – potrdile: 2, zavrnile: 1, še brez odgovora: 0.\nOdgovorile so vse navedene občine.');
  });

  it('after the deadline: refused with the deadline, nothing stored, audited or mailed', async () => {
    const db = await database();
    const id = await jointPosition(db);
    await db.deleteFrom('mail_outbox').execute();
    const kranj = await actorFor(db, 'kranj@posvet.test');
    for (const answer of ['confirmed', 'declined'] as const) {
      expect(refusal(await answerJointPosition(db, kranj, id, answer, windows, afterDeadline))).toEqual({
        status: 422,
        message: 'Rok za odgovor na to skupno stališče je potekel 8.\u00A012.\u00A02026 11.00; odgovora ni več mogoče oddati ali spremeniti.',
      });
    }
    // At the very moment of the deadline it is already over.
    expect(refusal(await answerJointPosition(db, kranj, id, 'confirmed', windows, deadline))).toMatchObject({ status: 422 });
    expect(await db.selectFrom('joint_position_members').select(['status', 'responded_at']).where('comment_id', '=', id).execute()).toEqual([
      { status: 'pending', responded_at: null },
      { status: 'pending', responded_at: null },
      { status: 'pending', responded_at: null },
    ]);
    expect(await audits(db, id)).toEqual([]);
    expect(await mails(db)).toEqual([]);
  });

  it('after the window closes (and with the consultation closed): refused as well', async () => {
    const db = await database();
    const id = await jointPosition(db);
    const kranj = await actorFor(db, 'kranj@posvet.test');
    const closed = windowLookup([{ ...window, consultationStatus: 'closed' }]);
    expect(refusal(await answerJointPosition(db, kranj, id, 'confirmed', closed, before))).toMatchObject({ status: 422 });
    expect(refusal(await answerJointPosition(db, kranj, id, 'confirmed', windows, new Date('2027-02-01T10:00:00Z')))).toMatchObject({ status: 422 });
    expect(await audits(db, id)).toEqual([]);
  });

  it('by a municipality it does not name, by a role that does not comment, or on a comment that does not exist: refused, nothing learnt', async () => {
    const db = await database();
    const id = await jointPosition(db);
    await db.deleteFrom('mail_outbox').execute();
    const bled = await actorFor(db, 'bled@posvet.test');
    const moderator = await actorFor(db, 'moderator@posvet.test');
    const kranj = await actorFor(db, 'kranj@posvet.test');
    // Not named: forbidden, also after the deadline (the deadline would tell something about the comment).
    expect(refusal(await answerJointPosition(db, bled, id, 'confirmed', windows, before))).toMatchObject({ status: 403 });
    expect(refusal(await answerJointPosition(db, bled, id, 'confirmed', windows, afterDeadline))).toMatchObject({ status: 403 });
    expect(refusal(await answerJointPosition(db, moderator, id, 'confirmed', windows, before))).toMatchObject({ status: 403 });
    expect(refusal(await answerJointPosition(db, kranj, 999_999, 'confirmed', windows, before))).toMatchObject({ status: 403 });
    expect(await audits(db, id)).toEqual([]);
    expect(await mails(db)).toEqual([]);
  });

  it('on a withdrawn position: refused', async () => {
    const db = await database();
    const id = await jointPosition(db);
    await db.updateTable('comments').set({ state: 'withdrawn', withdrawn_at: before.toISOString() }).where('id', '=', id).execute();
    expect(refusal(await answerJointPosition(db, await actorFor(db, 'kranj@posvet.test'), id, 'confirmed', windows, before))).toMatchObject({ status: 403 });
  });
});

describe('what a joint position says', () => {
  const member = (shortName: string, status: JointMember['status']): JointMember => ({ name: `Mestna občina ${shortName}`, shortName, code: shortName, status });
  const five = [member('Kranj', 'confirmed'), member('Bled', 'confirmed'), member('Murska Sobota', 'declined'), member('Bohinj', 'confirmed'), member('Celje', 'pending')];

  it('while a named municipality may still answer: being agreed, with the deadline', () => {
    const standing = jointStanding(five, deadline, before);
    expect(standing.state).toBe('coordinating');
    expect(describeJoint(sl, 'ZMOS', standing)).toEqual({
      headline: 'Skupno stališče v usklajevanju – odgovorile 4 od 5 navedenih občin, rok 8.\u00A012.\u00A02026',
      lists: [
        { label: 'Potrdile', names: ['Bled', 'Bohinj', 'Kranj'] },
        { label: 'Zavrnila', names: ['Murska Sobota'] },
        { label: 'Še ni odgovorila', names: ['Celje'] },
      ],
      line: 'Skupno stališče v usklajevanju – odgovorile 4 od 5 navedenih občin, rok 8. 12. 2026; Potrdile: Bled, Bohinj, Kranj; Zavrnila: Murska Sobota; Še ni odgovorila: Celje',
    });
  });

  it('once all have answered, before the deadline: for those who confirmed', () => {
    const all = five.map((m) => (m.status === 'pending' ? { ...m, status: 'declined' as const } : m));
    const text = describeJoint(sl, 'ZMOS', jointStanding(all, deadline, before));
    expect(text.headline).toBe('ZMOS v imenu 3 od 5 navedenih občin: Bled, Bohinj, Kranj');
    expect(text.lists).toEqual([{ label: 'Zavrnili', names: ['Celje', 'Murska Sobota'] }]);
  });

  it('after the deadline with answers missing: for those who confirmed; decliners and non-answers apart', () => {
    const standing = jointStanding(five, deadline, afterDeadline);
    expect(standing.state).toBe('agreed');
    const text = describeJoint(sl, 'ZMOS', standing);
    expect(text.headline).toBe('ZMOS v imenu 3 od 5 navedenih občin: Bled, Bohinj, Kranj');
    expect(text.lists).toEqual([
      { label: 'Zavrnila', names: ['Murska Sobota'] },
      { label: 'Ni odgovorila', names: ['Celje'] },
    ]);
    // Nobody confirmed: it speaks for nobody.
    const none = describeJoint(sl, 'ZMOS', jointStanding([member('Bled', 'pending'), member('Kranj', 'declined')], deadline, afterDeadline));
    expect(none.headline).toBe('ZMOS: skupnega stališča ni potrdila nobena od 2 navedenih občin');
    expect(none.lists).toEqual([
      { label: 'Zavrnila', names: ['Kranj'] },
      { label: 'Ni odgovorila', names: ['Bled'] },
    ]);
  });

  it('sorts the names as Slovenian sorts (č after c, š after s, ž after z)', () => {
    const names = ['Žalec', 'Celje', 'Šentjur', 'Črnomelj', 'Sevnica', 'Zagorje'].map((n) => member(n, 'confirmed'));
    expect(jointStanding(names, deadline, afterDeadline).confirmed.map((m) => m.shortName)).toEqual(['Celje', 'Črnomelj', 'Sevnica', 'Šentjur', 'Zagorje', 'Žalec']);
  });

  it('is settled when the ministry has closed the consultation, whatever the deadline', () => {
    expect(jointStanding(five, deadline, before, false).state).toBe('agreed');
  });

  it('the public list, the report and the open data read the same standing — one query for all members', async () => {
    const db = await database();
    const id = await jointPosition(db);
    await answerJointPosition(db, await actorFor(db, 'kranj@posvet.test'), id, 'confirmed', windows, before);
    await answerJointPosition(db, await actorFor(db, 'ljubljana@posvet.test'), id, 'declined', windows, before);
    const [during] = await listPublicComments(db, { consultationId: DS2030, now: before });
    expect(during.joint).toMatchObject({ state: 'coordinating', named: 3 });
    expect(toOpenDataItem(during, 'https://posvet.example').jointPosition).toEqual({
      state: 'coordinating',
      deadline: deadline.toISOString(),
      confirmed: [{ name: 'Mestna občina Kranj', code: '52' }],
      declined: [{ name: 'Mestna občina Ljubljana', code: '61' }],
      noAnswer: [{ name: 'Mestna občina Maribor', code: '70' }],
    });

    const [afterwards] = await listPublicComments(db, { consultationId: DS2030, now: afterDeadline });
    const item = toOpenDataItem(afterwards, 'https://posvet.example');
    expect(item.jointPosition).toMatchObject({ state: 'agreed', confirmed: [{ name: 'Mestna občina Kranj', code: '52' }], noAnswer: [{ name: 'Mestna občina Maribor', code: '70' }] });
    expect(describeJoint(sl, afterwards.organisation.shortName, afterwards.joint!).headline).toBe('ZMOS v imenu 1 od 3 navedenih občin: Kranj');

    // The CSV: the same fields, flattened.
    const [header, row] = openDataCsv([item], sl.comments.openData).replace('\uFEFF', '').trim().split('\r\n');
    const values = row.slice(1, -1).split('","').map((cell) => cell.replaceAll('""', '"'));
    const cells = Object.fromEntries(OPEN_DATA_COLUMNS.map((column, i) => [column, values[i]]));
    expect(header).toContain('"jointState","jointDeadline","jointConfirmed","jointDeclined","jointNoAnswer"');
    expect([cells.jointState, cells.jointDeadline, cells.jointConfirmed, cells.jointDeclined, cells.jointNoAnswer]).toEqual([
      'agreed',
      deadline.toISOString(),
      'Mestna občina Kranj',
      'Mestna občina Ljubljana',
      'Mestna občina Maribor',
    ]);

    // Any other comment: no joint position.
    const bled = await saveComment(db, await actorFor(db, 'bled@posvet.test'), anchor, { kind: 'comment', body: 'Navadna.' }, 'submit', { now: submitted });
    if (!bled.ok) throw new Error('not submitted');
    const [plain] = await listPublicComments(db, { consultationId: DS2030, ids: [bled.value.id] });
    expect(plain.joint).toBeNull();
    expect(toOpenDataItem(plain, 'https://posvet.example').jointPosition).toBeNull();
  });
});

describe('the badge and the page cache', () => {
  it('counts the positions waiting for the municipality: pending, before the deadline, the comment submitted, the consultation open', async () => {
    const db = await database();
    const first = await jointPosition(db);
    await jointPosition(db);
    const kranj = await actorFor(db, 'kranj@posvet.test');
    expect(await jointAnswersAwaited(db, kranj.organisationId, before)).toBe(2);
    await answerJointPosition(db, kranj, first, 'confirmed', windows, before);
    expect(await jointAnswersAwaited(db, kranj.organisationId, before)).toBe(1);
    expect(await jointAnswersAwaited(db, kranj.organisationId, afterDeadline)).toBe(0);
    expect(await jointAnswersAwaited(db, (await actorFor(db, 'bled@posvet.test')).organisationId, before)).toBe(0);
    await db.updateTable('consultations').set({ status: 'closed' }).where('id', '=', DS2030).execute();
    expect(await jointAnswersAwaited(db, kranj.organisationId, before)).toBe(0);
  });

  const badgeQuery = `select count(*) from joint_position_members j join comments c on c.id = j.comment_id join consultations k on k.id = c.consultation_id
      where j.organisation_id = 5 and j.status = 'pending' and c.state = 'submitted' and c.joint_deadline > '2026' and k.status = 'open'`;

  it.skipIf(postgresCluster)('the query behind the badge uses the index on the municipality’s answers (SQLite: its plan)', async () => {
    const db = await database();
    const { sql } = await import('kysely');
    const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(badgeQuery)}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/joint_position_members_organisation/);
  });

  // PostgreSQL chooses by statistics: on a test database's few rows a sequential scan is cheaper, and
  // it would plan one. With sequential scans priced out, the plan shows the index can serve the query
  // — the promise that matters at a million rows, where the statistics choose it on their own.
  it.runIf(postgresCluster)('the query behind the badge uses the index on the municipality’s answers (PostgreSQL: its plan)', async () => {
    const db = await database();
    const { sql } = await import('kysely');
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(badgeQuery)}`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/joint_position_members_organisation/);
  });

  it('the next deadline of a position still waiting for an answer bounds the public pages’ cache', async () => {
    const db = await database();
    expect(await nextJointDeadline(db, before)).toBe(Infinity);
    const id = await jointPosition(db);
    expect(await nextJointDeadline(db, before)).toBe(deadline.getTime());
    for (const who of ['ljubljana', 'maribor', 'kranj']) await answerJointPosition(db, await actorFor(db, `${who}@posvet.test`), id, 'confirmed', windows, before);
    // Everyone answered: nothing changes at the deadline.
    expect(await nextJointDeadline(db, before)).toBe(Infinity);
  });
});

describe('the organisation’s record', () => {
  it('a municipality: positions waiting for its answer first; answered ones apart; its own comments with their state', async () => {
    const db = await database();
    const waiting = await jointPosition(db);
    const answered = await jointPosition(db);
    const kranj = await actorFor(db, 'kranj@posvet.test');
    await answerJointPosition(db, kranj, answered, 'declined', windows, before);
    const record = await organisationRecord(db, { id: kranj.organisationId, kind: 'municipality' }, windows, before);
    expect(record.joint!.awaiting.map((j) => [j.id, j.status, j.open])).toEqual([[waiting, 'pending', true]]);
    expect(record.joint!.others.map((j) => [j.id, j.status, j.open])).toEqual([[answered, 'declined', true]]);
    expect(record.joint!.awaiting[0].deadline).toEqual(deadline);
    const later = await organisationRecord(db, { id: kranj.organisationId, kind: 'municipality' }, windows, afterDeadline);
    expect(later.joint!.awaiting).toEqual([]);
    expect(later.joint!.others.map((j) => [j.id, j.open]).sort()).toEqual([
      [waiting, false],
      [answered, false],
    ].sort());
  });

  it('each own comment: draft, received, in review, the published stance only, withdrawn with its reason, hidden with why; a joint position with its standing', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const save = async (body: string, intent: 'draft' | 'submit' = 'submit') => {
      const saved = await saveComment(db, bled, anchor, { kind: 'comment', body }, intent, { now: submitted });
      if (!saved.ok) throw new Error('not saved');
      return saved.value.id;
    };
    const draft = await save('Osnutek.', 'draft');
    const received = await save('Prejeta.');
    const inReview = await save('V obravnavi.');
    const drafted = await save('Stališče v pripravi.');
    const published = await save('Stališče objavljeno.');
    const withdrawn = await save('Umaknjena.');
    const hidden = await save('Skrita.');
    await db.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', inReview).execute();
    // A stance drafted (not published): the record says "in review", never the stance or its text.
    await db.insertInto('stances').values({ comment_id: drafted, status: 'rejected', response: 'Osnutek obrazložitve.', state: 'approved', drafted_at: before.toISOString() }).execute();
    await db.updateTable('comments').set({ moderation_status: 'partially_accepted', response: 'Upoštevano deloma.' }).where('id', '=', published).execute();
    await db.updateTable('comments').set({ state: 'withdrawn', withdrawn_at: before.toISOString(), withdrawal_reason: 'Podvojeno.' }).where('id', '=', withdrawn).execute();
    await db.updateTable('comments').set({ hidden: 1, hidden_reason: 'offensive' }).where('id', '=', hidden).execute();

    const record = await organisationRecord(db, { id: bled.organisationId, kind: 'municipality' }, windows, before);
    const state = Object.fromEntries(record.comments.map((c) => [c.id, c.record]));
    expect(state).toEqual({
      [draft]: { kind: 'draft' },
      [received]: { kind: 'received' },
      [inReview]: { kind: 'in_review' },
      [drafted]: { kind: 'in_review' },
      [published]: { kind: 'stance', status: 'partially_accepted', response: 'Upoštevano deloma.' },
      [withdrawn]: { kind: 'withdrawn', at: before.toISOString(), reason: 'Podvojeno.' },
      [hidden]: { kind: 'received' },
    });
    expect(JSON.stringify(record)).not.toContain('Osnutek obrazložitve.');
    expect(Object.fromEntries(record.comments.map((c) => [c.id, c.hiddenReason]))).toMatchObject({ [hidden]: 'offensive', [received]: null });

    // The association sees its joint position's standing.
    const id = await jointPosition(db);
    const zmos = await actorFor(db, 'zmos@posvet.test');
    const own = await organisationRecord(db, { id: zmos.organisationId, kind: 'association' }, windows, afterDeadline);
    expect(own.joint).toBeUndefined();
    expect(own.shortName).toBe('ZMOS');
    expect(own.comments.find((c) => c.id === id)!.joint).toMatchObject({ state: 'agreed', named: 3 });
  });
});
