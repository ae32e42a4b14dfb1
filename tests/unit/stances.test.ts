import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { dictionary, type Dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { openDataStream } from '../../src/lib/server/comments/open-data-pages.ts';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { findConsultation } from '../../src/lib/server/consultations/consultations.ts';
import { parseScope, publishInput, publishOverview, scopeChapter, stancesToPublish } from '../../src/lib/server/moderation/publishing.ts';
import { listQueue, parseQueueFilter } from '../../src/lib/server/moderation/queue.ts';
import { draftStance, mayReview, publishStances, reviewInput, reviewStance, stanceInput, stanceOf } from '../../src/lib/server/moderation/stances.ts';
import { statistics } from '../../src/lib/server/moderation/statistics.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { StanceState } from '../../src/lib/enums.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { reportRowsNow } from './report-helpers.ts';
import { submitForm } from '../../src/lib/server/web/form-handling.ts';
import { organisationId, tempDatabase } from './helpers.ts';
import { BASE_URL, publishStance } from './stance-helpers.ts';

/*
 * Stances (stališča do pripomb) over a real SQLite database with the demo data: drafted by one
 * moderator, approved or returned by another person, published by an administrator — and nothing
 * public before that.
 */

const IP = '192.0.2.7';
const sl = dictionary();

const GIGABIT = { slug: 'gigabitna-infrastruktura', number: 2 };
const SERVICES = { slug: 'digitalne-javne-storitve', number: 6 };

/** A paragraph of a consultation's first draft (its window open from November to January). */
const anchorIn = (consultationId: number, chapter = GIGABIT, block = { key: 'cilji-gigabit-2030', number: '2.3' }): CommentAnchor => ({
  window: {
    consultationId,
    consultationStatus: 'open',
    versionId: 'osnutek-1',
    opensAt: new Date('2026-11-01T08:00:00Z'),
    closesAt: new Date('2027-01-31T23:00:00Z'),
    lastDay: new Date('2027-01-31T22:59:00Z'),
  },
  scope: 'block',
  chapter,
  block: { ...block, fingerprint: 'f', text: 'Besedilo odstavka.' },
});

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
  const ds = await consultation('ds2030');
  const sdjs = await consultation('sdjs2030');
  // Both demo moderators moderate DS 2030 only; the administrator every consultation.
  const marko = await actor('moderator@posvet.test');
  const maja = await actor('moderatorka@posvet.test');
  const admin = await actor('admin@posvet.test');
  const bled = await actor('bled@posvet.test');
  let n = 0;
  const submit = async (body: string, options: { who?: CommentActor; anchor?: CommentAnchor } = {}) => {
    const outcome = await saveComment(db, options.who ?? bled, options.anchor ?? anchorIn(ds), { kind: 'comment', body: `${body} (${++n})` }, 'submit', { now: new Date('2026-12-01T10:00:00Z') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return outcome.value.id;
  };
  return { db, actor, ds, sdjs, marko, maja, admin, bled, submit };
}

const stanceRow = (db: Db, id: number) => db.selectFrom('stances').selectAll().where('comment_id', '=', id).executeTakeFirst();
const commentRow = (db: Db, id: number) => db.selectFrom('comments').select(['moderation_status', 'response', 'decided_at']).where('id', '=', id).executeTakeFirstOrThrow();
const auditOf = async (db: Db, id: number) =>
  (await db.selectFrom('audit_log').select(['action', 'actor_user_id', 'before_json', 'after_json']).where('target_type', '=', 'comment').where('target_id', '=', String(id)).where('action', 'like', 'stance.%').orderBy('id').execute());
const stanceMails = (db: Db) => db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text']).where('subject', 'like', 'Stališče do pripombe%').orderBy('id').execute();

describe('drafting a stance', () => {
  it('moves a new comment to "v obravnavi", records the stance as drafted and audits it; nothing is public or mailed', async () => {
    const { db, marko, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    expect(await draftStance(db, marko, id, { status: 'rejected', response: 'Rok 2030 izhaja iz ciljev EU.', revision: 0 }, IP)).toEqual({ ok: true, value: { revision: 1 } });
    expect(await stanceRow(db, id)).toMatchObject({ status: 'rejected', response: 'Rok 2030 izhaja iz ciljev EU.', state: 'drafted', revision: 1, drafted_by: marko.id });
    expect(await commentRow(db, id)).toEqual({ moderation_status: 'in_review', response: null, decided_at: null });
    const audit = await auditOf(db, id);
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['stance.drafted', marko.id]]);
    expect(JSON.parse(audit[0].after_json!)).toEqual({ status: 'rejected', response: 'Rok 2030 izhaja iz ciljev EU.', state: 'drafted' });
    expect((await listPublicComments(db, { ids: [id] }))[0]).toMatchObject({ status: 'in_review', response: null });
    expect(await stanceMails(db)).toEqual([]);
  });

  it('needs an obrazložitev for every stance but "upoštevana", and a stance at all; nothing is stored without them', async () => {
    const { db, marko, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    const draft = (values: Record<string, string>) => viaForm(stanceInput, values, (input) => draftStance(db, marko, id, input, IP));
    for (const status of ['rejected', 'partially_accepted', 'noted']) {
      const outcome = await draft({ status, response: ' \r\n ', revision: '0' });
      expect(outcome).toMatchObject({ ok: false, errors: { response: sl.stances.errors.responseRequired } });
    }
    for (const status of ['', 'new', 'in_review', 'bogus']) {
      expect(await draft({ status, response: 'Obrazložitev.' })).toMatchObject({ ok: false, errors: { status: sl.stances.errors.decisionRequired } });
    }
    expect(await draft({ status: 'noted', response: 'x'.repeat(10_001) })).toMatchObject({ ok: false, errors: { response: sl.stances.errors.responseTooLong('10.000') } });
    expect(await stanceRow(db, id)).toBeUndefined();
    expect(await commentRow(db, id)).toMatchObject({ moderation_status: 'new' });
    expect(await auditOf(db, id)).toEqual([]);
    expect(await draft({ status: 'accepted', response: '', revision: '0' })).toMatchObject({ ok: true });
    expect(await stanceRow(db, id)).toMatchObject({ status: 'accepted', response: null, state: 'drafted' });
  });

  it('refuses a form that saw an older stance, changing nothing', async () => {
    const { db, marko, maja, submit } = await setup();
    const id = await submit('Predlagamo rok 2028.');
    await draftStance(db, marko, id, { status: 'noted', response: 'Prvi predlog.', revision: 0 }, IP);
    // Maja's page was opened before Marko saved (it saw no stance): her save is refused.
    expect(await draftStance(db, maja, id, { status: 'rejected', response: 'Drugi predlog.', revision: 0 }, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const outcome = await viaForm(stanceInput, { status: 'rejected', response: 'Drugi predlog.', revision: '0' }, (input) => draftStance(db, maja, id, input, IP));
    expect(outcome).toMatchObject({ ok: false, errors: { _form: sl.stances.errors.stale }, values: { response: 'Drugi predlog.' } });
    // A review that saw an older revision too.
    await draftStance(db, marko, id, { status: 'noted', response: 'Popravljen predlog.', revision: 1 }, IP);
    expect(await reviewStance(db, maja, id, { verdict: 'approve', reviewNote: '', revision: 1 }, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await stanceRow(db, id)).toMatchObject({ status: 'noted', response: 'Popravljen predlog.', state: 'drafted', revision: 2, drafted_by: marko.id });
    expect((await auditOf(db, id)).map((a) => a.action)).toEqual(['stance.drafted', 'stance.drafted']);
  });
});

describe('reviewing a stance (four eyes)', () => {
  it('its drafter can never approve or return it, a moderator or an administrator alike', async () => {
    const { db, marko, admin, submit } = await setup();
    const mine = await submit('Pripomba A');
    await draftStance(db, marko, mine, { status: 'accepted', response: '' }, IP);
    for (const verdict of ['approve', 'return'] as const) {
      expect(await reviewStance(db, marko, mine, { verdict, reviewNote: 'Opomba.' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const adminsOwn = await submit('Pripomba B');
    await draftStance(db, admin, adminsOwn, { status: 'accepted', response: '' }, IP);
    expect(await reviewStance(db, admin, adminsOwn, { verdict: 'approve', reviewNote: '' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const id of [mine, adminsOwn]) expect(await stanceRow(db, id)).toMatchObject({ state: 'drafted', reviewed_by: null });
    expect(mayReview(marko, await stanceRow(db, mine))).toBe(false);
    expect(mayReview(admin, await stanceRow(db, adminsOwn))).toBe(false);
    expect(mayReview(admin, await stanceRow(db, mine))).toBe(true);
  });

  it('another moderator approves it, or returns it with a note (required), each audited', async () => {
    const { db, marko, maja, submit } = await setup();
    const id = await submit('Pripomba');
    await draftStance(db, marko, id, { status: 'rejected', response: 'Ne.' }, IP);
    const review = (values: Record<string, string>) => viaForm(reviewInput, values, (input) => reviewStance(db, maja, id, input, IP));
    expect(await review({ verdict: 'return', reviewNote: '  ' })).toMatchObject({ ok: false, errors: { reviewNote: sl.stances.errors.noteRequired } });
    expect(await review({ verdict: 'maybe' })).toMatchObject({ ok: false, errors: { verdict: sl.stances.errors.verdictRequired } });
    expect(await stanceRow(db, id)).toMatchObject({ state: 'drafted' });

    expect(await review({ verdict: 'return', reviewNote: 'Obrazložitev je prekratka.', revision: '1' })).toMatchObject({ ok: true });
    expect(await stanceRow(db, id)).toMatchObject({ state: 'returned', reviewed_by: maja.id, review_note: 'Obrazložitev je prekratka.', revision: 2 });
    // Only a drafted stance is reviewed: a returned one is drafted anew first.
    expect(await reviewStance(db, maja, id, { verdict: 'approve', reviewNote: '' }, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await draftStance(db, marko, id, { status: 'rejected', response: 'Ne, ker ukrep 5.1 to že ureja.', revision: 2 }, IP);
    expect(await stanceRow(db, id)).toMatchObject({ state: 'drafted', review_note: null, reviewed_by: null });
    expect(await review({ verdict: 'approve', reviewNote: '', revision: '3' })).toMatchObject({ ok: true });
    expect(await stanceRow(db, id)).toMatchObject({ state: 'approved', reviewed_by: maja.id, revision: 4 });
    const audit = await auditOf(db, id);
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['stance.drafted', marko.id],
      ['stance.returned', maja.id],
      ['stance.drafted', marko.id],
      ['stance.approved', maja.id],
    ]);
    expect(JSON.parse(audit[1].after_json!)).toEqual({ state: 'returned', note: 'Obrazložitev je prekratka.' });
    // Approved is not public.
    expect(await commentRow(db, id)).toMatchObject({ moderation_status: 'in_review', response: null });
  });

  it('a moderator of another consultation can neither draft nor review its stances', async () => {
    const { db, sdjs, marko, admin, submit, actor } = await setup();
    const id = await submit('Pripomba k SDJS', { anchor: anchorIn(sdjs) });
    expect(await draftStance(db, marko, id, { status: 'accepted', response: '' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A second administrator drafts (the administrator moderates every consultation); Marko still may not review it.
    const other = await db.insertInto('users').values({ email: 'druga.skrbnica@posvet.test', name: 'Druga Skrbnica', organisation_id: admin.organisationId, role: 'admin', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    await draftStance(db, await actor('druga.skrbnica@posvet.test'), id, { status: 'accepted', response: '' }, IP);
    expect(await reviewStance(db, marko, id, { verdict: 'approve', reviewNote: '' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stanceRow(db, id)).toMatchObject({ state: 'drafted', drafted_by: other.id });
    expect(await reviewStance(db, admin, id, { verdict: 'approve', reviewNote: '' }, IP)).toMatchObject({ ok: true });
  });
});

describe('publishing stances', () => {
  it('is for administrators: a moderator is refused, and nothing is published', async () => {
    const { db, ds, marko, maja, submit } = await setup();
    const id = await submit('Pripomba');
    await draftStance(db, marko, id, { status: 'accepted', response: '' }, IP);
    await reviewStance(db, maja, id, { verdict: 'approve', reviewNote: '' }, IP);
    for (const who of [marko, maja]) {
      expect(await publishStances(db, who, { consultationId: ds }, BASE_URL, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await publishStances(db, who, { consultationId: ds, commentIds: [id] }, BASE_URL, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await stanceRow(db, id)).toMatchObject({ state: 'approved' });
    expect(await commentRow(db, id)).toMatchObject({ moderation_status: 'in_review' });
    expect(await stanceMails(db)).toEqual([]);
  });

  it('refuses stances that are not approved, naming their numbers, and publishes none of the selection', async () => {
    const { db, ds, marko, maja, admin, submit } = await setup();
    const [approved, drafted, returned, none] = [await submit('A'), await submit('B'), await submit('C'), await submit('D')];
    for (const id of [approved, drafted, returned]) await draftStance(db, marko, id, { status: 'noted', response: 'Seznanjeni.' }, IP);
    await reviewStance(db, maja, approved, { verdict: 'approve', reviewNote: '' }, IP);
    await reviewStance(db, maja, returned, { verdict: 'return', reviewNote: 'Dopolnite.' }, IP);
    const outcome = await viaForm(publishInput, { objavi: 'vse', ids: [approved, drafted, returned, none].join(',') }, (input) =>
      publishStances(db, admin, { consultationId: ds, chapterSlug: scopeChapter(input), commentIds: input.ids }, BASE_URL, IP),
    );
    expect(outcome).toMatchObject({ ok: false, errors: { _form: sl.stances.errors.notApproved(`št. ${drafted}, št. ${returned}, št. ${none}`) } });
    expect(await stanceRow(db, approved)).toMatchObject({ state: 'approved' });
    expect(await commentRow(db, approved)).toMatchObject({ moderation_status: 'in_review' });
    expect(await stanceMails(db)).toEqual([]);
    // Nothing approved in a chapter: the Slovenian message, nothing changed.
    expect(await publishStances(db, admin, { consultationId: ds, chapterSlug: 'uvod' }, BASE_URL, IP)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Publishing a comment of another consultation by its number is refused too.
    expect(await publishStances(db, admin, { consultationId: (await db.selectFrom('consultations').select('id').where('slug', '=', 'sdjs2030').executeTakeFirstOrThrow()).id, commentIds: [approved] }, BASE_URL, IP)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('publishes the approved stances of one chapter or of the whole consultation only; nothing unapproved is in any public view', async () => {
    const { db, ds, sdjs, marko, maja, admin, submit } = await setup();
    const services = anchorIn(ds, SERVICES, { key: 'skupna-platforma-obcine', number: '6.4' });
    const gigabitApproved = await submit('Gigabit odobreno');
    const gigabitDrafted = await submit('Gigabit predlog');
    const gigabitReturned = await submit('Gigabit vrnjeno');
    const servicesApproved = await submit('Storitve odobreno', { anchor: services });
    const elsewhere = await submit('SDJS odobreno', { anchor: anchorIn(sdjs) });
    const draft = (id: number, response: string) => draftStance(db, marko, id, { status: 'partially_accepted', response }, IP);
    for (const id of [gigabitApproved, gigabitDrafted, gigabitReturned, servicesApproved]) await draft(id, `Obrazložitev ${id}`);
    await draftStance(db, admin, elsewhere, { status: 'accepted', response: '' }, IP);
    const secondAdmin = await db.insertInto('users').values({ email: 'druga@posvet.test', name: 'Druga', organisation_id: admin.organisationId, role: 'admin', password_hash: 'x' }).returning(['id', 'role', 'organisation_id']).executeTakeFirstOrThrow();
    await reviewStance(db, { id: secondAdmin.id, role: 'admin', organisationId: secondAdmin.organisation_id, organisationKind: 'government' }, elsewhere, { verdict: 'approve', reviewNote: '' }, IP);
    for (const id of [gigabitApproved, servicesApproved]) await reviewStance(db, maja, id, { verdict: 'approve', reviewNote: '' }, IP);
    await reviewStance(db, maja, gigabitReturned, { verdict: 'return', reviewNote: 'Dopolnite.' }, IP);

    const consultation = (await findConsultation(db, 'ds2030'))!;
    const before = await publishOverview(db, consultation);
    const gigabitRow = before.chapters.find((c) => c.slug === GIGABIT.slug)!;
    expect(gigabitRow.count).toBe(1);
    expect((await stancesToPublish(db, consultation, parseScope({ objavi: 'poglavje', poglavje: GIGABIT.slug })!)).ids).toEqual([gigabitApproved]);

    // One chapter: only its approved stance.
    expect(await publishStances(db, admin, { consultationId: ds, chapterSlug: GIGABIT.slug }, BASE_URL, IP)).toEqual({ ok: true, value: { published: 1 } });
    expect(await commentRow(db, gigabitApproved)).toMatchObject({ moderation_status: 'partially_accepted', response: `Obrazložitev ${gigabitApproved}` });
    expect(await stanceRow(db, gigabitApproved)).toMatchObject({ state: 'published', published_by: admin.id });
    for (const id of [gigabitDrafted, gigabitReturned, servicesApproved]) expect(await commentRow(db, id)).toMatchObject({ moderation_status: 'in_review', response: null });

    // The whole consultation: every approved one of DS 2030 (the demo's approved stance too), never SDJS 2030's.
    const approvedInDs = await db.selectFrom('stances as s').innerJoin('comments as c', 'c.id', 's.comment_id').select('s.comment_id').where('s.state', '=', 'approved').where('c.consultation_id', '=', ds).execute();
    expect(approvedInDs.map((r) => r.comment_id)).toContain(servicesApproved);
    expect(await publishStances(db, admin, { consultationId: ds }, BASE_URL, IP)).toEqual({ ok: true, value: { published: approvedInDs.length } });
    expect(await commentRow(db, servicesApproved)).toMatchObject({ moderation_status: 'partially_accepted' });
    expect(await stanceRow(db, elsewhere)).toMatchObject({ state: 'approved' });
    expect(await commentRow(db, elsewhere)).toMatchObject({ moderation_status: 'in_review' });

    // Public views: the published ones with their obrazložitev, the others as "še v obravnavi" without one.
    const unapproved = [gigabitDrafted, gigabitReturned, elsewhere];
    const all = await listPublicComments(db, {});
    for (const id of unapproved) expect(all.find((c) => c.id === id)).toMatchObject({ response: null, status: 'in_review' });
    const stream = await openDataStream(db, {}, { baseUrl: BASE_URL, currentVersionId: async () => undefined });
    if (!stream.ok) throw new Error('open data');
    const openData = { value: await Array.fromAsync(stream.value) };
    for (const id of unapproved) expect(openData.value.find((c) => c.id === id)).toMatchObject({ response: null });
    expect(openData.value.find((c) => c.id === gigabitApproved)).toMatchObject({ status: 'partially_accepted', response: `Obrazložitev ${gigabitApproved}` });
    const reported = await reportRowsNow(db, ds, [{ ...GIGABIT, title: 'Gigabitna infrastruktura' }]);
    for (const id of [gigabitDrafted, gigabitReturned]) expect(reported.find((c) => c.commentId === id)).toMatchObject({ response: null });
    const texts = JSON.stringify([all, openData.value, reported]);
    for (const id of unapproved) expect(texts).not.toContain(`Obrazložitev ${id}`);
  });

  it('tells the commenter, a co-signer and a named municipality, each naming the comment, the paragraph and what the stance means', async () => {
    const { db, ds, marko, maja, admin, actor, submit } = await setup();
    const zmos = await actor('zmos@posvet.test');
    const id = await submit('Skupno stališče', { who: zmos });
    await db.insertInto('joint_position_members').values({ comment_id: id, organisation_id: await organisationId(db, '61'), status: 'confirmed', responded_at: '2026-12-02T10:00:00.000Z' }).execute();
    await db.insertInto('comment_supports').values({ comment_id: id, organisation_id: await organisationId(db, 'SOS'), user_id: null, created_at: '2026-12-02T10:00:00.000Z' }).execute();
    await draftStance(db, marko, id, { status: 'rejected', response: 'Ukrep že ureja financiranje.' }, IP);
    await reviewStance(db, maja, id, { verdict: 'approve', reviewNote: '' }, IP);
    expect(await stanceMails(db)).toEqual([]);
    expect(await publishStances(db, admin, { consultationId: ds, commentIds: [id] }, BASE_URL, IP)).toMatchObject({ ok: true, value: { published: 1 } });
    const mails = await stanceMails(db);
    const to = (address: string) => mails.find((m) => m.to_address === address);
    expect(mails.map((m) => m.to_address).sort()).toEqual(['ljubljana@posvet.test', 'sos@posvet.test', 'zmos@posvet.test']);
    for (const mail of mails) {
      expect(mail.subject).toBe(`Stališče do pripombe št. ${id} – Posvet`);
      expect(mail.body_text).toMatch(/^Spoštovani,/);
      expect(mail.body_text).toContain(`št. ${id}`);
      expect(mail.body_text).toMatch(/odstavka 2\.3 poglavja „[^“]+“/);
      expect(mail.body_text).toContain(`Stališče: ni upoštevana. ${sl.stances.meaning.rejected}`);
      expect(mail.body_text).toContain('Ukrep že ureja financiranje.');
      expect(mail.body_text).toContain(`${BASE_URL}/pripombe/${id}`);
      expect(mail.body_text).not.toMatch(/odgovorite/i);
    }
    expect(to('zmos@posvet.test')!.body_text).toContain('ki jo je vaša organizacija oddala');
    expect(to('sos@posvet.test')!.body_text).toContain('ki jo je vaša organizacija podprla');
    expect(to('ljubljana@posvet.test')!.body_text).toContain('v katerem je navedena vaša občina');
  });

  it('a published stance drafted anew stays public until the new one is published', async () => {
    const { db, marko, maja, admin, submit } = await setup();
    const id = await submit('Pripomba');
    await publishStance(db, { drafter: marko, reviewer: maja, admin }, id, 'rejected', 'Prvo stališče.');
    const revision = (await stanceRow(db, id))!.revision;
    expect(await draftStance(db, maja, id, { status: 'accepted', response: 'Premislili smo.', revision }, IP)).toMatchObject({ ok: true });
    expect(await stanceRow(db, id)).toMatchObject({ state: 'drafted', status: 'accepted', published_by: admin.id });
    expect((await listPublicComments(db, { ids: [id] }))[0]).toMatchObject({ status: 'rejected', response: 'Prvo stališče.' });
    await reviewStance(db, marko, id, { verdict: 'approve', reviewNote: '' }, IP);
    expect((await listPublicComments(db, { ids: [id] }))[0]).toMatchObject({ status: 'rejected', response: 'Prvo stališče.' });
    expect(await publishStances(db, admin, { consultationId: (await db.selectFrom('comments').select('consultation_id').where('id', '=', id).executeTakeFirstOrThrow()).consultation_id, commentIds: [id] }, BASE_URL, IP)).toMatchObject({ ok: true });
    expect((await listPublicComments(db, { ids: [id] }))[0]).toMatchObject({ status: 'accepted', response: 'Premislili smo.' });
    expect((await stanceOf(db, id))!).toMatchObject({ state: 'published', drafted_by_name: 'Maja Moderatorka', reviewed_by_name: 'Marko Moderator', published_by_name: 'Ana Administratorka' });
  });

  it('reads the publishing scope only as the page writes it', () => {
    expect(parseScope({ objavi: 'vse' })).toEqual({ scope: 'all' });
    expect(parseScope({ objavi: 'osnutek' })).toEqual({ scope: 'draft' });
    expect(parseScope({ objavi: 'poglavje', poglavje: 'uvod' })).toEqual({ scope: 'chapter', chapter: 'uvod' });
    for (const values of [{}, { objavi: 'poglavje' }, { objavi: 'poglavje', poglavje: '../x' }, { objavi: 'nekaj' }]) expect(parseScope(values)).toBeUndefined();
    expect(scopeChapter({ scope: 'draft' })).toBeNull();
    expect(scopeChapter({ scope: 'all' })).toBeUndefined();
  });
});

describe('the queue and the statistics by stance', () => {
  it('filter and count comments by the state of their stance, and show withdrawn comments on request', async () => {
    const { db, ds, marko, maja, submit, bled } = await setup();
    const [none, drafted, returned, approved] = [await submit('Q brez'), await submit('Q predlog'), await submit('Q vrnjeno'), await submit('Q odobreno')];
    for (const id of [drafted, returned, approved]) await draftStance(db, marko, id, { status: 'accepted', response: '' }, IP);
    await reviewStance(db, maja, returned, { verdict: 'return', reviewNote: 'Dopolnite.' }, IP);
    await reviewStance(db, maja, approved, { verdict: 'approve', reviewNote: '' }, IP);
    const withdrawn = await submit('Q umaknjena');
    await db.updateTable('comments').set({ state: 'withdrawn', withdrawn_at: '2026-12-02T10:00:00.000Z' }).where('id', '=', withdrawn).execute();

    const ids = async (query: string) => (await listQueue(db, ds, parseQueueFilter(new URLSearchParams(`text=Q &${query}`)), marko.id)).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await ids('stance=none')).toEqual([none]);
    expect(await ids('stance=drafted')).toEqual([drafted]);
    expect(await ids('stance=returned')).toEqual([returned]);
    expect(await ids('stance=approved')).toEqual([approved]);
    expect(await ids('stance=published')).toEqual([]);
    expect(await ids('stance=bogus')).toEqual([none, drafted, returned, approved]);
    expect(await ids('withdrawn=1')).toEqual([withdrawn]);
    const rows = (await listQueue(db, ds, parseQueueFilter(new URLSearchParams('text=Q ')), marko.id)).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.stance_state]))).toEqual({ [none]: null, [drafted]: 'drafted', [returned]: 'returned', [approved]: 'approved' });

    const stats = await statistics(db, ds);
    const direct = async (state: StanceState | null) =>
      Number(
        (
          await db
            .selectFrom('comments as c')
            .leftJoin('stances as s', 's.comment_id', 'c.id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('c.consultation_id', '=', ds)
            .where('c.state', '=', 'submitted')
            .where('s.state', state === null ? 'is' : '=', state)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(stats.perStance.map((s) => s.state)).toEqual(['none', 'drafted', 'returned', 'approved', 'published']);
    for (const s of stats.perStance) expect(s.count, s.state).toBe(await direct(s.state === 'none' ? null : s.state));
    expect(stats.withdrawn).toBe(1);
    expect(bled.id).toBeGreaterThan(0);
  });
});

describe('the demo data', () => {
  it('has DS 2030 stances in every state, recorded as the commands record them', async () => {
    const { db, ds } = await setup();
    const rows = await db
      .selectFrom('stances as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select(['s.comment_id', 's.state', 's.status', 's.response', 's.drafted_by', 's.reviewed_by', 's.review_note', 'c.moderation_status', 'c.response as public_response'])
      .where('c.consultation_id', '=', ds)
      .execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['drafted', 'returned', 'approved', 'published']));
    const published = rows.filter((r) => r.state === 'published');
    expect(new Set(published.map((r) => r.status)).size).toBeGreaterThanOrEqual(2);
    for (const r of published) expect([r.moderation_status, r.public_response]).toEqual([r.status, r.response]);
    for (const r of rows.filter((r) => r.state !== 'published')) expect([r.moderation_status, r.public_response]).toEqual(['in_review', null]);
    for (const r of rows.filter((r) => r.state !== 'drafted')) expect(r.reviewed_by).not.toBe(r.drafted_by);
    expect(rows.find((r) => r.state === 'returned')!.review_note).toBeTruthy();
    for (const r of rows) expect((await auditOf(db, r.comment_id)).length).toBe(r.state === 'drafted' ? 1 : r.state === 'published' ? 3 : 2);
  });
});
