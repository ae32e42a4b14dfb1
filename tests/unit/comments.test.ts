import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import { deleteDraft, setSupport, withdrawComment } from '../../src/lib/server/comments/commands.ts';
import { answerJointPosition } from '../../src/lib/server/comments/joint.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { findCommentForViewer, organisationComments } from '../../src/lib/server/comments/organisation-queries.ts';
import { chapterCommentSummary, countPublicComments, listPublicComments, publicCountsByBlock } from '../../src/lib/server/comments/queries.ts';
import { reportRowsNow } from './report-helpers.ts';
import { openDataCsv, openDataQuery } from '../../src/lib/server/comments/open-data.ts';
import { openDataStream, type OpenDataFilter, type OpenDataOptions } from '../../src/lib/server/comments/open-data-pages.ts';
import { saveComment as saveCommand, type SaveIntent } from '../../src/lib/server/comments/save.ts';
import { STATUS_OF } from '../../src/lib/server/web/form-handling.ts';
import { saveCommentForm } from '../../src/lib/server/web/comments/form.ts';
import { windowLookup } from '../../src/lib/server/comments/consultation-window.ts';
import { csvCell, toCsv } from '../../src/lib/server/platform/csv.ts';
import { paragraphs } from '../../src/lib/plain-text.ts';
import { wordDiff } from '../../src/lib/diff.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { actorFor, consultationId, createConsultation, organisationId, tempDatabase, userId } from './helpers.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';

/** Digitalna Slovenija 2030: the first consultation the seeded database holds (checked in database()). */
const DS2030 = 1;
const window = {
  consultationId: DS2030,
  consultationStatus: 'open' as const,
  versionId: 'osnutek-test',
  opensAt: new Date('2026-11-01T08:00:00Z'),
  closesAt: new Date('2027-01-31T23:00:00Z'),
  lastDay: new Date('2027-01-31T22:59:00Z'),
};
/** An older version whose window closed before `window` opened. */
const oldWindow = {
  consultationId: DS2030,
  consultationStatus: 'open' as const,
  versionId: 'osnutek-prej',
  label: 'Osnutek 0',
  opensAt: new Date('2026-10-01T08:00:00Z'),
  closesAt: new Date('2026-10-20T22:00:00Z'),
  lastDay: new Date('2026-10-20T21:59:00Z'),
};
const windows = windowLookup([oldWindow, window]);
const during = new Date('2026-12-01T10:00:00Z');
const after = new Date('2027-02-01T10:00:00Z');

