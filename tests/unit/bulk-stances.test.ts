import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { dictionary, type Dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { bulkStanceInput, draftStances, MAX_BULK_STANCES, stanceRevisions } from '../../src/lib/server/moderation/bulk.ts';
import { draftStance } from '../../src/lib/server/moderation/stances.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { submitForm } from '../../src/lib/server/web/form-handling.ts';
import { consultationId, seededDatabase } from './helpers.ts';

/*
 * The queue's bulk stance: one decision and obrazložitev drafted on each selected comment — each its
 * own stance row and audit entry, in one transaction — refused whole when any selected comment's
 * stance changed since the queue showed it.
 */

const IP = '192.0.2.9';
const sl = dictionary();

const anchorIn = (consultation: number): CommentAnchor => ({
  window: {
    consultationId: consultation,
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

function viaForm<S extends z.ZodType, T>(schema: (t: Dictionary) => S, values: Record<string, string>, command: (input: z.infer<S>) => Promise<Result<T>>) {
  const request = new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values) });
  return submitForm({ request, locals: { t: sl } }, schema, command);
}

async function setup() {
  const { db } = await seededDatabase();
  const actor = async (email: string): Promise<CommentActor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  const ds = await consultationId(db, 'ds2030');
  const sdjs = await consultationId(db, 'sdjs2030');
  const bled = await actor('bled@posvet.test');
  const submit = async (body: string, consultation = ds) => {
    const outcome = await saveComment(db, bled, anchorIn(consultation), { kind: 'comment', body }, 'submit', { now: new Date('2026-12-01T10:00:00Z') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return outcome.value.id;
  };
  // The demo moderator moderates DS 2030 only.
  return { db, ds, sdjs, submit, moderator: await actor('moderator@posvet.test'), admin: await actor('admin@posvet.test'), bled };
}

/** The queue's form: the boxes ticked with the revisions the queue showed, the decision and the obrazložitev. */
function form(selected: Record<number, number>, status: string, response: string): Record<string, string> {
  const values: Record<string, string> = { intent: 'stance', 'stance-status': status, 'stance-response': response };
  for (const [id, revision] of Object.entries(selected)) {
    values[`select.${id}`] = '1';
    values[`revision-${id}`] = String(revision);
  }
  return values;
}

async function stances(db: Db, ids: number[]) {
  return db.selectFrom('stances').select(['comment_id', 'status', 'response', 'state', 'revision', 'drafted_by']).where('comment_id', 'in', ids).orderBy('comment_id').execute();
}

async function drafted(db: Db, ids: number[]) {
  return db.selectFrom('audit_log').select(['target_id', 'actor_user_id', 'after_json']).where('action', '=', 'stance.drafted').where('target_id', 'in', ids.map(String)).orderBy('id').execute();
}

describe('bulk stance', () => {
  it('N selected comments get N stance rows (drafted, each its own) and N audit entries; they move to "v obravnavi"', async () => {
    const { db, submit, moderator } = await setup();
    const ids = [await submit('Prva'), await submit('Druga'), await submit('Tretja')];
    const response = 'Ministrstvo predlog preuči v akcijskem načrtu.\nPodrobnosti sledijo.';
    const result = await viaForm(bulkStanceInput, form({ [ids[0]]: 0, [ids[1]]: 0, [ids[2]]: 0 }, 'partially_accepted', `  ${response.replace('\n', '\r\n')}  `), (input) => draftStances(db, moderator, input, IP));
    expect(result).toMatchObject({ ok: true, value: 3 });
    expect(await stances(db, ids)).toEqual(ids.map((id) => ({ comment_id: id, status: 'partially_accepted', response, state: 'drafted', revision: 1, drafted_by: moderator.id })));
    const entries = await drafted(db, ids);
    expect(entries.map((e) => [e.target_id, e.actor_user_id])).toEqual(ids.map((id) => [String(id), moderator.id]));
    expect(JSON.parse(entries[0].after_json!)).toEqual({ status: 'partially_accepted', response, state: 'drafted' });
    expect((await db.selectFrom('comments').select('moderation_status').where('id', 'in', ids).execute()).map((c) => c.moderation_status)).toEqual(['in_review', 'in_review', 'in_review']);
    // Nothing public changes before a stance is approved and published.
    expect((await db.selectFrom('comments').select('response').where('id', 'in', ids).execute()).every((c) => c.response === null)).toBe(true);
    expect(await stanceRevisions(db, [...ids, 999_999])).toEqual({ [ids[0]]: 1, [ids[1]]: 1, [ids[2]]: 1, 999999: 0 });
    // The queue shows revision 1 now: drafting again over it replaces each stance (revision 2).
    expect(await draftStances(db, moderator, { ids, revisions: { [ids[0]]: 1, [ids[1]]: 1, [ids[2]]: 1 }, status: 'accepted', response: '' }, IP)).toEqual({ ok: true, value: 3 });
    expect((await stances(db, ids)).map((s) => [s.status, s.response, s.revision])).toEqual(ids.map(() => ['accepted', null, 2]));
  });

  it('one comment whose stance changed meanwhile refuses the whole selection: nothing is stored, the message names it', async () => {
    const { db, submit, moderator, admin } = await setup();
    const [a, b, c] = [await submit('A'), await submit('B'), await submit('C')];
    expect((await draftStance(db, moderator, a, { status: 'rejected', response: 'Prvi predlog.' }, IP)).ok).toBe(true);
    // The queue showed A at revision 1 and B and C without a stance; then the administrator redrafted A.
    const shown = { [a]: 1, [b]: 0, [c]: 0 };
    expect((await draftStance(db, admin, a, { status: 'noted', response: 'Skrbnikov predlog.', revision: 1 }, IP)).ok).toBe(true);
    const before = { stances: await stances(db, [a, b, c]), audit: await drafted(db, [a, b, c]) };

    const result = await viaForm(bulkStanceInput, form(shown, 'rejected', 'Skupna obrazložitev.'), (input) => draftStances(db, moderator, input, IP));
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      errors: { _form: `Pripombo št. ${a} je medtem spremenil drug moderator; nobena pripomba ni bila spremenjena. Preverite jo in poskusite znova.` },
      // What was typed stays for the moderator to send again.
      values: { 'stance-response': 'Skupna obrazložitev.', 'stance-status': 'rejected' },
    });
    expect(await stances(db, [a, b, c])).toEqual(before.stances);
    expect(await drafted(db, [a, b, c])).toEqual(before.audit);
    expect((await db.selectFrom('comments').select(['id', 'moderation_status']).where('id', 'in', [b, c]).orderBy('id').execute()).map((r) => r.moderation_status)).toEqual(['new', 'new']);

    // B got a stance too meanwhile (the queue had shown none): both are named.
    expect((await draftStance(db, admin, b, { status: 'accepted', response: '' }, IP)).ok).toBe(true);
    const refused = await draftStances(db, moderator, { ids: [c, b, a], revisions: shown, status: 'rejected', response: 'Skupna obrazložitev.' }, IP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message?.(sl)).toBe(`Pripombi št. ${a} in ${b} je medtem spremenil drug moderator; nobena pripomba ni bila spremenjena. Preverite ju in poskusite znova.`);
    expect(await stances(db, [c])).toEqual([]);
    // With the revisions the queue shows now, it goes through.
    expect(await draftStances(db, moderator, { ids: [a, b, c], revisions: await stanceRevisions(db, [a, b, c]), status: 'rejected', response: 'Skupna obrazložitev.' }, IP)).toEqual({ ok: true, value: 3 });
  });

  it('names three or more changed comments in a list', () => {
    expect(sl.templates.bulk.stale([3, 8, 21])).toBe('Pripombe št. 3, 8 in 21 je medtem spremenil drug moderator; nobena pripomba ni bila spremenjena. Preverite jih in poskusite znova.');
  });

  it('another consultation’s comment is left out, as every bulk action leaves it; only such comments are refused', async () => {
    const { db, submit, moderator, sdjs } = await setup();
    const mine = await submit('Moja');
    const foreign = await submit('Tuja', sdjs);
    const result = await viaForm(bulkStanceInput, form({ [mine]: 0, [foreign]: 0 }, 'noted', 'Seznanitev.'), (input) => draftStances(db, moderator, input, IP));
    expect(result).toMatchObject({ ok: true, value: 1 });
    expect((await stances(db, [mine, foreign])).map((s) => s.comment_id)).toEqual([mine]);
    expect(await drafted(db, [foreign])).toEqual([]);
    expect(await draftStances(db, moderator, { ids: [foreign], revisions: { [foreign]: 0 }, status: 'noted', response: 'Seznanitev.' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stances(db, [foreign])).toEqual([]);
    expect((await db.selectFrom('comments').select('moderation_status').where('id', '=', foreign).executeTakeFirstOrThrow()).moderation_status).toBe('new');
  });

  it('refuses bad input on its field, with nothing stored: no decision, no obrazložitev, nothing selected, more than a page', async () => {
    const { db, submit, moderator, bled } = await setup();
    const id = await submit('Pripomba');
    const post = (values: Record<string, string>) => viaForm(bulkStanceInput, values, (input) => draftStances(db, moderator, input, IP));
    expect(await post(form({ [id]: 0 }, '', 'Obrazložitev.'))).toMatchObject({ ok: false, errors: { 'stance-status': 'Izberite stališče.' } });
    expect(await post(form({ [id]: 0 }, 'objavljeno', 'Obrazložitev.'))).toMatchObject({ ok: false, errors: { 'stance-status': 'Izberite stališče.' } });
    expect(await post(form({ [id]: 0 }, 'rejected', '  \n '))).toMatchObject({ ok: false, errors: { 'stance-response': 'Vpišite obrazložitev. Obvezna je za vsa stališča razen „upoštevana“.' } });
    expect(await post(form({ [id]: 0 }, 'rejected', 'x'.repeat(10_001)))).toMatchObject({ ok: false, errors: { 'stance-response': expect.stringMatching(/^Obrazložitev je predolga/) } });
    expect(await post(form({}, 'accepted', ''))).toMatchObject({ ok: false, errors: { ids: 'Izberite vsaj eno pripombo.' } });
    const tooMany = Object.fromEntries(Array.from({ length: MAX_BULK_STANCES + 1 }, (_, i) => [id + 1000 + i, 0]));
    expect(await post(form(tooMany, 'accepted', ''))).toMatchObject({ ok: false, errors: { ids: 'Hkrati lahko izberete največ 25 pripomb.' } });
    expect(await draftStances(db, moderator, { ids: Object.keys(tooMany).map(Number), revisions: {}, status: 'accepted', response: '' }, IP)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // A municipality's member may not draft at all.
    expect(await draftStances(db, bled, { ids: [id], revisions: { [id]: 0 }, status: 'accepted', response: '' }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stances(db, [id])).toEqual([]);
    expect(await drafted(db, [id])).toEqual([]);
    // "upoštevana" needs no obrazložitev.
    expect(await post(form({ [id]: 0 }, 'accepted', ''))).toMatchObject({ ok: true, value: 1 });
  });

  it('says how many comments got the stance, in the four forms', () => {
    expect([1, 2, 3, 5, 101, 102].map((n) => sl.templates.bulk.done(n))).toEqual([
      'Predlog stališča je zapisan pri 1 pripombi.',
      'Predlog stališča je zapisan pri 2 pripombah.',
      'Predlog stališča je zapisan pri 3 pripombah.',
      'Predlog stališča je zapisan pri 5 pripombah.',
      'Predlog stališča je zapisan pri 101 pripombi.',
      'Predlog stališča je zapisan pri 102 pripombah.',
    ]);
  });
});
