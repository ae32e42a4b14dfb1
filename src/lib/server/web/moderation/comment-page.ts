import { routes } from '../../../routes.ts';
import type { Actor } from '../../accounts/access.ts';
import { addNote, noteInput, setTags, tagsInput } from '../../moderation/annotate.ts';
import { assign, assignInput } from '../../moderation/bulk.ts';
import { moveComment, workflowInput } from '../../moderation/decisions.ts';
import { draftStance, mayReview, reviewInput, reviewStance, stanceInput, stanceOf, type StanceView } from '../../moderation/stances.ts';
import { consultationOfComment, moderationPage, type ModerationPage } from '../../moderation/detail.ts';
import { mayModerate } from '../../consultations/moderators.ts';
import { setHidden, visibilityInput } from '../../moderation/hide.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp, publicBaseUrl } from '../auth-context.ts';
import { EMPTY_FORM, submitForm, type FormState, type Submitted } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { MODERATION_STATUS, refused, type PageAnswer, type PageContext } from './page.ts';
import { commentAttachmentsView, type AttachmentsView } from '../attachments/page.ts';

/**
 * One comment as a moderator handles it. Each of the page's forms posts here with its own intent:
 * the intent's command runs on the form's typed input, then the page redirects with "saved" — or
 * shows the form's errors with what was typed.
 */

type Command = (context: PageContext, actor: Actor, commentId: number, ip: string, values: Record<string, string>) => Promise<Submitted<unknown>>;

const intents: Record<string, Command> = {
  draft: (context, actor, id, ip, values) => submitForm(context, stanceInput, (input) => draftStance(getDb(), actor, id, input, ip), { statuses: MODERATION_STATUS, values }),
  review: (context, actor, id, ip, values) => submitForm(context, reviewInput, (input) => reviewStance(getDb(), actor, id, input, ip), { statuses: MODERATION_STATUS, values }),
  status: (context, actor, id, ip, values) => submitForm(context, workflowInput, (input) => moveComment(getDb(), actor, id, input, ip), { statuses: MODERATION_STATUS, values }),
  note: (context, actor, id, ip, values) => submitForm(context, noteInput, ({ note }) => addNote(getDb(), actor, id, note, ip), { statuses: MODERATION_STATUS, values }),
  tags: (context, actor, id, ip, values) => submitForm(context, tagsInput, ({ tags }) => setTags(getDb(), actor, id, tags, ip), { statuses: MODERATION_STATUS, values }),
  assign: (context, actor, id, ip, values) => submitForm(context, assignInput, ({ assignee }) => assign(getDb(), actor, id, assignee, ip), { statuses: MODERATION_STATUS, values }),
  hide: (context, actor, id, ip, values) => submitForm(context, visibilityInput, (visibility) => setHidden(getDb(), actor, id, visibility, publicBaseUrl(), ip), { statuses: MODERATION_STATUS, values }),
};
intents.unhide = intents.hide;

async function post(context: PageContext, user: NonNullable<App.Locals['user']>, commentId: number): Promise<{ response: Response } | FormState> {
  const values = await readForm(context.request);
  const command = Object.hasOwn(intents, values.intent ?? '') ? intents[values.intent] : undefined;
  if (!command) return { status: 400, errors: { _form: context.locals.t.access.notAllowed }, values };
  const result = await command(context, actorOf(user), commentId, clientIp(context), values);
  if (result.ok) return { response: context.redirect(routes.moderationComment(commentId, { shranjeno: 1 }), 303) };
  return refused(result);
}

/** The page's read model: the comment with everything around it, its stance, and whether the viewer may review it. */
export type CommentPageView = ModerationPage & { id: number; stance: StanceView | undefined; mayReview: boolean; attachments: AttachmentsView | undefined };

export async function commentPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<CommentPageView>> {
  const id = /^\d{1,9}$/.test(context.params.id ?? '') ? Number(context.params.id) : NaN;
  if (!Number.isSafeInteger(id)) return { response: await context.rewrite('/404') };
  // Another consultation's comment is not this moderator's to see or change: 403 before any form is read.
  const consultationId = await consultationOfComment(getDb(), id);
  if (consultationId === undefined) return { response: await context.rewrite('/404') };
  if (!(await mayModerate(getDb(), actorOf(user), consultationId))) return { response: await context.rewrite('/403') };
  let form = EMPTY_FORM;
  if (context.request.method === 'POST') {
    const answer = await post(context, user, id);
    if ('response' in answer) return answer;
    form = answer;
  }
  const view = await moderationPage(getDb(), id);
  // A draft or no comment: the "not found" page. A withdrawn one is shown read-only (its commands refuse).
  if (!view) return { response: await context.rewrite('/404') };
  const stance = await stanceOf(getDb(), id);
  return { view: { ...view, id, stance, mayReview: mayReview(actorOf(user), stance), attachments: await commentAttachmentsView(id, user) }, form };
}
