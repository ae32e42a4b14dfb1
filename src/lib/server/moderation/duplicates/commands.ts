import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { perDictionary } from '../../../../i18n/index.ts';
import type { Decision } from '../../../enums.ts';
import { fail, ok, type Result } from '../../../result.ts';
import { can, type Actor } from '../../accounts/access.ts';
import { mayModerate } from '../../consultations/moderators.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import { forbidden, idField } from '../common.ts';
import { draftStanceIn, Refused, stanceInput } from '../stances.ts';
import { addBuckets, dropBuckets, leaveGroup, storedSignature } from './grouping.ts';
import { signatureFromBytes, similarity } from './similarity.ts';

/**
 * What moderators do with a near-duplicate group: confirm it, split members off, choose its
 * representative, and give it one stance (a predlog stališča on every member, each its own stance
 * row and audit entry, in one transaction). Each checks the actor moderates the group's consultation.
 */

/** The most members one group stance drafts in one transaction. */
export const MAX_GROUP_STANCE = 2_000;

type Trx = Kysely<Database>;
const notFound = () => fail('not_found', (t) => t.duplicates.errors.notFound);

async function groupToModerate(db: Trx, actor: Actor, groupId: number) {
  if (!can(actor, 'moderate')) return forbidden();
  const group = await db.selectFrom('duplicate_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
  if (!group) return notFound();
  if (!(await mayModerate(db, actor, group.consultation_id))) return forbidden();
  return ok(group);
}

/** The members' comment ids and the revision of each one's stance, in id order (0: none yet). */
async function memberRevisions(db: Trx, groupId: number) {
  return db
    .selectFrom('duplicate_group_members as m')
    .innerJoin('comments as c', 'c.id', 'm.comment_id')
    .leftJoin('stances as s', 's.comment_id', 'm.comment_id')
    .select(['m.comment_id', 's.revision'])
    .where('m.group_id', '=', groupId)
    .where('c.state', '=', 'submitted')
    .orderBy('m.comment_id')
    .execute();
}

/**
 * What the group stance form was shown with: its members and their stances' revisions. A group
 * stance posted with another token (a member joined or left, a member's stance changed) is refused.
 */
export async function groupStanceToken(db: Trx, groupId: number): Promise<string> {
  const rows = await memberRevisions(db, groupId);
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.comment_id}:${r.revision ?? 0};`);
  return `${rows.length}-${hash.digest('hex').slice(0, 24)}`;
}

export async function confirmGroup(db: Db, actor: Actor, groupId: number, ip: string | null, now = new Date()): Promise<Result> {
  const found = await groupToModerate(db, actor, groupId);
  if (!found.ok) return found;
  if (found.value.state === 'confirmed') return ok();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('duplicate_groups').set({ state: 'confirmed', confirmed_by: actor.id, confirmed_at: now.toISOString() }).where('id', '=', groupId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'duplicate_group.confirmed', targetType: 'duplicate_group', targetId: groupId, before: { state: 'suggested' }, after: { state: 'confirmed' }, ip });
  });
  return ok();
}

/** The boxes `member.<id>` ticked on the group's page. */
export const splitInput = perDictionary((t) =>
  z.preprocess(
    (values) => ({
      ids: Object.keys(values as object)
        .map((k) => /^member\.(\d{1,12})$/.exec(k)?.[1])
        .filter((v): v is string => !!v)
        .map(Number),
    }),
    z.object({ ids: z.array(z.number()).min(1, { error: t.duplicates.errors.nothingSelected }) }),
  ),
);

/**
 * Splits the members off the group: each stands alone and the algorithm never groups it again. A
 * group left with one comment ends. Answers whether the group still exists.
 */
export async function splitGroup(db: Db, actor: Actor, groupId: number, ids: number[], ip: string | null): Promise<Result<{ remains: boolean; count: number }>> {
  const found = await groupToModerate(db, actor, groupId);
  if (!found.ok) return found;
  return db.transaction().execute(async (trx) => {
    const members = (await trx.selectFrom('duplicate_group_members').select('comment_id').where('group_id', '=', groupId).where('comment_id', 'in', [...new Set(ids)]).execute()).map((m) => m.comment_id);
    if (members.length === 0) return fail('invalid', undefined, { _form: (t) => t.duplicates.errors.nothingSelected });
    for (const id of members) {
      await leaveGroup(trx, id);
      await trx.updateTable('duplicate_signatures').set({ separated: 1 }).where('comment_id', '=', id).execute();
    }
    await recordAudit(trx, { actorUserId: actor.id, action: 'duplicate_group.split', targetType: 'duplicate_group', targetId: groupId, after: { comments: members }, ip });
    const remains = await trx.selectFrom('duplicate_groups').select('id').where('id', '=', groupId).executeTakeFirst();
    return ok({ remains: !!remains, count: members.length });
  });
}

export const representativeInput = perDictionary((t) => z.object({ representative: idField.catch(0).refine((v) => v > 0, { error: t.duplicates.errors.nothingSelected }) }));

/** Another member represents the group; the members' similarity is measured against it. */
export async function chooseRepresentative(db: Db, actor: Actor, groupId: number, commentId: number, ip: string | null): Promise<Result> {
  const found = await groupToModerate(db, actor, groupId);
  if (!found.ok) return found;
  const group = found.value;
  if (group.representative_comment_id === commentId) return ok();
  return db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('duplicate_group_members').select('comment_id').where('group_id', '=', groupId).where('comment_id', '=', commentId).executeTakeFirst();
    const signature = member ? await storedSignature(trx, commentId) : null;
    if (!signature) return fail('invalid', undefined, { representative: (t) => t.duplicates.errors.notAMember });
    await trx.updateTable('duplicate_groups').set({ representative_comment_id: commentId, representative_chosen_by: actor.id }).where('id', '=', groupId).execute();
    await dropBuckets(trx, group.representative_comment_id);
    await addBuckets(trx, commentId, group.consultation_id, group.version_id, signature);
    const others = await trx
      .selectFrom('duplicate_group_members as m')
      .innerJoin('duplicate_signatures as s', 's.comment_id', 'm.comment_id')
      .select(['m.comment_id', 's.signature'])
      .where('m.group_id', '=', groupId)
      .execute();
    for (const o of others) {
      if (!o.signature) continue;
      const value = o.comment_id === commentId ? 1 : similarity(signature, signatureFromBytes(o.signature));
      await trx.updateTable('duplicate_group_members').set({ similarity: value }).where('comment_id', '=', o.comment_id).execute();
    }
    await recordAudit(trx, { actorUserId: actor.id, action: 'duplicate_group.representative_changed', targetType: 'duplicate_group', targetId: groupId, before: { representative: group.representative_comment_id }, after: { representative: commentId }, ip });
    return ok();
  });
}

export interface GroupStanceInput {
  status: Decision;
  response: string;
  /** `groupStanceToken` as the page showed it. */
  token: string;
}

export const groupStanceInput = perDictionary((t) =>
  z
    .object({ status: z.string().optional(), response: z.string().optional(), token: z.string().max(100).optional() })
    .transform((v, ctx): GroupStanceInput => {
      const stance = stanceInput(t).safeParse({ status: v.status || undefined, response: v.response });
      if (stance.success) return { status: stance.data.status, response: stance.data.response, token: v.token ?? '' };
      for (const issue of stance.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }),
);

/**
 * One stance for the group: a predlog stališča on every member, each its own stance row and audit
 * entry, in one transaction. Refused whole when the group or a member's stance changed since the
 * page showed it. Answers how many comments got it.
 */
export async function draftGroupStance(db: Db, actor: Actor, groupId: number, input: GroupStanceInput, ip: string | null, now = new Date()): Promise<Result<number>> {
  const found = await groupToModerate(db, actor, groupId);
  if (!found.ok) return found;
  try {
    return await db.transaction().execute(async (trx) => {
      if ((await groupStanceToken(trx, groupId)) !== input.token) throw new Refused(fail('conflict', (t) => t.duplicates.errors.stale));
      const members = await memberRevisions(trx, groupId);
      if (members.length > MAX_GROUP_STANCE) throw new Refused(fail('invalid', (t) => t.duplicates.errors.tooMany(MAX_GROUP_STANCE)));
      for (const m of members) {
        const drafted = await draftStanceIn(trx, actor, m.comment_id, { status: input.status, response: input.response, revision: m.revision ?? 0 }, ip, now);
        if (!drafted.ok) throw new Refused(drafted.error.code === 'conflict' ? fail('conflict', (t) => t.duplicates.errors.stale) : drafted);
      }
      return ok(members.length);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
