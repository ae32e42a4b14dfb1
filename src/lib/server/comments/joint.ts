import { sql, type Kysely } from 'kysely';
import { dictionary, formatDateTime, type Dictionary } from '../../../i18n/index.ts';
import { can } from '../accounts/access.ts';
import { fail, ok, type DomainError, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { findChapter } from '../content/content.ts';
import { notifyOrganisation } from '../moderation/common.ts';
import { recordAudit } from '../platform/audit.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';
import { windowRefusal, type WindowLookup } from './consultation-window.ts';
import type { CommentActor } from './input.ts';
import { jointDeadline, storedJointDeadline } from './joint-standing.ts';
import { unindexed } from './planner.ts';
import type { Submission } from './submitted.ts';

/**
 * Joint positions: an association names member municipalities; each is asked by e-mail and answers
 * (confirms or declines) until the position's deadline; the association is told of every answer.
 * What the position says meanwhile and afterwards is joint-standing.ts.
 */

export { jointDeadline, jointStanding, describeJoint, type JointStanding } from './joint-standing.ts';

const notAllowed = (): { ok: false; error: DomainError } => fail('forbidden', (t) => t.access.notAllowed);

/** Where a comment is written, as the mails name it: „k odstavku 3.14 poglavja „…““. */
async function whereWritten(
  trx: Kysely<Database>,
  t: Dictionary,
  comment: { consultation_id: number; version_id: string; scope: string; chapter_slug: string | null; chapter_number: number | null; block_number: string | null },
): Promise<string> {
  const consultation = await trx.selectFrom('consultations').select('slug').where('id', '=', comment.consultation_id).executeTakeFirst();
  const chapter = consultation && comment.chapter_slug ? await findChapter(consultation.slug, comment.version_id, comment.chapter_slug) : undefined;
  const title = chapter?.title ?? comment.chapter_slug ?? '';
  if (comment.scope === 'block' && comment.block_number) return t.joint.where.block(comment.block_number, title);
  if (comment.scope === 'chapter' && comment.chapter_number !== null) return t.joint.where.chapter(comment.chapter_number, title);
  return t.joint.where.draft;
}

/** The comment with what the mails about it say: its organisation, consultation and text. */
function commentForMail(trx: Kysely<Database>, commentId: number) {
  return trx
    .selectFrom('comments as c')
    .innerJoin('organisations as a', 'a.id', 'c.organisation_id')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .select([
      'c.id', 'c.organisation_id', 'c.consultation_id', 'c.version_id', 'c.scope', 'c.chapter_slug', 'c.chapter_number', 'c.block_number', 'c.body', 'c.state',
      'c.submitted_at', 'c.joint_deadline', 'a.name as association_name', 'k.title as consultation_title',
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}

/**
 * The start of a joint position, in the transaction that submits it: its deadline (the earlier of
 * JOINT_DEADLINE_DAYS after submission and the close of its version's window), and an e-mail to
 * every active member of each named municipality.
 */
export async function openJointPosition(trx: Kysely<Database>, submission: Submission): Promise<void> {
  const deadline = jointDeadline(submission.now, submission.window.closesAt, config.jointDeadlineDays);
  await trx.updateTable('comments').set({ joint_deadline: deadline.toISOString() }).where('id', '=', submission.commentId).execute();
  const comment = await commentForMail(trx, submission.commentId);
  if (!comment) return;
  // The municipalities' language: Slovenian.
  const t = dictionary();
  const where = await whereWritten(trx, t, comment);
  const link = absolute(submission.baseUrl, routes.organisationComments);
  const named = await trx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...submission.memberIds]).execute();
  for (const municipality of named) {
    await notifyOrganisation(
      trx,
      municipality.id,
      t.joint.mail.askSubject(comment.id),
      t.joint.mail.askBody(comment.association_name, municipality.name, comment.id, where, comment.consultation_title, comment.body, formatDateTime(deadline), link),
    );
  }
}

/**
 * A municipality named in a joint position confirms or declines that the association speaks for it
 * — until the position's deadline (and never after its version's window closes). It may change its
 * answer until then. The answer, its audit entry and the mail to the association are one transaction.
 */
export async function answerJointPosition(
  db: Db,
  actor: CommentActor,
  commentId: number,
  answer: 'confirmed' | 'declined',
  windows: WindowLookup,
  now = new Date(),
  baseUrl = config.publicUrl,
): Promise<Result> {
  if (!can(actor, 'comment')) return notAllowed();
  const result = await db.transaction().execute(async (trx): Promise<Result<boolean>> => {
    const comment = await commentForMail(trx, commentId);
    // Only someone it names learns anything about the comment.
    const member = comment
      ? await trx.selectFrom('joint_position_members').select(['status']).where('comment_id', '=', commentId).where('organisation_id', '=', actor.organisationId).executeTakeFirst()
      : undefined;
    if (!comment || !member || comment.state !== 'submitted') return notAllowed();
    const refused = windowRefusal(windows(comment.consultation_id, comment.version_id), 'answer', now);
    if (refused) return fail('closed', refused);
    const deadline = storedJointDeadline(comment, config.jointDeadlineDays);
    if (deadline && now >= deadline) {
      const when = formatDateTime(deadline);
      return fail('closed', (t) => t.joint.errors.deadlinePassed(when));
    }
    if (member.status === answer) return ok(false);
    await trx
      .updateTable('joint_position_members')
      .set({ status: answer, responded_at: now.toISOString(), responded_by: actor.id })
      .where('comment_id', '=', commentId)
      .where('organisation_id', '=', actor.organisationId)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: answer === 'confirmed' ? 'joint.confirmed' : 'joint.declined',
      targetType: 'comment',
      targetId: commentId,
      before: { organisationId: actor.organisationId, answer: member.status },
      after: { organisationId: actor.organisationId, answer },
    });
    await tellAssociation(trx, comment, actor.organisationId, answer, deadline, baseUrl);
    return ok(true);
  });
  if (!result.ok) return result;
  if (result.value) deliverSoon();
  return ok();
}

