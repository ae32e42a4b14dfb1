import { sql } from 'kysely';
import { DECISIONS } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import { listPublicComments, type PublicComment } from './queries.ts';

/**
 * What a chapter's Atom feed says: its newest public comments and published stances, one entry
 * each, newest first — a chapter's comments being those whose place is now in it (written on the
 * current draft, or on an older one and anchored into it).
 */

export const FEED_ENTRIES = 50;

export type FeedEntry = { kind: 'comment'; at: string; comment: PublicComment } | { kind: 'stance'; at: string; comment: PublicComment };

export async function chapterFeedEntries(db: Db, consultationId: number, currentVersionId: string, chapterSlug: string, limit = FEED_ENTRIES): Promise<FeedEntry[]> {
  const comments = await listPublicComments(db, { consultationId, currentVersionId, currentChapterSlug: chapterSlug, newestFirst: true, limit });
  // Published decisions (comments.moderation_status holds only those) by when they were published.
  const decided = await sql<{ id: number; at: string }>`
    select c.id, coalesce(c.decided_at, c.public_changed_at) as at from comments c
    where c.id in (
      select w.id from comments w where w.consultation_id = ${consultationId} and w.version_id = ${currentVersionId} and w.chapter_slug = ${chapterSlug}
      union all
      select a.comment_id from comment_anchors a where a.version_id = ${currentVersionId} and a.chapter_slug = ${chapterSlug} and a.status != 'removed'
    )
    and c.state = 'submitted' and c.hidden = 0 and c.moderation_status in (${sql.join(DECISIONS)})
    order by at desc, c.id desc limit ${limit}`.execute(db);
  const answered = await listPublicComments(db, { ids: decided.rows.map((r) => r.id), consultationId, currentVersionId });
  const byId = new Map(answered.map((c) => [c.id, c]));
  const entries: FeedEntry[] = [
    ...comments.map((comment) => ({ kind: 'comment' as const, at: comment.submittedAt, comment })),
    ...decided.rows.flatMap((r) => {
      const comment = byId.get(r.id);
      return comment && r.at ? [{ kind: 'stance' as const, at: r.at, comment }] : [];
    }),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.comment.id - a.comment.id)).slice(0, limit);
}
