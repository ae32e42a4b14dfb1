import { routes } from '../../../routes.ts';
import { COMMENTS_PER_PAGE, countPublicComments, listPublicComments } from '../../comments/queries.ts';
import { blockAnchor, findChapter } from '../../content/content.ts';
import { consultationWithDraft } from '../consultation-context.ts';
import { getDb } from '../../platform/db.ts';
import { flashMessage } from '../flash.ts';
import { commentFormModel } from './form.ts';
import { notFound, type PageContext } from './page.ts';
import { postComment } from './post.ts';
import { commentViews } from './views.ts';

/**
 * A block's own page: its text, its public comments page by page, and the comment form as plain
 * HTML — the path for readers without JavaScript, and where the in-place composer posts to.
 */
export async function blockPage(page: PageContext) {
  const found = await consultationWithDraft(page.params);
  if (!found) return notFound(page);
  const { consultation, version } = found;
  const chapter = await findChapter(consultation.slug, version.id, page.params.poglavje ?? '');
  const position = /^\d{1,4}$/.test(page.params.blok ?? '') ? Number(page.params.blok) : NaN;
  const block = chapter && Number.isInteger(position) ? chapter.rendered.blocks[position - 1] : undefined;
  if (!chapter || !block) return notFound(page);

  const db = getDb();
  const path = routes.block(consultation.slug, chapter.slug, block.position);
  const posted = await postComment(page, db, blockAnchor(consultation, version, chapter, block), path);
  if ('redirect' in posted) return { response: posted.redirect };
  page.response.status = posted.form.status;

  const where = { consultationId: consultation.id, currentVersionId: version.id, currentChapterSlug: chapter.slug, currentBlockKey: block.key };
  const total = await countPublicComments(db, where);
  const pageCount = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
  const asked = page.url.searchParams.get('stran') ?? '';
  const number = Math.min(pageCount, /^\d{1,5}$/.test(asked) ? Math.max(1, Number(asked)) : 1);
  const comments = await listPublicComments(db, { ...where, newestFirst: true, limit: COMMENTS_PER_PAGE, offset: (number - 1) * COMMENTS_PER_PAGE });
  const pageLink = (n: number) => `${routes.block(consultation.slug, chapter.slug, block.position, n)}#objavljene`;
  return {
    consultation,
    version,
    chapter: { title: `${chapter.number}. ${chapter.title}`, href: routes.paragraphInChapter(consultation.slug, chapter.slug, block.anchor) },
    block,
    path,
    flash: flashMessage(page.url, page.locals.t),
    hasErrors: Object.keys(posted.form.errors).length > 0,
    form: await commentFormModel(db, page.locals.user, path, block.text, posted.form),
    views: await commentViews(db, page.locals.user, comments, version),
    total,
    pages: { number, count: pageCount, previous: number > 1 ? pageLink(number - 1) : undefined, next: number < pageCount ? pageLink(number + 1) : undefined },
  };
}