/** The association's members learn who answered what, and how many answers are still to come. */
async function tellAssociation(
  trx: Kysely<Database>,
  comment: NonNullable<Awaited<ReturnType<typeof commentForMail>>>,
  municipalityId: number,
  answer: 'confirmed' | 'declined',
  deadline: Date | null,
  baseUrl: string,
) {
  const t = dictionary();
  const answers = await trx.selectFrom('joint_position_members').select(['organisation_id', 'status']).where('comment_id', '=', comment.id).execute();
  const count = (status: string) => answers.filter((a) => a.status === status).length;
  const municipality = await trx.selectFrom('organisations').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  const where = await whereWritten(trx, t, comment);
  const confirmed = answer === 'confirmed';
  await notifyOrganisation(
    trx,
    comment.organisation_id,
    t.joint.mail.answeredSubject(comment.id, municipality.name, confirmed),
    t.joint.mail.answeredBody(
      municipality.name,
      confirmed,
      comment.id,
      where,
      comment.consultation_title,
      t.joint.mail.tally(count('confirmed'), count('declined'), count('pending')),
      count('pending'),
      deadline ? formatDateTime(deadline) : '',
      absolute(baseUrl, routes.comment(comment.id)),
    ),
  );
}

/**
 * How many joint positions wait for this municipality's answer now: named, not answered, the
 * comment submitted, its consultation open and its deadline not passed. One indexed query (the
 * navigation's badge asks it on every page a municipality's member opens).
 */
export async function jointAnswersAwaited(db: Db, organisationId: number, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('comments as c', 'c.id', 'j.comment_id')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('j.organisation_id', '=', organisationId)
    .where('j.status', '=', 'pending')
    .where('c.state', '=', 'submitted')
    .where('c.joint_deadline', '>', now.toISOString())
    .where('k.status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The next moment a joint position stops being agreed because its deadline passes (ms since the
 * epoch), or Infinity: public pages cached before it must not outlive it. Reads only positions with
 * an answer still missing (few), never every comment.
 */
export async function nextJointDeadline(db: Db, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('comments as c', 'c.id', 'j.comment_id')
    .select((eb) => eb.fn.min('c.joint_deadline').as('next'))
    .where('j.status', '=', 'pending')
    // From the few pending members to their comments: the unary plus keeps SQLite from reading
    // every submitted comment by an index on the state instead (a second at a million comments,
    // on every anonymous page the cache stores).
    .where(unindexed<string>(db, 'c.state'), '=', 'submitted')
    .where('c.joint_deadline', '>', now.toISOString())
    .executeTakeFirst();
  return row?.next ? new Date(String(row.next)).getTime() : Infinity;
}
