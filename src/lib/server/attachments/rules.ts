import type { CommentState, ReceivedVia } from '../../enums.ts';
import { can, type Actor } from '../accounts/access.ts';
import { mayModerate } from '../consultations/moderators.ts';
import type { Db } from '../platform/db.ts';

/**
 * Who may see and change a comment's attachments — every rule of attachments in one place
 * (tests/unit/attachments-rules.test.ts has a test for each).
 *
 * - A comment written on the portal: its organisation's members (and org admins) add and remove
 *   attachments while it is a draft. After submission the list is fixed, like the text — to change
 *   it, the organisation withdraws the comment and submits a new one.
 * - A comment a moderator recorded (received by e-mail or post): the consultation's moderators add
 *   and remove at any time (the scan may arrive after the letter was entered); never once withdrawn.
 * - Seeing: everyone when the comment is public (submitted, not hidden); otherwise its own
 *   organisation (the draft is private to it) and — unless it is a draft — the consultation's
 *   moderators. Anyone else gets 404, as if there were no attachment.
 */

export interface AttachmentSubject {
  id: number;
  organisation_id: number;
  consultation_id: number;
  state: CommentState;
  received_via: ReceivedVia;
  hidden: number;
}

export function isPublicSubject(comment: AttachmentSubject): boolean {
  return comment.state === 'submitted' && !comment.hidden;
}

function ownOrganisation(actor: Actor, comment: AttachmentSubject): boolean {
  return can(actor, 'comment') && actor.organisationId === comment.organisation_id;
}

/** May the actor add attachments to this comment, or remove them? */
export async function mayChangeAttachments(db: Db, actor: Actor | null | undefined, comment: AttachmentSubject): Promise<boolean> {
  if (!actor) return false;
  if (comment.received_via === 'portal') return comment.state === 'draft' && ownOrganisation(actor, comment);
  return comment.state !== 'withdrawn' && (await mayModerate(db, actor, comment.consultation_id));
}

/** May the actor see (list, download) this comment's attachments? */
export async function maySeeAttachments(db: Db, actor: Actor | null | undefined, comment: AttachmentSubject): Promise<boolean> {
  if (isPublicSubject(comment)) return true;
  if (!actor) return false;
  if (ownOrganisation(actor, comment)) return true;
  return comment.state !== 'draft' && (await mayModerate(db, actor, comment.consultation_id));
}
