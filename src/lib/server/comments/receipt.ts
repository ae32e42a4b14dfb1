import type { Kysely } from 'kysely';
import { collator, dictionary, formatDate, formatTime, type Dictionary } from '../../../i18n/index.ts';
import type { CommentKind, CommentScope, CommentState, ReceivedVia } from '../../enums.ts';
import { absolute, routes } from '../../routes.ts';
import { can, type Actor } from '../accounts/access.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { findChapter } from '../content/content.ts';
import { queueMail } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';
import type { Submission } from './submitted.ts';

/**
 * The potrdilo o prejemu: the facts of a submitted comment as the ministry received it — number,
 * time, consultation, paragraph, kind and the full text as submitted. Mailed to the organisation's
 * active members in the transaction that submits (or records) the comment, and shown as a printable
 * page to its members, the consultation's moderators and administrators.
 */

export interface ReceiptFacts {
  id: number;
  organisationId: number;
  organisation: string;
  consultationId: number;
  consultation: { slug: string; title: string; caseNumber: string };
  /** When the ministry received it: submitted on the portal, or the day a letter arrived. */
  receivedAt: Date;
  receivedVia: ReceivedVia;
  /** A moderator recorded it from a letter or an e-mail. */
  recorded: boolean;
  late: boolean;
  scope: CommentScope;
  chapterNumber: number | null;
  chapterTitle: string | undefined;
  blockNumber: string | null;
  quote: string | null;
  kind: CommentKind;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  /** The municipalities a joint position names, by name in Slovenian order. */
  joint: string[];
  state: CommentState;
  withdrawnAt: Date | null;
}

/** The receipt's facts of a submitted (or since withdrawn) comment; undefined for a draft or an unknown id. */
export async function receiptFacts(db: Kysely<Database>, commentId: number): Promise<ReceiptFacts | undefined> {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .select([
      'c.id', 'c.organisation_id', 'o.name as organisation', 'c.consultation_id', 'k.slug', 'k.title', 'k.case_number', 'c.submitted_at', 'c.received_via',
      'c.recorded_by_user_id', 'c.late', 'c.scope', 'c.version_id', 'c.chapter_slug', 'c.chapter_number', 'c.block_number', 'c.quote', 'c.kind', 'c.body',
      'c.proposed_text', 'c.rationale', 'c.state', 'c.withdrawn_at',
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  if (!row || row.state === 'draft' || !row.submitted_at) return undefined;
  const joint = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .select('o.name')
    .where('j.comment_id', '=', commentId)
    .execute();
  const chapter = row.chapter_slug ? await findChapter(row.slug, row.version_id, row.chapter_slug) : undefined;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisation: row.organisation,
    consultationId: row.consultation_id,
    consultation: { slug: row.slug, title: row.title, caseNumber: row.case_number },
    receivedAt: new Date(row.submitted_at),
    receivedVia: row.received_via,
    recorded: row.recorded_by_user_id !== null,
    late: row.late === 1,
    scope: row.scope,
    chapterNumber: row.chapter_number,
    chapterTitle: chapter?.title,
    blockNumber: row.block_number,
    quote: row.quote,
    kind: row.kind,
    body: row.body,
    proposedText: row.proposed_text,
    rationale: row.rationale,
    joint: joint.map((j) => j.name).sort(collator.compare),
    state: row.state,
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
  };
}

/** "odstavek 3.14 poglavja 3 „Digitalne javne storitve“", "poglavje 3 „…“ kot celota", "osnutek kot celota". */
export function receiptPlace(facts: Pick<ReceiptFacts, 'blockNumber' | 'chapterNumber' | 'chapterTitle'>, t: Dictionary): string {
  const p = t.commentRecord.place;
  if (facts.blockNumber) return p.block(facts.blockNumber, facts.chapterNumber, facts.chapterTitle);
  if (facts.chapterNumber !== null) return p.chapter(facts.chapterNumber, facts.chapterTitle);
  return p.draft;
}

/** When it was received, as the receipt says it: the date and time (a recorded letter: the date it arrived). */
export function receiptReceived(facts: Pick<ReceiptFacts, 'receivedAt' | 'recorded'>, t: Dictionary): string {
  return facts.recorded ? formatDate(facts.receivedAt) : t.commentRecord.at(formatDate(facts.receivedAt), formatTime(facts.receivedAt));
}

/** May this person see the printable receipt? Its organisation's members, the consultation's moderators, administrators. */
export async function mayReadReceipt(db: Kysely<Database>, actor: Actor, facts: Pick<ReceiptFacts, 'organisationId' | 'consultationId'>): Promise<boolean> {
  if (can(actor, 'comment') && actor.organisationId === facts.organisationId) return true;
  return mayModerate(db, actor, facts.consultationId);
}

/**
 * Queues the potrdilo o prejemu to every active member of the comment's organisation, in the
 * transaction that submitted the comment (comments/submitted.ts) or recorded it from a letter
 * (moderation/received.ts). The caller delivers after commit.
 */
export async function queueReceipt(trx: Kysely<Database>, submission: Pick<Submission, 'commentId' | 'baseUrl'>): Promise<void> {
  const facts = await receiptFacts(trx, submission.commentId);
  if (!facts) return;
  // The organisation's language: Slovenian.
  const t = dictionary();
  const r = t.commentRecord;
  const text = r.receipt.mailBody({
    id: facts.id,
    organisation: facts.organisation,
    consultation: facts.consultation.title,
    received: receiptReceived(facts, t),
    recordedVia: facts.recorded ? r.via[facts.receivedVia] : undefined,
    place: receiptPlace(facts, t),
    kind: t.comments.kindLabels[facts.kind],
    body: facts.body,
    proposedText: facts.proposedText,
    rationale: facts.rationale,
    joint: facts.joint,
    link: absolute(submission.baseUrl, routes.comment(facts.id)),
  });
  const members = await trx.selectFrom('users').select('email').where('organisation_id', '=', facts.organisationId).where('status', '=', 'active').execute();
  for (const member of members) await queueMail(trx, { to: member.email, subject: r.receipt.mailSubject(facts.id), text });
}
