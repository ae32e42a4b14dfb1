import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import { setSupport, withdrawable, withdrawalInput, withdrawComment } from '../../src/lib/server/comments/commands.ts';
import { windowLookup } from '../../src/lib/server/comments/consultation-window.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { commentRecord, withdrawnComment } from '../../src/lib/server/comments/record.ts';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { STATUS_OF } from '../../src/lib/server/web/form-handling.ts';
import { commentJsonResponse } from '../../src/lib/server/web/comments/comment-json.ts';
import { actorFor, consultationId, tempDatabase } from './helpers.ts';

/** Withdrawal keeps the record (issue 13): who may withdraw, until when, what stays, what is audited; and co-signing in the audit log. */

const sl = dictionary();
const during = new Date('2026-12-01T10:00:00Z');
const after = new Date('2027-02-01T10:00:00Z');
const BASE = 'https://posvet.test';

async function setup() {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  await db.deleteFrom('comments').execute();
  const ds = await consultationId(db, 'ds2030');
  const window = {
    consultationId: ds,
    consultationStatus: 'open' as const,
    versionId: 'osnutek-test',
    opensAt: new Date('2026-11-01T08:00:00Z'),
    closesAt: new Date('2027-01-31T23:00:00Z'),
    lastDay: new Date('2027-01-31T22:59:00Z'),
  };
  const windows = windowLookup([window]);
  const anchor: CommentAnchor = {
    window,
    scope: 'block',
    chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
    block: { key: 'cilji-2030', number: '2.3', fingerprint: 'abc', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
  };
  const actor = (email: string): Promise<CommentActor> => actorFor(db, email);
  const bled = await actor('bled@posvet.test');
  const submit = async (body = 'Predlagamo jasnejši rok.') => {
    const saved = await saveComment(db, bled, anchor, { kind: 'comment', body }, 'submit', { now: during, baseUrl: BASE });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value.id;
  };
  return { db, windows, bled, actor, submit, anchor };
}

const row = (db: Db, id: number) =>
  db.selectFrom('comments').select(['state', 'body', 'withdrawn_at', 'withdrawal_reason', 'moderation_status']).where('id', '=', id).executeTakeFirstOrThrow();
const audit = (db: Db, id: number, action: string) =>
  db.selectFrom('audit_log').select(['actor_user_id', 'before_json', 'after_json', 'ip']).where('target_type', '=', 'comment').where('target_id', '=', String(id)).where('action', '=', action).execute();
const message = (result: Result) => (result.ok ? undefined : { status: STATUS_OF[result.error.code], message: result.error.message?.(sl) });
const parseReason = (reason: string | undefined) => withdrawalInput(sl).safeParse(reason === undefined ? {} : { reason });

describe('withdrawing a comment', () => {
  it('while nothing is recorded on it: the row keeps its text, gains the time and the reason; the audit log has it', async () => {
    const { db, windows, bled, submit } = await setup();
    const id = await submit();
    const result = await withdrawComment(db, bled, id, { reason: 'Napačen odstavek.' }, windows, { now: during, ip: '192.0.2.9' });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(await row(db, id)).toEqual({ state: 'withdrawn', body: 'Predlagamo jasnejši rok.', withdrawn_at: during.toISOString(), withdrawal_reason: 'Napačen odstavek.', moderation_status: 'new' });
    const entries = await audit(db, id, 'comment.withdrawn');
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_user_id).toBe(bled.id);
    expect(entries[0].ip).toBe('192.0.2.9');
    expect(JSON.parse(entries[0].before_json!)).toEqual({ state: 'submitted' });
    expect(JSON.parse(entries[0].after_json!)).toEqual({ state: 'withdrawn', reason: 'Napačen odstavek.' });
    // Out of the public lists, but its permalink's record stays (and the open data says it was withdrawn).
    expect(await listPublicComments(db)).toEqual([]);
    expect((await withdrawnComment(db, id))?.withdrawal_reason).toBe('Napačen odstavek.');
    expect(await commentRecord(db, id, { baseUrl: BASE, currentVersionId: async () => undefined })).toEqual({ state: 'withdrawn', withdrawnAt: during.toISOString() });
    // Withdrawing again: it is withdrawn already, nothing more recorded.
    expect(message(await withdrawComment(db, bled, id, { reason: null }, windows, { now: during }))).toEqual({ status: 409, message: 'Pripomba je že umaknjena.' });
    expect(await audit(db, id, 'comment.withdrawn')).toHaveLength(1);
  });

  it('without a reason stores none', async () => {
    const { db, windows, bled, submit } = await setup();
    const id = await submit();
    const parsed = parseReason('   \n ');
    expect(parsed.success && parsed.data).toEqual({ reason: null });
    expect((await withdrawComment(db, bled, id, parsed.success ? parsed.data : { reason: 'x' }, windows, { now: during })).ok).toBe(true);
    expect((await row(db, id)).withdrawal_reason).toBeNull();
    expect(JSON.parse((await audit(db, id, 'comment.withdrawn'))[0].after_json!)).toEqual({ state: 'withdrawn', reason: null });
  });

  it('refused once a stance has been drafted (a stances row), nothing changed', async () => {
    const { db, windows, bled, actor, submit } = await setup();
    const id = await submit();
    const moderator = await actor('moderator@posvet.test');
    await db.insertInto('stances').values({ comment_id: id, status: 'noted', response: 'Seznanjeni.', state: 'drafted', drafted_by: moderator.id, drafted_at: during.toISOString() }).execute();
    expect((await withdrawable(db, bled, id, windows, during)).ok).toBe(false);
    expect(message(await withdrawComment(db, bled, id, { reason: 'Umikamo.' }, windows, { now: during }))).toEqual({
      status: 409,
      message: 'Pripombe ne morete več umakniti: ministrstvo jo že obravnava.',
    });
    expect(await row(db, id)).toMatchObject({ state: 'submitted', withdrawn_at: null, withdrawal_reason: null });
    expect(await audit(db, id, 'comment.withdrawn')).toEqual([]);
  });

  it('refused while the comment is in review (moderation status beyond "new"), nothing changed', async () => {
    const { db, windows, bled, submit } = await setup();
    const id = await submit();
    await db.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', id).execute();
    expect(message(await withdrawComment(db, bled, id, { reason: null }, windows, { now: during }))?.message).toBe('Pripombe ne morete več umakniti: ministrstvo jo že obravnava.');
    expect(await row(db, id)).toMatchObject({ state: 'submitted', withdrawn_at: null });
    expect(await audit(db, id, 'comment.withdrawn')).toEqual([]);
  });

  it('the update itself checks again: a stance recorded after the check wins', async () => {
    const { db, windows, bled, actor, submit } = await setup();
    const id = await submit();
    const moderator = await actor('moderator@posvet.test');
    // The moderator's stance lands between the check and the update: the update's condition sees it.
    const original = db.transaction.bind(db);
    let raced = false;
    (db as { transaction: unknown }).transaction = () => ({
      execute: async (work: Parameters<ReturnType<typeof original>['execute']>[0]) => {
        raced = true;
        await db.insertInto('stances').values({ comment_id: id, status: 'rejected', response: 'Ne.', state: 'drafted', drafted_by: moderator.id, drafted_at: during.toISOString() }).execute();
        return original().execute(work);
      },
    });
    const result = await withdrawComment(db, bled, id, { reason: null }, windows, { now: during });
    (db as { transaction: unknown }).transaction = original;
    expect(raced).toBe(true);
    expect(message(result)?.message).toBe('Pripombe ne morete več umakniti: ministrstvo jo že obravnava.');
    expect((await row(db, id)).state).toBe('submitted');
    expect(await audit(db, id, 'comment.withdrawn')).toEqual([]);
  });

  it('refused after the window of its version closed', async () => {
    const { db, windows, bled, submit } = await setup();
    const id = await submit();
    const refused = message(await withdrawComment(db, bled, id, { reason: null }, windows, { now: after }));
    expect(refused?.status).toBe(422);
    expect(refused?.message).toMatch(/oddanih pripomb ni več mogoče umakniti/);
    expect((await row(db, id)).state).toBe('submitted');
    expect(await audit(db, id, 'comment.withdrawn')).toEqual([]);
  });

  it('refused to another organisation and to a moderator', async () => {
    const { db, windows, actor, submit } = await setup();
    const id = await submit();
    for (const email of ['ljubljana@posvet.test', 'moderator@posvet.test']) {
      expect(message(await withdrawComment(db, await actor(email), id, { reason: null }, windows, { now: during }))?.status).toBe(403);
    }
    expect((await row(db, id)).state).toBe('submitted');
    expect(await audit(db, id, 'comment.withdrawn')).toEqual([]);
  });

  it('a reason of more than 1,000 characters is refused with a message; 1,000 are fine', async () => {
    const parsedLong = parseReason('ž'.repeat(1001));
    expect(parsedLong.success).toBe(false);
    if (!parsedLong.success) expect(parsedLong.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'Razlog je predolg (največ 1.000 znakov).']]);
    const fine = parseReason(`  ${'ž'.repeat(1000)}  `);
    expect(fine.success && fine.data.reason?.length).toBe(1000);
  });
});

