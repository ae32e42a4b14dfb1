import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import type { z } from 'astro/zod';
import { dictionary, type Dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { addNote, setTags, tagsInput } from '../../src/lib/server/moderation/annotate.ts';
import { assign, bulkAction, bulkInput } from '../../src/lib/server/moderation/bulk.ts';
import { statistics } from '../../src/lib/server/moderation/statistics.ts';
import { consultationModerators } from '../../src/lib/server/consultations/moderators.ts';
import { moveComment, workflowInput } from '../../src/lib/server/moderation/decisions.ts';
import { draftStance } from '../../src/lib/server/moderation/stances.ts';
import { setHidden, visibilityInput } from '../../src/lib/server/moderation/hide.ts';
import { listQueue, parseQueueFilter } from '../../src/lib/server/moderation/queue.ts';
import { receivedInput, recordReceivedComment } from '../../src/lib/server/moderation/received.ts';
import { reportCsvOf, reportRowsNow } from './report-helpers.ts';
import { submitForm } from '../../src/lib/server/web/form-handling.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { organisationId, tempDatabase } from './helpers.ts';
import { publishStance } from './stance-helpers.ts';

/** A paragraph of a consultation's first draft, its window open from November to January. */
const anchorIn = (consultationId: number): CommentAnchor => ({
  window: {
    consultationId,
    consultationStatus: 'open',
    versionId: 'osnutek-1',
    opensAt: new Date('2026-11-01T08:00:00Z'),
    closesAt: new Date('2027-01-31T23:00:00Z'),
    lastDay: new Date('2027-01-31T22:59:00Z'),
  },
  scope: 'block',
  chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
  block: { key: 'cilji-gigabit-2030', number: '2.3', fingerprint: 'f', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
});
const BASE = 'https://posvet.test';
const IP = '192.0.2.1';

const sl = dictionary();

/** A form posted as the pages post it: validated with the use case's schema, then the command on the typed input. */
function viaForm<S extends z.ZodType, T>(schema: (t: Dictionary) => S, values: Record<string, string>, command: (input: z.infer<S>) => Promise<Result<T>>) {
  const request = new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values) });
  return submitForm({ request, locals: { t: sl } }, schema, command);
}

