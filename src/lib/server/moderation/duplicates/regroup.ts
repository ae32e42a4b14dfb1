import { sql, type Kysely } from 'kysely';
import { config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import { bestHead, bucketsOf, comparedText, Grouper, signatureFromBytes, signatureOf, signatureToBytes, type Signature } from './similarity.ts';

/**
 * The full recomputation of a consultation's groups (a background job or an operator's command,
 * never a request). Texts are read in chunks only to compute missing signatures; the grouping runs
 * over the signatures in submission order with the same rule as `indexComment`, so both give the
 * same groups. Kept as decided: confirmed groups and those whose representative a moderator chose
 * (their members stay; new comments may join them), and comments a moderator split off (left alone).
 * A suggested group keeps its id when its representative is the same.
 */

const CHUNK = 2_000;
const INSERT_ROWS = 500;

/** Signatures for the consultation's submitted comments that have none, a chunk of texts at a time. */
async function signMissing(db: Db, consultationId: number): Promise<void> {
  for (;;) {
    const rows = await db
      .selectFrom('comments as c')
      .select(['c.id', 'c.consultation_id', 'c.version_id', 'c.body', 'c.proposed_text'])
      .where('c.consultation_id', '=', consultationId)
      .where('c.state', '=', 'submitted')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('duplicate_signatures as s').select('s.comment_id').whereRef('s.comment_id', '=', 'c.id'))))
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) return;
    const values = rows.map((c) => {
      const signature = signatureOf(comparedText(c));
      return { comment_id: c.id, consultation_id: c.consultation_id, version_id: c.version_id, signature: signature ? signatureToBytes(signature) : null };
    });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < values.length; i += INSERT_ROWS) await trx.insertInto('duplicate_signatures').values(values.slice(i, i + INSERT_ROWS)).onConflict((oc) => oc.doNothing()).execute();
    });
  }
}

interface Pass {
  /** Each head (a representative or a comment on its own) and the comments it takes, with their similarity. */
  members: Map<number, { id: number; similarity: number }[]>;
  heads: Map<number, Signature>;
  organisationOf: Map<number, number>;
  comments: number;
}

/** The grouping over the version's signatures, read in chunks in submission order. */
async function groupVersion(db: Db, consultationId: number, versionId: string, kept: Map<number, number>, keptHeads: Set<number>, threshold: number): Promise<Pass> {
  const grouper = new Grouper(threshold);
  const pass: Pass = { members: new Map(), heads: new Map(), organisationOf: new Map(), comments: 0 };
  let after: { at: string; id: number } | undefined;
  for (;;) {
    let query = db
      .selectFrom('duplicate_signatures as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select(['c.id', 'c.organisation_id', sql<string>`coalesce(c.submitted_at, '')`.as('at'), 's.signature', 's.separated'])
      .where('s.consultation_id', '=', consultationId)
      .where('s.version_id', '=', versionId)
      .where('c.state', '=', 'submitted');
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb(sql`coalesce(c.submitted_at, '')`, '>', at), eb.and([eb(sql`coalesce(c.submitted_at, '')`, '=', at), eb('c.id', '>', id)])]));
    }
    const rows = await query.orderBy(sql`coalesce(c.submitted_at, '')`).orderBy('c.id').limit(CHUNK).execute();
    if (rows.length === 0) return pass;
    after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
    for (const row of rows) {
      pass.organisationOf.set(row.id, row.organisation_id);
      if (!row.signature || row.separated) continue;
      pass.comments++;
      const signature = signatureFromBytes(row.signature);
      if (kept.has(row.id)) {
        if (!keptHeads.has(row.id)) continue;
        grouper.addHead(row.id, signature);
      } else {
        const placed = grouper.place(row.id, signature);
        if (placed) {
          pass.members.get(placed.head)!.push({ id: row.id, similarity: placed.similarity });
          continue;
        }
      }
      pass.heads.set(row.id, signature);
      pass.members.set(row.id, []);
    }
  }
}

/** Rows inserted INSERT_ROWS at a time. */
class Buffered {
  private rows: object[] = [];
  private readonly trx: Kysely<Database>;
  private readonly table: 'duplicate_group_members' | 'duplicate_buckets';
  constructor(trx: Kysely<Database>, table: 'duplicate_group_members' | 'duplicate_buckets') {
    this.trx = trx;
    this.table = table;
  }
  async push(row: object): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= INSERT_ROWS) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.trx.insertInto(this.table).values(rows as never).execute();
  }
}

