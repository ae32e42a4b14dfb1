import { describe, expect, it } from 'vitest';
import { windowLookup } from '../../src/lib/server/comments/consultation-window.ts';
import { setSupport } from '../../src/lib/server/comments/commands.ts';
import type { CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { answerJointPosition } from '../../src/lib/server/comments/joint.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { assignModerator } from '../../src/lib/server/consultations/commands.ts';
import { requestSubscription } from '../../src/lib/server/notifications/subscriptions.ts';
import { openDatabase, type Db } from '../../src/lib/server/platform/db.ts';
import { actorFor, consultationId, postgresCluster, seededDatabase, userId } from './helpers.ts';

/**
 * The same request twice at once, on two connections (two app processes, or a double click): one
 * result, never an error (a 500). On SQLite the two interleave on the process's one connection;
 * on PostgreSQL they overlap on two pools, and the constraints, ON CONFLICT and the write lock keep them apart.
 */

const during = new Date('2026-12-01T10:00:00Z');


async function twoConnections() {
  const { db, path } = await seededDatabase();
  // SQLite: one process has one connection (better-sqlite3 is synchronous: a second connection in the
  // same process would wait for a lock the first can never release), so both go through it, as two
  // requests to one app process do. PostgreSQL: a second pool, as a second app process has.
  const other = postgresCluster ? openDatabase(path) : db;
  const id = await consultationId(db, 'ds2030');
  const window = { consultationId: id, consultationStatus: 'open' as const, versionId: 'osnutek-test', opensAt: new Date('2026-11-01T08:00:00Z'), closesAt: new Date('2027-01-31T23:00:00Z'), lastDay: new Date('2027-01-31T22:59:00Z') };
  const anchor: CommentAnchor = {
    window,
    scope: 'block',
    chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
    block: { key: 'cilji-2030', number: '2.3', fingerprint: 'abc', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
  };
  return { db, other, anchor, windows: windowLookup([window]), consultation: id };
}

const count = async (db: Db, table: 'comments' | 'comment_supports' | 'subscriptions' | 'consultation_moderators', where: (q: any) => any) =>
  Number((await where(db.selectFrom(table)).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the same command twice at once, on two connections', () => {
  it('a double submit stores one comment and answers both with it', async () => {
    const { db, other, anchor } = await twoConnections();
    try {
      const bled = await actorFor(db, 'bled@posvet.test');
      const input = { kind: 'comment' as const, body: 'Ena pripomba, dvakrat poslana.', idempotencyKey: 'dvojni-klik-1' };
      const [a, b] = await Promise.all([saveComment(db, bled, anchor, input, 'submit', { now: during }), saveComment(other, bled, anchor, input, 'submit', { now: during })]);
      if (!a.ok || !b.ok) throw new Error('both should be answered');
      expect(a.value.id).toBe(b.value.id);
      expect([a.value.duplicate, b.value.duplicate].sort()).toEqual([false, true]);
      expect(await count(db, 'comments', (q) => q.where('idempotency_key', '=', 'dvojni-klik-1'))).toBe(1);
    } finally {
      if (other !== db) await other.destroy();
    }
  });

  it('a support given twice is one support; a joint position confirmed twice is confirmed once', async () => {
    const { db, other, anchor, windows } = await twoConnections();
    try {
      const zmos = await actorFor(db, 'zmos@posvet.test');
      const ljubljana = await actorFor(db, 'ljubljana@posvet.test');
      const joint = await saveComment(db, zmos, anchor, { kind: 'comment', body: 'Skupno stališče.', onBehalfOf: [ljubljana.organisationId] }, 'submit', { now: during });
      if (!joint.ok) throw new Error('not submitted');
      const bled = await actorFor(db, 'bled@posvet.test');
      const supports = await Promise.all([setSupport(db, bled, joint.value.id, true, windows, during), setSupport(other, bled, joint.value.id, true, windows, during)]);
      expect(supports.map((r) => r.ok)).toEqual([true, true]);
      expect(await count(db, 'comment_supports', (q) => q.where('comment_id', '=', joint.value.id))).toBe(1);
      const answers = await Promise.all([answerJointPosition(db, ljubljana, joint.value.id, 'confirmed', windows, during), answerJointPosition(other, ljubljana, joint.value.id, 'confirmed', windows, during)]);
      expect(answers.some((r) => r.ok)).toBe(true);
      const member = await db.selectFrom('joint_position_members').select('status').where('comment_id', '=', joint.value.id).where('organisation_id', '=', ljubljana.organisationId).execute();
      expect(member).toEqual([{ status: 'confirmed' }]);
    } finally {
      if (other !== db) await other.destroy();
    }
  });

  it('a moderator assigned twice is assigned once (the second told so); a subscription asked twice is one', async () => {
    const { db, other, consultation } = await twoConnections();
    try {
      const admin = await actorFor(db, 'admin@posvet.test');
      const moderator = await userId(db, 'moderator@posvet.test');
      await db.deleteFrom('consultation_moderators').where('consultation_id', '=', consultation).execute();
      const assigned = await Promise.all([assignModerator(db, admin as never, 'ds2030', moderator), assignModerator(other, admin as never, 'ds2030', moderator)]);
      expect(assigned.filter((r) => r.ok)).toHaveLength(1);
      expect(assigned.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['conflict']);
      expect(await count(db, 'consultation_moderators', (q) => q.where('consultation_id', '=', consultation))).toBe(1);
      const request = { email: 'obcan@posvet.test', consultationId: consultation, topics: ['report'] as never };
      const subscribed = await Promise.all([requestSubscription(db, request, '198.51.100.7', 'https://posvet.test'), requestSubscription(other, request, '198.51.100.8', 'https://posvet.test')]);
      expect(subscribed.map((r) => r.ok)).toEqual([true, true]);
      expect(await count(db, 'subscriptions', (q) => q.where('email', '=', 'obcan@posvet.test'))).toBe(1);
    } finally {
      if (other !== db) await other.destroy();
    }
  });
});