describe('one comment as open data', () => {
  it('public, withdrawn, hidden, draft, unknown and malformed', async () => {
    const { db, windows, bled, submit, anchor } = await setup();
    const shown = await submit('Javna pripomba.');
    const hidden = await submit('Skrita pripomba.');
    await db.updateTable('comments').set({ hidden: 1, hidden_reason: 'spam' }).where('id', '=', hidden).execute();
    const draft = await saveComment(db, bled, anchor, { kind: 'comment', body: 'Osnutek.' }, 'draft', { now: during });
    if (!draft.ok) throw new Error('no draft');
    const options = { baseUrl: BASE, currentVersionId: async () => undefined };
    const publicRecord = await commentRecord(db, shown, options);
    expect(publicRecord.state).toBe('public');
    if (publicRecord.state === 'public') expect(publicRecord.item).toMatchObject({ id: shown, consultation: 'ds2030', url: `${BASE}/pripombe/${shown}`, body: 'Javna pripomba.', block: '2.3', status: 'new' });
    expect(await commentRecord(db, hidden, options)).toEqual({ state: 'not_found' });
    expect(await commentRecord(db, draft.value.id, options)).toEqual({ state: 'not_found' });
    expect(await commentRecord(db, 999_999, options)).toEqual({ state: 'not_found' });
    expect((await withdrawComment(db, bled, shown, { reason: null }, windows, { now: during })).ok).toBe(true);
    expect(await commentRecord(db, shown, options)).toEqual({ state: 'withdrawn', withdrawnAt: during.toISOString() });
    // Withdrawn after a moderator hid it: not public, so not found.
    expect((await withdrawComment(db, bled, hidden, { reason: null }, windows, { now: during })).ok).toBe(true);
    expect(await commentRecord(db, hidden, options)).toEqual({ state: 'not_found' });
    expect(await withdrawnComment(db, hidden)).toBeUndefined();
    for (const bad of ['abc', '-1', '0', '1.5', '']) {
      const response = await commentJsonResponse(bad, sl);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toEqual({ error: 'Neveljavna številka pripombe: pričakovano je pozitivno celo število.' });
    }
  });
});

