import { z } from 'astro/zod';
import { dictionary, perDictionary } from '../../../i18n/index.ts';
import { DECISIONS, MODERATION_STATUSES, type Decision } from '../../enums.ts';
import { ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import type { Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon } from '../platform/mail.ts';
import { commentPlace, commentToModerate, notifyOrganisation } from './common.ts';

/** Decisions with public responses, and moving a comment between "new" and "in review". */

export const MAX_RESPONSE = 10_000;

const isDecision = (status: string): status is Decision => (DECISIONS as readonly string[]).includes(status);

/** Every decision but "upoštevana" needs a public response explaining it. */
export const decisionInput = perDictionary((t) => {
  const m = t.moderation.errors;
  return z
    .object({
      status: z.enum(MODERATION_STATUSES, { error: m.decisionRequired }),
      response: z
        .string()
        .optional()
        .transform((v) => (v ?? '').trim())
        .pipe(z.string().max(MAX_RESPONSE, { error: m.responseTooLong(MAX_RESPONSE) })),
    })
    .superRefine((value, ctx) => {
      if (isDecision(value.status) && value.status !== 'accepted' && !value.response) {
        ctx.addIssue({ code: 'custom', path: ['response'], message: m.responseRequired });
      }
    });
});
export type DecisionInput = z.infer<ReturnType<typeof decisionInput>>;

/**
 * Records a decision (or moves a comment between new and in review). The organisation is told of a
 * decision, or of a changed one, by e-mail.
 */
export async function decide(db: Db, actor: Actor, commentId: number, input: DecisionInput, baseUrl: string, ip: string | null): Promise<Result> {
  const found = await commentToModerate(db, actor, commentId);
  if (!found.ok) return found;
  const comment = found.value;
  const { status, response } = input;
  const decided = isDecision(status);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('comments')
      .set({
        moderation_status: status,
        response: response || null,
        decided_at: decided ? now : null,
        decided_by_user_id: decided ? actor.id : null,
      })
      .where('id', '=', commentId)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: decided ? 'comment.decided' : 'comment.status_changed',
      targetType: 'comment',
      targetId: commentId,
      before: { status: comment.moderation_status, response: comment.response },
      after: { status, response: response || null },
      ip,
    });
    const changed = comment.moderation_status !== status || (comment.response ?? '') !== response;
    if (decided && changed) {
      // The organisation's language: Slovenian.
      const t = dictionary();
      const link = absolute(baseUrl, routes.comment(commentId));
      const place = await commentPlace(trx, comment);
      const mail = t.moderation.mail;
      const text = mail.decisionBody({
        id: commentId,
        consultation: place.consultation,
        paragraph: mail.paragraph(place.block, place.chapter),
        decision: t.comments.statuses[status],
        meaning: mail.decisionMeaning[status] ?? '',
        response: response || null,
        link,
      });
      await notifyOrganisation(trx, comment.organisation_id, mail.decisionSubject(commentId), text);
    }
  });
  deliverSoon();
  return ok();
}
