import { routes } from '../../../routes.ts';
import { withdrawable, withdrawalInput, withdrawComment, WITHDRAWAL_REASON_MAX } from '../../comments/commands.ts';
import { findCommentForViewer } from '../../comments/organisation-queries.ts';
import { withdrawnComment } from '../../comments/record.ts';
import { versionWindows } from '../../content/content.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { EMPTY_FORM, errorState, submitForm, type FormState } from '../form-handling.ts';
import { withFlash } from '../flash.ts';
import { idParam, notFound, type PageContext } from './page.ts';
import { viewerMayComment } from './viewer.ts';

/**
 * Withdrawing a comment (/pripombe/<id>/umik): the organisation confirms, with an optional reason.
 * Only the author's organisation: anyone else gets 403 for a comment the public sees and 404 for
 * one it does not. When withdrawal is no longer possible the page says why and shows no form.
 */
export async function withdrawPage(page: PageContext) {
  const id = idParam(page.params.id);
  if (id === undefined) return notFound(page);
  const path = routes.commentWithdraw(id);
  const user = page.locals.user;
  if (!user) return { response: page.redirect(routes.signIn(path), 303) };
  const db = getDb();
  const found = await findCommentForViewer(db, id, user);
  if (!found) return (await withdrawnComment(db, id)) ? { response: page.rewrite('/403') } : notFound(page);
  if (!found.own || !viewerMayComment(user)) return { response: page.rewrite('/403') };

  const actor = actorOf(user);
  const windows = await versionWindows();
  let form: FormState = EMPTY_FORM;
  if (page.request.method === 'POST') {
    const outcome = await submitForm(page, withdrawalInput, (input) => withdrawComment(db, actor, id, input, windows, { ip: clientIp(page) }));
    if (outcome.ok) return { response: page.redirect(withFlash(routes.organisationComments, 'pripomba-umaknjena'), 303) };
    form = outcome;
    page.response.status = outcome.status;
  }
  // Refused (its window closed, a stance recorded, withdrawn already): the page says why, no form.
  const allowed = await withdrawable(db, actor, id, windows);
  const refusal = allowed.ok ? undefined : errorState(allowed.error, page.locals.t).message;
  const { row } = found;
  return {
    id,
    path,
    row,
    refusal,
    form,
    maxReason: WITHDRAWAL_REASON_MAX,
    cancel: routes.comment(id),
  };
}