async function setup() {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  const actor = async (email: string): Promise<CommentActor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  const consultation = async (slug: string) => (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  // The demo moderator is assigned to DS 2030 only.
  const ds = await consultation('ds2030');
  const sdjs = await consultation('sdjs2030');
  const anchor = anchorIn(ds);
  const moderator = await actor('moderator@posvet.test');
  const admin = await actor('admin@posvet.test');
  // The second demo moderator of DS 2030: approves what the first drafts.
  const maja = await actor('moderatorka@posvet.test');
  /** Drafted by the moderator, approved by the second one, published by the administrator. */
  const hands = { drafter: moderator, reviewer: maja, admin };
  const bled = await actor('bled@posvet.test');
  const submit = async (body: string, who: CommentActor = bled, where: CommentAnchor = anchor) => {
    const outcome = await saveComment(db, who, where, { kind: 'comment', body }, 'submit', { now: new Date('2026-12-01T10:00:00Z') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    // The receipt mailed on submission (tests/unit/receipt.test.ts) is not what these tests count.
    await db.deleteFrom('mail_outbox').where('subject', 'like', 'Potrdilo o prejemu%').execute();
    return outcome.value.id;
  };
  /** A comment on the other consultation (SDJS 2030), which the demo moderator does not moderate. */
  const submitElsewhere = (body: string, who: CommentActor = bled) => submit(body, who, anchorIn(sdjs));
  return { db, actor, moderator, admin, maja, hands, bled, submit, submitElsewhere, ds, sdjs, anchor };
}

/** What was done to a comment after it was submitted (its submission is audited too). */
async function auditActions(db: Db, commentId: number) {
  return (
    await db.selectFrom('audit_log').select('action').where('target_type', '=', 'comment').where('target_id', '=', String(commentId)).where('action', '!=', 'comment.submitted').orderBy('id').execute()
  ).map((r) => r.action);
}

describe('the moderators’ own stage: nova and v obravnavi', () => {
  it('a comment moves between nova and v obravnavi, audited; a decision is never recorded this way', async () => {
    const { db, moderator, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    const move = (values: Record<string, string>) => viaForm(workflowInput, values, (input) => moveComment(db, moderator, id, input, IP));
    for (const status of ['rejected', 'accepted', 'bogus', '']) {
      const outcome = await move({ status });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors.status).toBe(sl.stances.errors.workflowOnly);
    }
    const status = async () => (await db.selectFrom('comments').select('moderation_status').where('id', '=', id).executeTakeFirstOrThrow()).moderation_status;
    expect(await status()).toBe('new');
    expect((await move({ status: 'in_review' })).ok).toBe(true);
    expect(await status()).toBe('in_review');
    expect((await move({ status: 'new' })).ok).toBe(true);
    expect(await status()).toBe('new');
    expect(await auditActions(db, id)).toEqual(['comment.status_changed', 'comment.status_changed']);
    expect(await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'bled@posvet.test').where('subject', 'like', 'Stališče%').execute()).toHaveLength(0);
  });

  it('a comment with a stance stays v obravnavi, and a published decision is not moved', async () => {
    const { db, moderator, hands, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    expect((await draftStance(db, moderator, id, { status: 'noted', response: 'Seznanjeni.' }, IP)).ok).toBe(true);
    expect(await moveComment(db, moderator, id, { status: 'new' }, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await db.selectFrom('comments').select('moderation_status').where('id', '=', id).executeTakeFirstOrThrow()).moderation_status).toBe('in_review');
    const published = await submit('Druga pripomba.');
    await publishStance(db, hands, published, 'accepted');
    for (const status of ['new', 'in_review'] as const) expect(await moveComment(db, moderator, published, { status }, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await db.selectFrom('comments').select('moderation_status').where('id', '=', published).executeTakeFirstOrThrow()).moderation_status).toBe('accepted');
  });
});

describe('decisions', () => {
  it('a published stance is public with its obrazložitev, audited with before and after, and mailed to the organisation', async () => {
    const { db, admin, hands, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    await publishStance(db, hands, id, 'rejected', 'Rok 2030 izhaja iz ciljev EU.');
    const [comment] = await listPublicComments(db, { ids: [id] });
    expect(comment).toMatchObject({ status: 'rejected', response: 'Rok 2030 izhaja iz ciljev EU.' });
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'stance.published').where('target_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: admin.id, target_id: String(id) });
    expect(JSON.parse(entry.before_json!)).toMatchObject({ status: 'in_review' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ status: 'rejected' });
    const mail = await db.selectFrom('mail_outbox').selectAll().where('subject', 'like', 'Stališče%').execute();
    expect(mail.map((m) => m.to_address)).toEqual(['bled@posvet.test']);
    expect(mail[0].subject).toContain(`št. ${id}`);
    expect(mail[0].body_text).toContain('Stališče: ni upoštevana.');
    expect(mail[0].body_text).toContain('Rok 2030 izhaja iz ciljev EU.');
  });

  it('only moderators and administrators draft stances', async () => {
    const { db, actor, submit } = await setup();
    const id = await submit('Besedilo');
    for (const email of ['bled@posvet.test', 'ljubljana@posvet.test']) {
      const outcome = await draftStance(db, await actor(email), id, { status: 'accepted', response: '' }, IP);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await db.selectFrom('stances').selectAll().where('comment_id', '=', id).execute()).toHaveLength(0);
    expect((await draftStance(db, await actor('admin@posvet.test'), id, { status: 'accepted', response: '' }, IP)).ok).toBe(true);
  });
});

describe('hiding', () => {
  it('a hidden comment disappears from every public list, its organisation is told, and it can come back', async () => {
    const { db, moderator, submit, ds } = await setup();
    const id = await submit('Žaljivo besedilo');
    const hide = (values: Record<string, string>) => viaForm(visibilityInput, values, (visibility) => setHidden(db, moderator, id, visibility, BASE, IP));
    expect((await hide({ intent: 'hide' })).ok).toBe(false);
    expect((await hide({ intent: 'hide', reason: 'offensive' })).ok).toBe(true);
    expect((await listPublicComments(db)).some((c) => c.id === id)).toBe(false);
    const reported = await reportRowsNow(db, ds, [{ slug: 'gigabitna-infrastruktura', number: 2, title: 'Gigabitna infrastruktura' }]);
    expect(reported.some((c) => c.commentId === id)).toBe(false);
    const mail = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Razlog: žaljiva vsebina.');
    // Moderators still find it in the queue.
    expect((await listQueue(db, ds, parseQueueFilter(new URLSearchParams('hidden=1')), moderator.id)).rows.map((r) => r.id)).toContain(id);
    expect((await hide({ intent: 'unhide' })).ok).toBe(true);
    expect((await listPublicComments(db)).some((c) => c.id === id)).toBe(true);
    expect(await auditActions(db, id)).toEqual(['comment.hidden', 'comment.unhidden']);
  });
});

describe('the queue', () => {
  it('filters, sorts and paginates on the server, never showing drafts or withdrawn comments', async () => {
    const { db, moderator, submit, bled, ds, anchor } = await setup();
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await submit(`Pripomba številka ${i} o optiki`));
    await saveComment(db, bled, anchor, { kind: 'comment', body: 'Osnutek o optiki' }, 'draft');
    const first = await listQueue(db, ds, parseQueueFilter(new URLSearchParams('text=optiki')), moderator.id);
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    const second = await listQueue(db, ds, parseQueueFilter(new URLSearchParams('text=optiki&page=2')), moderator.id);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id))).toEqual(new Set(ids));
    const zmos = await listQueue(db, ds, parseQueueFilter(new URLSearchParams('orgKind=association')), moderator.id);
    expect(zmos.rows.every((r) => r.organisation_kind === 'association')).toBe(true);
    // Absurd filter values are ignored rather than failing.
    const absurd = await listQueue(db, ds, parseQueueFilter(new URLSearchParams("status=x&page=-4&organisation=' OR 1=1--&block=abc")), moderator.id);
    expect(absurd.page).toBe(1);
  });

  it('bulk actions assign, tag and put in review, each audited; nothing selected is an error', async () => {
    const { db, moderator, submit, ds } = await setup();
    const a = await submit('Prva');
    const b = await submit('Druga');
    const bulk = (values: Record<string, string>) => viaForm(bulkInput, values, (input) => bulkAction(db, moderator, input, IP));
    const nothing = await bulk({ bulk: 'tag', tag: 'financiranje' });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(Object.values(nothing.errors)).toEqual(['Izberite vsaj eno pripombo.']);
    const tagged = await bulk({ bulk: 'tag', tag: 'financiranje', [`select.${a}`]: '1', [`select.${b}`]: '1' });
    expect(tagged).toMatchObject({ ok: true, value: 2 });
    const assigned = await bulk({ bulk: 'assign', assignee: String(moderator.id), [`select.${a}`]: '1' });
    expect(assigned).toMatchObject({ ok: true, value: 1 });
    const review = await bulk({ bulk: 'in_review', [`select.${a}`]: '1', [`select.${b}`]: '1' });
    expect(review).toMatchObject({ ok: true, value: 2 });
    const mine = await listQueue(db, ds, parseQueueFilter(new URLSearchParams('assignee=me&tag=financiranje&status=in_review')), moderator.id);
    expect(mine.rows.map((r) => r.id)).toEqual([a]);
    expect(await auditActions(db, a)).toEqual(['comment.tagged', 'comment.assigned', 'comment.status_changed']);
    expect((await bulk({ bulk: 'tag', tag: '<script>', [`select.${a}`]: '1' })).ok).toBe(false);
  });

  it('notes stay internal and tags can be replaced', async () => {
    const { db, moderator, submit } = await setup();
    const id = await submit('Besedilo');
    expect((await addNote(db, moderator, id, 'Preveriti z MDP.', IP)).ok).toBe(true);
    expect((await viaForm(tagsInput, { tags: 'varnost, občine, varnost' }, ({ tags }) => setTags(db, moderator, id, tags, IP))).ok).toBe(true);
    const tags = (await db.selectFrom('comment_tags').select('tag').where('comment_id', '=', id).orderBy('tag').execute()).map((r) => r.tag);
    expect(tags).toEqual(['občine', 'varnost']);
    expect(JSON.stringify(await listPublicComments(db, { ids: [id] }))).not.toContain('Preveriti z MDP');
  });
});

