import { statisticsView, type StatisticsView } from '../../moderation/views.ts';
import { getDb } from '../../platform/db.ts';
import { moderatedConsultation, type ModeratedConsultation, type PageContext } from './page.ts';

/** The statistics of the consultation the person chose (or the first they moderate). */
export async function statisticsPage(
  context: Pick<PageContext, 'url' | 'rewrite'>,
  user: NonNullable<App.Locals['user']>,
): Promise<{ response: Response } | { view: StatisticsView & ModeratedConsultation }> {
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  return { view: { ...(await statisticsView(getDb(), chosen.consultation)), ...chosen } };
}
