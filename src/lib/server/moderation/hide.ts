import { z } from 'astro/zod';
import { dictionary, perDictionary } from '../../../i18n/index.ts';
import { HIDE_REASONS, type HideReason } from '../../enums.ts';
import { ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import type { Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon } from '../platform/mail.ts';
import { commentPlace, commentToModerate, notifyOrganisation } from './common.ts';
import { config } from '../platform/config.ts';

/** Hiding a comment from the public (with a reason, which its organisation is told) and showing it again. */

export type Visibility = { hidden: false } | { hidden: true; reason: HideReason };

/** The visibility form: `intent` hide (with a reason) or unhide. */
export const visibilityInput = perDictionary((t) =>
  z
    .object({ intent: z.enum(['hide', 'unhide']), reason: z.string().optional() })
    .transform((v, ctx): Visibility => {
      if (v.intent === 'unhide') return { hidden: false };
      const reason = HIDE_REASONS.find((r) => r === v.reason);
      if (reason) return { hidden: true, reason };
      ctx.addIssue({ code: 'custom', path: ['reason'], message: t.moderation.errors.reasonRequired });
      return z.NEVER;
    }),
);

export async function setHidden(db: Db, actor: Actor, commentId: number, visibility: Visibility, baseUrl: string, ip: string | null): Promise<Result> {
  const found = await commentToModerate(db, actor, commentId);
  if (!found.ok) return found;
  const comment = found.value;
  const { hidden } = visibility;
  if ((comment.hidden === 1) === hidden) return ok();
  const reason = visibility.hidden ? visibility.reason : null;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set({ hidden: hidden ? 1 : 0, hidden_reason: reason }).where('id', '=', commentId).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: hidden ? 'comment.hidden' : 'comment.unhidden',
      targetType: 'comment',
      targetId: commentId,
      before: { hidden: comment.hidden === 1, reason: comment.hidden_reason },
      after: { hidden, reason },
      ip,
    });
    if (reason) {
      // The organisation's language: Slovenian.
      const t = dictionary();
      const link = absolute(baseUrl, routes.comment(commentId));
      const place = await commentPlace(trx, comment);
      const paragraph = t.moderation.mail.paragraph(place.block, place.chapter);
      const text = t.moderation.mail.hiddenBody({ id: commentId, consultation: place.consultation, paragraph, reason: t.moderation.hideReasons[reason], link, replyTo: config.mailReplyTo, contactEmail: config.contactEmail });
      await notifyOrganisation(trx, comment.organisation_id, t.moderation.mail.hiddenSubject(commentId), text);
    }
  });
  deliverSoon();
  return ok();
}
