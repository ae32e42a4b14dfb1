import type { Kysely } from 'kysely';
import { fail, invalid, ok, type Result } from '../../../result.ts';
import { can, type Actor } from '../../accounts/access.ts';
import { mayModerate } from '../../consultations/moderators.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import { isUniqueViolation } from '../../platform/sql.ts';
import { forbidden } from '../common.ts';
import { templateChapters } from '../templates.ts';
import type { AcceptInput, MergeInput, MoveInput, RenameInput, SuggestInput } from './input.ts';

/**
 * What moderators decide about themes — nothing is decided automatically: asking for suggestions,
 * accepting a theme (perhaps renamed), renaming, merging several into one, discarding, moving
 * comments to another theme or out of one. Moderators of the consultation and administrators; each
 * change audited in its transaction; every assignment a person makes records them as its source.
 */

async function mayDecide(db: Db, actor: Actor, consultationId: number): Promise<boolean> {
  return can(actor, 'moderate') && (await mayModerate(db, actor, consultationId));
}

const notFound = () => fail('not_found', (t) => t.themes.errors.notFound);
const themeOf = (db: Kysely<Database>, consultationId: number, id: number) =>
  db.selectFrom('themes').selectAll().where('id', '=', id).where('consultation_id', '=', consultationId).executeTakeFirst();
const facts = (t: { label: string; state: string; chapter_slug: string | null }) => ({ label: t.label, state: t.state, chapter: t.chapter_slug });

/** Records a request for suggestions for a chapter or the whole draft; asking again while one waits answers that one. */
export async function requestSuggestions(db: Db, actor: Actor, consultationId: number, input: SuggestInput, ip: string | null): Promise<Result<{ id: number; already: boolean }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  const chapter = input.scope;
  if (chapter !== null && !(await templateChapters(db, consultationId)).some((c) => c.slug === chapter)) return invalid({ scope: (t) => t.themes.errors.scopeInvalid });
  const waiting = () =>
    db
      .selectFrom('theme_runs')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where((w) => (chapter === null ? w('chapter_slug', 'is', null) : w('chapter_slug', '=', chapter)))
      .where('state', 'in', ['pending', 'running'])
      .executeTakeFirst();
  const existing = await waiting();
  if (existing) return ok({ id: existing.id, already: true });
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('theme_runs').values({ consultation_id: consultationId, chapter_slug: chapter, requested_by: actor.id }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: actor.id, action: 'themes.requested', targetType: 'theme_run', targetId: row.id, before: null, after: { consultation: consultationId, chapter }, ip });
      return ok({ id: row.id, already: false });
    });
  } catch (error) {
    // Another moderator asked at the same moment (the partial unique index).
    const other = isUniqueViolation(error) ? await waiting() : undefined;
    if (other) return ok({ id: other.id, already: true });
    throw error;
  }
}

/** Accepts a suggested theme, under a new name when one is given. */
export async function acceptTheme(db: Db, actor: Actor, consultationId: number, themeId: number, input: AcceptInput, ip: string | null, now = new Date()): Promise<Result<{ id: number }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await themeOf(trx, consultationId, themeId);
    if (!before) return notFound();
    if (before.state !== 'suggested') return fail('conflict', (t) => t.themes.errors.notSuggested);
    const after = { ...before, state: 'accepted', label: input.name ?? before.label };
    await trx.updateTable('themes').set({ state: 'accepted', label: after.label, decided_by: actor.id, decided_at: now.toISOString() }).where('id', '=', themeId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'theme.accepted', targetType: 'theme', targetId: themeId, before: facts(before), after: facts(after), ip });
    return ok({ id: themeId });
  });
}

/** Renames a theme (suggested or accepted; a suggestion stays a suggestion). */
export async function renameTheme(db: Db, actor: Actor, consultationId: number, themeId: number, input: RenameInput, ip: string | null): Promise<Result<{ id: number }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await themeOf(trx, consultationId, themeId);
    if (!before || before.state === 'discarded') return notFound();
    await trx.updateTable('themes').set({ label: input.name }).where('id', '=', themeId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'theme.renamed', targetType: 'theme', targetId: themeId, before: facts(before), after: facts({ ...before, label: input.name }), ip });
    return ok({ id: themeId });
  });
}

