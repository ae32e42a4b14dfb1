import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { findConsultation } from '../../src/lib/server/consultations/consultations.ts';
import { runReportJobs, startPreview, startPublishing, type PublishInput } from '../../src/lib/server/report/publish.ts';
import { findPreview, findPublishedVersion, listPublishedVersions, readRows } from '../../src/lib/server/report/rows.ts';
import { publishStance } from './stance-helpers.ts';
import { seededDatabase } from './helpers.ts';

/*
 * Publishing the report: a frozen, numbered snapshot that later stances never change; refusals for
 * every way a publish can go wrong.
 */

async function setup() {
  const { db } = await seededDatabase();
  const actor = async (email: string): Promise<Actor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  const consultation = (await findConsultation(db, 'ds2030'))!;
  return { db, consultation, admin: await actor('admin@posvet.test'), moderator: await actor('moderator@posvet.test'), second: await actor('moderatorka@posvet.test') };
}

const input = (latestSeen: number, over: Partial<PublishInput> = {}): PublishInput => ({
  documentNumber: '3510-1/2026-15',
  place: 'Ljubljana',
  documentDate: '2027-03-15',
  signatoryName: 'Ana Novak',
  signatoryTitle: 'generalna direktorica',
  latestSeen,
  ...over,
});

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
}

describe('publishing the report', () => {
  it('freezes a numbered version that later stances do not change, and numbers the next one', async () => {
    const { db, consultation, admin, moderator, second } = await setup();
    const started = await startPublishing(db, admin, consultation, input(0));
    expect(started).toMatchObject({ ok: true });
    await runReportJobs(db);
    const first = (await findPublishedVersion(db, consultation.id, 1))!;
    expect(first).toMatchObject({ number: 1, state: 'ready', documentNumber: '3510-1/2026-15', signatoryName: 'Ana Novak' });
    const rowsBefore = await all(readRows(db, first.id));
    expect(rowsBefore.length).toBe(first.summary!.total);
    expect(rowsBefore.length).toBeGreaterThan(0);

    // A stance published afterwards is not in version 1, and is in version 2.
    const pending = rowsBefore.find((r) => r.status === 'new' || r.status === 'in_review')!;
    await publishStance(db, { drafter: moderator, reviewer: second, admin }, pending.commentId, 'accepted', 'Upoštevano v celoti.');
    expect((await all(readRows(db, first.id))).find((r) => r.commentId === pending.commentId)).toMatchObject({ status: pending.status, response: pending.response });

    expect(await startPublishing(db, admin, consultation, input(0))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await startPublishing(db, admin, consultation, input(1, { documentNumber: '3510-1/2026-16' }))).toMatchObject({ ok: true });
    await runReportJobs(db);
    const second2 = (await findPublishedVersion(db, consultation.id, 2))!;
    expect((await all(readRows(db, second2.id))).find((r) => r.commentId === pending.commentId)).toMatchObject({ status: 'accepted', response: 'Upoštevano v celoti.' });
    expect((await listPublishedVersions(db, consultation.id)).map((v) => v.number)).toEqual([2, 1]);
  });

  it('keeps the rows in the report order: chapters in order, then the draft as a whole, then late comments', async () => {
    const { db, consultation, admin } = await setup();
    await startPublishing(db, admin, consultation, input(0));
    await runReportJobs(db);
    const version = (await findPublishedVersion(db, consultation.id, 1))!;
    const rows = await all(readRows(db, version.id, {}, 3));
    const rank = { chapter: 0, draft: 1, late: 2 } as const;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(rank[a.section] <= rank[b.section]).toBe(true);
      if (a.section === 'chapter' && b.section === 'chapter') expect(a.chapterNumber! <= b.chapterNumber!).toBe(true);
    }
    const counted = version.summary!.sections.reduce((n, s) => n + s.count, 0);
    expect(counted).toBe(rows.length);
  });

  it('refuses two publishes at once: one wins, the other is told', async () => {
    const { db, consultation, admin } = await setup();
    const [a, b] = await Promise.all([startPublishing(db, admin, consultation, input(0)), startPublishing(db, admin, consultation, input(0))]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict' } });
  });

  it('refuses a publish by a moderator, and a consultation without a published stance', async () => {
    const { db, consultation, admin, moderator } = await setup();
    expect(await startPublishing(db, moderator, consultation, input(0))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await db.updateTable('comments').set({ moderation_status: 'new', response: null }).where('consultation_id', '=', consultation.id).execute();
    expect(await startPublishing(db, admin, consultation, input(0))).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it("gives a consultation's moderator a preview, replaced by the next one", async () => {
    const { db, consultation, moderator } = await setup();
    expect(await startPreview(db, moderator, consultation)).toMatchObject({ ok: true });
    await runReportJobs(db);
    const first = (await findPreview(db, consultation.id)).ready!;
    expect(first.kind).toBe('preview');
    await startPreview(db, moderator, consultation);
    await runReportJobs(db);
    const next = (await findPreview(db, consultation.id)).ready!;
    expect(next.id).not.toBe(first.id);
    expect(await db.selectFrom('report_versions').where('id', '=', first.id).select('id').executeTakeFirst()).toBeUndefined();
    expect(await listPublishedVersions(db, consultation.id)).toEqual([]);
  });
});
