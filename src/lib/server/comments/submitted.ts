import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit.ts';
import type { Database } from '../platform/schema.ts';
import type { ConsultationWindow } from './consultation-window.ts';
import { openJointPosition } from './joint.ts';
import { queueReceipt } from './receipt.ts';

/** What follows a submission, in the transaction that submitted: the record, the receipt, the named municipalities asked. */

export interface Submission {
  commentId: number;
  organisationId: number;
  actorId: number;
  /** The window of the comment's version: a joint position's deadline never falls after it closes. */
  window: ConsultationWindow;
  /** Municipalities a joint position names (empty for any other comment). */
  memberIds: readonly number[];
  now: Date;
  /** PUBLIC_URL: the origin of every link in the mails. */
  baseUrl: string;
  ip?: string | null;
}

export async function recordSubmission(trx: Kysely<Database>, submission: Submission): Promise<void> {
  await recordAudit(trx, {
    actorUserId: submission.actorId,
    action: 'comment.submitted',
    targetType: 'comment',
    targetId: submission.commentId,
    after: { state: 'submitted', organisationId: submission.organisationId, jointMembers: submission.memberIds.length || undefined },
    ip: submission.ip ?? null,
  });
  await queueReceipt(trx, submission);
  if (submission.memberIds.length) await openJointPosition(trx, submission);
}
