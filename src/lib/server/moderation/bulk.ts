import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { perDictionary } from '../../../i18n/index.ts';
import type { Decision } from '../../enums.ts';
import { fail, ok, type Result } from '../../result.ts';
import { can, type Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { consultationModerators, mayModerate } from '../consultations/moderators.ts';
import { forbidden, idField, submittedComment, tagField } from './common.ts';
import { PAGE_SIZE } from './queue.ts';
import { draftStanceIn, Refused, stanceInput } from './stances.ts';

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

/**
 * Of the ids given, the submitted comments the actor may moderate, with their consultations. Any
 * other id (another consultation's comment, a draft, nothing) is left out: never changed.
 */
async function moderatable(db: Db, actor: Actor, ids: number[]): Promise<Map<number, number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('comments').select(['id', 'consultation_id']).where('id', 'in', unique).where('state', '=', 'submitted').execute();
  const allowed = new Map<number, boolean>();
  for (const consultationId of new Set(rows.map((r) => r.consultation_id))) allowed.set(consultationId, await mayModerate(db, actor, consultationId));
  return new Map(rows.filter((r) => allowed.get(r.consultation_id)).map((r) => [r.id, r.consultation_id]));
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

/**
 * Assigns the comments (those of consultations the actor moderates) to someone who moderates their
 * consultation, or to nobody; answers how many changed.
 */
export async function assignComments(db: Db, actor: Actor, ids: number[], assignee: Assignee, ip: string | null): Promise<Result<number>> {
  if (!can(actor, 'moderate')) return forbidden();
  const comments = await moderatable(db, actor, ids);
  if (assignee !== null) {
    for (const consultationId of new Set(comments.values())) {
      if (!(await consultationModerators(db, consultationId)).some((u) => u.id === assignee)) return fail('invalid', (t) => t.moderation.errors.assigneeRequired);
    }
  }
  const count = await changeEach(db, actor, [...comments.keys()], 'comment.assigned', async (trx, commentId) => {
    const before = await submittedComment(trx, commentId);
    if (!before || before.assignee_user_id === assignee) return undefined;
    await trx.updateTable('comments').set({ assignee_user_id: assignee }).where('id', '=', commentId).execute();
    return { before: { assignee: before.assignee_user_id }, after: { assignee } };
  }, ip);
  return ok(count);
}

/** One comment's assignment, from its own page. */
export async function assign(db: Db, actor: Actor, commentId: number, assignee: Assignee, ip: string | null): Promise<Result> {
  if (!can(actor, 'moderate')) return forbidden();
  const comment = await submittedComment(db, commentId);
  if (comment && !(await mayModerate(db, actor, comment.consultation_id))) return forbidden();
  const result = await assignComments(db, actor, [commentId], assignee, ip);
  return result.ok ? ok() : result;
}

/** Bulk actions on a selection from the queue; answers how many comments changed. */
export async function bulkAction(db: Db, actor: Actor, input: BulkInput, ip: string | null): Promise<Result<number>> {
  if (!can(actor, 'moderate')) return forbidden();
  if (input.ids.length === 0) return fail('invalid', (t) => t.moderation.errors.nothingSelected);
  if (input.action === 'assign') return assignComments(db, actor, input.ids, input.assignee, ip);
  const ids = [...(await moderatable(db, actor, input.ids)).keys()];
  switch (input.action) {
    case 'tag': {
      const { tag } = input;
      return ok(await changeEach(db, actor, ids, 'comment.tagged', async (trx, commentId) => {
        if (!(await submittedComment(trx, commentId))) return undefined;
        const result = await trx.insertInto('comment_tags').values({ comment_id: commentId, tag }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? { before: null, after: { tag } } : undefined;
      }, ip));
    }
    case 'in_review':
      return ok(await changeEach(db, actor, ids, 'comment.status_changed', async (trx, commentId) => {
        const before = await submittedComment(trx, commentId);
        if (!before || before.moderation_status !== 'new') return undefined;
        await trx.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', commentId).execute();
        return { before: { status: 'new' }, after: { status: 'in_review' } };
      }, ip));
  }
}

/** At most one page of the queue at once. */
export const MAX_BULK_STANCES = PAGE_SIZE;

/** The queue's bulk stance: one decision and one obrazložitev for each selected comment, each with the stance revision the queue showed. */
export interface BulkStanceInput {
  ids: number[];
  /** Comment id → the revision of its stance as the queue showed it (0: none yet). */
  revisions: Record<number, number>;
  status: Decision;
  response: string;
}

/** The bulk stance fields' names in the queue's form (beside the boxes `select.<id>` and `revision-<id>`). */
export const BULK_STANCE_FIELDS = { status: 'stance-status', response: 'stance-response' } as const;

function revisionsOf(values: Record<string, string>): Record<number, number> {
  const revisions: Record<number, number> = {};
  for (const [key, value] of Object.entries(values)) {
    const id = /^revision-(\d{1,9})$/.exec(key)?.[1];
    if (id && /^\d{1,12}$/.test(value)) revisions[Number(id)] = Number(value);
  }
  return revisions;
}

/** The bulk stance form: the boxes ticked, their revisions, the decision and the obrazložitev (the rules of `stanceInput`). */
export const bulkStanceInput = perDictionary((t) => {
  const m = t.moderation.errors;
  return z.preprocess(
    (values) => ({ ...(values as object), ids: selectedIds(values as Record<string, string>), revisions: revisionsOf(values as Record<string, string>) }),
    z
      .object({
        ids: z.array(z.number()).min(1, { error: m.nothingSelected }).max(MAX_BULK_STANCES, { error: t.templates.bulk.tooMany(MAX_BULK_STANCES) }),
        revisions: z.record(z.string(), z.number()),
        [BULK_STANCE_FIELDS.status]: z.string().optional(),
        [BULK_STANCE_FIELDS.response]: z.string().optional(),
      })
      .transform((v, ctx): BulkStanceInput => {
        const stance = stanceInput(t).safeParse({ status: v[BULK_STANCE_FIELDS.status] || undefined, response: v[BULK_STANCE_FIELDS.response] });
        if (stance.success) return { ids: v.ids, revisions: v.revisions as Record<number, number>, status: stance.data.status, response: stance.data.response };
        for (const issue of stance.error.issues) {
          const field = issue.path[0] === 'response' ? BULK_STANCE_FIELDS.response : BULK_STANCE_FIELDS.status;
          ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
        }
        return z.NEVER;
      }),
  );
});

/**
 * A predlog stališča for each selected comment (those of consultations the actor moderates; others
 * are left out, as every bulk action leaves them): each its own stance row and audit entry, all in
 * one transaction. A comment whose stance changed since the queue showed it refuses the whole
 * selection, naming every such comment. Answers how many comments got the stance.
 */
export async function draftStances(db: Db, actor: Actor, input: BulkStanceInput, ip: string | null, now = new Date()): Promise<Result<number>> {
  if (!can(actor, 'moderate')) return forbidden();
  if (input.ids.length === 0) return fail('invalid', (t) => t.moderation.errors.nothingSelected);
  if (new Set(input.ids).size > MAX_BULK_STANCES) return fail('invalid', (t) => t.templates.bulk.tooMany(MAX_BULK_STANCES));
  const ids = [...(await moderatable(db, actor, input.ids)).keys()].sort((a, b) => a - b);
  if (ids.length === 0) return forbidden();
  try {
    return await db.transaction().execute(async (trx) => {
      const changed: number[] = [];
      for (const commentId of ids) {
        const drafted = await draftStanceIn(trx, actor, commentId, { status: input.status, response: input.response, revision: input.revisions[commentId] }, ip, now);
        if (drafted.ok) continue;
        if (drafted.error.code !== 'conflict') throw new Refused(drafted);
        changed.push(commentId);
      }
      // Every comment that changed is named, then nothing written stays.
      if (changed.length) throw new Refused(fail('conflict', (t) => t.templates.bulk.stale(changed)));
      return ok(ids.length);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** The revision of each comment's stance (0: none yet), for the queue's rows. */
export async function stanceRevisions(db: Kysely<Database>, commentIds: readonly number[]): Promise<Record<number, number>> {
  const revisions: Record<number, number> = Object.fromEntries(commentIds.map((id) => [id, 0]));
  if (commentIds.length === 0) return revisions;
  for (const row of await db.selectFrom('stances').select(['comment_id', 'revision']).where('comment_id', 'in', [...commentIds]).execute()) revisions[row.comment_id] = row.revision;
  return revisions;
}