/** Discards a theme: it is no longer shown with its comments nor offered; the record of it stays. */
export async function discardTheme(db: Db, actor: Actor, consultationId: number, themeId: number, ip: string | null, now = new Date()): Promise<Result<{ id: number }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await themeOf(trx, consultationId, themeId);
    if (!before || before.state === 'discarded') return notFound();
    await trx.updateTable('themes').set({ state: 'discarded', decided_by: actor.id, decided_at: now.toISOString() }).where('id', '=', themeId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'theme.discarded', targetType: 'theme', targetId: themeId, before: facts(before), after: facts({ ...before, state: 'discarded' }), ip });
    return ok({ id: themeId });
  });
}

/**
 * Merges themes into one of them: their comments move to it (assigned by the moderator), it is
 * accepted (renamed when a name is given), the others are discarded as merged.
 */
export async function mergeThemes(db: Db, actor: Actor, consultationId: number, input: MergeInput, ip: string | null, now = new Date()): Promise<Result<{ id: number }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const themes = await trx.selectFrom('themes').selectAll().where('consultation_id', '=', consultationId).where('id', 'in', input.ids).where('state', '!=', 'discarded').execute();
    if (themes.length !== input.ids.length) return notFound();
    const target = themes.find((t) => t.id === input.into)!;
    if (themes.some((t) => t.chapter_slug !== target.chapter_slug)) return invalid({ _form: (t) => t.themes.errors.mergeScope });
    const others = input.ids.filter((id) => id !== target.id);
    const stamp = now.toISOString();
    await trx
      .insertInto('comment_themes')
      .columns(['comment_id', 'theme_id', 'source', 'assigned_by', 'assigned_at'])
      .expression((eb) =>
        eb.selectFrom('comment_themes').select((s) => ['comment_id', s.val(target.id).as('theme_id'), s.val('moderator').as('source'), s.val(actor.id).as('assigned_by'), s.val(stamp).as('assigned_at')]).where('theme_id', 'in', others),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx.deleteFrom('comment_themes').where('theme_id', 'in', others).execute();
    await trx.updateTable('themes').set({ state: 'discarded', decided_by: actor.id, decided_at: stamp }).where('id', 'in', others).execute();
    const label = input.name ?? target.label;
    await trx.updateTable('themes').set({ state: 'accepted', label, decided_by: actor.id, decided_at: stamp }).where('id', '=', target.id).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'themes.merged', targetType: 'theme', targetId: target.id, before: themes.map((t) => ({ id: t.id, ...facts(t) })), after: { id: target.id, ...facts({ ...target, label, state: 'accepted' }) }, ip });
    return ok({ id: target.id });
  });
}

/** Moves comments of a theme to an accepted theme of the consultation, or out of the theme (`to` null). */
export async function moveComments(db: Db, actor: Actor, consultationId: number, themeId: number, input: MoveInput, ip: string | null, now = new Date()): Promise<Result<{ moved: number }>> {
  if (!(await mayDecide(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const from = await themeOf(trx, consultationId, themeId);
    if (!from || from.state === 'discarded') return notFound();
    const to = input.to === null ? undefined : await themeOf(trx, consultationId, input.to);
    if (input.to !== null && (!to || to.state !== 'accepted' || to.id === themeId)) return invalid({ to: (t) => t.themes.errors.moveTarget });
    const members = await trx.selectFrom('comment_themes').select('comment_id').where('theme_id', '=', themeId).where('comment_id', 'in', input.ids).execute();
    if (members.length !== input.ids.length) return fail('conflict', (t) => t.themes.errors.notInTheme);
    for (const { comment_id } of members) {
      await trx.deleteFrom('comment_themes').where('theme_id', '=', themeId).where('comment_id', '=', comment_id).execute();
      if (to) {
        await trx
          .insertInto('comment_themes')
          .values({ comment_id, theme_id: to.id, source: 'moderator', assigned_by: actor.id, assigned_at: now.toISOString() })
          .onConflict((oc) => oc.columns(['comment_id', 'theme_id']).doUpdateSet({ source: 'moderator', assigned_by: actor.id, assigned_at: now.toISOString() }))
          .execute();
      }
      await recordAudit(trx, { actorUserId: actor.id, action: 'theme.comment_moved', targetType: 'comment', targetId: comment_id, before: { theme: themeId, label: from.label }, after: to ? { theme: to.id, label: to.label } : null, ip });
    }
    return ok({ moved: members.length });
  });
}
