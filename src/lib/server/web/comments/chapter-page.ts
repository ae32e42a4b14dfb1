import { routes } from '../../../routes.ts';
import { supportedBy } from '../../comments/organisation-queries.ts';
import { chapterCommentSummary, COMMENTS_IN_PLACE, countPublicComments } from '../../comments/queries.ts';
import { listChapters, versionNoteFor, windowOf, windowState } from '../../content/content.ts';
import { consultationWithDraft } from '../consultation-context.ts';
import { getDb } from '../../platform/db.ts';
import { flashMessage } from '../flash.ts';
import { membersFor } from './form.ts';
import { notFound, type PageContext } from './page.ts';
import { viewerMayComment } from './viewer.ts';

/**
 * A chapter of the current draft with its comments in place: per block the count and the newest
 * few (the block page has them all) — including those written on older versions and anchored here
 * since —, the comments whose block is gone, and what the in-place composer needs.
 */
export async function chapterPage(page: PageContext) {
  const found = await consultationWithDraft(page.params);
  if (!found) return notFound(page);
  const { consultation, version } = found;
  const chapters = await listChapters(consultation.slug, version.id);
  const index = chapters.findIndex((c) => c.slug === page.params.poglavje);
  if (index < 0) return notFound(page);

  const chapter = chapters[index];
  const db = getDb();
  const user = page.locals.user;
  const mayComment = viewerMayComment(user);
  const summary = await chapterCommentSummary(db, consultation.id, version.id, chapter.slug, COMMENTS_IN_PLACE);
  const comments = [...[...summary.latest.values()].flat(), ...summary.removed];
  const link = (c: (typeof chapters)[number] | undefined) => c && { href: routes.chapter(consultation.slug, c.slug), title: `${c.number}. ${c.title}` };
  // After a comment is submitted in place, the confirmation appears in that block, where the reader is.
  const flashBlock = chapter.rendered.blocks.find((b) => b.anchor === page.url.searchParams.get('odstavek'))?.anchor;
  return {
    consultation,
    version,
    chapter,
    title: `${chapter.number}. ${chapter.title}`,
    sections: chapter.rendered.headings.filter((h) => h.depth === 2),
    previous: link(chapters[index - 1]),
    next: link(chapters[index + 1]),
    summary,
    chapterWide: await countPublicComments(db, { consultationId: consultation.id, currentVersionId: version.id, currentChapterSlug: chapter.slug, scope: 'chapter' }),
    chapterCommentHref: routes.chapterComment(consultation.slug, chapter.slug),
    notes: new Map(await Promise.all(comments.map(async (c) => [c.id, await versionNoteFor(c, version)] as const))),
    supported: user && mayComment ? await supportedBy(db, user.organisationId, comments.map((c) => c.id)) : null,
    /** Comments are no longer taken: no composer, no "comment on" links. */
    closed: windowState(windowOf(consultation, version)) === 'closed',
    // The in-place composer only while comments are taken.
    composer: user && mayComment && windowState(windowOf(consultation, version)) !== 'closed' ? { organisationName: user.organisationName, members: await membersFor(db, user) } : undefined,
    flashBlock,
    flash: flashMessage(page.url, page.locals.t),
  };
}
