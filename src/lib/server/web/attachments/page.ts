import type { Dictionary } from '../../../../i18n/index.ts';
import { routes } from '../../../routes.ts';
import { attachFiles, removeAttachment } from '../../attachments/commands.ts';
import { attachmentsOf, attachmentSubject, type AttachmentItem } from '../../attachments/queries.ts';
import { mayChangeAttachments, maySeeAttachments, type AttachmentSubject } from '../../attachments/rules.ts';
import { attachmentsRoot } from '../../attachments/storage.ts';
import { MAX_FILES, receivePdfs, FILES_FIELD, type UploadProblem } from '../../attachments/upload.ts';
import type { Actor } from '../../accounts/access.ts';
import { config } from '../../platform/config.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { errorState } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { idParam, notFound, type PageContext } from '../comments/page.ts';

/** What the list and the form of a comment's attachments need (the permalink, moderation and own page). */
export interface AttachmentsView {
  commentId: number;
  items: AttachmentItem[];
  /** Set when the viewer may add and remove: how many more files fit. */
  room: number | undefined;
  recorded: boolean;
}

/** A comment's attachments as this viewer may see them, or undefined when they may not. */
export async function attachmentsView(subject: AttachmentSubject, actor: Actor | null): Promise<AttachmentsView | undefined> {
  const db = getDb();
  if (!(await maySeeAttachments(db, actor, subject))) return undefined;
  const items = await attachmentsOf(db, subject.id);
  const mayChange = await mayChangeAttachments(db, actor, subject);
  return { commentId: subject.id, items, room: mayChange ? MAX_FILES - items.length : undefined, recorded: subject.received_via !== 'portal' };
}

/** The same for a comment by its id (the permalink's and the moderation page's slot). */
export async function commentAttachmentsView(commentId: number, user: App.Locals['user'] | null | undefined): Promise<AttachmentsView | undefined> {
  const subject = await attachmentSubject(getDb(), commentId);
  return subject && attachmentsView(subject, user ? actorOf(user) : null);
}

/** Statuses of the upload's problems: a malformed request 400, too large 413, the rest 422. */
const STATUS: Record<UploadProblem, number> = { notMultipart: 400, noBoundary: 400, cutOff: 400, tooLarge: 413, tooMany: 422, empty: 422, notPdf: 422, noFile: 422 };

function problemText(t: Dictionary, problem: UploadProblem, name?: string): string {
  const e = t.attachments.errors;
  return problem === 'tooLarge' || problem === 'empty' || problem === 'notPdf' ? e[problem](name) : e[problem];
}

/**
 * `/pripombe/[id]/priloge`: the list and, for those who may, the upload (multipart POST) and removal
 * (POST with `odstrani=<id>`). A success answers 303 back here with a banner; a refusal shows the page
 * with the error summary. Anyone who may not see the comment's attachments gets 404.
 */
export async function attachmentsPage(page: PageContext) {
  const id = idParam(page.params.id);
  if (id === undefined) return notFound(page);
  const db = getDb();
  const t = page.locals.t;
  const user = page.locals.user;
  const actor = user ? actorOf(user) : null;
  const subject = await attachmentSubject(db, id);
  if (!subject || !(await maySeeAttachments(db, actor, subject))) return notFound(page);
  const here = routes.commentAttachments(id);
  let errors: Record<string, string> = {};

  if (page.request.method === 'POST') {
    if (!actor) return { response: page.redirect(routes.signIn(here), 303) };
    const type = page.request.headers.get('content-type');
    if (!(await mayChangeAttachments(db, actor, subject))) {
      errors = { _form: t.attachments.errors.notAllowed };
      page.response.status = 403;
    } else if (type?.startsWith('application/x-www-form-urlencoded')) {
      const values = await readForm(page.request);
      const result = await removeAttachment(db, actor, id, Number(values.odstrani), attachmentsRoot(config.dataDir), clientIp(page));
      if (result.ok) return { response: page.redirect(`${here}?odstranjeno=1`, 303) };
      const refused = errorState(result.error, t);
      errors = refused.errors;
      page.response.status = refused.status;
    } else {
      const root = attachmentsRoot(config.dataDir);
      const room = MAX_FILES - (await attachmentsOf(db, id)).length;
      const upload = await receivePdfs(page.locals.upload ?? page.request.body, type, root, { room, signal: page.request.signal });
      if (upload.ok) {
        const result = await attachFiles(db, actor, id, upload.files, root, clientIp(page));
        if (result.ok) return { response: page.redirect(`${here}?dodano=${result.value.length}`, 303) };
        const refused = errorState(result.error, t);
        errors = refused.errors;
        page.response.status = refused.status;
      } else {
        errors = { [FILES_FIELD]: problemText(t, upload.problem, upload.name) };
        page.response.status = STATUS[upload.problem];
      }
    }
  }

  const view = (await attachmentsView(subject, actor))!;
  const added = Number(page.url.searchParams.get('dodano'));
  const flash = Number.isInteger(added) && added > 0 && added <= MAX_FILES ? t.attachments.added(added) : page.url.searchParams.get('odstranjeno') === '1' ? t.attachments.removed : undefined;
  const moderating = view.recorded && subject.state !== 'draft' && view.room !== undefined;
  return {
    id,
    view,
    errors,
    flash,
    back: moderating ? { href: routes.moderationComment(id), label: t.attachments.backToModeration } : { href: routes.comment(id), label: t.attachments.backToComment },
  };
}
