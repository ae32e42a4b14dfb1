import { can } from '../accounts/access.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import type { Db } from '../platform/db.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import { windowRefusal, type WindowLookup } from './consultation-window.ts';
import { anchorRow, type CommentActor, type CommentAnchor, type CommentContent } from './input.ts';
import { commentRow, contentColumns } from './row.ts';
import { recordSubmission } from './submitted.ts';
import { config } from '../platform/config.ts';
import { deliverSoon } from '../platform/mail.ts';
import { indexSoon } from '../moderation/duplicates/jobs.ts';

export type SaveIntent = 'draft' | 'submit';

export interface Saved {
  id: number;
  state: 'draft' | 'submitted';
  /** The same form was stored before (its idempotency key): this is that comment. */
  duplicate: boolean;
}

/**
 * Saves a draft or submits a comment on behalf of the actor's organisation. With `commentId` it
 * edits that draft; otherwise the input's idempotency key makes a repeated submission return the
 * comment already stored instead of storing a second one (also when two arrive at once).
 *
 * A new comment belongs to the anchor's version; an existing draft keeps its own, and its version's
 * window (from `windows`) decides whether it may be submitted — whichever page it is posted through.
 * Only an association names members (`onBehalfOf`); anyone else's names are ignored.
 */
export async function saveComment(
  db: Db,
  actor: CommentActor,
  anchor: CommentAnchor,
  input: CommentContent,
  intent: SaveIntent,
  options: { commentId?: number; now?: Date; windows?: WindowLookup; baseUrl?: string; ip?: string | null } = {},
): Promise<Result<Saved>> {
  const now = options.now ?? new Date();
  if (!can(actor, 'comment')) return fail('forbidden', (t) => t.access.notAllowed);
  const windowOfVersion = (consultationId: number, versionId: string) =>
    consultationId === anchor.window.consultationId && versionId === anchor.window.versionId ? anchor.window : options.windows?.(consultationId, versionId);

  const requested = actor.organisationKind === 'association' ? [...new Set(input.onBehalfOf ?? [])] : [];
  const members = requested.length
    ? await db
        .selectFrom('association_memberships')
        .select('member_id')
        .where('association_id', '=', actor.organisationId)
        .where('member_id', 'in', requested)
        .execute()
    : [];
  if (members.length !== requested.length) return invalid({ onBehalfOf: (t) => t.comments.errors.notAMember });

  const stamp = now.toISOString();
  const state = intent === 'submit' ? ('submitted' as const) : ('draft' as const);
  const key = input.idempotencyKey;

  const attempt = () => db.transaction().execute(async (trx): Promise<Result<Saved>> => {
    let id = options.commentId;
    /** The window of the comment's version, for what follows a submission. */
    let window = anchor.window;
    if (id === undefined && key) {
      const earlier = await trx.selectFrom('comments').select(['id', 'organisation_id', 'state']).where('idempotency_key', '=', key).executeTakeFirst();
      if (earlier && earlier.organisation_id === actor.organisationId) {
        if (earlier.state !== 'draft') return ok({ id: earlier.id, state: 'submitted', duplicate: true });
        id = earlier.id;
      } else if (earlier) {
        return fail('conflict', (t) => t.comments.errors.conflict);
      }
    }

    if (id !== undefined) {
      const current = await trx.selectFrom('comments').select(['organisation_id', 'state', 'consultation_id', 'version_id']).where('id', '=', id).executeTakeFirst();
      if (!current || current.organisation_id !== actor.organisationId) return fail('forbidden', (t) => t.access.notAllowed);
      if (current.state !== 'draft') return fail('conflict', (t) => t.comments.errors.notADraft);
      const own = windowOfVersion(current.consultation_id, current.version_id);
      const refused = intent === 'submit' ? windowRefusal(own, 'submit-draft', now) : undefined;
      if (refused) return fail('closed', refused);
      if (own) window = own;
      await trx
        .updateTable('comments')
        .set({ ...contentColumns(input), updated_at: stamp, ...(state === 'submitted' ? { state, submitted_at: stamp } : {}) })
        .where('id', '=', id)
        .where('state', '=', 'draft')
        .execute();
      await trx.deleteFrom('joint_position_members').where('comment_id', '=', id).execute();
    } else {
      const refused = intent === 'submit' ? windowRefusal(anchor.window, 'submit', now) : undefined;
      if (refused) return fail('closed', refused);
      const row = commentRow({
        organisationId: actor.organisationId,
        authorUserId: actor.id,
        anchor: anchorRow(anchor),
        ...input,
        state,
        at: now,
        idempotencyKey: key ?? null,
      });
      id = (await trx.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
    }
    if (members.length) {
      await trx
        .insertInto('joint_position_members')
        .values(members.map((row) => ({ comment_id: id!, organisation_id: row.member_id })))
        .execute();
    }
    if (state === 'submitted') {
      await recordSubmission(trx, {
        commentId: id!,
        organisationId: actor.organisationId,
        actorId: actor.id,
        window,
        memberIds: members.map((row) => row.member_id),
        now,
        baseUrl: options.baseUrl ?? config.publicUrl,
        ip: options.ip,
      });
    }
    return ok({ id: id!, state, duplicate: false });
  });
  let result: Result<Saved>;
  try {
    result = delivered(await attempt());
  } catch (error) {
    // The same form stored by a request that ran at the same time: answer with that comment.
    if (!isUniqueViolation(error) || !key) throw error;
    result = delivered(await attempt());
  }
  // Its near-duplicate group, once committed (never fails the submission; the job catches up).
  if (result.ok && result.value.state === 'submitted' && !result.value.duplicate) await indexSoon(db, result.value.id);
  return result;
}

/** A submission queued mail (the receipt, the named municipalities): send it once committed. */
function delivered(result: Result<Saved>): Result<Saved> {
  if (result.ok && result.value.state === 'submitted' && !result.value.duplicate) deliverSoon();
  return result;
}
