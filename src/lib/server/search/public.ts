import { sql } from 'kysely';
import type { CommentKind, CommentScope, ModerationStatus } from '../../enums.ts';
import { routes } from '../../routes.ts';
import type { Consultation } from '../consultations/consultations.ts';
import { listVersions } from '../content/content.ts';
import { currentOf } from '../content/versions.ts';
import type { Db } from '../platform/db.ts';
import { excerptHtml, hasMatch } from './highlight.ts';
import { highlighter, indexMatch } from './match.ts';
import { parseSearchQuery } from './query.ts';

/**
 * The public search of a consultation: the paragraphs of its current draft and its published
 * comments (submitted, not hidden, this consultation's) that hold every word of the query (see
 * query.ts), with the matches highlighted (highlight.ts; the HTML fields below are escaped).
 *
 * Bounded at any scale: the paragraphs of one draft are few (at most PARAGRAPH_LIMIT shown); the
 * comments come a page of PAGE_SIZE at a time, newest first (the index's rowid order, so no sort of
 * every match), and are counted up to COUNT_LIMIT (beyond it the page says "more than"). The index
 * is FTS5's on SQLite and pg_trgm's on PostgreSQL (match.ts: the SQL that differs).
 */
export const PAGE_SIZE = 20;
export const PARAGRAPH_LIMIT = 30;
export const COUNT_LIMIT = 1000;

export interface ParagraphHit {
  chapterTitle: string;
  chapterNumber: number;
  blockNumber: string;
  href: string;
  html: string;
}

export interface CommentHit {
  id: number;
  href: string;
  organisation: string;
  kind: CommentKind;
  scope: CommentScope;
  submittedAt: string;
  /** Where it belongs in the current draft ("3.14", or the chapter's number), linked when it has a place there. */
  place: { blockNumber: string | null; chapterNumber: number | null; href: string | null; earlier: boolean };
  bodyHtml: string;
  /** Excerpts of the other fields, only where they hold a match. */
  proposedHtml: string | null;
  rationaleHtml: string | null;
  /** The published stance: its status and (if any) its obrazložitev. */
  status: ModerationStatus;
  responseHtml: string | null;
}

export type PublicSearch =
  | { state: 'empty' | 'short'; paragraphs: []; paragraphTotal: 0; comments: { total: 0; capped: false; rows: []; page: 1; pageCount: 1 } }
  | { state: 'searched'; paragraphs: ParagraphHit[]; paragraphTotal: number; comments: { total: number; capped: boolean; rows: CommentHit[]; page: number; pageCount: number } };

const nothing = (state: 'empty' | 'short'): PublicSearch => ({ state, paragraphs: [], paragraphTotal: 0, comments: { total: 0, capped: false, rows: [], page: 1, pageCount: 1 } });

interface CommentRow {
  id: number;
  kind: CommentKind;
  scope: CommentScope;
  version_id: string;
  chapter_slug: string | null;
  chapter_number: number | null;
  block_number: string | null;
  submitted_at: string;
  moderation_status: ModerationStatus;
  organisation: string;
  body: string;
  proposed: string | null;
  rationale: string | null;
  response: string | null;
  anchor_status: string | null;
  anchor_chapter: string | null;
  anchor_block: string | null;
}

const anchorOf = (blockNumber: string) => `odstavek-${blockNumber.replace('.', '-')}`;

