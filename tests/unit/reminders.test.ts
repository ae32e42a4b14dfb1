import { describe, expect, it } from 'vitest';
import type { DraftVersion } from '../../src/lib/server/content/versions.ts';
import { sendDueReminders, setReminderOptOut } from '../../src/lib/server/notifications/reminders.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { createConsultation, organisationId, seededDatabase, userId } from './helpers.ts';

const BASE = 'https://posvet.example';
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-01T10:00:00Z');

/** A draft whose window opened a month ago and closes `days` after NOW. */
const closingIn = (days: number): DraftVersion[] => [
  {
    consultation: 'opomniki',
    id: 'osnutek-1',
    label: 'Osnutek 1',
    publishedAt: new Date(NOW.getTime() - 30 * DAY),
    opensAt: new Date(NOW.getTime() - 30 * DAY),
    closesAt: new Date(NOW.getTime() + days * DAY),
    lastDay: new Date(NOW.getTime() + days * DAY - 60_000),
    caseNumber: '3510-9/2026',
    changeNote: 'Prvi osnutek.',
  },
];

async function setUp() {
  const { db } = await seededDatabase();
  const consultation = await createConsultation(db, 'opomniki', { title: 'Opomniki 2030' });
  return { db, consultation };
}

const run = (db: Db, days: number, closesInDays: number, now = NOW) =>
  sendDueReminders(db, { days, publicUrl: BASE, versionsOf: (slug) => (slug === 'opomniki' ? closingIn(closesInDays) : []), now });

const mailsTo = (db: Db, to: string) => db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', to).where('subject', 'like', 'Opomnik%').execute();

describe('reminders before the window closes', () => {
  it('one reminder per organisation and consultation, to its administrators (else its members), once', async () => {
    const { db } = await setUp();
    expect(await run(db, 7, 10)).toBe(0);
    const reminded = await run(db, 7, 5);
    expect(reminded).toBeGreaterThanOrEqual(4);
    const [ljubljana] = await mailsTo(db, 'ljubljana@posvet.test');
    expect(ljubljana.subject).toBe('Opomnik: rok za pripombe – Opomniki 2030');
    expect(ljubljana.body_text).toContain(`${BASE}/posvetovanja/opomniki`);
    // Bled has no administrator: its member hears.
    expect(await mailsTo(db, 'bled@posvet.test')).toHaveLength(1);
    // The ministry does not comment on its own consultation.
    expect(await mailsTo(db, 'admin@posvet.test')).toHaveLength(0);
    expect(await run(db, 7, 4)).toBe(0);
    expect(await mailsTo(db, 'ljubljana@posvet.test')).toHaveLength(1);
  });

  it('not to an organisation that submitted, nor one that opted out, nor after the close, nor with REMINDER_DAYS=0', async () => {
    const { db, consultation } = await setUp();
    const bled = await organisationId(db, '3');
    const at = NOW.toISOString();
    await db
      .insertInto('comments')
      .values({ organisation_id: bled, consultation_id: consultation, scope: 'draft', version_id: 'osnutek-1', kind: 'comment', body: 'Oddano.', state: 'submitted', created_at: at, updated_at: at, submitted_at: at })
      .execute();
    const lea = { id: await userId(db, 'ljubljana@posvet.test'), role: 'org_admin' as const, organisationId: await organisationId(db, '61'), organisationKind: 'municipality' };
    expect((await setReminderOptOut(db, lea, true, null)).ok).toBe(true);
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'reminders.opted_out').execute();
    expect(audit).toHaveLength(1);
    const member = { id: await userId(db, 'bled@posvet.test'), role: 'member' as const, organisationId: bled, organisationKind: 'municipality' };
    expect((await setReminderOptOut(db, member, true, null)).ok).toBe(false);

    expect(await run(db, 0, 3)).toBe(0);
    expect(await run(db, 7, -1)).toBe(0);
    await run(db, 7, 3);
    expect(await mailsTo(db, 'bled@posvet.test')).toHaveLength(0);
    expect(await mailsTo(db, 'ljubljana@posvet.test')).toHaveLength(0);
    expect(await mailsTo(db, 'zmos@posvet.test')).toHaveLength(1);
  });

  it('not for a consultation the ministry closed', async () => {
    const { db, consultation } = await setUp();
    await db.updateTable('consultations').set({ status: 'closed' }).where('id', '=', consultation).execute();
    expect(await run(db, 7, 3)).toBe(0);
  });
});
