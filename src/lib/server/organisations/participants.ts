import { sql, type Expression, type SqlBool } from 'kysely';
import { collator } from '../../../i18n/index.ts';
import type { OrganisationKind } from '../../enums.ts';
import type { Db } from '../platform/db.ts';

/**
 * Who took part, publicly: organisations with at least one public comment (submitted, not hidden),
 * a co-signature of one, or a confirmed joint position in one — the directory (/organizacije) and
 * what an organisation's page (/organizacije/[slug]) lists besides its own comments.
 */

export interface Participant {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  kind: OrganisationKind;
  comments: number;
  supports: number;
  joint: number;
}

/**
 * A comment counts when it is public (and of the consultation, when one is given). Co-signatures and
 * joint-position answers are read from their own (small) tables to their comments — `cross join`
 * (its condition in `where`, the portable spelling) keeps SQLite to that order rather than reading every public comment for each organisation.
 */
const isPublic = (alias: string, consultationId?: number): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(`${alias}.state`)} = 'submitted' and ${sql.ref(`${alias}.hidden`)} = 0${consultationId === undefined ? sql`` : sql` and ${sql.ref(`${alias}.consultation_id`)} = ${consultationId}`}`;

/** Each organisation's public comments, co-signatures and confirmed joint positions (organisations of `ids`, or every one but the government's). */
async function counts(db: Db, options: { consultationId?: number; kind?: OrganisationKind; ids?: number[] }): Promise<Participant[]> {
  const { consultationId } = options;
  let query = db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.slug', 'o.name', 'o.short_name', 'o.kind'])
    .select(sql<number>`(select count(*) from comments c where c.organisation_id = o.id and ${isPublic('c', consultationId)})`.as('comments'))
    .select(sql<number>`(select count(*) from comment_supports s cross join comments c where c.id = s.comment_id and s.organisation_id = o.id and ${isPublic('c', consultationId)})`.as('supports'))
    .select(
      sql<number>`(select count(*) from joint_position_members j cross join comments c where c.id = j.comment_id and j.organisation_id = o.id and j.status = 'confirmed' and ${isPublic('c', consultationId)})`.as('joint'),
    )
    .where('o.kind', '!=', 'government');
  if (options.kind) query = query.where('o.kind', '=', options.kind);
  if (options.ids) query = query.where('o.id', 'in', options.ids.length ? options.ids : [-1]);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, shortName: r.short_name, kind: r.kind, comments: Number(r.comments), supports: Number(r.supports), joint: Number(r.joint) }));
}

const tookPart = (p: Participant) => p.comments + p.supports + p.joint > 0;
/** By the place's or the acronym's name (Celje, Črnomelj, Ljubljana), not by „Mestna občina …“. */
const byShortName = (a: { shortName: string }, b: { shortName: string }) => collator.compare(a.shortName, b.shortName);

/** The organisations that took part, in Slovenian alphabetical order of their short names (of one kind, in one consultation, when given). */
export async function listParticipants(db: Db, options: { consultationId?: number; kind?: OrganisationKind } = {}): Promise<Participant[]> {
  return (await counts(db, options)).filter(tookPart).sort(byShortName);
}

export interface OrganisationProfile {
  organisation: Participant;
  /** The associations it is a member of. */
  memberOf: Array<{ slug: string; name: string }>;
  /** An association's members, each with whether it took part. */
  members: Array<{ slug: string; name: string; tookPart: boolean }>;
}

/** An organisation's page head: its counts, associations and members; undefined for an unknown slug. */
export async function organisationProfile(db: Db, slug: string, consultationId?: number): Promise<OrganisationProfile | undefined> {
  const row = await db.selectFrom('organisations').select(['id', 'kind']).where('slug', '=', slug).executeTakeFirst();
  if (!row || row.kind === 'government') return undefined;
  const [organisation] = await counts(db, { consultationId, ids: [row.id] });
  const memberOf = await db
    .selectFrom('association_memberships as m')
    .innerJoin('organisations as a', 'a.id', 'm.association_id')
    .select(['a.slug', 'a.name'])
    .where('m.member_id', '=', row.id)
    .execute();
  const memberIds = (await db.selectFrom('association_memberships').select('member_id').where('association_id', '=', row.id).execute()).map((m) => m.member_id);
  const members = memberIds.length ? await counts(db, { consultationId, ids: memberIds }) : [];
  return {
    organisation,
    memberOf: memberOf.sort((a, b) => collator.compare(a.name, b.name)),
    members: members.sort(byShortName).map((m) => ({ slug: m.slug, name: m.name, tookPart: tookPart(m) })),
  };
}

export interface IdPage {
  ids: number[];
  total: number;
}

/** A page of the public comments it co-signed, newest first. */
export async function supportedPage(db: Db, organisationId: number, page: { limit: number; offset: number }, consultationId?: number): Promise<IdPage> {
  const from = sql`comment_supports s cross join comments c where c.id = s.comment_id and s.organisation_id = ${organisationId} and ${isPublic('c', consultationId)}`;
  const total = Number((await sql<{ n: number }>`select count(*) as n from ${from}`.execute(db)).rows[0]?.n ?? 0);
  const rows = await sql<{ id: number }>`select c.id from ${from} order by c.submitted_at desc, c.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total };
}

/** A page of the joint positions it submitted (its own comments naming municipalities) or confirmed, newest first. */
export async function jointPage(db: Db, organisationId: number, page: { limit: number; offset: number }, consultationId?: number): Promise<IdPage> {
  const from = sql`(
    select c.id, c.submitted_at from comments c
    where c.organisation_id = ${organisationId} and ${isPublic('c', consultationId)} and exists (select 1 from joint_position_members n where n.comment_id = c.id)
    union
    select c.id, c.submitted_at from joint_position_members j cross join comments c where c.id = j.comment_id and j.organisation_id = ${organisationId} and j.status = 'confirmed' and ${isPublic('c', consultationId)}
  ) p`;
  const total = Number((await sql<{ n: number }>`select count(*) as n from ${from}`.execute(db)).rows[0]?.n ?? 0);
  const rows = await sql<{ id: number }>`select p.id from ${from} order by p.submitted_at desc, p.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total };
}

/** The government organisation of a slug (the ministry answers rather than comments), with the consultations it runs. */
export async function governmentOrganisation(db: Db, slug: string) {
  const row = await db.selectFrom('organisations').select(['id', 'name', 'slug']).where('slug', '=', slug).where('kind', '=', 'government').executeTakeFirst();
  if (!row) return undefined;
  const consultations = await db.selectFrom('consultations').select(['slug', 'title']).where('owner_organisation_id', '=', row.id).orderBy('created_at', 'desc').execute();
  return { name: row.name, consultations };
}
