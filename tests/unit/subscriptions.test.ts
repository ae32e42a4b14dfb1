import { describe, expect, it } from 'vitest';
import type { DraftVersion } from '../../src/lib/server/content/versions.ts';
import { announceNewVersions, announceReport, BATCH, runAnnouncements } from '../../src/lib/server/notifications/announcements.ts';
import { confirmSubscription, findByUnsubscribeToken, requestSubscription, unsubscribe } from '../../src/lib/server/notifications/subscriptions.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { listUnsubscribe } from '../../src/lib/server/platform/mail.ts';
import { consultationId, seededDatabase } from './helpers.ts';

const BASE = 'https://posvet.example';

async function mailsTo(db: Db, to: string) {
  return db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
}
const tokenIn = (text: string, kind: 'potrditev' | 'odjava') => new RegExp(`/obvestila/${kind}/([A-Za-z0-9_-]+)`).exec(text)![1];

async function subscribed(db: Db, email: string, consultation: number, topics: Array<'version' | 'report'> = ['version', 'report'], ip = '10.0.0.1') {
  expect((await requestSubscription(db, { email, consultationId: consultation, topics }, ip, BASE)).ok).toBe(true);
  const [mail] = (await mailsTo(db, email)).slice(-1);
  expect((await confirmSubscription(db, tokenIn(mail.body_text, 'potrditev'))).ok).toBe(true);
}

describe('subscribing', () => {
  it('double opt-in: a confirmation mail, and nothing else before it is confirmed', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    expect((await requestSubscription(db, { email: 'Bralka@Example.si', consultationId: ds, topics: ['report'] }, '10.0.0.1', BASE)).ok).toBe(true);
    const [confirm] = await mailsTo(db, 'bralka@example.si');
    expect(confirm.subject).toMatch(/^Potrdite naročilo obvestil/);
    expect(confirm.body_text).toContain(`${BASE}/obvestila/potrditev/`);
    await announceReport(db, ds, 1);
    expect(await runAnnouncements(db, BASE)).toBe(0);
    expect(await mailsTo(db, 'bralka@example.si')).toHaveLength(1);
    // Confirmed: the next report reaches the address, with its own unsubscribe link.
    expect((await confirmSubscription(db, tokenIn(confirm.body_text, 'potrditev'))).ok).toBe(true);
    expect((await confirmSubscription(db, tokenIn(confirm.body_text, 'potrditev'))).ok).toBe(false);
    await announceReport(db, ds, 2);
    expect(await runAnnouncements(db, BASE)).toBe(1);
    const report = (await mailsTo(db, 'bralka@example.si'))[1];
    expect(report.subject).toMatch(/^Objavljeno poročilo/);
    expect(listUnsubscribe(report.body_text)).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('answers the same for an address already subscribed, and mails an address at most three times a day', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    await subscribed(db, 'bralec@example.si', ds);
    for (let i = 0; i < 5; i++) {
      expect(await requestSubscription(db, { email: 'bralec@example.si', consultationId: ds, topics: ['version'] }, `10.0.1.${i}`, BASE)).toEqual({ ok: true, value: undefined });
    }
    expect(await mailsTo(db, 'bralec@example.si')).toHaveLength(3);
    // Asking again changed nothing until confirmed: the subscription still has both topics.
    const row = await db.selectFrom('subscriptions').select(['topics', 'pending_topics']).where('email', '=', 'bralec@example.si').executeTakeFirstOrThrow();
    expect(row).toEqual({ topics: 'version,report', pending_topics: 'version' });
  });

  it('refuses a client address that asks too often, for an hour', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    for (let i = 0; i < 20; i++) expect((await requestSubscription(db, { email: `x${i}@example.si`, consultationId: ds, topics: ['report'] }, '10.9.9.9', BASE)).ok).toBe(true);
    const refused = await requestSubscription(db, { email: 'y@example.si', consultationId: ds, topics: ['report'] }, '10.9.9.9', BASE);
    expect(refused.ok ? undefined : refused.error.code).toBe('closed');
    expect(await mailsTo(db, 'y@example.si')).toHaveLength(0);
  });

  it('unsubscribes with the link of any mail, deleting the address; a second click is no error', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    await subscribed(db, 'odjava@example.si', ds);
    await announceReport(db, ds, 1);
    await runAnnouncements(db, BASE);
    const token = tokenIn((await mailsTo(db, 'odjava@example.si')).at(-1)!.body_text, 'odjava');
    expect((await findByUnsubscribeToken(db, token))?.email).toBe('odjava@example.si');
    expect((await unsubscribe(db, token)).ok).toBe(true);
    expect((await unsubscribe(db, token)).ok).toBe(true);
    expect(await db.selectFrom('subscriptions').select('id').where('email', '=', 'odjava@example.si').execute()).toEqual([]);
    await announceReport(db, ds, 2);
    expect(await runAnnouncements(db, BASE)).toBe(0);
  });
});

const version = (id: string, published: string): DraftVersion => ({
  consultation: 'ds2030',
  id,
  label: `Osnutek ${id}`,
  publishedAt: new Date(published),
  opensAt: new Date(published),
  closesAt: new Date('2099-01-01'),
  lastDay: new Date('2098-12-31'),
  caseNumber: 'x',
  changeNote: 'x',
});

describe('announcements', () => {
  it('announce each new version once, also when asked again (a restart), and not the version current at first sight', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    await subscribed(db, 'verzije@example.si', ds, ['version']);
    await subscribed(db, 'samo-porocilo@example.si', ds, ['report']);
    let versions = [version('v1', '2026-01-01')];
    const of = (slug: string) => (slug === 'ds2030' ? versions : []);
    expect(await announceNewVersions(db, of)).toBe(0);
    expect(await runAnnouncements(db, BASE)).toBe(0);
    versions = [...versions, version('v2', '2026-06-01')];
    expect(await announceNewVersions(db, of)).toBe(1);
    expect(await announceNewVersions(db, of)).toBe(0);
    expect(await runAnnouncements(db, BASE)).toBe(1);
    expect(await runAnnouncements(db, BASE)).toBe(0);
    expect((await mailsTo(db, 'verzije@example.si')).at(-1)!.subject).toMatch(/^Nova različica osnutka: Osnutek v2/);
    expect(await mailsTo(db, 'samo-porocilo@example.si')).toHaveLength(1);
  });

  it('a report is announced once per version number, in batches over many subscribers', async () => {
    const { db } = await seededDatabase();
    const ds = await consultationId(db, 'ds2030');
    const at = new Date(Date.now() - 60_000).toISOString();
    const many = Array.from({ length: BATCH + 20 }, (_, i) => ({ email: `s${i}@example.si`, consultation_id: ds, topics: 'report', confirmed_at: at, created_at: at }));
    for (let i = 0; i < many.length; i += 200) await db.insertInto('subscriptions').values(many.slice(i, i + 200)).execute();
    await announceReport(db, ds, 1);
    await announceReport(db, ds, 1);
    expect(await runAnnouncements(db, BASE)).toBe(BATCH + 20);
    const announcements = await db.selectFrom('announcements').select(['done_at']).execute();
    expect(announcements).toHaveLength(1);
    expect(announcements[0].done_at).not.toBeNull();
  });
});
