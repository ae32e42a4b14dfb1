import { z } from 'astro/zod';
import { routes } from '../../../routes.ts';
import { findConsultationById, type Consultation } from '../../consultations/consultations.ts';
import { mayModerate } from '../../consultations/moderators.ts';
import { chooseRepresentative, confirmGroup, draftGroupStance, groupStanceInput, representativeInput, splitGroup, splitInput } from '../../moderation/duplicates/commands.ts';
import { groupDetail, listGroups, type GroupDetail, type GroupList } from '../../moderation/duplicates/read.ts';
import { templatesFor, type FittingTemplate } from '../../moderation/templates.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { EMPTY_FORM, submitForm, type FormState, type Submitted } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/** The near-duplicate groups' pages: the consultation's groups, and one group with its forms. */

const pageNumber = (value: string | null) => (value && /^\d{1,6}$/.test(value) ? Number(value) : 1);

export async function groupsPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<ModeratedConsultation & { groups: GroupList }>> {
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const groups = await listGroups(getDb(), chosen.consultation.id, pageNumber(context.url.searchParams.get('stran')));
  return { view: { ...chosen, groups }, form: EMPTY_FORM };
}

/** What the group page shows: the group, its consultation, the templates its stance form offers, what was just done. */
export interface GroupPageView {
  detail: GroupDetail;
  consultation: Consultation;
  templates: FittingTemplate[];
  /** The template inserted into the obrazložitev (nothing written). */
  chosen?: FittingTemplate;
  done?: string;
}

/** Each form's intent: its command on its typed input, and the banner the page shows after the redirect. */
type Intent = (context: PageContext, user: NonNullable<App.Locals['user']>, groupId: number, values: Record<string, string>) => Promise<Submitted<unknown>>;

const options = (values: Record<string, string>) => ({ statuses: MODERATION_STATUS, values });
const intents: Record<string, Intent> = {
  confirm: (context, user, id, values) => submitForm(context, z.object({}), () => confirmGroup(getDb(), actorOf(user), id, clientIp(context)), options(values)),
  split: (context, user, id, values) => submitForm(context, splitInput, ({ ids }) => splitGroup(getDb(), actorOf(user), id, ids, clientIp(context)), options(values)),
  representative: (context, user, id, values) =>
    submitForm(context, representativeInput, ({ representative }) => chooseRepresentative(getDb(), actorOf(user), id, representative, clientIp(context)), options(values)),
  stance: (context, user, id, values) => submitForm(context, groupStanceInput, (input) => draftGroupStance(getDb(), actorOf(user), id, input, clientIp(context)), options(values)),
};

function doneParam(intent: string, value: unknown): Record<string, string | number> {
  if (intent === 'split') {
    const split = value as { remains: boolean; count: number };
    return split.remains ? { izloceno: split.count } : {};
  }
  if (intent === 'stance') return { zapisano: value as number };
  return { shranjeno: intent };
}

export async function groupPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<GroupPageView>> {
  const db = getDb();
  const id = /^\d{1,9}$/.test(context.params.id ?? '') ? Number(context.params.id) : NaN;
  if (!Number.isSafeInteger(id)) return { response: await context.rewrite('/404') };
  const group = await db.selectFrom('duplicate_groups').select(['consultation_id', 'representative_comment_id']).where('id', '=', id).executeTakeFirst();
  if (!group) return { response: await context.rewrite('/404') };
  // Another consultation's group is not this moderator's: 403 before any form is read.
  if (!(await mayModerate(db, actorOf(user), group.consultation_id))) return { response: await context.rewrite('/403') };
  const consultation = (await findConsultationById(db, group.consultation_id))!;
  const chapter = (await db.selectFrom('comments').select('chapter_slug').where('id', '=', group.representative_comment_id).executeTakeFirst())?.chapter_slug;
  const templates = await templatesFor(db, consultation.id, chapter);
  let form: FormState = EMPTY_FORM;
  let chosen: FittingTemplate | undefined;
  if (context.request.method === 'POST') {
    const values = await readForm(context.request);
    if (values.intent === 'template') {
      chosen = templates.find((tp) => String(tp.id) === values.template);
      form = { status: 200, errors: {}, values: chosen ? { ...values, response: chosen.body } : values };
    } else {
      const intent = Object.hasOwn(intents, values.intent ?? '') ? intents[values.intent]! : undefined;
      if (!intent) return { response: await context.rewrite('/404') };
      const result = await intent(context, user, id, values);
      if (result.ok) {
        const params = doneParam(values.intent, result.value);
        const target = Object.keys(params).length ? routes.moderationGroup(id, params) : routes.moderationGroups({ posvetovanje: consultation.slug, razdeljeno: 1 });
        return { response: context.redirect(target, 303) };
      }
      form = refused(result);
    }
  }
  const detail = await groupDetail(db, id, pageNumber(context.url.searchParams.get('stran')));
  if (!detail) return { response: await context.rewrite('/404') };
  const t = context.locals.t.duplicates;
  const search = context.url.searchParams;
  const drafted = search.get('zapisano');
  const done =
    search.get('shranjeno') === 'confirm'
      ? t.confirm.done
      : search.get('shranjeno') === 'representative'
        ? t.representativeForm.done
        : /^\d{1,6}$/.test(search.get('izloceno') ?? '')
          ? t.split.done(Number(search.get('izloceno')))
          : drafted && /^\d{1,6}$/.test(drafted)
            ? t.stance.done(Number(drafted))
            : undefined;
  return { view: { detail, consultation, templates, chosen, done }, form };
}