const anchor = (key = 'cilji-2030', number = '2.3'): CommentAnchor => ({
  window,
  scope: 'block',
  chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
  block: { key, number, fingerprint: 'abc', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
});

/** A database with accounts but without the demo comments, so counts are ours alone. */
async function database(): Promise<Db> {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  await db.deleteFrom('comments').execute();
  if ((await consultationId(db, 'ds2030')) !== DS2030) throw new Error('the windows of this file expect DS 2030 to be consultation 1');
  return db;
}


const form = (extra: Record<string, string> = {}) => ({ kind: 'comment', body: 'Predlagamo jasnejši rok.', ...extra });
const sl = dictionary();

/** A comment form posted as the pages post it: the answer carries the page's status, errors and what was typed. */
const saveComment = (db: Db, actor: CommentActor, anchor: CommentAnchor, values: Record<string, string>, intent: SaveIntent, options: Parameters<typeof saveCommentForm>[5] = {}) =>
  saveCommentForm(db, actor, anchor, { ...values, intent }, sl, options);

/** A command's refusal as the page answers it: status and message. */
const refusal = (result: Result) => (result.ok ? undefined : { status: STATUS_OF[result.error.code], message: result.error.message?.(sl) });

describe('writing and submitting', () => {
  it('submits a comment on behalf of the organisation, with the quoted block, time-stamped', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const outcome = await saveComment(db, bled, anchor(), form({ body: '  Predlagamo jasnejši rok.  ' }), 'submit', { now: during });
    expect(outcome).toMatchObject({ ok: true, value: { state: 'submitted' } });
    const [comment] = await listPublicComments(db);
    expect(comment).toMatchObject({
      body: 'Predlagamo jasnejši rok.',
      blockNumber: '2.3',
      blockKey: 'cilji-2030',
      quote: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.',
      submittedAt: during.toISOString(),
      organisation: { name: 'Občina Bled', kind: 'municipality' },
    });
    expect(await publicCountsByBlock(db, DS2030, 'osnutek-test', 'gigabitna-infrastruktura')).toEqual(new Map([['cilji-2030', 1]]));
  });

  it('refuses an empty or whitespace-only body and stores nothing', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    for (const body of ['', '   \n\t  ']) {
      const outcome = await saveComment(db, bled, anchor(), form({ body }), 'submit', { now: during });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.errors.body).toBe('Vpišite besedilo pripombe.');
        expect(outcome.status).toBe(400);
      }
    }
    expect(await db.selectFrom('comments').selectAll().execute()).toHaveLength(0);
  });

  it('refuses more than 10,000 characters and keeps what was typed', async () => {
    const db = await database();
    const long = 'ž'.repeat(10_001);
    const outcome = await saveComment(db, await actorFor(db, 'bled@posvet.test'), anchor(), form({ body: long }), 'submit', { now: during });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors.body).toMatch(/predolgo/);
      expect(outcome.values.body).toBe(long);
    }
    expect(await db.selectFrom('comments').selectAll().execute()).toHaveLength(0);
  });

  it('needs proposed text for an amendment', async () => {
    const db = await database();
    const outcome = await saveComment(db, await actorFor(db, 'bled@posvet.test'), anchor(), form({ kind: 'amendment', proposedText: '  ' }), 'submit', { now: during });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.proposedText).toMatch(/predlagano besedilo/);
  });

  it('refuses submission after the window closes with a clear message, but keeps drafts possible', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const late = await saveComment(db, bled, anchor(), form(), 'submit', { now: after });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.status).toBe(422);
      expect(late.errors._form).toMatch(/^Rok za oddajo pripomb je potekel 31\.\s1\.\s2027\./);
      expect(late.values.body).toBe('Predlagamo jasnejši rok.');
    }
    expect(await db.selectFrom('comments').selectAll().execute()).toHaveLength(0);
    const early = await saveComment(db, bled, anchor(), form(), 'submit', { now: new Date('2026-10-01T00:00:00Z') });
    expect(early.ok).toBe(false);
  });

  it('stores one comment for a double submit with the same idempotency key', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const values = form({ idempotencyKey: '6f1c2a8e-1d5b-4f3a-9a77-0c2b9d1e4f55' });
    const [first, second] = await Promise.all([
      saveComment(db, bled, anchor(), values, 'submit', { now: during }),
      saveComment(db, bled, anchor(), values, 'submit', { now: during }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(first.value.id).toBe(second.value.id);
    expect(await db.selectFrom('comments').selectAll().execute()).toHaveLength(1);
  });

  it('a draft on an older version cannot be submitted through a newer page after its own window closed', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const key = '0a9e3c1f-7d2b-4c55-8e1a-3b6f2d9c7a10';
    const old = await saveComment(db, bled, { ...anchor(), window: oldWindow }, form({ idempotencyKey: key, body: 'Napisano k Osnutku 0.' }), 'draft', { now: new Date('2026-10-10T10:00:00Z') });
    if (!old.ok) throw new Error('draft not saved');
    // Posted with the draft's key to a page of the current version, whose window is open.
    for (const options of [{ windows }, {}]) {
      const outcome = await saveComment(db, bled, anchor(), form({ idempotencyKey: key }), 'submit', { now: during, ...options });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.status).toBe(422);
        expect(outcome.values.body).toBe('Predlagamo jasnejši rok.');
      }
    }
    const refused = await saveComment(db, bled, anchor(), form(), 'submit', { commentId: old.value.id, now: during, windows });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors._form).toMatch(/k Osnutku 0\..*20\.\s10\.\s2026.*ostaja shranjena/);
    const row = await db.selectFrom('comments').select(['state', 'body', 'version_id', 'submitted_at']).where('id', '=', old.value.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'draft', body: 'Napisano k Osnutku 0.', version_id: 'osnutek-prej', submitted_at: null });
    // A draft of the current version submitted through its page still goes in.
    const draft = await saveComment(db, bled, anchor(), form({ idempotencyKey: 'b7c1d2e3-0000-4000-8000-000000000001' }), 'draft', { now: during });
    const submitted = await saveComment(db, bled, anchor(), form({ idempotencyKey: 'b7c1d2e3-0000-4000-8000-000000000001' }), 'submit', { now: during, windows });
    expect(draft.ok && submitted.ok && submitted.value.id === draft.value.id && submitted.value.state === 'submitted').toBe(true);
  });

  it('a submitted comment answers a repeated form with itself, even after the window closed', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const values = form({ idempotencyKey: 'c3d4e5f6-1111-4222-8333-444455556666' });
    const first = await saveComment(db, bled, anchor(), values, 'submit', { now: during });
    const again = await saveComment(db, bled, anchor(), values, 'submit', { now: after });
    expect(first.ok && again.ok && again.value.duplicate && again.value.id === first.value.id).toBe(true);
  });

  it('only people who may comment can: moderators and admins write no comments of their own', async () => {
    const db = await database();
    for (const email of ['moderator@posvet.test', 'admin@posvet.test']) {
      const outcome = await saveComment(db, await actorFor(db, email), anchor(), form(), 'submit', { now: during });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.status).toBe(403);
    }
  });

  it('keeps plain text as it was typed: HTML is stored as text, never interpreted', async () => {
    const db = await database();
    const payload = '<img src=x onerror=alert(1)> in <script>alert(2)</script>';
    await saveComment(db, await actorFor(db, 'bled@posvet.test'), anchor(), form({ body: payload }), 'submit', { now: during });
    const [comment] = await listPublicComments(db);
    expect(comment.body).toBe(payload);
    expect(paragraphs(comment.body)).toEqual([[{ type: 'text', text: payload }]]);
  });
});

