import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { RECEIVED_VIA } from '../../enums.ts';
import { invalid, fail, ok, type Result } from '../../result.ts';
import { ljubljanaTimeToInstant, ljubljanaToday, parseDate } from '../../time.ts';
import { can, type Actor } from '../accounts/access.ts';
import { anchorRow, commentInput, type CommentAnchor } from '../comments/input.ts';
import { windowState } from '../comments/consultation-window.ts';
import { commentRow } from '../comments/row.ts';
import { queueReceipt } from '../comments/receipt.ts';
import { config } from '../platform/config.ts';
import { deliverSoon } from '../platform/mail.ts';
import { indexSoon } from './duplicates/jobs.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { forbidden } from './common.ts';

/** Comments received by e-mail or post, which a moderator enters for the organisation that sent them. */

const receivedViaField = z.enum(RECEIVED_VIA).exclude(['portal']);
/** How a comment a moderator records may have arrived. */
export const RECORDED_VIA = receivedViaField.options;

/** The form: who sent it, how and when, and the comment itself (as members write one). */
export const receivedInput = perDictionary((t) => {
  const m = t.moderation.errors;
  const meta = z.object({
    organisationId: z.coerce.number({ error: m.organisationRequired }).int().positive({ error: m.organisationRequired }),
    receivedVia: z.enum(receivedViaField.options, { error: m.receivedViaRequired }),
    // Asked for as people write a date, "3. 2. 2027"; kept as "2027-02-03".
    receivedOn: z
      .string({ error: m.receivedOnRequired })
      .trim()
      .min(1, { error: m.receivedOnRequired })
      .refine((v) => parseDate(v) !== undefined, { error: m.receivedOnInvalid })
      .transform((v) => parseDate(v)!),
  });
  return z.intersection(meta, commentInput(t));
});

export type ReceivedInput = z.infer<ReturnType<typeof receivedInput>> & { anchor: CommentAnchor };

/**
 * Enters a received comment. It is submitted at once, dated the day it was received, and flagged late
 * if that day was after the window closed. The same form sent again (or twice at once) answers with
 * the comment it recorded the first time.
 */
export async function recordReceivedComment(db: Db, actor: Actor, input: ReceivedInput, ip: string | null, now = new Date()): Promise<Result<number>> {
  if (!can(actor, 'moderate') || !(await mayModerate(db, actor, input.anchor.window.consultationId))) return forbidden();
  const organisation = await db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation || organisation.kind === 'government') return invalid({ organisationId: (t) => t.moderation.errors.organisationRequired });
  // Received that day at noon, Ljubljana time; the day (parsing refused 30. 2.) may not be later
  // than today in Ljubljana.
  if (input.receivedOn > ljubljanaToday(now)) return invalid({ receivedOn: (t) => t.moderation.errors.receivedOnFuture });
  const received = ljubljanaTimeToInstant(`${input.receivedOn}T12:00`);
  // Late by the date it was received and the version's window alone: a letter that arrived in time
  // is not late because the ministry has closed the consultation since.
  const { opensAt, closesAt } = input.anchor.window;
  const late = windowState({ opensAt, closesAt }, received) === 'closed';
  const recordedBefore = async (): Promise<Result<number> | undefined> => {
    if (!input.idempotencyKey) return undefined;
    const earlier = await db.selectFrom('comments').select(['id', 'recorded_by_user_id']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (!earlier) return undefined;
    // A member's own comment keeps its key; a recorded one is answered with itself.
    return earlier.recorded_by_user_id !== null ? ok(earlier.id) : fail('conflict', (t) => t.comments.errors.conflict);
  };
  const before = await recordedBefore();
  if (before) return before;
  const { anchor } = input;
  const record = () =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('comments')
        .values(
          commentRow({
            organisationId: organisation.id,
            anchor: anchorRow(anchor),
            kind: input.kind,
            body: input.body,
            proposedText: input.proposedText,
            rationale: input.rationale,
            state: 'submitted',
            at: now,
            submittedAt: received,
            authorUserId: null,
            recorded: { byUserId: actor.id, via: input.receivedVia, late },
            idempotencyKey: input.idempotencyKey,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorUserId: actor.id,
        action: 'comment.recorded',
        targetType: 'comment',
        targetId: row.id,
        after: { organisationId: organisation.id, receivedVia: input.receivedVia, receivedOn: input.receivedOn, late },
        ip,
      });
      // The organisation gets a receipt: the ministry recorded what it sent by post or e-mail.
      await queueReceipt(trx, { commentId: row.id, baseUrl: config.publicUrl });
      return row.id;
    });
  try {
    const id = await record();
    deliverSoon();
    await indexSoon(db, id);
    return ok(id);
  } catch (error) {
    const won = isUniqueViolation(error) ? await recordedBefore() : undefined;
    if (!won) throw error;
    return won;
  }
}
