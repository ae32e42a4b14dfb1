import { can } from '../accounts/access.ts';
import { fail, ok, type DomainError, type Result } from '../../result.ts';
import type { Db } from '../platform/db.ts';
import { windowRefusal, type WindowLookup } from './consultation-window.ts';
import type { CommentActor } from './input.ts';

/** What is done with a comment once it exists: withdrawal, deleting a draft, co-signing (answering a joint position: joint.ts). */

const notAllowed = (): { ok: false; error: DomainError } => fail('forbidden', (t) => t.access.notAllowed);

/** The organisation withdraws its submitted comment; allowed until the window of its version closes. */
export async function withdrawComment(db: Db, actor: CommentActor, commentId: number, windows: WindowLookup, now = new Date()): Promise<Result> {
  if (!can(actor, 'comment')) return notAllowed();
  const comment = await db.selectFrom('comments').select(['organisation_id', 'state', 'consultation_id', 'version_id']).where('id', '=', commentId).executeTakeFirst();
  if (!comment || comment.organisation_id !== actor.organisationId) return notAllowed();
  if (comment.state !== 'submitted') return fail('conflict', (t) => t.comments.errors.notSubmitted);
  const refused = windowRefusal(windows(comment.consultation_id, comment.version_id), 'withdraw', now);
  if (refused) return fail('closed', refused);
  await db
    .updateTable('comments')
    .set({ state: 'withdrawn', withdrawn_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', commentId)
    .where('state', '=', 'submitted')
    .execute();
  return ok();
}

/** Deletes a draft; only drafts, only the author's organisation. */
export async function deleteDraft(db: Db, actor: CommentActor, commentId: number): Promise<Result> {
  if (!can(actor, 'comment')) return notAllowed();
  const result = await db
    .deleteFrom('comments')
    .where('id', '=', commentId)
    .where('organisation_id', '=', actor.organisationId)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? ok() : notAllowed();
}

/**
 * Another organisation co-signs ("Podpiramo") a public comment, or takes its support back — until
 * the window of the comment's version closes. Supporting twice is supporting once.
 */
export async function setSupport(db: Db, actor: CommentActor, commentId: number, support: boolean, windows: WindowLookup, now = new Date()): Promise<Result> {
  if (!can(actor, 'comment')) return notAllowed();
  const comment = await db.selectFrom('comments').select(['organisation_id', 'state', 'hidden', 'consultation_id', 'version_id']).where('id', '=', commentId).executeTakeFirst();
  if (!comment || comment.state !== 'submitted' || comment.hidden) return fail('not_found', (t) => t.comments.errors.notPublic);
  if (comment.organisation_id === actor.organisationId) return fail('conflict', (t) => t.comments.errors.ownComment);
  const refused = windowRefusal(windows(comment.consultation_id, comment.version_id), 'support', now);
  if (refused) return fail('closed', refused);
  if (support) {
    await db
      .insertInto('comment_supports')
      .values({ comment_id: commentId, organisation_id: actor.organisationId, user_id: actor.id, created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('comment_supports').where('comment_id', '=', commentId).where('organisation_id', '=', actor.organisationId).execute();
  }
  return ok();
}
