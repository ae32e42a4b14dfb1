import type { Kysely } from 'kysely';
import type { Database } from '../../platform/schema.ts';
import { groupStanceToken } from './commands.ts';
import { groupSizes } from './queue.ts';

/** What the group pages read: a consultation's groups (biggest first, paged) and one group with its members (paged). */

export const GROUPS_PAGE_SIZE = 20;
export const MEMBERS_PAGE_SIZE = 50;
const EXCERPT = 280;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

export async function listGroups(db: Kysely<Database>, consultationId: number, requestedPage = 1) {
  const total = Number(
    (await db.selectFrom('duplicate_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', consultationId).executeTakeFirst())?.n ?? 0,
  );
  const pageCount = Math.max(1, Math.ceil(total / GROUPS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  // Sizes from the members' index, grouped; only the page's groups are joined to their texts.
  const sized = await db
    .selectFrom('duplicate_group_members as m')
    .innerJoin('duplicate_groups as g', 'g.id', 'm.group_id')
    .select((eb) => ['g.id', eb.fn.countAll<number>().as('size'), eb.fn.count<number>('m.organisation_id').distinct().as('organisations')])
    .where('g.consultation_id', '=', consultationId)
    .groupBy('g.id')
    .orderBy('size', 'desc')
    .orderBy('g.id')
    .limit(GROUPS_PAGE_SIZE)
    .offset((page - 1) * GROUPS_PAGE_SIZE)
    .execute();
  const ids = sized.map((s) => s.id);
  const details = ids.length
    ? await db
        .selectFrom('duplicate_groups as g')
        .innerJoin('comments as r', 'r.id', 'g.representative_comment_id')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['g.id', 'g.state', 'g.joint_comment_id', 'r.id as representative_id', 'r.body', 'r.block_number', 'r.chapter_number', 'o.name as organisation_name'])
        .where('g.id', 'in', ids)
        .execute()
    : [];
  const rows = sized.flatMap((s) => {
    const d = details.find((x) => x.id === s.id);
    return d ? [{ ...d, excerpt: excerpt(d.body), size: Number(s.size), organisations: Number(s.organisations) }] : [];
  });
  return { rows, total, page, pageCount };
}
export type GroupList = Awaited<ReturnType<typeof listGroups>>;

export async function groupDetail(db: Kysely<Database>, groupId: number, requestedPage = 1) {
  const group = await db
    .selectFrom('duplicate_groups as g')
    .leftJoin('users as u', 'u.id', 'g.confirmed_by')
    .selectAll('g')
    .select('u.name as confirmed_by_name')
    .where('g.id', '=', groupId)
    .executeTakeFirst();
  if (!group) return undefined;
  const representative = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.body', 'c.proposed_text', 'c.block_number', 'c.chapter_number', 'c.chapter_slug', 'o.name as organisation_name'])
    .where('c.id', '=', group.representative_comment_id)
    .executeTakeFirstOrThrow();
  const counts = (await groupSizes(db, [groupId])).get(groupId) ?? { size: 0, organisations: 0 };
  const size = counts.size;
  const pageCount = Math.max(1, Math.ceil(size / MEMBERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const members = await db
    .selectFrom('duplicate_group_members as m')
    .innerJoin('comments as c', 'c.id', 'm.comment_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('stances as s', 's.comment_id', 'c.id')
    .select(['c.id', 'c.body', 'c.block_number', 'c.chapter_number', 'm.similarity', 'm.source', 's.state as stance_state', 's.status as stance_status', 'o.name as organisation_name'])
    .where('m.group_id', '=', groupId)
    // The representative first, then the most similar.
    .orderBy((eb) => eb.case().when('c.id', '=', group.representative_comment_id).then(0).else(1).end())
    .orderBy('m.similarity', 'desc')
    .orderBy('c.id')
    .limit(MEMBERS_PAGE_SIZE)
    .offset((page - 1) * MEMBERS_PAGE_SIZE)
    .execute();
  const joint = group.joint_comment_id
    ? await db
        .selectFrom('comments as j')
        .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
        .select(['j.id', 'o.name as organisation_name'])
        .where('j.id', '=', group.joint_comment_id)
        .executeTakeFirst()
    : undefined;
  return {
    group,
    representative,
    members,
    joint,
    size,
    organisations: Number(counts.organisations),
    page,
    pageCount,
    token: await groupStanceToken(db, groupId),
  };
}
export type GroupDetail = NonNullable<Awaited<ReturnType<typeof groupDetail>>>;
