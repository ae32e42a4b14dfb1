import { randomUUID } from 'node:crypto';
import { routes } from '../../../routes.ts';
import type { CommentAnchor } from '../../comments/input.ts';
import { blockAnchor, currentVersion, listChapters, windowOf } from '../../content/content.ts';
import { recordReceivedComment, receivedInput } from '../../moderation/received.ts';
import { recordFormView, type RecordFormView } from '../../moderation/views.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { submitForm, type FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';
import type { Consultation } from '../../consultations/consultations.ts';

/** A moderator records a comment received by e-mail or post, on behalf of the organisation that sent it. */

/** What the form is about: a paragraph of a chapter of the current version, or the chapter as a whole. */
async function anchorOf(consultation: Consultation, values: Record<string, string>): Promise<CommentAnchor | undefined> {
  const version = await currentVersion(consultation);
  if (!version) return undefined;
  const chapter = (await listChapters(consultation.slug, version.id)).find((c) => c.slug === values.chapter);
  if (!chapter) return undefined;
  if (!values.block) return { window: windowOf(consultation, version), scope: 'chapter', chapter: { slug: chapter.slug, number: chapter.number } };
  const block = /^\d{1,4}$/.test(values.block) ? chapter.rendered.blocks[Number(values.block) - 1] : undefined;
  return block ? blockAnchor(consultation, version, chapter, block) : undefined;
}

async function post(context: PageContext, user: NonNullable<App.Locals['user']>, consultation: Consultation): Promise<{ response: Response } | FormState> {
  const values = await readForm(context.request);
  const anchor = await anchorOf(consultation, values);
  if (!anchor) return { status: 400, errors: { block: context.locals.t.moderation.errors.blockRequired }, values };
  const db = getDb();
  const result = await submitForm(context, receivedInput, (input) => recordReceivedComment(db, actorOf(user), { ...input, anchor }, clientIp(context)), {
    statuses: MODERATION_STATUS,
    values,
  });
  if (result.ok) return { response: context.redirect(routes.moderationComment(result.value, { vneseno: 1 }), 303) };
  return refused(result);
}

export async function recordPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<RecordFormView & ModeratedConsultation>> {
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  // A new form gets its key, so that sending it twice records the comment once.
  let form: FormState = { status: 200, errors: {}, values: { receivedVia: 'email', kind: 'comment', idempotencyKey: randomUUID() } };
  if (context.request.method === 'POST') {
    const answer = await post(context, user, consultation);
    if ('response' in answer) return answer;
    form = { ...answer, values: { idempotencyKey: randomUUID(), ...answer.values } };
  }
  return { view: { ...(await recordFormView(getDb(), consultation)), ...chosen }, form };
}
