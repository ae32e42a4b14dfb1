import { EMPTY_FORM, submitForm } from '../form-handling.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { getDb } from '../../platform/db.ts';
import { routes } from '../../../routes.ts';
import { bulkAction, bulkInput } from '../../moderation/bulk.ts';
import { parseQueueFilter } from '../../moderation/queue.ts';
import { queueView, type QueueView } from '../../moderation/views.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/**
 * The queue page. Filters are a GET form (bookmarkable); the bulk form posts to the same filtered
 * address, and a bulk action done leads back to that view with a count of what changed.
 */
export async function queuePage(
  context: PageContext,
  user: NonNullable<App.Locals['user']>,
): Promise<PageAnswer<QueueView & ModeratedConsultation & { changed?: number }>> {
  const db = getDb();
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  const params = new URLSearchParams(context.url.searchParams);
  params.delete('spremenjeno');
  params.delete('posvetovanje');
  const filter = parseQueueFilter(params);
  let form = EMPTY_FORM;
  if (context.request.method === 'POST') {
    const result = await submitForm(context, bulkInput, (input) => bulkAction(db, actorOf(user), input, clientIp(context)), { statuses: MODERATION_STATUS });
    if (result.ok) return { response: context.redirect(routes.moderation({ posvetovanje: consultation.slug, ...filter, spremenjeno: result.value }), 303) };
    // The bulk form is one row of controls: its message stands above it, whichever field it is about.
    const state = refused(result);
    form = { ...state, errors: { _form: Object.values(state.errors)[0] } };
  }
  const changed = context.url.searchParams.get('spremenjeno');
  return { view: { ...(await queueView(db, consultation, filter, user.id)), ...chosen, changed: changed && /^\d{1,6}$/.test(changed) ? Number(changed) : undefined }, form };
}
