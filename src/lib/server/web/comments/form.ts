import { randomUUID } from 'node:crypto';
import { z } from 'astro/zod';
import { perDictionary, type Dictionary } from '../../../../i18n/index.ts';
import { namedMembers } from '../../../comment-fields.ts';
import type { DomainError } from '../../../result.ts';
import { routes } from '../../../routes.ts';
import { can } from '../../accounts/access.ts';
import { commentInput, type CommentActor, type CommentAnchor } from '../../comments/input.ts';
import { saveComment, type Saved } from '../../comments/save.ts';
import type { WindowLookup } from '../../comments/consultation-window.ts';
import { memberOptions } from '../../organisations/organisations.ts';
import type { Db } from '../../platform/db.ts';
import { errorState, type FormState, type Submitted } from '../form-handling.ts';
import { keptValues, parseForm } from '../forms.ts';
import { viewerMayComment } from './viewer.ts';

/**
 * The comment form at the edge: the posted fields become a `CommentInput` (the member boxes
 * `onBehalfOf.<id>` a list of ids), the command runs, and a refusal becomes what the page shows.
 * What was typed wrong — a missing body, a municipality that is not a member — answers 400, as the
 * comment pages always have; the rest answer their code's status.
 */

/** The posted form as `commentInput` reads it: the member boxes become a list of ids. */
const commentForm = perDictionary((t) =>
  z.preprocess((form) => ({ ...(form as Record<string, string>), onBehalfOf: namedMembers(form as Record<string, string>) }), commentInput(t)),
);

function refusal(error: DomainError, t: Dictionary, values: Record<string, string>): Extract<Submitted<never>, { ok: false }> {
  return { ok: false, code: error.code, ...errorState(error, t, values, { invalid: 400 }) };
}

export async function saveCommentForm(
  db: Db,
  actor: CommentActor,
  anchor: CommentAnchor,
  values: Record<string, string>,
  t: Dictionary,
  options: { commentId?: number; now?: Date; windows?: WindowLookup; baseUrl?: string; ip?: string | null } = {},
): Promise<Submitted<Saved>> {
  // Someone who may not comment learns that before anything about the form.
  if (!can(actor, 'comment')) return refusal({ code: 'forbidden', message: (d) => d.access.notAllowed }, t, values);
  const parsed = parseForm(commentForm(t), values);
  if (!parsed.ok) return { ok: false, code: 'invalid', status: 400, errors: parsed.errors, values: keptValues(values) };
  const intent = values.intent === 'draft' ? 'draft' : 'submit';
  const result = await saveComment(db, actor, anchor, parsed.data, intent, options);
  return result.ok ? { ok: true, value: result.value, values: keptValues(values) } : refusal(result.error, t, values);
}

/** Where a comment is written: the form for people who may comment, a sign-in link for readers, a word for other roles. */
export type CommentFormModel =
  | { viewer: 'guest'; signIn: string }
  | { viewer: 'cannot-comment' }
  | {
      viewer: 'member';
      action: string;
      returnTo: string;
      blockText: string | null;
      organisationName: string;
      members: Array<{ id: number; name: string }>;
      idempotencyKey: string;
      errors: Record<string, string>;
      values: Record<string, string>;
    };

/** The members an association may name; none for anyone else. */
export async function membersFor(db: Db, viewer: App.Locals['user']): Promise<Array<{ id: number; name: string }>> {
  return viewer && viewerMayComment(viewer) && viewer.organisationKind === 'association' ? memberOptions(db, viewer.organisationId) : [];
}

export async function commentFormModel(db: Db, viewer: App.Locals['user'], path: string, blockText: string | null, form: FormState): Promise<CommentFormModel> {
  if (!viewer) return { viewer: 'guest', signIn: routes.signIn(path) };
  if (!viewerMayComment(viewer)) return { viewer: 'cannot-comment' };
  const { errors, values } = form;
  return {
    viewer: 'member',
    action: path,
    returnTo: values.returnTo ?? path,
    blockText,
    organisationName: viewer.organisationName,
    members: await membersFor(db, viewer),
    idempotencyKey: values.idempotencyKey ?? randomUUID(),
    errors,
    values,
  };
}
