import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/lib/server/platform/retention.ts';
import { migrate } from '../../src/lib/server/platform/db.ts';
import { tempDatabase } from './helpers.ts';

describe('retention, as the privacy notice states it', () => {
  it('deletes sign-in attempts and sent mail older than a year, and nothing younger or unsent', async () => {
    const { db } = tempDatabase();
    await migrate(db);
    const now = new Date('2027-12-01T10:00:00Z');
    const old = '2026-11-30T10:00:00.000Z';
    const recent = '2027-06-01T10:00:00.000Z';
    await db.insertInto('login_attempts').values([
      { email: 'a@obcina.si', ip: '198.51.100.1', succeeded: 0, created_at: old },
      { email: 'a@obcina.si', ip: '198.51.100.1', succeeded: 1, created_at: recent },
    ]).execute();
    await db.insertInto('mail_outbox').values([
      { to_address: 'a@obcina.si', subject: 'staro', body_text: 'x', created_at: old, sent_at: old },
      { to_address: 'a@obcina.si', subject: 'novo', body_text: 'x', created_at: recent, sent_at: recent },
      { to_address: 'a@obcina.si', subject: 'neposlano', body_text: 'x', created_at: old, sent_at: null },
    ]).execute();
    const deleted = await applyRetention(db, now);
    expect(deleted).toEqual({ signInAttempts: 1, twoFactorAttempts: 0, sentMail: 1 });
    expect((await db.selectFrom('login_attempts').select('created_at').execute()).map((r) => r.created_at)).toEqual([recent]);
    expect((await db.selectFrom('mail_outbox').select('subject').orderBy('id').execute()).map((r) => r.subject)).toEqual(['novo', 'neposlano']);
  });
});
