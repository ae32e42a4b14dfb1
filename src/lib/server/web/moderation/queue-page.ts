import { EMPTY_FORM, submitForm } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { getDb } from '../../platform/db.ts';
import { routes } from '../../../routes.ts';
import { BULK_STANCE_FIELDS, bulkAction, bulkInput, bulkStanceInput, draftStances, stanceRevisions } from '../../moderation/bulk.ts';
import { parseQueueFilter } from '../../moderation/queue.ts';
import { templatesFor, type FittingTemplate } from '../../moderation/templates.ts';
import { queueView, type QueueView } from '../../moderation/views.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/** The queue's bulk stance form: each row's stance revision, the templates it offers, the one inserted. */
export interface BulkStanceView {
  revisions: Record<number, number>;
  templates: FittingTemplate[];
  chosen?: FittingTemplate;
}

const count = (value: string | null) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

/**
 * The queue page. Filters are a GET form (bookmarkable); the bulk form posts to the same filtered
 * address, and a bulk action done leads back to that view with a count of what changed. The bulk
 * form's „Predlog stališča“ (intent "stance") drafts one stance on every selected comment; its
 * „Vstavi predlogo“ (intent "template") shows the page again with the obrazložitev filled from a
 * template and the selection kept.
 */
export async function queuePage(
  context: PageContext,
  user: NonNullable<App.Locals['user']>,
): Promise<PageAnswer<QueueView & ModeratedConsultation & { changed?: number; drafted?: number; bulkStance: BulkStanceView }>> {
  const db = getDb();
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  const params = new URLSearchParams(context.url.searchParams);
  params.delete('spremenjeno');
  params.delete('zapisano');
  params.delete('posvetovanje');
  const filter = parseQueueFilter(params);
  // General templates, and the chapter's own when the queue shows one chapter.
  const templates = await templatesFor(db, consultation.id, filter.chapter);
  let form = EMPTY_FORM;
  let inserted: FittingTemplate | undefined;
  if (context.request.method === 'POST') {
    const values = await readForm(context.request);
    if (values.intent === 'stance') {
      const result = await submitForm(context, bulkStanceInput, (input) => draftStances(db, actorOf(user), input, clientIp(context)), { statuses: MODERATION_STATUS, values });
      if (result.ok) return { response: context.redirect(routes.moderation({ posvetovanje: consultation.slug, ...filter, zapisano: result.value }), 303) };
      // The decision and the obrazložitev have fields of their own; anything else stands above the form.
      const state = refused(result);
      const { [BULK_STANCE_FIELDS.status]: status, [BULK_STANCE_FIELDS.response]: response, ...rest } = state.errors;
      const fields = Object.fromEntries(Object.entries({ [BULK_STANCE_FIELDS.status]: status, [BULK_STANCE_FIELDS.response]: response }).filter(([, v]) => v));
      form = { ...state, errors: { ...(Object.keys(rest).length ? { _form: Object.values(rest)[0] } : {}), ...fields } };
    } else if (values.intent === 'template') {
      // Nothing is written: the page again, the obrazložitev filled, the selection and the decision kept.
      inserted = templates.find((t) => String(t.id) === values.template);
      form = { status: 200, errors: {}, values: inserted ? { ...values, [BULK_STANCE_FIELDS.response]: inserted.body } : values };
    } else {
      const result = await submitForm(context, bulkInput, (input) => bulkAction(db, actorOf(user), input, clientIp(context)), { statuses: MODERATION_STATUS, values });
      if (result.ok) return { response: context.redirect(routes.moderation({ posvetovanje: consultation.slug, ...filter, spremenjeno: result.value }), 303) };
      // The bulk form is one row of controls: its message stands above it, whichever field it is about.
      const state = refused(result);
      form = { ...state, errors: { _form: Object.values(state.errors)[0] } };
    }
  }
  const view = await queueView(db, consultation, filter, user.id);
  const revisions = await stanceRevisions(db, view.queue.rows.map((r) => r.id));
  const search = context.url.searchParams;
  return {
    view: { ...view, ...chosen, changed: count(search.get('spremenjeno')), drafted: count(search.get('zapisano')), bulkStance: { revisions, templates, chosen: inserted } },
    form,
  };
}
