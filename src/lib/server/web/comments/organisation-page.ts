import { routes } from '../../../routes.ts';
import type { Result } from '../../../result.ts';
import { answerJointPosition } from '../../comments/joint.ts';
import { organisationRecord } from '../../comments/organisation-record.ts';
import { versionWindows } from '../../content/content.ts';
import { config } from '../../platform/config.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, requirePermission } from '../auth-context.ts';
import { errorState } from '../form-handling.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { readForm } from '../forms.ts';
import { idParam, type PageContext } from './page.ts';
import { viewerMayComment } from './viewer.ts';

/**
 * The organisation's record: the joint positions waiting for its answer first (a municipality answers
 * them here), then its own comments in every state with where each stands.
 */
export async function organisationCommentsPage(page: PageContext) {
  const guard = requirePermission(page, 'organisation.view');
  if (guard.response) return { response: guard.response };
  const user = guard.user;
  const db = getDb();
  const windows = await versionWindows();
  let errors: Record<string, string> = {};
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const commentId = idParam(form.commentId);
    const answer = form.intent === 'confirm' ? 'confirmed' : form.intent === 'decline' ? 'declined' : undefined;
    const result: Result =
      answer && commentId !== undefined
        ? await answerJointPosition(db, actorOf(user), commentId, answer, windows, new Date(), config.publicUrl)
        : { ok: false, error: { code: 'forbidden', message: (t) => t.access.notAllowed } };
    if (result.ok) return { response: page.redirect(withFlash(routes.organisationComments, 'odgovor-shranjen'), 303) };
    const refused = errorState(result.error, page.locals.t);
    errors = refused.errors;
    page.response.status = refused.status;
  }
  const mayComment = viewerMayComment(user);
  const requested = Number(page.url.searchParams.get('stran') ?? '1');
  const record = await organisationRecord(db, { id: user.organisationId, kind: user.organisationKind }, windows, new Date(), Number.isSafeInteger(requested) ? requested : 1);
  const link = <J extends { id: number; consultation_slug: string; open: boolean }>(j: J) => ({
    ...j,
    href: routes.comment(j.id),
    consultationHref: routes.consultation(j.consultation_slug),
    mayAnswer: mayComment && j.open,
  });
  return {
    organisationName: user.organisationName,
    organisationShortName: record.shortName,
    errors,
    flash: flashMessage(page.url, page.locals.t),
    action: routes.organisationComments,
    /** The comments per consultation (a person working on several sees which is which), the most recently active first. */
    groups: byConsultation(
      record.comments.map((c) => ({
        ...c,
        href: routes.comment(c.id),
        edit: c.state === 'draft' && mayComment ? routes.commentEdit(c.id) : undefined,
      })),
    ),
    /** Where this page is among the record's pages, and the links to the neighbours. */
    paging: {
      page: record.page,
      pageCount: record.pageCount,
      total: record.total,
      previous: record.page > 1 ? routes.organisationCommentsPage(record.page - 1) : undefined,
      next: record.page < record.pageCount ? routes.organisationCommentsPage(record.page + 1) : undefined,
    },
    /** Joint positions naming the municipality; undefined for other organisations. */
    joint: record.joint && { awaiting: record.joint.awaiting.map(link), others: record.joint.others.map(link) },
  };
}

/** Comments grouped by their consultation, keeping the order in which each consultation first appears. */
function byConsultation<C extends { consultation_slug: string; consultation_title: string }>(comments: C[]) {
  const groups = new Map<string, { slug: string; title: string; href: string; comments: C[] }>();
  for (const c of comments) {
    let group = groups.get(c.consultation_slug);
    if (!group) groups.set(c.consultation_slug, (group = { slug: c.consultation_slug, title: c.consultation_title, href: routes.consultation(c.consultation_slug), comments: [] }));
    group.comments.push(c);
  }
  return [...groups.values()];
}