describe('drafts and their visibility', () => {
  it('a draft is visible only inside its organisation and is not public', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const outcome = await saveComment(db, bled, anchor(), form(), 'draft', { now: during });
    if (!outcome.ok) throw new Error('draft not saved');
    const { id } = outcome.value;
    expect(await listPublicComments(db)).toHaveLength(0);
    expect(await findCommentForViewer(db, id, null)).toBeUndefined();
    expect(await findCommentForViewer(db, id, { organisationId: await organisationId(db, '61') })).toBeUndefined();
    // A moderator's view is not affected: drafts are not theirs to see either.
    expect(await findCommentForViewer(db, id, { organisationId: await organisationId(db, 'MDP') })).toBeUndefined();
    expect((await findCommentForViewer(db, id, { organisationId: bled.organisationId }))?.own).toBe(true);
  });

  it('another organisation cannot edit, submit, delete or withdraw it', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const ljubljana = await actorFor(db, 'ljubljana@posvet.test');
    const draft = await saveComment(db, bled, anchor(), form(), 'draft', { now: during });
    if (!draft.ok) throw new Error('draft not saved');
    const edit = await saveComment(db, ljubljana, anchor(), form({ body: 'Prevzem' }), 'submit', { commentId: draft.value.id, now: during });
    expect(edit.ok).toBe(false);
    expect((await deleteDraft(db, ljubljana, draft.value.id)).ok).toBe(false);
    const submitted = await saveComment(db, bled, anchor(), form(), 'submit', { commentId: draft.value.id, now: during });
    expect(submitted.ok).toBe(true);
    expect((await withdrawComment(db, ljubljana, draft.value.id, { reason: null }, windows, { now: during })).ok).toBe(false);
    const row = await db.selectFrom('comments').select(['body', 'state']).where('id', '=', draft.value.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ body: 'Predlagamo jasnejši rok.', state: 'submitted' });
  });

  it('a submitted comment is immutable; its organisation withdraws it until the window closes', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const done = await saveComment(db, bled, anchor(), form(), 'submit', { now: during });
    if (!done.ok) throw new Error('not submitted');
    const edit = await saveComment(db, bled, anchor(), form({ body: 'Drugače' }), 'draft', { commentId: done.value.id, now: during });
    expect(edit.ok).toBe(false);
    expect((await withdrawComment(db, bled, done.value.id, { reason: null }, windows, { now: after })).ok).toBe(false);
    expect((await withdrawComment(db, bled, done.value.id, { reason: null }, windows, { now: during })).ok).toBe(true);
    expect(await listPublicComments(db)).toHaveLength(0);
    expect(await findCommentForViewer(db, done.value.id, null)).toBeUndefined();
  });
});

