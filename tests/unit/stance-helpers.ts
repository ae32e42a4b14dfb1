import { expect } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import type { Decision } from '../../src/lib/enums.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { draftStance, publishStances, reviewStance } from '../../src/lib/server/moderation/stances.ts';

/** Who takes a stance through its steps: a drafter, another person who approves it, an administrator who publishes it. */
export interface StanceHands {
  drafter: Actor;
  reviewer: Actor;
  admin: Actor;
}

export const BASE_URL = 'https://posvet.test';

/**
 * Makes a decision public as the ministry does: one person drafts the stance, a second approves it,
 * an administrator publishes it (this comment only). Fails the test if any step is refused.
 */
export async function publishStance(db: Db, hands: StanceHands, commentId: number, status: Decision, response = '', ip = '192.0.2.1'): Promise<void> {
  expect(await draftStance(db, hands.drafter, commentId, { status, response }, ip), 'drafted').toMatchObject({ ok: true });
  expect(await reviewStance(db, hands.reviewer, commentId, { verdict: 'approve', reviewNote: '' }, ip), 'approved').toMatchObject({ ok: true });
  const consultation = await db.selectFrom('comments').select('consultation_id').where('id', '=', commentId).executeTakeFirstOrThrow();
  expect(await publishStances(db, hands.admin, { consultationId: consultation.consultation_id, commentIds: [commentId] }, BASE_URL, ip), 'published').toMatchObject({ ok: true, value: { published: 1 } });
}
