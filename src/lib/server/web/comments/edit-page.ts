import { onBehalfOfField } from '../../../comment-fields.ts';
import { routes } from '../../../routes.ts';
import { ownCommentForEditing } from '../../comments/organisation-queries.ts';
import { findVersion, versionWindows, windowOf } from '../../content/content.ts';
import { findConsultationById } from '../../consultations/consultations.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp, publicBaseUrl, requirePermission } from '../auth-context.ts';
import { readForm } from '../forms.ts';
import { membersFor, saveCommentForm } from './form.ts';
import { idParam, notFound, type PageContext } from './page.ts';
import { afterSave } from './post.ts';

/**
 * Editing a draft: only members of the author's organisation, only while it is a draft. A submitted
 * comment cannot be edited: a reader is sent to it; a form posted anyway is refused (409).
 */
export async function editPage(page: PageContext) {
  const guard = requirePermission(page, 'comment');
  if (guard.response) return { response: guard.response };
  const user = guard.user;
  const id = idParam(page.params.id);
  const db = getDb();
  const found = id === undefined ? undefined : await ownCommentForEditing(db, id, user.organisationId);
  if (id === undefined || !found) return notFound(page);
  const { comment, named } = found;
  const path = routes.commentEdit(id);
  const base = { id, comment, path, view: routes.comment(id), organisationName: user.organisationName };
  if (comment.state !== 'draft') {
    if (page.request.method !== 'POST') return { response: page.redirect(routes.comment(id), 303) };
    page.response.status = 409;
    return { ...base, locked: true as const, errors: { _form: page.locals.t.comments.errors.notADraft } };
  }
  const consultation = await findConsultationById(db, comment.consultation_id);
  const version = consultation && (await findVersion(consultation.slug, comment.version_id));
  if (!consultation || !version) return notFound(page);

  let errors: Record<string, string> = {};
  let values: Record<string, string> = {
    kind: comment.kind,
    body: comment.body,
    proposedText: comment.proposed_text ?? comment.quote ?? '',
    rationale: comment.rationale ?? '',
    ...Object.fromEntries(named.map((member) => [onBehalfOfField(member), '1'])),
  };
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const anchor = { window: windowOf(consultation, version), scope: comment.scope };
    const outcome = await saveCommentForm(db, actorOf(user), anchor, form, page.locals.t, { commentId: id, windows: await versionWindows(), baseUrl: publicBaseUrl(), ip: clientIp(page) });
    if (outcome.ok) return { response: afterSave(page, outcome.value, routes.comment(id)) };
    ({ errors, values } = outcome);
    page.response.status = outcome.status;
  }
  return { ...base, locked: false as const, errors, values, members: await membersFor(db, user) };
}