describe('co-signing and joint positions', () => {
  it('another organisation co-signs once; the author organisation cannot', async () => {
    const db = await database();
    const bled = await actorFor(db, 'bled@posvet.test');
    const done = await saveComment(db, bled, anchor(), form(), 'submit', { now: during });
    if (!done.ok) throw new Error('not submitted');
    const ljubljana = await actorFor(db, 'ljubljana@posvet.test');
    expect((await setSupport(db, ljubljana, done.value.id, true, windows, during)).ok).toBe(true);
    expect((await setSupport(db, ljubljana, done.value.id, true, windows, during)).ok).toBe(true);
    expect((await setSupport(db, bled, done.value.id, true, windows, during)).ok).toBe(false);
    expect((await setSupport(db, await actorFor(db, 'moderator@posvet.test'), done.value.id, true, windows, during)).ok).toBe(false);
    const [comment] = await listPublicComments(db);
    expect(comment.supporters).toEqual([{ name: 'Mestna občina Ljubljana', code: '61' }]);
    expect((await setSupport(db, ljubljana, done.value.id, false, windows, during)).ok).toBe(true);
    expect((await listPublicComments(db))[0].supporters).toEqual([]);
  });

  it('an association names member municipalities, which confirm or decline', async () => {
    const db = await database();
    const zmos = await actorFor(db, 'zmos@posvet.test');
    const ljubljana = await organisationId(db, '61');
    const maribor = await organisationId(db, '70');
    const bled = await organisationId(db, '3');
    const notMember = await saveComment(db, zmos, anchor(), form({ [`onBehalfOf.${bled}`]: '1' }), 'submit', { now: during });
    expect(notMember.ok).toBe(false);
    if (!notMember.ok) expect([notMember.status, notMember.errors.onBehalfOf]).toEqual([400, 'Izbrane so lahko le občine, ki so članice vašega združenja.']);
    // The command itself takes the members as a list of ids.
    const typed = await saveCommand(db, zmos, anchor(), { kind: 'comment', body: 'Skupno stališče.', onBehalfOf: [bled] }, 'submit', { now: during });
    expect(typed.ok ? undefined : typed.error.code).toBe('invalid');
    const done = await saveComment(db, zmos, anchor(), form({ [`onBehalfOf.${ljubljana}`]: '1', [`onBehalfOf.${maribor}`]: '1' }), 'submit', { now: during });
    if (!done.ok) throw new Error('not submitted');
    expect((await answerJointPosition(db, await actorFor(db, 'ljubljana@posvet.test'), done.value.id, 'confirmed', windows, during)).ok).toBe(true);
    // Bled was not named: it has nothing to answer.
    expect((await answerJointPosition(db, await actorFor(db, 'bled@posvet.test'), done.value.id, 'confirmed', windows, during)).ok).toBe(false);
    const [comment] = await listPublicComments(db);
    expect(comment.onBehalfOf.map((j) => [j.shortName, j.status])).toEqual([
      ['Ljubljana', 'confirmed'],
      ['Maribor', 'pending'],
    ]);
  });

  it('co-signing, withdrawing and answering close with the window of the comment’s own version', async () => {
    const db = await database();
    const zmos = await actorFor(db, 'zmos@posvet.test');
    const ljubljana = await actorFor(db, 'ljubljana@posvet.test');
    const bled = await actorFor(db, 'bled@posvet.test');
    const written = new Date('2026-10-10T10:00:00Z');
    const done = await saveComment(db, zmos, { ...anchor(), window: oldWindow }, form({ [`onBehalfOf.${ljubljana.organisationId}`]: '1', [`onBehalfOf.0${ljubljana.organisationId}`]: '1' }), 'submit', { now: written });
    if (!done.ok) throw new Error('not submitted');
    // Now (`during`) the current version's window is open, the comment's own is closed.
    const support = await setSupport(db, bled, done.value.id, true, windows, during);
    expect(refusal(support)).toEqual({ message: expect.stringMatching(/20\.\s10\.\s2026; podpore ni več mogoče/), status: 422 });
    expect((await answerJointPosition(db, ljubljana, done.value.id, 'confirmed', windows, during)).ok).toBe(false);
    expect(refusal(await answerJointPosition(db, ljubljana, done.value.id, 'declined', windows, during))).toMatchObject({ status: 422 });
    expect(refusal(await answerJointPosition(db, bled, done.value.id, 'confirmed', windows, during))).toMatchObject({ status: 403 });
    expect(refusal(await withdrawComment(db, zmos, done.value.id, { reason: null }, windows, { now: during }))).toMatchObject({ status: 422 });
    expect(await db.selectFrom('comment_supports').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('joint_position_members').select(['status', 'responded_at']).execute()).toEqual([{ status: 'pending', responded_at: null }]);
    expect((await db.selectFrom('comments').select('state').where('id', '=', done.value.id).executeTakeFirstOrThrow()).state).toBe('submitted');
    // While it was open, all of it was allowed.
    expect((await setSupport(db, bled, done.value.id, true, windows, written)).ok).toBe(true);
    expect((await answerJointPosition(db, ljubljana, done.value.id, 'confirmed', windows, written)).ok).toBe(true);
  });
});