/** The recording form, posted for the anchor above. */
function record(db: Db, moderator: Actor, anchor: CommentAnchor, values: Record<string, string>, ip: string, now?: Date) {
  return viaForm(receivedInput, values, (input) => recordReceivedComment(db, moderator, { ...input, anchor }, ip, now));
}

describe('comments received by e-mail or post', () => {
  it('are entered for an organisation, dated the day received, and flagged late after the window', async () => {
    const { db, moderator, anchor } = await setup();
    const kranj = await organisationId(db, '52');
    // The date as people write it: 3. 2. 2027.
    const values = { organisationId: String(kranj), receivedVia: 'email', receivedOn: '3. 2. 2027', kind: 'comment', body: 'Poslano po e-pošti.' };
    const late = await record(db, moderator, anchor, values, IP, new Date('2027-02-05T10:00:00Z'));
    expect(late.ok).toBe(true);
    const onTime = await record(db, moderator, anchor, { ...values, receivedOn: '20.1.2027' }, IP, new Date('2027-02-05T10:00:00Z'));
    expect(onTime.ok).toBe(true);
    const rows = await db.selectFrom('comments').select(['id', 'late', 'received_via', 'recorded_by_user_id', 'author_user_id']).where('organisation_id', '=', kranj).where('received_via', '!=', 'portal').orderBy('id').execute();
    expect(rows.map((r) => r.late)).toEqual([1, 0]);
    expect(rows[0]).toMatchObject({ received_via: 'email', recorded_by_user_id: moderator.id, author_user_id: null });
    // A letter that arrived in time is not late because the ministry has closed the consultation since.
    const closed = { ...anchor, window: { ...anchor.window, consultationStatus: 'closed' as const } };
    const afterClosing = await viaForm(receivedInput, { ...values, receivedOn: '21. 1. 2027' }, (input) =>
      recordReceivedComment(db, moderator, { ...input, anchor: closed }, IP, new Date('2027-02-05T10:00:00Z')),
    );
    expect(afterClosing.ok).toBe(true);
    if (afterClosing.ok) expect((await db.selectFrom('comments').select('late').where('id', '=', afterClosing.value).executeTakeFirstOrThrow()).late).toBe(0);
    const submitted = await db.selectFrom('comments').select('submitted_at').where('id', '=', rows[0].id).executeTakeFirstOrThrow();
    expect(submitted.submitted_at).toBe('2027-02-03T11:00:00.000Z'); // noon in Ljubljana
    const future = await record(db, moderator, anchor, { ...values, receivedOn: '1. 1. 2030' }, IP, new Date('2027-02-05T10:00:00Z'));
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.errors.receivedOn).toBe('Datum prejema ne sme biti v prihodnosti.');
    // Not a day, or not a date: the message says how to write it, and the form keeps what was typed.
    for (const typed of ['30. 2. 2027', '2027/02/03', '']) {
      const wrong = await record(db, moderator, anchor, { ...values, receivedOn: typed }, IP, new Date('2027-02-05T10:00:00Z'));
      expect(wrong.ok, typed).toBe(false);
      if (!wrong.ok) {
        expect(wrong.errors.receivedOn, typed).toMatch(/^(Datum prejema ni pravilen|Vpišite datum prejema).*na primer 3\.\u00A02\.\u00A02027\.$/);
        expect(wrong.values.receivedOn, typed).toBe(typed);
      }
    }
    const noOrg = await record(db, moderator, anchor, { ...values, organisationId: '' }, IP);
    expect(noOrg.ok).toBe(false);
    if (!noOrg.ok) expect(noOrg.errors.organisationId).toMatch(/Izberite organizacijo/);
  });
});