export async function regroupAll(db: Db, consultationId: number, threshold = config.duplicateThreshold): Promise<{ comments: number; groups: number }> {
  await signMissing(db, consultationId);
  const versions = await db.selectFrom('duplicate_signatures').select('version_id').distinct().where('consultation_id', '=', consultationId).execute();
  let comments = 0;
  let groups = 0;
  for (const { version_id: versionId } of versions) {
    const groupsOfVersion = await db
      .selectFrom('duplicate_groups')
      .select(['id', 'representative_comment_id', 'state', 'representative_chosen_by'])
      .where('consultation_id', '=', consultationId)
      .where('version_id', '=', versionId)
      .execute();
    const keptGroups = groupsOfVersion.filter((g) => g.state === 'confirmed' || g.representative_chosen_by !== null);
    const keptByHead = new Map(keptGroups.map((g) => [g.representative_comment_id, g.id]));
    const kept = new Map<number, number>();
    if (keptGroups.length) {
      const rows = await db.selectFrom('duplicate_group_members').select(['comment_id', 'group_id']).where('group_id', 'in', keptGroups.map((g) => g.id)).execute();
      for (const r of rows) kept.set(r.comment_id, r.group_id);
    }
    const suggestedByHead = new Map(groupsOfVersion.filter((g) => !keptGroups.includes(g)).map((g) => [g.representative_comment_id, g.id]));
    const pass = await groupVersion(db, consultationId, versionId, kept, new Set(keptByHead.keys()), threshold);
    comments += pass.comments;
    const joints = await jointPositions(db, consultationId, versionId);

    await db.transaction().execute(async (trx) => {
      const stale = [...suggestedByHead.values()];
      for (let i = 0; i < stale.length; i += INSERT_ROWS) await trx.deleteFrom('duplicate_group_members').where('group_id', 'in', stale.slice(i, i + INSERT_ROWS)).execute();
      await trx.deleteFrom('duplicate_buckets').where('consultation_id', '=', consultationId).where('version_id', '=', versionId).execute();
      const reused = new Set<number>();
      // Written a few hundred rows at a time, never all the buckets held at once.
      const memberRows = new Buffered(trx, 'duplicate_group_members');
      const bucketRows = new Buffered(trx, 'duplicate_buckets');
      for (const [head, signature] of pass.heads) {
        for (const [band, bucket] of bucketsOf(signature).entries()) await bucketRows.push({ consultation_id: consultationId, version_id: versionId, band, bucket, comment_id: head });
        const taken = pass.members.get(head)!;
        let groupId = keptByHead.get(head);
        if (groupId === undefined) {
          if (taken.length === 0) continue;
          groupId = suggestedByHead.get(head);
          if (groupId === undefined) {
            groupId = (await trx.insertInto('duplicate_groups').values({ consultation_id: consultationId, version_id: versionId, representative_comment_id: head }).returning('id').executeTakeFirstOrThrow()).id;
          } else reused.add(groupId);
          await memberRows.push({ comment_id: head, organisation_id: pass.organisationOf.get(head)!, group_id: groupId, similarity: 1, source: 'algorithm' });
        }
        for (const m of taken) await memberRows.push({ comment_id: m.id, organisation_id: pass.organisationOf.get(m.id)!, group_id: groupId, similarity: m.similarity, source: 'algorithm' });
        const orgs = new Set([head, ...taken.map((m) => m.id)].map((id) => pass.organisationOf.get(id)));
        const candidates = joints.filter((j) => orgs.has(j.organisation_id) || j.memberOf.some((a) => orgs.has(a)) || j.id === head || taken.some((m) => m.id === j.id));
        const joint = bestHead(signature, candidates, threshold);
        await trx.updateTable('duplicate_groups').set({ joint_comment_id: joint?.head ?? null }).where('id', '=', groupId).where('state', '=', 'suggested').execute();
        groups++;
      }
      const unused = stale.filter((id) => !reused.has(id));
      for (let i = 0; i < unused.length; i += INSERT_ROWS) await trx.deleteFrom('duplicate_groups').where('id', 'in', unused.slice(i, i + INSERT_ROWS)).execute();
      await memberRows.flush();
      await bucketRows.flush();
    });
  }
  return { comments, groups };
}

/**
 * The version's joint positions, each with its signature and the organisations whose groups may
 * repeat it: its association's members (`memberOf` lists the association for the lookup above).
 */
async function jointPositions(db: Db, consultationId: number, versionId: string) {
  const rows = await db
    .selectFrom('comments as j')
    .leftJoin('duplicate_signatures as s', 's.comment_id', 'j.id')
    .select(['j.id', 'j.organisation_id', 'j.body', 'j.proposed_text', 's.signature'])
    .where('j.consultation_id', '=', consultationId)
    .where('j.version_id', '=', versionId)
    .where('j.state', '=', 'submitted')
    // From the joint positions (few) to their comments, never through the consultation's comments.
    .where('j.id', 'in', (eb) => eb.selectFrom('joint_position_members').select('comment_id'))
    .orderBy('j.id')
    .execute();
  if (rows.length === 0) return [];
  const members = await db.selectFrom('association_memberships').select(['association_id', 'member_id']).where('association_id', 'in', [...new Set(rows.map((r) => r.organisation_id))]).execute();
  return rows.flatMap((j) => {
    const signature = j.signature ? signatureFromBytes(j.signature) : signatureOf(comparedText(j));
    const memberOf = members.filter((m) => m.association_id === j.organisation_id).map((m) => m.member_id);
    return signature ? [{ id: j.id, organisation_id: j.organisation_id, memberOf, signature }] : [];
  });
}
