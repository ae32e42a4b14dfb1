import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { acceptTheme, discardTheme, mergeThemes, moveComments, renameTheme, requestSuggestions } from '../../src/lib/server/moderation/themes/commands.ts';
import { runThemeJobs } from '../../src/lib/server/moderation/themes/jobs.ts';
import { themesOfRows } from '../../src/lib/server/moderation/themes/queue.ts';
import { listThemes, themeComments } from '../../src/lib/server/moderation/themes/read.ts';
import { suggestThemes } from '../../src/lib/server/moderation/themes/suggest.ts';
import { listQueue } from '../../src/lib/server/moderation/queue.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { consultationId, organisationId, seededDatabase } from './helpers.ts';

/*
 * Suggested themes in the database: a moderator asks, the background job computes, moderators
 * decide. Suggestions are replaced by the next run; accepted themes and what a person assigned stay.
 * Every decision is audited; only the consultation's moderators and administrators may decide.
 */

const IP = '192.0.2.15';
// A chapter the demo data has no comments on: the test's comments are all there is.
const ECONOMY = 'digitalna-preobrazba-gospodarstva';
const BROADBAND = ['Optični priključki na podeželju manjkajo, gradnja omrežja zamuja.', 'Gradnja optičnega omrežja na podeželju naj ima prednost.', 'Podeželje potrebuje hitre optične priključke.', 'Vasi čakajo na optično omrežje in hitre priključke.'];
const MASTS = ['Bazne postaje 5G naj se postavljajo stran od šol in vrtcev.', 'Prebivalci nasprotujejo baznim postajam 5G ob šolah.', 'Lokacije baznih postaj 5G naj se določijo z javno razpravo.', 'Bazne postaje 5G potrebujejo soglasje krajanov.'];

