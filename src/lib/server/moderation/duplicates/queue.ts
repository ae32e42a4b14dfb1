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
    .select(['gm.comment_id', 'g.id', 'g.state'])
    .where('gm.comment_id', 'in', [...commentIds])
    .execute();
  const sizes = await groupSizes(db, [...new Set(rows.map((r) => r.id))]);
  for (const r of rows) {
    const size = sizes.get(r.id) ?? { size: 0, organisations: 0 };
    groups.set(r.comment_id, { id: r.id, ...size, confirmed: r.state === 'confirmed' });
  }
  return groups;
}

/**
 * How many comments and organisations each group has: counted once per group (a page's rows often
 * share one), from the members' (group, organisation) index alone.
 */
export async function groupSizes(db: Kysely<Database>, groupIds: readonly number[]): Promise<Map<number, { size: number; organisations: number }>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('duplicate_group_members')
    .select((eb) => ['group_id', eb.fn.countAll<number>().as('size'), eb.fn.count<number>('organisation_id').distinct().as('organisations')])
    .where('group_id', 'in', [...groupIds])
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, { size: Number(r.size), organisations: Number(r.organisations) }]));
}
