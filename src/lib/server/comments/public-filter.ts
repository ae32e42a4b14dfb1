import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { DECISIONS, type CommentKind, type Decision, type OrganisationKind } from '../../enums.ts';
import { hasAttachment } from '../attachments/filter.ts';
import type { CommentTable, Database } from '../platform/schema.ts';

/**
 * The filters the public list of comments (/pripombe) and the open data share, as conditions on
 * `comments as c`. Only conditions: which comments are public (submitted, not hidden) is the
 * caller's, so that each can keep the index its order needs.
 */

/** A published decision, or `none`: no stance published yet. */
export const STANCE_FILTERS = ['none', ...DECISIONS] as const;
export type StanceFilter = (typeof STANCE_FILTERS)[number];

export interface PublicFilter {
  consultationId?: number;
  /** One organisation's own comments. */
  organisationId?: number;
  organisationKind?: OrganisationKind;
  /** An association's members' comments and its own. */
  associationId?: number;
  /** Where the comment was written (its chapter and paragraph number in that draft). */
  chapter?: string;
  paragraph?: string;
  kind?: CommentKind;
  stance?: StanceFilter;
  late?: boolean;
  attachment?: boolean;
}

type Builder = ExpressionBuilder<Database & { c: CommentTable }, 'c'>;

/**
 * The conditions of a filter. `indexed: false` keeps SQLite from driving the query by the lists of
 * an organisation kind's or an association's organisations (the unary plus: with hundreds of
 * organisations, reading each one's comments and sorting them all costs more than checking each
 * row of an index read in order) — one organisation still drives it by its index.
 */
export function publicConditions(eb: Builder, filter: PublicFilter, options: { indexed?: boolean } = {}): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const organisation = options.indexed === false ? sql<number>`+c.organisation_id` : eb.ref('c.organisation_id');
  if (filter.consultationId !== undefined) conditions.push(eb('c.consultation_id', '=', filter.consultationId));
  if (filter.organisationId !== undefined) conditions.push(eb('c.organisation_id', '=', filter.organisationId));
  if (filter.organisationKind) conditions.push(eb(organisation, 'in', eb.selectFrom('organisations as ok').select('ok.id').where('ok.kind', '=', filter.organisationKind)));
  if (filter.associationId !== undefined) {
    const members = eb
      .selectFrom('association_memberships as am')
      .select('am.member_id as id')
      .where('am.association_id', '=', filter.associationId)
      .union(eb.selectFrom('organisations as oa').select('oa.id').where('oa.id', '=', filter.associationId));
    conditions.push(eb(organisation, 'in', members));
  }
  if (filter.chapter) conditions.push(eb('c.chapter_slug', '=', filter.chapter));
  if (filter.paragraph) conditions.push(eb('c.block_number', '=', filter.paragraph));
  if (filter.kind) conditions.push(eb('c.kind', '=', filter.kind));
  // comments.moderation_status holds only the published decision; `new` and `in_review` mean none yet.
  if (filter.stance === 'none') conditions.push(eb('c.moderation_status', 'in', ['new', 'in_review']));
  else if (filter.stance) conditions.push(eb('c.moderation_status', '=', filter.stance as Decision));
  if (filter.late !== undefined) conditions.push(eb('c.late', '=', filter.late ? 1 : 0));
  if (filter.attachment) conditions.push(hasAttachment(eb.ref('c.id')));
  return conditions;
}

/** Whether a moderation status is a published decision (shown beside a public comment). */
export function isPublishedDecision(status: string): status is Decision {
  return (DECISIONS as readonly string[]).includes(status);
}
