import { findAnchor, type AnchorChapter } from '../content/anchoring.ts';
import { getDb, type Db } from '../platform/db.ts';

/**
 * Attaches every comment of the consultation written on an older version to the given (current)
 * version, once — a block
 * comment to its block (anchoring.ts), a chapter comment to its chapter if it is still there:
 * comments that already have an anchor for it are left alone, so this is cheap on every start and
 * picks up only what is new. All in one transaction.
 */
export async function reanchorComments(db: Db, consultationId: number, versionId: string, chapters: AnchorChapter[]): Promise<number> {
  const pending = await db
    .selectFrom('comments as c')
    .leftJoin('comment_anchors as a', (join) => join.onRef('a.comment_id', '=', 'c.id').on('a.version_id', '=', versionId))
    .select(['c.id', 'c.scope', 'c.chapter_slug', 'c.block_key', 'c.block_fingerprint', 'c.quote'])
    .where('c.consultation_id', '=', consultationId)
    .where('c.version_id', '!=', versionId)
    .where('c.scope', 'in', ['block', 'chapter'])
    .where('a.comment_id', 'is', null)
    .execute();
  if (pending.length === 0) return 0;
  const computed = pending.map((c) => {
    if (c.scope === 'chapter') {
      const kept = chapters.some((chapter) => chapter.slug === c.chapter_slug);
      return { comment_id: c.id, version_id: versionId, status: kept ? ('unchanged' as const) : ('removed' as const), chapter_slug: c.chapter_slug, block_key: null, block_number: null, similarity: kept ? 1 : 0 };
    }
    const anchor = findAnchor({ chapterSlug: c.chapter_slug, key: c.block_key ?? '', fingerprint: c.block_fingerprint ?? '', quote: c.quote ?? '' }, chapters);
    return {
      comment_id: c.id,
      version_id: versionId,
      status: anchor.status,
      chapter_slug: anchor.chapterSlug,
      block_key: anchor.block?.key ?? null,
      block_number: anchor.block?.number ?? null,
      similarity: Math.round(anchor.similarity * 1000) / 1000,
    };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < computed.length; i += 200) {
      await trx.insertInto('comment_anchors').values(computed.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
    }
  });
  return computed.length;
}

const anchored = new Map<string, Promise<void>>();

/**
 * Anchors the comments of older versions to `versionId` once per process, the first time it is
 * asked for (the version became current): every caller waits for the same work, and a failure is
 * retried by the next caller. (Pages cached before the switch expired at it: see the page cache.)
 */
export function anchorOnce(consultationId: number, versionId: string, chapters: () => Promise<AnchorChapter[]>, db: Db = getDb()): Promise<void> {
  const key = `${consultationId}/${versionId}`;
  let work = anchored.get(key);
  if (!work) {
    work = chapters()
      .then(async (list) => {
        await reanchorComments(db, consultationId, versionId, list);
      })
      .catch((error) => {
        anchored.delete(key);
        throw error;
      });
    anchored.set(key, work);
  }
  return work;
}