describe('co-signing in the audit log', () => {
  it('support and its withdrawal are audited once each, only when something changed', async () => {
    const { db, windows, actor, submit } = await setup();
    const id = await submit();
    const ljubljana = await actor('ljubljana@posvet.test');
    expect((await setSupport(db, ljubljana, id, true, windows, during, '192.0.2.7')).ok).toBe(true);
    expect((await setSupport(db, ljubljana, id, true, windows, during)).ok).toBe(true);
    const supported = await audit(db, id, 'comment.supported');
    expect(supported).toHaveLength(1);
    expect(supported[0]).toMatchObject({ actor_user_id: ljubljana.id, ip: '192.0.2.7' });
    expect(JSON.parse(supported[0].after_json!)).toEqual({ supported: true, organisationId: ljubljana.organisationId });
    expect((await setSupport(db, ljubljana, id, false, windows, during)).ok).toBe(true);
    expect((await setSupport(db, ljubljana, id, false, windows, during)).ok).toBe(true);
    expect(await audit(db, id, 'comment.support_withdrawn')).toHaveLength(1);
    expect(await audit(db, id, 'comment.supported')).toHaveLength(1);
    // Refused (after the window): nothing audited.
    expect((await setSupport(db, ljubljana, id, true, windows, after)).ok).toBe(false);
    expect(await audit(db, id, 'comment.supported')).toHaveLength(1);
    expect(await db.selectFrom('comment_supports').selectAll().execute()).toEqual([]);
  });
});
