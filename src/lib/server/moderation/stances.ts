import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { dictionary, formatNumber, perDictionary } from '../../../i18n/index.ts';
import { DECISIONS, type Decision, type StanceState } from '../../enums.ts';
import { fail, invalid, ok, type DomainError, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { can, type Actor } from '../accounts/access.ts';
import { findChapter } from '../content/content.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';
import { commentToModerate, forbidden, notifyOrganisation } from './common.ts';

/**
 * Stances (stališča do pripomb), as the ministry adopts them: a moderator drafts one (stance and
 * obrazložitev); a different moderator or an administrator approves it or sends it back with a note;
 * an administrator publishes approved ones — all of a consultation, or a chapter's. Only publishing
 * writes the decision into comments.moderation_status/response, which is all any public page, the
 * open data or the report reads; only then are the organisations concerned told.
 */

export const MAX_RESPONSE = 10_000;
export const MAX_NOTE = 2_000;

const revisionField = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();

/** A stance as a moderator drafts it; obrazložitev is required for every decision but "upoštevana". */
export const stanceInput = perDictionary((t) => {
  const m = t.stances.errors;
  return z
    .object({
      status: z.enum(DECISIONS, { error: m.decisionRequired }),
      response: z
        .string()
        .optional()
        .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
        .pipe(z.string().max(MAX_RESPONSE, { error: m.responseTooLong(formatNumber(MAX_RESPONSE)) })),
      /** The revision of the stance the form was shown with (0: none yet). */
      revision: revisionField,
    })
    .superRefine((value, ctx) => {
      if (value.status !== 'accepted' && !value.response) ctx.addIssue({ code: 'custom', path: ['response'], message: m.responseRequired });
    });
});
export type StanceInput = z.infer<ReturnType<typeof stanceInput>>;

/** Approving or sending back; sending back needs a note saying what to change. */
export const reviewInput = perDictionary((t) => {
  const m = t.stances.errors;
  return z
    .object({
      verdict: z.enum(['approve', 'return'], { error: m.verdictRequired }),
      /** Named apart from the internal notes' `note`: both forms are on one page. */
      reviewNote: z
        .string()
        .optional()
        .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
        .pipe(z.string().max(MAX_NOTE, { error: m.noteTooLong(formatNumber(MAX_NOTE)) })),
      revision: revisionField,
    })
    .superRefine((value, ctx) => {
      if (value.verdict === 'return' && !value.reviewNote) ctx.addIssue({ code: 'custom', path: ['reviewNote'], message: m.noteRequired });
    });
});
export type ReviewInput = z.infer<ReturnType<typeof reviewInput>>;

const stale = () => fail('conflict', (t) => t.stances.errors.stale);

async function currentStance(db: Kysely<Database>, commentId: number) {
  return db.selectFrom('stances').selectAll().where('comment_id', '=', commentId).executeTakeFirst();
}
export type Stance = NonNullable<Awaited<ReturnType<typeof currentStance>>>;

const stanceFacts = (s: { status: Decision; response: string | null; state: StanceState } | undefined) =>
  s ? { status: s.status, response: s.response, state: s.state } : null;

/**
 * Records a predlog stališča (or replaces the current one: a returned, approved or published stance
 * is drafted anew and needs approving again; what was published stays public until the new one is).
 * With `input.revision` the stance must still be the one the moderator saw — never overwritten
 * silently. A comment nobody had touched moves to "v obravnavi".
 */
export async function draftStance(db: Db, actor: Actor, commentId: number, input: StanceInput, ip: string | null, now = new Date()): Promise<Result<{ revision: number }>> {
  const found = await commentToModerate(db, actor, commentId);
  if (!found.ok) return found;
  return db.transaction().execute(async (trx) => {
    const drafted = await draftStanceIn(trx, actor, commentId, input, ip, now);
    // A refusal rolls back (nothing else was written before it, but the rule is the same for bulk).
    if (!drafted.ok) throw new Refused(drafted);
    return drafted;
  }).catch((error) => {
    if (error instanceof Refused) return error.result;
    throw error;
  });
}

/** Thrown inside a transaction to roll it back and answer the refusal. */
export class Refused extends Error {
  readonly result: { ok: false; error: DomainError };
  constructor(result: { ok: false; error: DomainError }) {
    super('refused');
    this.result = result;
  }
}

/**
 * `draftStance` inside the caller's transaction (bulk stances: one transaction for all, each comment
 * its own stance row and audit entry). The caller has checked the actor may moderate the comment.
 */
export async function draftStanceIn(trx: Kysely<Database>, actor: Actor, commentId: number, input: StanceInput, ip: string | null, now = new Date()): Promise<Result<{ revision: number }>> {
  const stamp = now.toISOString();
  const before = await currentStance(trx, commentId);
  if (input.revision !== undefined && input.revision !== (before?.revision ?? 0)) return stale();
  const revision = (before?.revision ?? 0) + 1;
  const values = {
    status: input.status,
    response: input.response || null,
    state: 'drafted' as const,
    revision,
    drafted_by: actor.id,
    drafted_at: stamp,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
  };
  if (before) {
    const changed = await trx.updateTable('stances').set(values).where('comment_id', '=', commentId).where('revision', '=', before.revision).executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return stale();
  } else {
    await trx.insertInto('stances').values({ comment_id: commentId, ...values }).execute();
  }
  await trx.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', commentId).where('moderation_status', '=', 'new').execute();
  await recordAudit(trx, {
    actorUserId: actor.id,
    action: 'stance.drafted',
    targetType: 'comment',
    targetId: commentId,
    before: stanceFacts(before),
    after: stanceFacts(values),
    ip,
  });
  return ok({ revision });
}

/**
 * Four eyes: a moderator of the consultation other than the one who drafted it, or an
 * administrator other than the drafter, approves a drafted stance or sends it back with a note.
 */
export async function reviewStance(db: Db, actor: Actor, commentId: number, input: ReviewInput, ip: string | null, now = new Date()): Promise<Result> {
  const found = await commentToModerate(db, actor, commentId);
  if (!found.ok) return found;
  return db.transaction().execute(async (trx) => {
    const stance = await currentStance(trx, commentId);
    if (!stance) return fail('conflict', (t) => t.stances.errors.noStance);
    if (input.revision !== undefined && input.revision !== stance.revision) return stale();
    if (stance.state !== 'drafted') return fail('conflict', (t) => t.stances.errors.notDrafted);
    if (stance.drafted_by === actor.id) return fail('forbidden', (t) => t.stances.errors.ownStance);
    const state = input.verdict === 'approve' ? ('approved' as const) : ('returned' as const);
    const changed = await trx
      .updateTable('stances')
      .set({ state, revision: stance.revision + 1, reviewed_by: actor.id, reviewed_at: now.toISOString(), review_note: input.reviewNote || null })
      .where('comment_id', '=', commentId)
      .where('revision', '=', stance.revision)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return stale();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: state === 'approved' ? 'stance.approved' : 'stance.returned',
      targetType: 'comment',
      targetId: commentId,
      before: { state: stance.state },
      after: { state, note: input.reviewNote || null },
      ip,
    });
    return ok();
  });
}