describe('a received comment recorded twice with one form', () => {
  it('answers with the comment recorded the first time, and never takes over a member’s key', async () => {
    const { db, moderator, bled, anchor } = await setup();
    const kranj = await organisationId(db, '52');
    const values = { organisationId: String(kranj), receivedVia: 'email', receivedOn: '2026-11-25', kind: 'comment', body: 'Poslano po e-pošti.', idempotencyKey: 'd1e2f3a4-5555-4666-8777-888899990000' };
    const first = await record(db, moderator, anchor, values, IP, new Date('2026-11-30T10:00:00Z'));
    const second = await record(db, moderator, anchor, values, IP, new Date('2026-11-30T10:01:00Z'));
    expect(first.ok && second.ok && first.value === second.value).toBe(true);
    expect(await db.selectFrom('comments').select('id').where('idempotency_key', '=', values.idempotencyKey).execute()).toHaveLength(1);
    expect((await db.selectFrom('audit_log').select('id').where('action', '=', 'comment.recorded').execute()).length).toBe(1);

    const memberKey = 'e1f2a3b4-5555-4666-8777-888899991111';
    const own = await saveComment(db, bled, anchor, { kind: 'comment', body: 'Članova pripomba', idempotencyKey: memberKey }, 'submit', { now: new Date('2026-12-01T10:00:00Z') });
    expect(own.ok).toBe(true);
    const taken = await record(db, moderator, anchor, { ...values, idempotencyKey: memberKey }, IP);
    expect(taken.ok).toBe(false);
    expect(await db.selectFrom('comments').select(['author_user_id', 'recorded_by_user_id']).where('idempotency_key', '=', memberKey).execute()).toEqual([{ author_user_id: bled.id, recorded_by_user_id: null }]);
  });
});

