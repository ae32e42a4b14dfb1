import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { perDictionary } from '../../../i18n/index.ts';
import { fail, ok, type Result } from '../../result.ts';
import { can, type Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { forbidden, idField, submittedComment, tagField } from './common.ts';
import { moderatorsList } from './queue.ts';

/** Assignment, tagging and "in review" for a selection from the queue, and assignment of one comment. */

export const BULK_ACTIONS = ['assign', 'tag', 'in_review'] as const;

/** Who a comment is assigned to: a moderator, or nobody (`null`). */
export type Assignee = number | null;

export type BulkInput = { ids: number[] } & ({ action: 'assign'; assignee: Assignee } | { action: 'tag'; tag: string } | { action: 'in_review' });

/** "none" or empty is nobody; otherwise a user's id. */
export const assigneeField = perDictionary((t) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '' || v === 'none') return null;
      const id = idField.safeParse(v);
      if (id.success) return id.data;
      ctx.addIssue({ code: 'custom', message: t.moderation.errors.assigneeRequired });
      return z.NEVER;
    }),
);

/** One comment's assignment form. */
export const assignInput = perDictionary((t) => z.object({ assignee: assigneeField(t) }));

/** The queue's bulk form: the boxes `select.<id>` ticked, the action and its value. */
export const bulkInput = perDictionary((t) => {
  const m = t.moderation.errors;
  return z.preprocess(
    (values) => ({ ...(values as object), ids: selectedIds(values as Record<string, string>) }),
    z
      .object({
        ids: z.array(z.number()).min(1, { error: m.nothingSelected }),
        bulk: z.enum(BULK_ACTIONS, { error: m.actionRequired }),
        assignee: z.string().optional(),
        tag: z.string().optional(),
      })
      .transform((v, ctx): BulkInput => {
        if (v.bulk === 'in_review') return { ids: v.ids, action: 'in_review' };
        if (v.bulk === 'assign') {
          const assignee = assigneeField(t).safeParse(v.assignee);
          if (assignee.success) return { ids: v.ids, action: 'assign', assignee: assignee.data };
          ctx.addIssue({ code: 'custom', path: ['assignee'], message: m.assigneeRequired });
          return z.NEVER;
        }
        const tag = tagField.safeParse(v.tag);
        if (tag.success) return { ids: v.ids, action: 'tag', tag: tag.data };
        ctx.addIssue({ code: 'custom', path: ['tag'], message: m.tagInvalid });
        return z.NEVER;
      }),
  );
});

function selectedIds(values: Record<string, string>): number[] {
  return Object.keys(values)
    .map((k) => /^select\.(\d{1,9})$/.exec(k)?.[1])
    .filter((v): v is string => !!v)
    .map(Number);
}

type Change = (trx: Kysely<Database>, commentId: number) => Promise<{ before: unknown; after: unknown } | undefined>;

/** Applies a change to each comment in one transaction, auditing those it changed; answers how many. */
async function changeEach(db: Db, actor: Actor, ids: number[], action: string, change: Change, ip: string | null): Promise<number> {
  let count = 0;
  await db.transaction().execute(async (trx) => {
    for (const commentId of ids) {
      const changed = await change(trx, commentId);
      if (!changed) continue;
      count++;
      await recordAudit(trx, { actorUserId: actor.id, action, targetType: 'comment', targetId: commentId, ...changed, ip });
    }
  });
  return count;
}

/** Assigns the comments to a moderator (or to nobody); answers how many changed. */
export async function assignComments(db: Db, actor: Actor, ids: number[], assignee: Assignee, ip: string | null): Promise<Result<number>> {
  if (!can(actor, 'moderate')) return forbidden();
  if (assignee !== null && !(await moderatorsList(db)).some((u) => u.id === assignee)) return fail('invalid', (t) => t.moderation.errors.assigneeRequired);
  const count = await changeEach(db, actor, ids, 'comment.assigned', async (trx, commentId) => {
    const before = await submittedComment(trx, commentId);
    if (!before || before.assignee_user_id === assignee) return undefined;
    await trx.updateTable('comments').set({ assignee_user_id: assignee }).where('id', '=', commentId).execute();
    return { before: { assignee: before.assignee_user_id }, after: { assignee } };
  }, ip);
  return ok(count);
}

/** One comment's assignment, from its own page. */
export async function assign(db: Db, actor: Actor, commentId: number, assignee: Assignee, ip: string | null): Promise<Result> {
  const result = await assignComments(db, actor, [commentId], assignee, ip);
  return result.ok ? ok() : result;
}

/** Bulk actions on a selection from the queue; answers how many comments changed. */
export async function bulkAction(db: Db, actor: Actor, input: BulkInput, ip: string | null): Promise<Result<number>> {
  if (!can(actor, 'moderate')) return forbidden();
  if (input.ids.length === 0) return fail('invalid', (t) => t.moderation.errors.nothingSelected);
  switch (input.action) {
    case 'assign':
      return assignComments(db, actor, input.ids, input.assignee, ip);
    case 'tag': {
      const { tag } = input;
      return ok(await changeEach(db, actor, input.ids, 'comment.tagged', async (trx, commentId) => {
        if (!(await submittedComment(trx, commentId))) return undefined;
        const result = await trx.insertInto('comment_tags').values({ comment_id: commentId, tag }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? { before: null, after: { tag } } : undefined;
      }, ip));
    }
    case 'in_review':
      return ok(await changeEach(db, actor, input.ids, 'comment.status_changed', async (trx, commentId) => {
        const before = await submittedComment(trx, commentId);
        if (!before || before.moderation_status !== 'new') return undefined;
        await trx.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', commentId).execute();
        return { before: { status: 'new' }, after: { status: 'in_review' } };
      }, ip));
  }
}