export interface PublishSelection {
  consultationId: number;
  /** One chapter's comments only; null: those on the draft as a whole (undefined: the whole consultation). */
  chapterSlug?: string | null;
  /** These comments only; each must have an approved stance. */
  commentIds?: readonly number[];
}

const CHUNK = 200;

/** A query over comments `c` narrowed to one chapter, or (null) to the comments on the whole draft. */
function inChapter<Q extends { where: (...args: any[]) => Q }>(query: Q, chapterSlug: string | null): Q {
  return chapterSlug === null ? query.where('c.chapter_slug', 'is', null) : query.where('c.chapter_slug', '=', chapterSlug);
}

/**
 * An administrator publishes approved stances: each is written into the comment's public status and
 * response, audited, and the organisations concerned are told — the commenter, those that co-signed
 * and the municipalities a joint position names. All or nothing, in one transaction; read in chunks,
 * never the whole queue at once. Answers how many were published.
 */
export async function publishStances(db: Db, actor: Actor, selection: PublishSelection, baseUrl: string, ip: string | null, now = new Date()): Promise<Result<{ published: number }>> {
  if (!can(actor, 'administer')) return fail('forbidden', (t) => t.stances.errors.publishNotAllowed);
  if (!(await mayModerate(db, actor, selection.consultationId))) return forbidden();
  if (selection.commentIds?.length) {
    const approved = new Set(
      (
        await db
          .selectFrom('stances as s')
          .innerJoin('comments as c', 'c.id', 's.comment_id')
          .select('s.comment_id')
          .where('s.comment_id', 'in', [...selection.commentIds])
          .where('s.state', '=', 'approved')
          .where('c.state', '=', 'submitted')
          .where('c.consultation_id', '=', selection.consultationId)
          .$if(selection.chapterSlug !== undefined, (q) => inChapter(q, selection.chapterSlug!))
          .execute()
      ).map((r) => r.comment_id),
    );
    const refused = selection.commentIds.filter((id) => !approved.has(id));
    if (refused.length) return invalid({ _form: (t) => t.stances.errors.notApproved(refused.map((id) => `št. ${id}`).join(', ')) });
  }
  const stamp = now.toISOString();
  const published = await db.transaction().execute(async (trx) => {
    const t = dictionary();
    const consultation = await trx.selectFrom('consultations').select(['slug', 'title']).where('id', '=', selection.consultationId).executeTakeFirstOrThrow();
    let count = 0;
    let after = 0;
    for (;;) {
      let query = trx
        .selectFrom('stances as s')
        .innerJoin('comments as c', 'c.id', 's.comment_id')
        .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['s.comment_id', 's.status', 's.response', 's.revision', 's.drafted_by', 'c.organisation_id', 'c.moderation_status', 'c.response as public_response', 'c.scope', 'c.version_id', 'c.chapter_slug', 'c.block_number', 'o.name as organisation_name'])
        .where('s.state', '=', 'approved')
        .where('s.comment_id', '>', after)
        .where('c.consultation_id', '=', selection.consultationId)
        .where('c.state', '=', 'submitted');
      if (selection.chapterSlug !== undefined) query = inChapter(query, selection.chapterSlug);
      if (selection.commentIds?.length) query = query.where('s.comment_id', 'in', [...selection.commentIds]);
      const rows = await query.orderBy('s.comment_id').limit(CHUNK).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        await trx
          .updateTable('stances')
          .set({ state: 'published', revision: row.revision + 1, published_by: actor.id, published_at: stamp })
          .where('comment_id', '=', row.comment_id)
          .execute();
        await trx
          .updateTable('comments')
          .set({ moderation_status: row.status, response: row.response, decided_at: stamp, decided_by_user_id: row.drafted_by })
          .where('id', '=', row.comment_id)
          .execute();
        await recordAudit(trx, {
          actorUserId: actor.id,
          action: 'stance.published',
          targetType: 'comment',
          targetId: row.comment_id,
          before: { status: row.moderation_status, response: row.public_response },
          after: { status: row.status, response: row.response },
          ip,
        });
        const chapter = row.chapter_slug ? await findChapter(consultation.slug, row.version_id, row.chapter_slug) : undefined;
        const paragraph =
          row.scope === 'block' && row.block_number
            ? t.stances.mail.paragraph(row.block_number, chapter?.title ?? row.chapter_slug ?? '')
            : row.scope === 'chapter'
              ? t.stances.mail.chapter(chapter?.title ?? row.chapter_slug ?? '')
              : t.stances.mail.draft;
        const mail = (role: 'author' | 'supporter' | 'joint') =>
          t.stances.mail.body({
            id: row.comment_id,
            role,
            consultation: consultation.title,
            paragraph,
            organisation: row.organisation_name,
            decision: t.comments.statuses[row.status],
            meaning: t.stances.meaning[row.status],
            response: row.response,
            link: absolute(baseUrl, routes.comment(row.comment_id)),
          });
        const subject = t.stances.mail.subject(row.comment_id);
        await notifyOrganisation(trx, row.organisation_id, subject, mail('author'));
        const supporters = await trx.selectFrom('comment_supports').select('organisation_id').where('comment_id', '=', row.comment_id).execute();
        for (const s of supporters) await notifyOrganisation(trx, s.organisation_id, subject, mail('supporter'));
        const named = await trx.selectFrom('joint_position_members').select('organisation_id').where('comment_id', '=', row.comment_id).execute();
        for (const j of named) await notifyOrganisation(trx, j.organisation_id, subject, mail('joint'));
        count++;
      }
      after = rows[rows.length - 1].comment_id;
    }
    return count;
  });
  if (published === 0) return fail('conflict', (t) => t.stances.errors.nothingToPublish);
  deliverSoon();
  return ok({ published });
}

/** The stance of a comment as its moderation page shows it, with who drafted and reviewed it. */
export async function stanceOf(db: Kysely<Database>, commentId: number) {
  return db
    .selectFrom('stances as s')
    .leftJoin('users as d', 'd.id', 's.drafted_by')
    .leftJoin('users as r', 'r.id', 's.reviewed_by')
    .leftJoin('users as p', 'p.id', 's.published_by')
    .selectAll('s')
    .select(['d.name as drafted_by_name', 'r.name as reviewed_by_name', 'p.name as published_by_name'])
    .where('s.comment_id', '=', commentId)
    .executeTakeFirst();
}
export type StanceView = NonNullable<Awaited<ReturnType<typeof stanceOf>>>;

/** Whether the actor may approve or send back this stance (four eyes). */
export function mayReview(actor: Actor, stance: Pick<Stance, 'state' | 'drafted_by'> | undefined): boolean {
  return !!stance && stance.state === 'drafted' && stance.drafted_by !== actor.id && can(actor, 'moderate');
}