describe('the report', () => {
  it('totals equal a direct count in the database', async () => {
    const { db, moderator, hands, submit, actor, ds } = await setup();
    const ids = [await submit('A'), await submit('B'), await submit('C', await actor('ljubljana@posvet.test')), await submit('D', await actor('zmos@posvet.test'))];
    await publishStance(db, hands, ids[0], 'accepted');
    await publishStance(db, hands, ids[1], 'rejected', 'Ne.');
    await setHidden(db, moderator, ids[2], { hidden: true, reason: 'spam' }, BASE, IP);
    const rows = await reportRowsNow(db, ds, [
      { slug: 'gigabitna-infrastruktura', number: 2, title: 'Gigabitna infrastruktura' },
      { slug: 'digitalne-javne-storitve', number: 6, title: 'Digitalne javne storitve' },
    ]);
    const countBy = (pick: (r: (typeof rows)[number]) => string) => (key: string) => rows.filter((r) => pick(r) === key).length;
    const direct = await sql<{ status: string; n: number }>`
      select moderation_status as status, count(*) as n from comments where consultation_id = ${ds} and state = 'submitted' and hidden = 0 group by moderation_status`.execute(db);
    for (const row of direct.rows) expect(countBy((r) => r.status)(row.status)).toBe(Number(row.n));
    const kinds = await sql<{ kind: string; n: number }>`
      select o.kind as kind, count(*) as n from comments c join organisations o on o.id = c.organisation_id
      where c.consultation_id = ${ds} and c.state = 'submitted' and c.hidden = 0 group by o.kind`.execute(db);
    for (const row of kinds.rows) expect(countBy((r) => r.organisation.kind)(row.kind)).toBe(Number(row.n));
    const total = await sql<{ n: number }>`select count(*) as n from comments where consultation_id = ${ds} and state = 'submitted' and hidden = 0`.execute(db);
    expect(rows).toHaveLength(Number(total.rows[0].n));
    expect(new Set(rows.map((r) => r.commentId)).size).toBe(rows.length);
  });

  it("the report's CSV carries decisions and responses, with formulas neutralised", async () => {
    const { db, hands, submit, ds } = await setup();
    const id = await submit('=HYPERLINK("http://zlonamerno","klik")');
    await publishStance(db, hands, id, 'rejected', '+Odziv z znakom plus');
    const csv = await reportCsvOf(await reportRowsNow(db, ds, [{ slug: 'gigabitna-infrastruktura', number: 2, title: 'Gigabitna infrastruktura' }]), BASE);
    expect(csv).toContain(`"'=HYPERLINK(""http://zlonamerno"",""klik"")"`);
    expect(csv).toContain(`"'+Odziv z znakom plus"`);
    expect(csv).toContain('"ni upoštevana"');
    // The XLSX of the same rows, its cells inline strings and never formulas: report-sheets.test.ts.
  });
});