async function setup() {
  const { db } = await seededDatabase();
  const actor = async (email: string): Promise<Actor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  const ds = await consultationId(db, 'ds2030');
  const bled = await organisationId(db, '3');
  const version = (await db.selectFrom('comments').select('version_id').where('consultation_id', '=', ds).executeTakeFirstOrThrow()).version_id;
  const at = new Date().toISOString();
  const rows = [...BROADBAND, ...MASTS].map((body) => ({ organisation_id: bled, consultation_id: ds, scope: 'chapter' as const, version_id: version, chapter_slug: ECONOMY, chapter_number: 3, kind: 'comment' as const, body, state: 'submitted' as const, created_at: at, updated_at: at, submitted_at: at }));
  const ids = (await db.insertInto('comments').values(rows).returning('id').execute()).map((r) => r.id);
  return { db, ds, sdjs: await consultationId(db, 'sdjs2030'), ids, moderator: await actor('moderator@posvet.test'), admin: await actor('admin@posvet.test'), member: await actor('bled@posvet.test') };
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const audit = (db: Db, action: string) => db.selectFrom('audit_log').select(['actor_user_id', 'target_id', 'before_json', 'after_json']).where('action', '=', action).orderBy('id').execute();
const assignments = (db: Db, themeId: number) => db.selectFrom('comment_themes').select(['comment_id', 'source', 'assigned_by']).where('theme_id', '=', themeId).orderBy('comment_id').execute();

describe('suggested themes', () => {
  it('a request is computed by the job, once per scope while it waits; the two topics of a chapter become two suggestions', async () => {
    const { db, ds, ids, moderator } = await setup();
    const first = value(await requestSuggestions(db, moderator, ds, { scope: ECONOMY }, IP));
    expect(value(await requestSuggestions(db, moderator, ds, { scope: ECONOMY }, IP))).toEqual({ id: first.id, already: true });
    expect(await runThemeJobs(db)).toBe(1);
    expect(await runThemeJobs(db)).toBe(0);
    const run = await db.selectFrom('theme_runs').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ state: 'done', themes: 2, comments: 8 });
    const themes = await listThemes(db, ds);
    expect(themes.map((t) => ({ state: t.state, comments: t.comments, chapter: t.chapter_slug }))).toEqual([
      { state: 'suggested', comments: 4, chapter: ECONOMY },
      { state: 'suggested', comments: 4, chapter: ECONOMY },
    ]);
    const sets = await Promise.all(themes.map(async (t) => (await assignments(db, t.id)).map((a) => a.comment_id)));
    expect(sets.sort((a, b) => a[0] - b[0])).toEqual([ids.slice(0, 4), ids.slice(4)]);
    expect((await assignments(db, themes[0].id)).every((a) => a.source === 'algorithm' && a.assigned_by === null)).toBe(true);
    expect(await audit(db, 'themes.requested')).toHaveLength(1);
    expect(value(await requestSuggestions(db, moderator, ds, { scope: 'ni-poglavja' }, IP).then((r) => (r.ok ? r : { ok: true as const, value: r.error.code })))).toBe('invalid');
  });

  it('a new run replaces the suggestions but keeps accepted themes, their comments and what a moderator moved', async () => {
    const { db, ds, ids, moderator } = await setup();
    await suggestThemes(db, ds, ECONOMY);
    const [a, b] = await listThemes(db, ds);
    value(await acceptTheme(db, moderator, ds, a.id, { name: 'Optika na podeželju' }, IP));
    // One comment of the other suggestion moved by a person into the accepted theme.
    const moved = (await assignments(db, b.id))[0].comment_id;
    expect(value(await moveComments(db, moderator, ds, b.id, { ids: [moved], to: a.id }, IP))).toEqual({ moved: 1 });
    const before = await assignments(db, a.id);
    expect(before.find((r) => r.comment_id === moved)).toMatchObject({ source: 'moderator', assigned_by: moderator.id });

    const again = await suggestThemes(db, ds, ECONOMY);
    const after = await listThemes(db, ds);
    expect(after.find((t) => t.id === a.id)).toMatchObject({ state: 'accepted', label: 'Optika na podeželju', comments: 5 });
    expect(await assignments(db, a.id)).toEqual(before);
    expect(after.some((t) => t.id === b.id)).toBe(false);
    // Only the comments not in the accepted theme were clustered again.
    expect(again.comments).toBe(ids.length - before.length);
  });

  it('moderators accept, rename, merge and discard, each audited; suggestions show as such in the queue', async () => {
    const { db, ds, ids, moderator } = await setup();
    await suggestThemes(db, ds, ECONOMY, {});
    await suggestThemes(db, ds, null);
    const chapterThemes = (await listThemes(db, ds)).filter((t) => t.chapter_slug === ECONOMY);
    const [a, b] = chapterThemes;
    const rows = await themesOfRows(db, [ids[0]]);
    expect(rows.get(ids[0])!.every((t) => t.suggested)).toBe(true);

    value(await acceptTheme(db, moderator, ds, a.id, { name: null }, IP));
    expect((await acceptTheme(db, moderator, ds, a.id, { name: null }, IP)).ok).toBe(false);
    value(await renameTheme(db, moderator, ds, a.id, { name: 'Gradnja omrežja' }, IP));
    const [renamed] = await audit(db, 'theme.renamed');
    expect(JSON.parse(renamed.after_json!)).toMatchObject({ label: 'Gradnja omrežja', state: 'accepted' });
    expect(renamed.actor_user_id).toBe(moderator.id);

    // A theme of the whole draft cannot merge with a chapter's.
    const draftTheme = (await listThemes(db, ds)).find((t) => t.chapter_slug === null)!;
    expect((await mergeThemes(db, moderator, ds, { ids: [a.id, draftTheme.id], into: a.id, name: null }, IP)).ok).toBe(false);
    value(await mergeThemes(db, moderator, ds, { ids: [a.id, b.id], into: a.id, name: 'Omrežja in bazne postaje' }, IP));
    const merged = (await listThemes(db, ds, ['accepted', 'discarded'])).filter((t) => t.chapter_slug === ECONOMY);
    expect(merged.map((t) => [t.id, t.state, t.comments])).toEqual([[a.id, 'accepted', 8], [b.id, 'discarded', 0]]);
    expect((await assignments(db, a.id)).filter((r) => r.source === 'moderator')).toHaveLength(4);
    expect(await audit(db, 'themes.merged')).toHaveLength(1);

    // Comments move only into an accepted theme: a suggestion could be replaced by the next run.
    const intoSuggestion = await moveComments(db, moderator, ds, a.id, { ids: [ids[1]], to: draftTheme.id }, IP);
    expect(intoSuggestion.ok ? 'ok' : intoSuggestion.error.code).toBe('invalid');
    value(await discardTheme(db, moderator, ds, draftTheme.id, IP));
    expect((await audit(db, 'theme.discarded'))[0]).toMatchObject({ actor_user_id: moderator.id, target_id: String(draftTheme.id) });
    // The queue's filter by theme, and the theme's page of comments.
    expect((await listQueue(db, ds, { theme: a.id }, moderator.id)).total).toBe(8);
    expect((await themeComments(db, a.id, 1)).total).toBe(8);

    // Out of the theme: the assignment goes, the audit says who and from where.
    value(await moveComments(db, moderator, ds, a.id, { ids: [ids[0]], to: null }, IP));
    expect((await assignments(db, a.id)).some((r) => r.comment_id === ids[0])).toBe(false);
    expect(JSON.parse((await audit(db, 'theme.comment_moved'))[0].before_json!)).toMatchObject({ theme: a.id });
    // A comment no longer in the theme is refused.
    expect((await moveComments(db, moderator, ds, a.id, { ids: [ids[0]], to: null }, IP)).ok).toBe(false);
  });

  it('only the consultation’s moderators and administrators decide', async () => {
    const { db, ds, sdjs, moderator, admin, member } = await setup();
    await suggestThemes(db, ds, ECONOMY);
    const [theme] = await listThemes(db, ds);
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
    expect(code(await requestSuggestions(db, member, ds, { scope: null }, IP))).toBe('forbidden');
    expect(code(await acceptTheme(db, member, ds, theme.id, { name: null }, IP))).toBe('forbidden');
    // The demo moderator moderates DS 2030 only.
    expect(code(await requestSuggestions(db, moderator, sdjs, { scope: null }, IP))).toBe('forbidden');
    expect(code(await discardTheme(db, moderator, sdjs, theme.id, IP))).toBe('forbidden');
    // A theme asked for through another consultation is not found there.
    expect(code(await acceptTheme(db, admin, sdjs, theme.id, { name: null }, IP))).toBe('not_found');
    expect(code(await acceptTheme(db, admin, ds, theme.id, { name: null }, IP))).toBe('ok');
  });
});
