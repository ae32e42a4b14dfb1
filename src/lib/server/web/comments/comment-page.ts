import { routes } from '../../../routes.ts';
import type { Result } from '../../../result.ts';
import { safeReturnPath } from '../../accounts/access.ts';
import { deleteDraft, setSupport, withdrawComment } from '../../comments/commands.ts';
import { findCommentForViewer, supportedBy } from '../../comments/organisation-queries.ts';
import { currentVersion, versionNoteFor, versionWindows, type DraftVersion } from '../../content/content.ts';
import { findConsultationById, type Consultation } from '../../consultations/consultations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { actorOf } from '../auth-context.ts';
import { errorState } from '../form-handling.ts';
import { flashMessage, withFlash, type FlashKey } from '../flash.ts';
import { readForm } from '../forms.ts';
import { idParam, notFound, type PageContext } from './page.ts';
import { viewerMayComment } from './viewer.ts';

/**
 * A comment's permalink: public comments for everyone; drafts and withdrawn ones only inside the
 * author's organisation. Also where co-signing, withdrawal and deleting a draft are posted.
 */
export async function commentPage(page: PageContext) {
  const id = idParam(page.params.id);
  if (id === undefined) return notFound(page);
  const db = getDb();
  const user = page.locals.user;
  const path = routes.comment(id);
  let errors: Record<string, string> = {};
  if (page.request.method === 'POST') {
    if (!user) return { response: page.redirect(routes.signIn(path), 303) };
    if (!(await findCommentForViewer(db, id, user))) return notFound(page);
    const values = await readForm(page.request);
    const { result, flash, target } = await act(db, user, id, values.intent, safeReturnPath(values.returnTo, path));
    if (result.ok) return { response: page.redirect(withFlash(target, flash), 303) };
    const refused = errorState(result.error, page.locals.t);
    errors = refused.errors;
    page.response.status = refused.status;
  }

  let consultation: Consultation | undefined;
  let current: DraftVersion | undefined;
  const found = await findCommentForViewer(db, id, user, async (consultationId) => {
    consultation = await findConsultationById(db, consultationId);
    current = consultation && (await currentVersion(consultation));
    return current?.id;
  });
  if (!found || !consultation) return notFound(page);
  const slug = consultation.slug;
  const { row, own, full } = found;
  const mayComment = viewerMayComment(user);
  const place = full && full.currentChapterSlug && full.currentBlockNumber && full.anchorStatus !== 'removed'
    ? routes.paragraphInChapter(slug, full.currentChapterSlug, `odstavek-${full.currentBlockNumber.replace('.', '-')}`)
    : row.chapter_slug ? routes.chapter(slug, row.chapter_slug) : routes.consultation(slug);
  return {
    ...found,
    consultation,
    id,
    path,
    errors,
    flash: flashMessage(page.url, page.locals.t),
    backToChapter: place,
    supported: full && user && mayComment && !own ? (await supportedBy(db, user.organisationId, [id])).has(id) : null,
    versionNote: full && current ? await versionNoteFor(full, current) : undefined,
    /** What the author's organisation may do with it here. */
    actions: own && mayComment ? { edit: row.state === 'draft' ? routes.commentEdit(id) : undefined, withdraw: row.state === 'submitted' } : undefined,
  };
}

/** What the posted intent does, and where a success sends the person. */
async function act(db: Db, user: NonNullable<App.Locals['user']>, id: number, intent: string | undefined, returnTo: string): Promise<{ result: Result; flash: FlashKey; target: string }> {
  const actor = actorOf(user);
  const windows = await versionWindows();
  switch (intent) {
    case 'support':
    case 'unsupport':
      return { result: await setSupport(db, actor, id, intent === 'support', windows), flash: intent === 'support' ? 'podpora-dodana' : 'podpora-umaknjena', target: returnTo };
    case 'withdraw':
      return { result: await withdrawComment(db, actor, id, windows), flash: 'pripomba-umaknjena', target: routes.organisationComments };
    case 'delete':
      return { result: await deleteDraft(db, actor, id), flash: 'osnutek-izbrisan', target: routes.organisationComments };
    default:
      return { result: { ok: false, error: { code: 'forbidden', message: (t) => t.access.notAllowed } }, flash: 'podpora-dodana', target: returnTo };
  }
}