describe('export formats', () => {
  it('CSV neutralises formulas and quotes everything', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-2')).toBe('"\'-2"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('Občina "Bled"')).toBe('"Občina ""Bled"""');
    expect(toCsv(['a'], [['č']])).toBe('\uFEFF"a"\r\n"č"\r\n');
  });

  it('plain text becomes paragraphs and safe links only for http(s)', () => {
    expect(paragraphs('Prvi.\n\nDrugi https://www.gov.si/zbirke/.')).toEqual([
      [{ type: 'text', text: 'Prvi.' }],
      [
        { type: 'text', text: 'Drugi ' },
        { type: 'link', href: 'https://www.gov.si/zbirke/', text: 'https://www.gov.si/zbirke/' },
        { type: 'text', text: '.' },
      ],
    ]);
    expect(paragraphs('javascript:alert(1)')).toEqual([[{ type: 'text', text: 'javascript:alert(1)' }]]);
  });

  it('an amendment diff marks deletions and insertions word by word', () => {
    expect(wordDiff('do leta 2030 vsa gospodinjstva', 'do leta 2028 vsa gospodinjstva')).toEqual([
      { type: 'same', text: 'do leta ' },
      { type: 'del', text: '2030' },
      { type: 'ins', text: '2028' },
      { type: 'same', text: ' vsa gospodinjstva' },
    ]);
  });
});

describe('demo data', () => {
  it('seeds a living consultation once, with a joint position and co-signers, and a private draft', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: true });
    await prepareDatabase(db, { demo: true });
    const all = await db.selectFrom('comments').select(['state']).execute();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const publicOnes = await listPublicComments(db);
    expect(publicOnes.length).toBe(all.filter((c) => c.state === 'submitted').length);
    expect(publicOnes.some((c) => c.onBehalfOf.length > 0 && c.organisation.code === 'ZMOS')).toBe(true);
    expect(publicOnes.some((c) => c.supporters.length > 0)).toBe(true);
    expect(all.some((c) => c.state === 'draft')).toBe(true);
    void userId;
  });
});

