import type { JointStatus } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import { listPublicComments } from './queries.ts';

/** What an organisation sees of its own comments, and of the joint positions and comments it answers or supports. */

/**
 * One comment as a given viewer may see it: public comments for everyone; drafts and withdrawn
 * comments only inside the author's organisation. Undefined when the viewer may not see it.
 */
export async function findCommentForViewer(
  db: Db,
  id: number,
  viewer: { organisationId: number } | null,
  /** The current version of the comment's consultation, to place the comment in it. */
  currentVersionOf?: (consultationId: number) => Promise<string | undefined>,
) {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const own = !!viewer && viewer.organisationId === row.organisation_id;
  const isPublic = row.state === 'submitted' && row.hidden === 0;
  if (!isPublic && !own) return undefined;
  const currentVersionId = await currentVersionOf?.(row.consultation_id);
  const [full] = isPublic ? await listPublicComments(db, { ids: [id], consultationId: row.consultation_id, currentVersionId }) : [];
  return { row, own, isPublic, full };
}

/**
 * A page of an organisation's own comments in every state, newest first, each with its consultation (slug and
 * title) and what its record shows: the withdrawal (when, why), the hiding (why), the decision as
 * published (comments.moderation_status and response hold only what is public) and whether a stance
 * is being worked on — only that, never the unpublished stance itself.
 */
export async function organisationComments(db: Db, organisationId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('comments as c')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .leftJoin('stances as s', (join) => join.onRef('s.comment_id', '=', 'c.id').on('s.state', '!=', 'published'))
    .select([
      'c.id', 'c.kind', 'c.state', 'c.scope', 'c.chapter_slug', 'c.chapter_number', 'c.block_number', 'c.body', 'c.created_at', 'c.updated_at', 'c.submitted_at',
      'c.withdrawn_at', 'c.withdrawal_reason', 'c.hidden', 'c.hidden_reason', 'c.moderation_status', 'c.response', 'c.joint_deadline', 'c.consultation_id',
      'c.version_id', 'k.slug as consultation_slug', 'k.title as consultation_title', 'k.status as consultation_status',
      (eb) => eb.case().when('s.comment_id', 'is not', null).then(1).else(0).end().as('stance_in_progress'),
    ])
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many comments the organisation has, in every state. */
export async function countOrganisationComments(db: Db, organisationId: number): Promise<number> {
  const row = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The named municipalities of the given joint positions, in one query: comment id → members. */
export async function jointMembersOf(db: Db, commentIds: number[]) {
  const members = new Map<number, Array<{ name: string; shortName: string; code: string; status: JointStatus }>>();
  if (commentIds.length === 0) return members;
  const rows = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .select(['j.comment_id', 'j.status', 'o.name', 'o.short_name', 'o.code'])
    .where('j.comment_id', 'in', commentIds)
    .execute();
  for (const r of rows) members.set(r.comment_id, [...(members.get(r.comment_id) ?? []), { name: r.name, shortName: r.short_name, code: r.code, status: r.status }]);
  return members;
}

/** Joint positions naming this municipality, with its answer so far and the position's deadline. */
export async function jointPositionsNaming(db: Db, organisationId: number) {
  return db
    .selectFrom('joint_position_members as j')
    .innerJoin('comments as c', 'c.id', 'j.comment_id')
    .innerJoin('organisations as a', 'a.id', 'c.organisation_id')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .select([
      'c.id', 'c.kind', 'c.body', 'c.consultation_id', 'c.version_id', 'c.scope', 'c.block_number', 'c.chapter_number', 'c.submitted_at', 'c.joint_deadline', 'j.status',
      'a.name as association_name', 'a.short_name as association_short_name', 'k.slug as consultation_slug', 'k.title as consultation_title', 'k.status as consultation_status',
    ])
    .where('j.organisation_id', '=', organisationId)
    .where('c.state', '=', 'submitted')
    .orderBy('c.submitted_at', 'desc')
    .execute();
}

/** Which public comments this organisation supports (for the "Podpiramo" button's state). */
export async function supportedBy(db: Db, organisationId: number, commentIds: number[]): Promise<Set<number>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_supports')
    .select('comment_id')
    .where('organisation_id', '=', organisationId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}

/** A draft (or a comment that was one) of this organisation with the members it names, for its edit form; undefined for anyone else's. */
export async function ownCommentForEditing(db: Db, id: number, organisationId: number) {
  const comment = await db.selectFrom('comments').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!comment) return undefined;
  const joint = await db.selectFrom('joint_position_members').select('organisation_id').where('comment_id', '=', id).execute();
  return { comment, named: joint.map((j) => j.organisation_id) };
}
