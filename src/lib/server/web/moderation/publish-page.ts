import { routes } from '../../../routes.ts';
import { parseScope, publishInput, publishOverview, scopeChapter, stancesToPublish, type PublishOverview, type StancesToPublish } from '../../moderation/publishing.ts';
import { publishStances } from '../../moderation/stances.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp, publicBaseUrl } from '../auth-context.ts';
import { EMPTY_FORM, submitForm } from '../form-handling.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/**
 * The publishing page of a consultation (administrators; the page's guard refuses anyone else).
 * GET shows the stances by state and the approved ones per chapter; a chosen scope
 * (`objavi=vse|poglavje|osnutek`) shows exactly what will be published, and its form POSTs here.
 * Done, it leads back to the overview with how many were published.
 */
export type PublishPageView = ModeratedConsultation & {
  overview: PublishOverview;
  /** What the chosen scope would publish, shown for confirmation. */
  confirm?: StancesToPublish;
  published?: number;
};

export async function publishPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<PublishPageView>> {
  const db = getDb();
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  let form = EMPTY_FORM;
  if (context.request.method === 'POST') {
    const result = await submitForm(
      context,
      publishInput,
      (input) => publishStances(db, actorOf(user), { consultationId: consultation.id, chapterSlug: scopeChapter(input), commentIds: input.ids }, publicBaseUrl(), clientIp(context)),
      { statuses: MODERATION_STATUS },
    );
    if (result.ok) return { response: context.redirect(routes.moderationPublish({ posvetovanje: consultation.slug, objavljeno: result.value.published }), 303) };
    // The message stands above the overview, whichever field it is about.
    const state = refused(result);
    form = { ...state, errors: { _form: state.message ?? Object.values(state.errors)[0] } };
  }
  const params = Object.fromEntries(context.url.searchParams);
  const scope = form === EMPTY_FORM ? parseScope(params) : undefined;
  const published = params.objavljeno && /^\d{1,6}$/.test(params.objavljeno) ? Number(params.objavljeno) : undefined;
  const [overview, confirm] = await Promise.all([publishOverview(db, consultation), scope ? stancesToPublish(db, consultation, scope) : undefined]);
  return { view: { ...chosen, overview, confirm, published }, form };
}
