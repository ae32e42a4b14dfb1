import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { perDictionary } from '../../../i18n/index.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import type { Actor } from '../accounts/access.ts';
import { can } from '../accounts/access.ts';
import { listChapters, listVersions } from '../content/content.ts';
import { currentOf } from '../content/versions.ts';
import { findConsultationById } from '../consultations/consultations.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import { forbidden } from './common.ts';

/**
 * Answer templates (predloge obrazložitev): texts a consultation's moderators keep ready for the
 * obrazložitev of a stance — general ones (every chapter) and a chapter's own. Moderators of the
 * consultation and administrators keep them; every change is audited in its transaction.
 */

export const MAX_TEMPLATE_NAME = 100;
export const MAX_TEMPLATE_BODY = 10_000;

/** The template form: a name, the chapter ('' = every chapter) and the text. */
export const templateInput = perDictionary((t) => {
  const m = t.templates.errors;
  return z.object({
    name: z
      .string({ error: m.nameRequired })
      .transform((v) => v.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, { error: m.nameRequired }).max(MAX_TEMPLATE_NAME, { error: m.nameTooLong(MAX_TEMPLATE_NAME) })),
    chapter: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    body: z
      .string()
      .optional()
      .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
      .pipe(z.string().min(1, { error: m.bodyRequired }).max(MAX_TEMPLATE_BODY, { error: m.bodyTooLong(MAX_TEMPLATE_BODY) })),
  });
});
export type TemplateInput = z.infer<ReturnType<typeof templateInput>>;

const names = new Intl.Collator('sl');
const byName = (a: { name: string }, b: { name: string }) => names.compare(a.name, b.name);

/** Every template of a consultation, by name, with who last changed it. */
export async function listTemplates(db: Kysely<Database>, consultationId: number) {
  const rows = await db
    .selectFrom('answer_templates as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .select(['a.id', 'a.chapter_slug', 'a.name', 'a.body', 'a.created_at', 'a.updated_at', 'u.name as updated_by_name'])
    .where('a.consultation_id', '=', consultationId)
    .execute();
  return rows.sort(byName);
}
export type AnswerTemplate = Awaited<ReturnType<typeof listTemplates>>[number];

/**
 * The templates that fit a comment on a chapter: the chapter's own first, then the general ones,
 * each by name; a comment on the whole draft (no chapter) gets the general ones only.
 */
export async function templatesFor(db: Kysely<Database>, consultationId: number, chapterSlug: string | null | undefined) {
  let query = db.selectFrom('answer_templates').select(['id', 'chapter_slug', 'name', 'body']).where('consultation_id', '=', consultationId);
  query = chapterSlug ? query.where((eb) => eb.or([eb('chapter_slug', 'is', null), eb('chapter_slug', '=', chapterSlug)])) : query.where('chapter_slug', 'is', null);
  const rows = await query.execute();
  return [...rows.filter((r) => r.chapter_slug !== null).sort(byName), ...rows.filter((r) => r.chapter_slug === null).sort(byName)];
}
export type FittingTemplate = Awaited<ReturnType<typeof templatesFor>>[number];

/** The current draft's chapters of a consultation (what a template may be for). */
export async function templateChapters(db: Db, consultationId: number) {
  const consultation = await findConsultationById(db, consultationId);
  // The current version as the pages read it (without the anchoring the pages trigger).
  const version = consultation && currentOf(await listVersions(consultation.slug));
  return version ? (await listChapters(consultation.slug, version.id)).map((c) => ({ slug: c.slug, number: c.number, title: c.title })) : [];
}

async function mayKeep(db: Db, actor: Actor, consultationId: number): Promise<boolean> {
  return can(actor, 'moderate') && (await mayModerate(db, actor, consultationId));
}

const notFound = () => fail('not_found', (t) => t.templates.errors.notFound);
const duplicate = () => invalid({ name: (t) => t.templates.errors.duplicate });

/** Another template of the consultation already has this name (case aside)? */
async function nameTaken(db: Kysely<Database>, consultationId: number, name: string, except?: number): Promise<boolean> {
  const wanted = name.toLocaleLowerCase('sl');
  const rows = await db.selectFrom('answer_templates').select(['id', 'name']).where('consultation_id', '=', consultationId).execute();
  return rows.some((r) => r.id !== except && r.name.toLocaleLowerCase('sl') === wanted);
}

/** The chapter must be one of the current draft's (or the one the template already has). */
async function checkChapter(db: Db, consultationId: number, chapter: string | null, unchanged?: string | null): Promise<Result> {
  if (chapter === null || chapter === unchanged) return ok();
  const chapters = await templateChapters(db, consultationId);
  return chapters.some((c) => c.slug === chapter) ? ok() : invalid({ chapter: (t) => t.templates.errors.chapterInvalid });
}

const stored = (input: TemplateInput) => ({ chapter_slug: input.chapter, name: input.name, body: input.body });
const facts = (t: { chapter_slug: string | null; name: string; body: string }) => ({ chapter: t.chapter_slug, name: t.name, body: t.body });

/** A new template of the consultation; answers its id. */
export async function createTemplate(db: Db, actor: Actor, consultationId: number, input: TemplateInput, ip: string | null, now = new Date()): Promise<Result<{ id: number }>> {
  if (!(await mayKeep(db, actor, consultationId))) return forbidden();
  const chapter = await checkChapter(db, consultationId, input.chapter);
  if (!chapter.ok) return chapter;
  if (await nameTaken(db, consultationId, input.name)) return duplicate();
  const stamp = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('answer_templates')
        .values({ consultation_id: consultationId, chapter_slug: input.chapter, name: input.name, body: input.body, created_by: actor.id, created_at: stamp, updated_by: actor.id, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: actor.id, action: 'template.created', targetType: 'answer_template', targetId: row.id, before: null, after: { consultation: consultationId, ...facts(stored(input)) }, ip });
      return ok({ id: row.id });
    });
  } catch (error) {
    // Another moderator took the name between the check and the insert.
    if (isUniqueViolation(error)) return duplicate();
    throw error;
  }
}