export async function searchPublic(db: Db, consultation: Consultation, query: string, page = 1): Promise<PublicSearch> {
  const parsed = parseSearchQuery(query);
  if (parsed.kind !== 'terms') return nothing(parsed.kind);
  const version = currentOf(await listVersions(consultation.slug));
  const highlight = highlighter(db, parsed.terms);

  const draft = indexMatch(db, 'draft_text', parsed.terms, 'all');
  const paragraphRows = version
    ? (
        await sql<{ chapter_slug: string; chapter_number: number; chapter_title: string; block_number: string; block_anchor: string; text: string }>`
          select f.chapter_slug, f.chapter_number, f.chapter_title, f.block_number, f.block_anchor, ${highlight.column('draft_text', 0, sql`f.text`)} as text
          from ${draft.from} where ${draft.where} and f.consultation_id = ${consultation.id} and f.version_id = ${version.id}
          order by f.chapter_number, f.block_position`.execute(db)
      ).rows
    : [];
  const paragraphs = paragraphRows.slice(0, PARAGRAPH_LIMIT).map((r) => ({
    chapterTitle: r.chapter_title,
    chapterNumber: r.chapter_number,
    blockNumber: r.block_number,
    href: routes.paragraphInChapter(consultation.slug, r.chapter_slug, r.block_anchor),
    html: excerptHtml(highlight.mark(r.text)!, 480),
  }));

  const found = indexMatch(db, 'comments', parsed.terms, 'all');
  const publicMatches = sql`${found.where} and c.consultation_id = ${consultation.id} and c.state = 'submitted' and c.hidden = 0`;
  const counted = Number(
    (await sql<{ n: number }>`select count(*) as n from (select 1 from ${found.from} join comments c on c.id = ${found.id} where ${publicMatches} limit ${COUNT_LIMIT + 1}) as m`.execute(db)).rows[0]?.n ?? 0,
  );
  const capped = counted > COUNT_LIMIT;
  const total = Math.min(counted, COUNT_LIMIT);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const highlighted = (column: number, name: string) => highlight.column('comments', column, sql.ref(`c.${name}`));
  const rows = (
    await sql<CommentRow>`
      select c.id, c.kind, c.scope, c.version_id, c.chapter_slug, c.chapter_number, c.block_number, c.submitted_at, c.moderation_status,
        o.name as organisation, ${highlighted(0, 'body')} as body, ${highlighted(1, 'proposed_text')} as proposed, ${highlighted(2, 'rationale')} as rationale,
        ${highlighted(3, 'response')} as response, a.status as anchor_status, a.chapter_slug as anchor_chapter, a.block_number as anchor_block
      from ${found.from} join comments c on c.id = ${found.id}
      join organisations o on o.id = c.organisation_id
      left join comment_anchors a on a.comment_id = c.id and a.version_id = ${version?.id ?? ''}
      where ${publicMatches}
      order by ${found.id} desc limit ${PAGE_SIZE} offset ${(current - 1) * PAGE_SIZE}`.execute(db)
  ).rows.map((r) => ({ ...r, body: highlight.mark(r.body)!, proposed: highlight.mark(r.proposed), rationale: highlight.mark(r.rationale), response: highlight.mark(r.response) }));

  return {
    state: 'searched',
    paragraphs,
    paragraphTotal: paragraphRows.length,
    comments: { total, capped, page: current, pageCount, rows: rows.map((r) => toHit(consultation.slug, version?.id, r)) },
  };
}

function toHit(slug: string, versionId: string | undefined, r: CommentRow): CommentHit {
  // Its place in the current draft: its own block if written on it, else where the anchoring put it.
  const own = r.version_id === versionId;
  const anchored = !own && !!r.anchor_status && r.anchor_status !== 'removed';
  const chapter = own ? r.chapter_slug : anchored ? r.anchor_chapter : null;
  const block = own ? r.block_number : anchored ? r.anchor_block : null;
  const href = chapter ? (block ? routes.paragraphInChapter(slug, chapter, anchorOf(block)) : routes.chapter(slug, chapter)) : null;
  return {
    id: r.id,
    href: routes.comment(r.id),
    organisation: r.organisation,
    kind: r.kind,
    scope: r.scope,
    submittedAt: r.submitted_at,
    // A paragraph that is no longer in the current draft: its number in the draft it was written on.
    place: { blockNumber: r.scope === 'block' ? (block ?? r.block_number) : null, chapterNumber: r.chapter_number, href, earlier: r.scope === 'block' && !block },
    bodyHtml: excerptHtml(r.body),
    proposedHtml: hasMatch(r.proposed) ? excerptHtml(r.proposed!) : null,
    rationaleHtml: hasMatch(r.rationale) ? excerptHtml(r.rationale!) : null,
    status: r.moderation_status,
    responseHtml: r.response ? excerptHtml(r.response) : null,
  };
}
