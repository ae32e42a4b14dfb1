import { routes } from '../../../routes.ts';
import type { Result } from '../../../result.ts';
import { safeReturnPath } from '../../accounts/access.ts';
import { deleteDraft, setSupport, withdrawable } from '../../comments/commands.ts';
import { findCommentForViewer, supportedBy } from '../../comments/organisation-queries.ts';
import { mayReadReceipt } from '../../comments/receipt.ts';
import { withdrawnComment } from '../../comments/record.ts';
import { currentVersion, versionNoteFor, versionWindows, type DraftVersion } from '../../content/content.ts';
import { findConsultationById, type Consultation } from '../../consultations/consultations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { errorState } from '../form-handling.ts';
import { flashMessage, withFlash, type FlashKey } from '../flash.ts';
import { readForm } from '../forms.ts';
import { idParam, notFound, type PageContext } from './page.ts';
import { viewerMayComment } from './viewer.ts';
import { commentAttachmentsView } from '../attachments/page.ts';

type Found = NonNullable<Awaited<ReturnType<typeof findCommentForViewer>>>;
/** A comment as the permalink shows it: a withdrawn one has no public card (`full`). */
type Viewed = Omit<Found, 'full'> & { full: Found['full'] | undefined };

/**
 * A comment's permalink: public comments for everyone; a withdrawn one too (saying so, its text kept
 * for the record) unless a moderator had hidden it; drafts only inside the author's organisation.
 * Also where co-signing and deleting a draft are posted (withdrawal has its own page, /umik).
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
    const { result, flash, target } = await act(db, user, id, values.intent, safeReturnPath(values.returnTo, path), clientIp(page));
    if (result.ok) return { response: page.redirect(withFlash(target, flash), 303) };
    const refused = errorState(result.error, page.locals.t);
    errors = refused.errors;
    page.response.status = refused.status;
  }

  let consultation: Consultation | undefined;
  let current: DraftVersion | undefined;
  const placeIn = async (consultationId: number) => {
    consultation = await findConsultationById(db, consultationId);
    current = consultation && (await currentVersion(consultation));
    return current?.id;
  };
  let found: Viewed | undefined = await findCommentForViewer(db, id, user, placeIn);
  if (!found) {
    // Withdrawn: its permalink stays public, for the record.
    const row = await withdrawnComment(db, id);
    if (row) {
      await placeIn(row.consultation_id);
      found = { row, own: false, isPublic: false, full: undefined };
    }
  }
  if (!found || !consultation) return notFound(page);
  const slug = consultation.slug;
  const { row, own, full } = found;
  const mayComment = viewerMayComment(user);
  const actor = user && actorOf(user);
  const place = full && full.currentChapterSlug && full.currentBlockNumber && full.anchorStatus !== 'removed'
    ? routes.paragraphInChapter(slug, full.currentChapterSlug, `odstavek-${full.currentBlockNumber.replace('.', '-')}`)
    : row.chapter_slug ? routes.chapter(slug, row.chapter_slug) : routes.consultation(slug);
  const mayWithdraw = own && mayComment && row.state === 'submitted' && actor ? (await withdrawable(db, actor, id, await versionWindows())).ok : false;
  const receipt = row.state !== 'draft' && actor && (await mayReadReceipt(db, actor, { organisationId: row.organisation_id, consultationId: row.consultation_id }));
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
    /** Withdrawn by its organisation: when, and why if it said. */
    withdrawal: row.state === 'withdrawn' && row.withdrawn_at ? { at: new Date(row.withdrawn_at), reason: row.withdrawal_reason, organisation: row.organisation_name } : undefined,
    /** What the author's organisation may do with it here. */
    actions: own && mayComment ? { edit: row.state === 'draft' ? routes.commentEdit(id) : undefined, withdraw: mayWithdraw ? routes.commentWithdraw(id) : undefined } : undefined,
    /** Its attachments, as this viewer may see them (issue 16). */
    attachments: await commentAttachmentsView(id, user),
    /** The printable receipt, for those who may read it. */
    receipt: receipt ? routes.commentReceipt(id) : undefined,
  };
}

/** What the posted intent does, and where a success sends the person. */
async function act(
  db: Db,
  user: NonNullable<App.Locals['user']>,
  id: number,
  intent: string | undefined,
  returnTo: string,
  ip: string,
): Promise<{ result: Result; flash: FlashKey; target: string }> {
  const actor = actorOf(user);
  switch (intent) {
    case 'support':
    case 'unsupport':
      return {
        result: await setSupport(db, actor, id, intent === 'support', await versionWindows(), new Date(), ip),
        flash: intent === 'support' ? 'podpora-dodana' : 'podpora-umaknjena',
        target: returnTo,
      };
    case 'delete':
      return { result: await deleteDraft(db, actor, id), flash: 'osnutek-izbrisan', target: routes.organisationComments };
    default:
      // Withdrawal is confirmed on its own page (routes.commentWithdraw), never posted here.
      return { result: { ok: false, error: { code: 'forbidden', message: (t) => t.access.notAllowed } }, flash: 'podpora-dodana', target: returnTo };
  }
}
