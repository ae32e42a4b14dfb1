import type { Kysely } from 'kysely';
import { config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import { bestHead, bucketsOf, comparedText, signatureFromBytes, signatureOf, signatureToBytes, type Signature } from './similarity.ts';

export { regroupAll } from './regroup.ts';

/**
 * The incremental index (issue 15): a submitted comment's signature, its candidates from the LSH
 * buckets of the comments that take members (representatives and comments in no group), and its
 * place — the best group whose representative is similar enough, a new group with a lone comment,
 * or on its own. Comments are compared within one draft version of a consultation, across
 * paragraphs. A group's other members have no buckets: 500 copies of one text cost one comparison.
 */

type Trx = Kysely<Database>;

/** The comment takes new members (a representative, or a comment in no group): its buckets. */
export async function addBuckets(trx: Trx, commentId: number, consultationId: number, versionId: string, signature: Signature): Promise<void> {
  const rows = bucketsOf(signature).map((bucket, band) => ({ consultation_id: consultationId, version_id: versionId, band, bucket, comment_id: commentId }));
  await trx.insertInto('duplicate_buckets').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export async function dropBuckets(trx: Trx, commentId: number): Promise<void> {
  await trx.deleteFrom('duplicate_buckets').where('comment_id', '=', commentId).execute();
}

export async function storedSignature(trx: Trx, commentId: number): Promise<Signature | null> {
  const row = await trx.selectFrom('duplicate_signatures').select('signature').where('comment_id', '=', commentId).executeTakeFirst();
  return row?.signature ? signatureFromBytes(row.signature) : null;
}

/** Computes and stores the signature and the place of one submitted comment; nothing when it has one already. */
export async function indexComment(db: Db, commentId: number, threshold = config.duplicateThreshold): Promise<void> {
  const comment = await db
    .selectFrom('comments')
    .select(['id', 'consultation_id', 'version_id', 'organisation_id', 'body', 'proposed_text', 'submitted_at'])
    .where('id', '=', commentId)
    .where('state', '=', 'submitted')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('duplicate_signatures as s').select('s.comment_id').whereRef('s.comment_id', '=', 'comments.id'))))
    .executeTakeFirst();
  if (!comment) return;
  const signature = signatureOf(comparedText(comment));
  await db.transaction().execute(async (trx) => {
    const stored = await trx
      .insertInto('duplicate_signatures')
      .values({ comment_id: comment.id, consultation_id: comment.consultation_id, version_id: comment.version_id, signature: signature ? signatureToBytes(signature) : null })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(stored.numInsertedOrUpdatedRows ?? 0) === 0 || !signature) return;
    await place(trx, comment, signature, threshold);
  });
}

interface Indexed {
  id: number;
  consultation_id: number;
  version_id: string;
  organisation_id: number;
  submitted_at: string | null;
}