describe('moderation per consultation', () => {
  it('the queue and the statistics of one consultation never include another’s comments', async () => {
    const { db, admin, submit, submitElsewhere, ds, sdjs } = await setup();
    const here = await submit('Pripomba k DS 2030 o optiki');
    const there = await submitElsewhere('Pripomba k SDJS 2030 o optiki');
    const queueOf = async (consultationId: number) => (await listQueue(db, consultationId, parseQueueFilter(new URLSearchParams('text=o optiki')), admin.id)).rows.map((r) => r.id);
    expect(await queueOf(ds)).toEqual([here]);
    expect(await queueOf(sdjs)).toEqual([there]);

    const count = async (consultationId: number) =>
      Number((await sql<{ n: number }>`select count(*) as n from comments where consultation_id = ${consultationId} and state = 'submitted'`.execute(db)).rows[0].n);
    for (const consultationId of [ds, sdjs]) {
      const stats = await statistics(db, consultationId);
      const total = await count(consultationId);
      expect(stats.perStatus.reduce((sum, s) => sum + s.count, 0)).toBe(total);
      expect(stats.perOrganisationKind.reduce((sum, s) => sum + s.count, 0)).toBe(total);
      expect(stats.perDay.reduce((sum, s) => sum + s.count, 0)).toBe(total);
    }
  });

  it('a moderator not assigned to a comment’s consultation can neither decide, hide, annotate nor assign it', async () => {
    const { db, moderator, admin, submitElsewhere } = await setup();
    const id = await submitElsewhere('Pripomba k SDJS 2030');
    const refusals = [
      await draftStance(db, moderator, id, { status: 'accepted', response: '' }, IP),
      await setHidden(db, moderator, id, { hidden: true, reason: 'spam' }, BASE, IP),
      await addNote(db, moderator, id, 'Ne bi smela biti shranjena.', IP),
      await setTags(db, moderator, id, ['tuja'], IP),
      await assign(db, moderator, id, moderator.id, IP),
    ];
    for (const outcome of refusals) expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ moderation_status: 'new', hidden: 0, assignee_user_id: null });
    expect(await db.selectFrom('comment_notes').select('id').where('comment_id', '=', id).execute()).toHaveLength(0);
    expect(await db.selectFrom('comment_tags').select('tag').where('comment_id', '=', id).execute()).toHaveLength(0);
    expect(await db.selectFrom('stances').select('comment_id').where('comment_id', '=', id).execute()).toHaveLength(0);
    expect(await auditActions(db, id)).toEqual([]);
    expect(await db.selectFrom('mail_outbox').selectAll().where('subject', 'not like', 'Potrdilo%').execute()).toHaveLength(0);
    // The administrator moderates every consultation.
    expect((await draftStance(db, admin, id, { status: 'accepted', response: '' }, IP)).ok).toBe(true);
  });

  it('bulk actions change only comments of consultations the moderator moderates', async () => {
    const { db, moderator, submit, submitElsewhere } = await setup();
    const mine = await submit('Moja');
    const foreign = await submitElsewhere('Tuja');
    const bulk = (values: Record<string, string>) => viaForm(bulkInput, values, (input) => bulkAction(db, moderator, input, IP));
    const selected = { [`select.${mine}`]: '1', [`select.${foreign}`]: '1' };
    expect(await bulk({ bulk: 'tag', tag: 'pregled', ...selected })).toMatchObject({ ok: true, value: 1 });
    expect(await bulk({ bulk: 'in_review', ...selected })).toMatchObject({ ok: true, value: 1 });
    expect(await bulk({ bulk: 'assign', assignee: String(moderator.id), ...selected })).toMatchObject({ ok: true, value: 1 });
    const rows = await db.selectFrom('comments').select(['id', 'moderation_status', 'assignee_user_id']).where('id', 'in', [mine, foreign]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: mine, moderation_status: 'in_review', assignee_user_id: moderator.id },
      { id: foreign, moderation_status: 'new', assignee_user_id: null },
    ]);
    expect(await db.selectFrom('comment_tags').select('tag').where('comment_id', '=', foreign).execute()).toHaveLength(0);
    expect(await auditActions(db, foreign)).toEqual([]);
  });

  it('a comment is assigned only to someone who moderates its consultation, as its select offers', async () => {
    const { db, moderator, maja, admin, submitElsewhere, ds, sdjs } = await setup();
    const id = await submitElsewhere('Tuja');
    expect((await consultationModerators(db, ds)).map((u) => u.id).sort()).toEqual([moderator.id, maja.id, admin.id].sort());
    expect((await consultationModerators(db, sdjs)).map((u) => u.id)).toEqual([admin.id]);
    expect(await assign(db, admin, id, moderator.id, IP)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await assign(db, admin, id, admin.id, IP)).ok).toBe(true);
  });

  it('a received comment is recorded only for a consultation the moderator moderates', async () => {
    const { db, moderator, sdjs } = await setup();
    const kranj = await organisationId(db, '52');
    const values = { organisationId: String(kranj), receivedVia: 'post', receivedOn: '3. 12. 2026', kind: 'comment', body: 'Poslano po pošti.' };
    const outcome = await record(db, moderator, anchorIn(sdjs), values, IP, new Date('2026-12-05T10:00:00Z'));
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.selectFrom('comments').select('id').where('recorded_by_user_id', '=', moderator.id).execute()).toHaveLength(0);
  });

  it('the mails about a decision and a hiding name the consultation', async () => {
    const { db, admin, maja, submitElsewhere, sdjs } = await setup();
    const id = await submitElsewhere('Tuja');
    // The second moderator helps with SDJS 2030 too: the administrator drafts, she approves.
    await db.insertInto('consultation_moderators').values({ consultation_id: sdjs, user_id: maja.id }).execute();
    await publishStance(db, { drafter: admin, reviewer: maja, admin }, id, 'rejected', 'Ne.');
    await setHidden(db, admin, id, { hidden: true, reason: 'spam' }, BASE, IP);
    const mail = await db.selectFrom('mail_outbox').select('body_text').orderBy('id').execute();
    expect(mail).toHaveLength(2);
    for (const m of mail) expect(m.body_text).toContain('v javnem posvetovanju „Strategija digitalnih javnih storitev 2030“');
  });
});