async function templateOf(db: Kysely<Database>, consultationId: number, templateId: number) {
  return db.selectFrom('answer_templates').selectAll().where('id', '=', templateId).where('consultation_id', '=', consultationId).executeTakeFirst();
}

/** Changes a template's name, chapter or text. */
export async function updateTemplate(db: Db, actor: Actor, consultationId: number, templateId: number, input: TemplateInput, ip: string | null, now = new Date()): Promise<Result<{ id: number }>> {
  if (!(await mayKeep(db, actor, consultationId))) return forbidden();
  const before = await templateOf(db, consultationId, templateId);
  if (!before) return notFound();
  const chapter = await checkChapter(db, consultationId, input.chapter, before.chapter_slug);
  if (!chapter.ok) return chapter;
  if (await nameTaken(db, consultationId, input.name, templateId)) return duplicate();
  try {
    return await db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('answer_templates')
        .set({ chapter_slug: input.chapter, name: input.name, body: input.body, updated_by: actor.id, updated_at: now.toISOString() })
        .where('id', '=', templateId)
        .where('consultation_id', '=', consultationId)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) return notFound();
      await recordAudit(trx, { actorUserId: actor.id, action: 'template.updated', targetType: 'answer_template', targetId: templateId, before: facts(before), after: facts(stored(input)), ip });
      return ok({ id: templateId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate();
    throw error;
  }
}

/** Deletes a template; obrazložitve already written with it stay as they are. */
export async function deleteTemplate(db: Db, actor: Actor, consultationId: number, templateId: number, ip: string | null): Promise<Result> {
  if (!(await mayKeep(db, actor, consultationId))) return forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await templateOf(trx, consultationId, templateId);
    if (!before) return notFound();
    await trx.deleteFrom('answer_templates').where('id', '=', templateId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'template.deleted', targetType: 'answer_template', targetId: templateId, before: facts(before), after: null, ip });
    return ok();
  });
}