describe('several consultations side by side', () => {
  /**
   * Two consultations whose drafts share a version id, a chapter slug and a block key: Bled comments
   * on the same-named paragraph of each. Every public read of one consultation shows only its own.
   */
  async function twoConsultations() {
    const db = await database();
    const other = await createConsultation(db, 'drugo', { title: 'Drugo posvetovanje' });
    const otherWindow = { ...window, consultationId: other };
    const bled = await actorFor(db, 'bled@posvet.test');
    const ours = await saveComment(db, bled, anchor(), form({ body: 'Pripomba k DS 2030.' }), 'submit', { now: during });
    const theirs = await saveComment(db, bled, { ...anchor(), window: otherWindow }, form({ body: 'Pripomba k drugemu posvetovanju.' }), 'submit', { now: during });
    if (!ours.ok || !theirs.ok) throw new Error('not submitted');
    return { db, other, ours: ours.value.id, theirs: theirs.value.id };
  }
  const chapter = 'gigabitna-infrastruktura';

  it('lists and counts only the consultation’s own comments, however alike their places', async () => {
    const { db, other, ours, theirs } = await twoConsultations();
    for (const [id, own] of [[DS2030, ours], [other, theirs]] as const) {
      const listed = await listPublicComments(db, { consultationId: id, versionId: 'osnutek-test', chapterSlug: chapter });
      expect(listed.map((c) => c.id)).toEqual([own]);
      expect(listed[0].consultationId).toBe(id);
      expect(await countPublicComments(db, { consultationId: id, versionId: 'osnutek-test' })).toBe(1);
      expect(await listPublicComments(db, { consultationId: id, currentVersionId: 'osnutek-test', currentChapterSlug: chapter, currentBlockKey: 'cilji-2030' })).toHaveLength(1);
    }
    expect((await listPublicComments(db, { consultationId: other })).map((c) => c.consultation)).toEqual(['drugo']);
    // Without a consultation, a version means nothing: the query refuses rather than mixing them.
    await expect(listPublicComments(db, { versionId: 'osnutek-test' })).rejects.toThrow();
    expect(await countPublicComments(db)).toBe(2);
  });

  it('counts per block and summarises a chapter per consultation', async () => {
    const { db, other, ours, theirs } = await twoConsultations();
    for (const [id, own] of [[DS2030, ours], [other, theirs]] as const) {
      expect(await publicCountsByBlock(db, id, 'osnutek-test', chapter)).toEqual(new Map([['cilji-2030', 1]]));
      const summary = await chapterCommentSummary(db, id, 'osnutek-test', chapter, 3);
      expect(summary.counts).toEqual(new Map([['cilji-2030', 1]]));
      expect(summary.latest.get('cilji-2030')?.map((c) => c.id)).toEqual([own]);
      expect(summary.removed).toEqual([]);
    }
  });

  it('reports on the consultation’s own comments only', async () => {
    const { db, other } = await twoConsultations();
    const chapters = [{ slug: chapter, number: 2, title: 'Gigabitna infrastruktura' }];
    const ds = await reportRowsNow(db, DS2030, chapters, 'osnutek-test');
    const drugo = await reportRowsNow(db, other, chapters, 'osnutek-test');
    expect(ds.map((c) => c.body)).toEqual(['Pripomba k DS 2030.']);
    expect(drugo.map((c) => c.body)).toEqual(['Pripomba k drugemu posvetovanju.']);
  });

  it('open data: ?consultation= gives that consultation’s comments, each naming it; an unknown one is not found', async () => {
    const openDataItems = async (db: Db, filter: OpenDataFilter, options: OpenDataOptions) => {
      const stream = await openDataStream(db, filter, options);
      return stream.ok ? { ok: true as const, value: await Array.fromAsync(stream.value) } : stream;
    };
    const { db, ours, theirs } = await twoConsultations();
    const options = { baseUrl: 'https://posvet.example', currentVersionId: async () => 'osnutek-test' };
    const all = await openDataItems(db, {}, options);
    expect(all.ok && all.value.map((c) => [c.id, c.consultation])).toEqual([[ours, 'ds2030'], [theirs, 'drugo']]);
    const drugo = await openDataItems(db, { consultation: openDataQuery.parse({ consultation: 'drugo' }).consultation }, options);
    expect(drugo.ok && drugo.value.map((c) => [c.id, c.consultation, c.body])).toEqual([[theirs, 'drugo', 'Pripomba k drugemu posvetovanju.']]);
    const ds = await openDataItems(db, { consultation: 'ds2030', chapter: openDataQuery.parse({ chapter }).chapter }, options);
    expect(ds.ok && ds.value.map((c) => c.id)).toEqual([ours]);
    const unknown = await openDataItems(db, { consultation: 'ni-takega' }, options);
    expect(unknown.ok ? undefined : [unknown.error.code, unknown.error.message?.(sl)]).toEqual(['not_found', 'Posvetovanja „ni-takega“ ni.']);
    expect(openDataQuery.safeParse({ consultation: '../etc' }).success).toBe(false);
    expect(openDataQuery.safeParse({ consultation: 'DS 2030' }).success).toBe(false);
    if (!drugo.ok) return;
    const [header, row] = openDataCsv(drugo.value, sl.comments.openData).replace('\uFEFF', '').trim().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['"id"', '"consultation"', '"url"']);
    expect(row).toContain('"drugo"');
  });

  it('an organisation’s own list says which consultation each comment belongs to', async () => {
    const { db, ours, theirs } = await twoConsultations();
    const bled = await actorFor(db, 'bled@posvet.test');
    const own = await organisationComments(db, bled.organisationId, { limit: 50, offset: 0 });
    expect(Object.fromEntries(own.map((c) => [c.id, [c.consultation_slug, c.consultation_title]]))).toEqual({
      [ours]: ['ds2030', 'Digitalna Slovenija 2030 – vmesni pregled'],
      [theirs]: ['drugo', 'Drugo posvetovanje'],
    });
  });
});
