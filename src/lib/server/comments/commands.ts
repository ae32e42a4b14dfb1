import { indexSoon } from '../moderation/duplicates/jobs.ts';
import { z } from 'astro/zod';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { perDictionary } from '../../../i18n/index.ts';
import { can } from '../accounts/access.ts';
import { fail, ok, type DomainError, type Result } from '../../result.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { windowRefusal, type WindowLookup } from './consultation-window.ts';
import type { CommentActor } from './input.ts';

/** What is done with a comment once it exists: withdrawal, deleting a draft, co-signing (answering a joint position: joint.ts). */

const notAllowed = (): { ok: false; error: DomainError } => fail('forbidden', (t) => t.access.notAllowed);

/** The longest reason for a withdrawal, in characters. */
export const WITHDRAWAL_REASON_MAX = 1000;

/** The withdrawal form: an optional reason (trimmed; empty is none). */
export const withdrawalInput = perDictionary((t) =>
  z.object({
    reason: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? '')
      .refine((v) => [...v].length <= WITHDRAWAL_REASON_MAX, { error: t.commentRecord.errors.reasonTooLong(WITHDRAWAL_REASON_MAX) })
      .transform((v) => (v === '' ? null : v)),
  }),
);

export type WithdrawalInput = z.output<ReturnType<typeof withdrawalInput>>;

/** Nothing has been recorded on it yet: no stance (drafted or later), no moderation status beyond "new". */
const untouched = (eb: ExpressionBuilder<Database, 'comments'>) =>
  eb.and([eb('comments.moderation_status', '=', 'new'), eb.not(eb.exists(eb.selectFrom('stances').select('stances.comment_id').whereRef('stances.comment_id', '=', 'comments.id')))]);

/**
 * May the actor's organisation withdraw this comment now? Its own submitted comment, until the
 * window of its version closes, and while the ministry has recorded nothing on it (moderation
 * status "new", no stance). The refusal says why; the value is the comment.
 */
export async function withdrawable(db: Kysely<Database>, actor: CommentActor, commentId: number, windows: WindowLookup, now = new Date()) {
  if (!can(actor, 'comment')) return notAllowed();
  const comment = await db
    .selectFrom('comments')
    .select(['id', 'organisation_id', 'state', 'consultation_id', 'version_id', 'moderation_status'])
    .select((eb) => untouched(eb).as('untouched'))
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!comment || comment.organisation_id !== actor.organisationId) return notAllowed();
  if (comment.state === 'withdrawn') return fail('conflict', (t) => t.commentRecord.errors.alreadyWithdrawn);
  if (comment.state !== 'submitted') return fail('conflict', (t) => t.comments.errors.notSubmitted);
  const refused = windowRefusal(windows(comment.consultation_id, comment.version_id), 'withdraw', now);
  if (refused) return fail('closed', refused);
  if (!comment.untouched) return fail('conflict', (t) => t.commentRecord.errors.underReview);
  return ok(comment);
}

/**
 * The organisation withdraws its submitted comment (see `withdrawable`), with an optional reason.
 * The comment keeps its text and permalink; the withdrawal and its audit entry are one transaction,
 * and a stance recorded at the same moment wins (the update's own condition checks it again).
 */
export async function withdrawComment(
  db: Db,
  actor: CommentActor,
  commentId: number,
  input: WithdrawalInput,
  windows: WindowLookup,
  options: { now?: Date; ip?: string | null } = {},
): Promise<Result> {
  const now = options.now ?? new Date();
  const allowed = await withdrawable(db, actor, commentId, windows, now);
  if (!allowed.ok) return allowed;
  const stamp = now.toISOString();
  const done = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('comments')
      .set({ state: 'withdrawn', withdrawn_at: stamp, withdrawal_reason: input.reason, updated_at: stamp })
      .where('id', '=', commentId)
      .where('organisation_id', '=', actor.organisationId)
      .where('state', '=', 'submitted')
      .where(untouched)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: 'comment.withdrawn',
      targetType: 'comment',
      targetId: commentId,
      before: { state: 'submitted' },
      after: { state: 'withdrawn', reason: input.reason },
      ip: options.ip ?? null,
    });
    return true;
  });
  if (done) {
    // It leaves its near-duplicate group (never fails the withdrawal; the job catches up).
    await indexSoon(db, commentId);
    return ok();
  }
  // Something changed between the check and the update: say what it was.
  const again = await withdrawable(db, actor, commentId, windows, now);
  return again.ok ? fail('conflict', (t) => t.commentRecord.errors.underReview) : again;
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
 * the window of the comment's version closes. Supporting twice is supporting once; a change (and
 * only a change) is in the audit log, in the same transaction.
 */
export async function setSupport(
  db: Db,
  actor: CommentActor,
  commentId: number,
  support: boolean,
  windows: WindowLookup,
  now = new Date(),
  ip: string | null = null,
): Promise<Result> {
  if (!can(actor, 'comment')) return notAllowed();
  const comment = await db.selectFrom('comments').select(['organisation_id', 'state', 'hidden', 'consultation_id', 'version_id']).where('id', '=', commentId).executeTakeFirst();
  if (!comment || comment.state !== 'submitted' || comment.hidden) return fail('not_found', (t) => t.comments.errors.notPublic);
  if (comment.organisation_id === actor.organisationId) return fail('conflict', (t) => t.comments.errors.ownComment);
  const refused = windowRefusal(windows(comment.consultation_id, comment.version_id), 'support', now);
  if (refused) return fail('closed', refused);
  await db.transaction().execute(async (trx) => {
    const changed = support
      ? (await trx
          .insertInto('comment_supports')
          .values({ comment_id: commentId, organisation_id: actor.organisationId, user_id: actor.id, created_at: now.toISOString() })
          .onConflict((oc) => oc.doNothing())
          .returning('comment_id')
          .execute()).length > 0
      : (await trx.deleteFrom('comment_supports').where('comment_id', '=', commentId).where('organisation_id', '=', actor.organisationId).returning('comment_id').execute()).length > 0;
    if (!changed) return;
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: support ? 'comment.supported' : 'comment.support_withdrawn',
      targetType: 'comment',
      targetId: commentId,
      before: { supported: !support, organisationId: actor.organisationId },
      after: { supported: support, organisationId: actor.organisationId },
      ip,
    });
  });
  return ok();
}
