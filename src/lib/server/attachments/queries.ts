import type { Db } from '../platform/db.ts';
import type { AttachmentSubject } from './rules.ts';

/** Read models of attachments: a comment's list, one file to download, a page of comments' lists. */

export interface AttachmentItem {
  id: number;
  name: string;
  size: number;
  sha256: string;
}

const COLUMNS = ['id', 'name', 'size', 'sha256'] as const;

/** What the rules need to know about a comment. */
export async function attachmentSubject(db: Db, commentId: number): Promise<AttachmentSubject | undefined> {
  return db
    .selectFrom('comments')
    .select(['id', 'organisation_id', 'consultation_id', 'state', 'received_via', 'hidden'])
    .where('id', '=', commentId)
    .executeTakeFirst();
}

/** A comment's attachments, in the order they were added. */
export async function attachmentsOf(db: Db, commentId: number): Promise<AttachmentItem[]> {
  return db.selectFrom('attachments').select(COLUMNS).where('comment_id', '=', commentId).orderBy('id').execute();
}

/** How many a comment has (for the limit of 5). */
export async function attachmentCount(db: Db, commentId: number): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('comment_id', '=', commentId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The attachments of one page of comments (an export's or the annex's page: at most a few hundred
 * ids, never all of them), by comment.
 */
export async function attachmentsByComment(db: Db, commentIds: readonly number[]): Promise<Map<number, AttachmentItem[]>> {
  const byComment = new Map<number, AttachmentItem[]>();
  if (commentIds.length === 0) return byComment;
  const rows = await db.selectFrom('attachments').select(['comment_id', ...COLUMNS]).where('comment_id', 'in', [...commentIds]).orderBy('comment_id').orderBy('id').execute();
  for (const { comment_id, ...item } of rows) {
    const list = byComment.get(comment_id) ?? [];
    list.push(item);
    byComment.set(comment_id, list);
  }
  return byComment;
}

/** One attachment with its comment (for the download and for removal). */
export async function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('comments as c', 'c.id', 'a.comment_id')
    .select(['a.id', 'a.comment_id', 'a.name', 'a.size', 'a.sha256', 'a.storage_key', 'c.organisation_id', 'c.consultation_id', 'c.state', 'c.received_via', 'c.hidden'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