async function place(trx: Trx, comment: Indexed, signature: Signature, threshold: number): Promise<void> {
  const buckets = bucketsOf(signature);
  // One index seek per band (an OR of the pairs would scan the version's buckets).
  const seek = (band: number, bucket: number) =>
    trx
      .selectFrom('duplicate_buckets')
      .select('comment_id')
      .where('consultation_id', '=', comment.consultation_id)
      .where('version_id', '=', comment.version_id)
      .where('band', '=', band)
      .where('bucket', '=', bucket);
  const candidates = buckets.slice(1).reduce((query, bucket, i) => query.union(seek(i + 1, bucket)), seek(0, buckets[0]!));
  const heads = await trx
    .selectFrom(candidates.as('b'))
    .innerJoin('duplicate_signatures as s', 's.comment_id', 'b.comment_id')
    .innerJoin('comments as c', 'c.id', 'b.comment_id')
    .leftJoin('duplicate_groups as g', 'g.representative_comment_id', 'b.comment_id')
    .select(['b.comment_id as id', 's.signature', 'c.submitted_at', 'c.organisation_id', 'g.id as group_id'])
    .where('b.comment_id', '!=', comment.id)
    .execute();
  const ordered = heads
    .filter((h) => h.signature)
    .sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id - b.id)
    .map((h) => ({ ...h, signature: signatureFromBytes(h.signature!) }));
  const best = bestHead(signature, ordered, threshold);
  if (!best) {
    await addBuckets(trx, comment.id, comment.consultation_id, comment.version_id, signature);
    return;
  }
  const head = ordered.find((h) => h.id === best.head)!;
  let groupId = head.group_id;
  if (groupId === null) {
    // A new group with a comment on its own: the earlier of the two represents it.
    const headFirst = (head.submitted_at ?? '') < (comment.submitted_at ?? '') || ((head.submitted_at ?? '') === (comment.submitted_at ?? '') && head.id < comment.id);
    const [representative, other] = headFirst ? [head, comment] : [comment, head];
    groupId = (
      await trx
        .insertInto('duplicate_groups')
        .values({ consultation_id: comment.consultation_id, version_id: comment.version_id, representative_comment_id: representative.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await trx
      .insertInto('duplicate_group_members')
      .values([
        { comment_id: representative.id, organisation_id: representative.organisation_id, group_id: groupId, similarity: 1, source: 'algorithm' },
        { comment_id: other.id, organisation_id: other.organisation_id, group_id: groupId, similarity: best.similarity, source: 'algorithm' },
      ])
      .execute();
    if (!headFirst) {
      await dropBuckets(trx, head.id);
      await addBuckets(trx, comment.id, comment.consultation_id, comment.version_id, signature);
    }
  } else {
    await trx.insertInto('duplicate_group_members').values({ comment_id: comment.id, organisation_id: comment.organisation_id, group_id: groupId, similarity: best.similarity, source: 'algorithm' }).execute();
  }
  await linkJointPosition(trx, groupId, head.group_id === null ? [comment, head] : [comment], signature, threshold);
}

/**
 * A group whose text repeats a joint position of an association one of its new members' organisations
 * belongs to (or which has the joint position itself among its new members) is linked to it. Only
 * the new members are looked at: the others were when they joined.
 */
export async function linkJointPosition(trx: Trx, groupId: number, joined: readonly { id: number; organisation_id: number }[], signature: Signature, threshold: number): Promise<void> {
  const group = await trx.selectFrom('duplicate_groups').select(['joint_comment_id', 'consultation_id', 'version_id']).where('id', '=', groupId).executeTakeFirst();
  if (!group || group.joint_comment_id !== null) return;
  // From the joint positions (few) to their comments — CROSS JOIN keeps them the outer loop — never
  // through the consultation's comments.
  const joints = await trx
    .selectFrom((eb) => eb.selectFrom('joint_position_members').select('comment_id as id').distinct().as('p'))
    .crossJoin('comments as j')
    .leftJoin('duplicate_signatures as s', 's.comment_id', 'j.id')
    .whereRef('j.id', '=', 'p.id')
    .select(['j.id', 'j.body', 'j.proposed_text', 's.signature'])
    .where('j.consultation_id', '=', group.consultation_id)
    .where('j.version_id', '=', group.version_id)
    .where('j.state', '=', 'submitted')
    .where((eb) =>
      eb.or([
        eb('j.organisation_id', 'in', eb.selectFrom('association_memberships').select('association_id').where('member_id', 'in', joined.map((m) => m.organisation_id))),
        eb('j.id', 'in', joined.map((m) => m.id)),
      ]),
    )
    .orderBy('j.id')
    .limit(50)
    .execute();
  const candidates = joints.flatMap((j) => {
    const s = j.signature ? signatureFromBytes(j.signature) : signatureOf(comparedText(j));
    return s ? [{ id: j.id, signature: s }] : [];
  });
  const joint = bestHead(signature, candidates, threshold);
  if (joint) await trx.updateTable('duplicate_groups').set({ joint_comment_id: joint.head }).where('id', '=', groupId).execute();
}

/**
 * The comment leaves its group (withdrawn, or split off by a moderator): a group left with one
 * comment ends; a representative that leaves hands the group to the earliest remaining member.
 * Either way the comment takes no new members any more (its buckets go).
 */
export async function leaveGroup(trx: Trx, commentId: number): Promise<void> {
  const member = await trx
    .selectFrom('duplicate_group_members as m')
    .innerJoin('duplicate_groups as g', 'g.id', 'm.group_id')
    .select(['m.group_id', 'g.representative_comment_id', 'g.consultation_id', 'g.version_id'])
    .where('m.comment_id', '=', commentId)
    .executeTakeFirst();
  await dropBuckets(trx, commentId);
  if (!member) return;
  await trx.deleteFrom('duplicate_group_members').where('comment_id', '=', commentId).execute();
  const rest = await trx
    .selectFrom('duplicate_group_members as m')
    .innerJoin('comments as c', 'c.id', 'm.comment_id')
    .select('m.comment_id')
    .where('m.group_id', '=', member.group_id)
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .limit(2)
    .execute();
  const heads: number[] = [];
  if (rest.length < 2) {
    await trx.deleteFrom('duplicate_groups').where('id', '=', member.group_id).execute();
    heads.push(...rest.map((r) => r.comment_id));
  } else if (member.representative_comment_id === commentId) {
    const next = rest[0]!.comment_id;
    await trx.updateTable('duplicate_groups').set({ representative_comment_id: next }).where('id', '=', member.group_id).execute();
    heads.push(next);
  }
  for (const id of heads) {
    const signature = await storedSignature(trx, id);
    if (signature) await addBuckets(trx, id, member.consultation_id, member.version_id, signature);
  }
}
