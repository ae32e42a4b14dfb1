import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { DECISIONS } from '../../enums.ts';
import { fail, ok, type Result } from '../../result.ts';
import type { Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { commentToModerate } from './common.ts';

/**
 * Moving a comment between "nova" and "v obravnavi" — the moderators' own stage before a stance.
 * A decision is never recorded here: it is a stance, drafted, approved and published (stances.ts).
 */

export const WORKFLOW_STATUSES = ['new', 'in_review'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const workflowInput = perDictionary((t) =>
  z.object({ status: z.enum(WORKFLOW_STATUSES, { error: t.stances.errors.workflowOnly }) }),
);
export type WorkflowInput = z.infer<ReturnType<typeof workflowInput>>;

const isDecision = (status: string) => (DECISIONS as readonly string[]).includes(status);

/**
 * Puts a comment back among the new ones or marks it "in review". A comment with a stance (in any
 * state) stays in review; a published decision is not a stage to move away from.
 */
export async function moveComment(db: Db, actor: Actor, commentId: number, input: WorkflowInput, ip: string | null): Promise<Result> {
  const found = await commentToModerate(db, actor, commentId);
  if (!found.ok) return found;
  return db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom('comments').select('moderation_status').where('id', '=', commentId).executeTakeFirstOrThrow();
    if (isDecision(comment.moderation_status)) return fail('conflict', (t) => t.stances.errors.decided);
    if (comment.moderation_status === input.status) return ok();
    if (input.status === 'new' && (await trx.selectFrom('stances').select('comment_id').where('comment_id', '=', commentId).executeTakeFirst())) {
      return fail('conflict', (t) => t.stances.errors.hasStance);
    }
    await trx.updateTable('comments').set({ moderation_status: input.status }).where('id', '=', commentId).where('moderation_status', '=', comment.moderation_status).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: 'comment.status_changed',
      targetType: 'comment',
      targetId: commentId,
      before: { status: comment.moderation_status },
      after: { status: input.status },
      ip,
    });
    return ok();
  });
}
