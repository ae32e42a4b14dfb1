import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/schema.ts';

/** The queue and near-duplicate groups: its filter by group, the grouped view, each row's group. */

/** Is the comment (by its id) in the group? */
export function inGroup(commentId: Expression<number>, groupId: number): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(eb.selectFrom('duplicate_group_members as gm').select('gm.comment_id').where('gm.comment_id', '=', commentId).where('gm.group_id', '=', groupId));
}

/** The grouped view: a group shows as its representative alone; comments in no group show as ever. */
export function representativeOrAlone(commentId: Expression<number>): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.not(
    eb.exists(
      eb
        .selectFrom('duplicate_group_members as gm')
        .innerJoin('duplicate_groups as g', 'g.id', 'gm.group_id')
        .select('gm.comment_id')
        .where('gm.comment_id', '=', commentId)
        .whereRef('g.representative_comment_id', '!=', 'gm.comment_id'),
    ),
  );
}

/** A group as a queue row shows it. */
export interface RowGroup {
  id: number;
  /** How many comments, and of how many organisations. */
  size: number;
  organisations: number;
  confirmed: boolean;
}

/** The group of each of a page's comments that is in one. */
export async function groupsOfRows(db: Kysely<Database>, commentIds: readonly number[]): Promise<Map<number, RowGroup>> {
  const groups = new Map<number, RowGroup>();
  if (commentIds.length === 0) return groups;
  const rows = await db
    .selectFrom('duplicate_group_members as gm')
    .innerJoin('duplicate_groups as g', 'g.id', 'gm.group_id')
    .select((eb) => [
      'gm.comment_id',
      'g.id',
      'g.state',
      eb.selectFrom('duplicate_group_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('size'),
      eb
        .selectFrom('duplicate_group_members as m')
        .innerJoin('comments as c', 'c.id', 'm.comment_id')
        .select((e) => e.fn.count<number>('c.organisation_id').distinct().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('organisations'),
    ])
    .where('gm.comment_id', 'in', [...commentIds])
    .execute();
  for (const r of rows) groups.set(r.comment_id, { id: r.id, size: Number(r.size ?? 0), organisations: Number(r.organisations ?? 0), confirmed: r.state === 'confirmed' });
  return groups;
}
