import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { fail, ok, type Result } from '../../result.ts';
import { can, type Actor } from '../accounts/access.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { findChapter } from '../content/content.ts';
import { queueMail } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';

/** What the moderation use cases share: finding the comment, refusing, telling the organisation. */

/** A positive id as a form sends it. */
export const idField = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One tag: letters, digits, spaces, hyphens and underscores, at most 40 characters. */
export const tagField = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N} _-]+$/u);

export const forbidden = () => fail('forbidden', (t) => t.access.notAllowed);
export const commentNotFound = () => fail('not_found', (t) => t.moderation.errors.notFound);

/** A submitted comment (a draft or a withdrawn one is not the moderators' to handle). */
export async function submittedComment(db: Kysely<Database>, commentId: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', commentId).where('state', '=', 'submitted').executeTakeFirst();
}

type SubmittedComment = NonNullable<Awaited<ReturnType<typeof submittedComment>>>;

/**
 * The submitted comment the actor may moderate — refused when they do not moderate at all or not
 * its consultation, "not found" when it is not a submitted comment.
 */
export async function commentToModerate(db: Kysely<Database>, actor: Actor, commentId: number): Promise<Result<SubmittedComment>> {
  if (!can(actor, 'moderate')) return forbidden();
  const comment = await submittedComment(db, commentId);
  if (!comment) return commentNotFound();
  if (!(await mayModerate(db, actor, comment.consultation_id))) return forbidden();
  return ok(comment);
}

/** Where a comment stands, for its mails: the consultation's title, the paragraph's number and its chapter's title. */
export async function commentPlace(
  db: Kysely<Database>,
  comment: { consultation_id: number; version_id: string; chapter_slug: string | null; block_number: string | null },
): Promise<{ consultation: string; chapter: string | null; block: string | null }> {
  const consultation = await db.selectFrom('consultations').select(['slug', 'title']).where('id', '=', comment.consultation_id).executeTakeFirst();
  const chapter = consultation && comment.chapter_slug ? await findChapter(consultation.slug, comment.version_id, comment.chapter_slug) : undefined;
  return { consultation: consultation?.title ?? '', chapter: chapter?.title ?? null, block: comment.block_number };
}

/** Queues a mail to every active member of the organisation. */
export async function notifyOrganisation(trx: Kysely<Database>, organisationId: number, subject: string, text: string) {
  const members = await trx.selectFrom('users').select('email').where('organisation_id', '=', organisationId).where('status', '=', 'active').execute();
  for (const member of members) await queueMail(trx, { to: member.email, subject, text });
}
