import { DECISIONS, type Decision } from '../../enums.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { windowRefusal, type WindowLookup } from './consultation-window.ts';
import { jointStanding, storedJointDeadline, type JointStanding } from './joint-standing.ts';
import { countOrganisationComments, jointMembersOf, jointPositionsNaming, organisationComments } from './organisation-queries.ts';

/** Comments per page of the record: an association may hold thousands. */
export const RECORD_PAGE_SIZE = 50;

/**
 * The organisation's record (/organizacija/pripombe): the joint positions waiting for its answer
 * first, then each of its own comments with where it stands — a draft; submitted and received, in
 * review, or with the ministry's published stance and its obrazložitev; withdrawn (when, why);
 * hidden (why) — and, for a joint position it submitted, what the position says now.
 */

/** Where one of the organisation's comments stands, as its record shows it. */
export type RecordState =
  | { kind: 'draft' }
  | { kind: 'received' }
  | { kind: 'in_review' }
  | { kind: 'stance'; status: Decision; response: string | null }
  | { kind: 'withdrawn'; at: string; reason: string | null };

const isDecision = (status: string): status is Decision => (DECISIONS as readonly string[]).includes(status);

/** A comment's record state from its row: only what is public of a stance, never a draft of one. */
export function recordState(c: {
  state: string;
  moderation_status: string;
  response: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  stance_in_progress: number;
}): RecordState {
  if (c.state === 'draft') return { kind: 'draft' };
  if (c.state === 'withdrawn') return { kind: 'withdrawn', at: c.withdrawn_at ?? '', reason: c.withdrawal_reason };
  if (isDecision(c.moderation_status)) return { kind: 'stance', status: c.moderation_status, response: c.response };
  if (c.moderation_status === 'in_review' || c.stance_in_progress) return { kind: 'in_review' };
  return { kind: 'received' };
}

export async function organisationRecord(db: Db, organisation: { id: number; kind: string }, windows: WindowLookup, now = new Date(), page = 1) {
  const total = await countOrganisationComments(db, organisation.id);
  const pageCount = Math.max(1, Math.ceil(total / RECORD_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pageCount);
  const own = await organisationComments(db, organisation.id, { limit: RECORD_PAGE_SIZE, offset: (shown - 1) * RECORD_PAGE_SIZE });
  // One query for the members of every joint position among them, never one per comment.
  const members = await jointMembersOf(
    db,
    own.filter((c) => c.state !== 'draft').map((c) => c.id),
  );
  const comments = own.map((c) => {
    const named = members.get(c.id) ?? [];
    const joint: JointStanding | null = named.length
      ? jointStanding(named, storedJointDeadline(c, config.jointDeadlineDays), now, c.consultation_status === 'open')
      : null;
    return { ...c, record: recordState(c), hiddenReason: c.hidden ? (c.hidden_reason ?? '') : null, joint };
  });

  const naming = organisation.kind === 'municipality' ? await jointPositionsNaming(db, organisation.id) : [];
  const answerable = naming.map((j) => {
    const deadline = storedJointDeadline(j, config.jointDeadlineDays);
    const open = !windowRefusal(windows(j.consultation_id, j.version_id), 'answer', now) && (!deadline || now < deadline);
    return { ...j, deadline, open, awaiting: open && j.status === 'pending' };
  });
  const names = await db.selectFrom('organisations').select('short_name').where('id', '=', organisation.id).executeTakeFirst();
  return {
    /** The organisation's short name, as its joint positions name it ("ZMOS v imenu …"). */
    shortName: names?.short_name ?? '',
    /** This page's comments (RECORD_PAGE_SIZE at most), of `total`. */
    comments,
    total,
    page: shown,
    pageCount,
    /** Undefined for an organisation that is not a municipality (it is never named). */
    joint: organisation.kind === 'municipality'
      ? {
          /** Waiting for this municipality's answer: listed first. */
          awaiting: answerable.filter((j) => j.awaiting).sort((a, b) => (a.deadline?.getTime() ?? 0) - (b.deadline?.getTime() ?? 0)),
          /** Answered (the answer may change until the deadline), or closed. */
          others: answerable.filter((j) => !j.awaiting),
        }
      : undefined,
  };
}

export type OrganisationRecord = Awaited<ReturnType<typeof organisationRecord>>;
