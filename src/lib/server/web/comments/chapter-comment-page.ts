import { routes } from '../../../routes.ts';
import { listPublicComments } from '../../comments/queries.ts';
import { findChapter, windowOf } from '../../content/content.ts';
import { consultationWithDraft } from '../consultation-context.ts';
import { getDb } from '../../platform/db.ts';
import { flashMessage } from '../flash.ts';
import { commentFormModel } from './form.ts';
import { notFound, type PageContext } from './page.ts';
import { postComment } from './post.ts';
import { commentViews } from './views.ts';

/** A comment on a chapter as a whole: its public chapter comments and the form as plain HTML. */
export async function chapterCommentPage(page: PageContext) {
  const found = await consultationWithDraft(page.params);
  if (!found) return notFound(page);
  const { consultation, version } = found;
  const chapter = await findChapter(consultation.slug, version.id, page.params.poglavje ?? '');
  if (!chapter) return notFound(page);

  const db = getDb();
  const path = routes.chapterComment(consultation.slug, chapter.slug);
  const anchor = { window: windowOf(consultation, version), scope: 'chapter' as const, chapter: { slug: chapter.slug, number: chapter.number } };
  const posted = await postComment(page, db, anchor, path);
  if ('redirect' in posted) return { response: posted.redirect };
  page.response.status = posted.form.status;

  const comments = await listPublicComments(db, { consultationId: consultation.id, currentVersionId: version.id, currentChapterSlug: chapter.slug, scope: 'chapter', newestFirst: true });
  return {
    consultation,
    version,
    chapter: { title: `${chapter.number}. ${chapter.title}`, href: routes.chapter(consultation.slug, chapter.slug) },
    path,
    flash: flashMessage(page.url, page.locals.t),
    hasErrors: Object.keys(posted.form.errors).length > 0,
    form: await commentFormModel(db, page.locals.user, path, null, posted.form),
    views: await commentViews(db, page.locals.user, comments, version),
  };
}
