import { describe, expect, it } from 'vitest';
import { organisationRecord, RECORD_PAGE_SIZE } from '../../src/lib/server/comments/organisation-record.ts';
import { versionWindows } from '../../src/lib/server/content/content.ts';
import { organisationId, seededDatabase } from './helpers.ts';

/*
 * The organisation's record comes a page at a time: an association with thousands of comments gets
 * its newest fifty, the count and the way to the others — never all of them at once (which also
 * used to put every id into one query and fail above 32,766).
 */
describe("the organisation's record in pages", () => {
  it('shows the newest page first, every comment exactly once across the pages, and the last page for a page past the end', async () => {
    const { db } = await seededDatabase();
    const zmos = await organisationId(db, 'ZMOS');
    const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', 'ds2030').executeTakeFirstOrThrow();
    const already = Number((await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', zmos).executeTakeFirstOrThrow()).n);
    const rows = Array.from({ length: 2 * RECORD_PAGE_SIZE + 7 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 11, 1, 8, 0, i)).toISOString();
      return { organisation_id: zmos, consultation_id: consultation.id, scope: 'draft' as const, version_id: 'osnutek-1', kind: 'comment' as const, body: `Pripomba ${i}`, state: 'submitted' as const, created_at: at, updated_at: at, submitted_at: at };
    });
    await db.insertInto('comments').values(rows).execute();
    const windows = await versionWindows(db);
    const total = already + rows.length;
    const pages = Math.ceil(total / RECORD_PAGE_SIZE);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const record = await organisationRecord(db, { id: zmos, kind: 'association' }, windows, new Date(), page);
      expect(record).toMatchObject({ total, page, pageCount: pages });
      expect(record.comments.length).toBe(page < pages ? RECORD_PAGE_SIZE : total - (pages - 1) * RECORD_PAGE_SIZE);
      seen.push(...record.comments.map((c) => c.id));
    }
    expect(new Set(seen).size).toBe(total);
    const first = await organisationRecord(db, { id: zmos, kind: 'association' }, windows, new Date(), 1);
    expect(first.comments[0].body).toBe(`Pripomba ${rows.length - 1}`);
    const beyond = await organisationRecord(db, { id: zmos, kind: 'association' }, windows, new Date(), 999);
    expect(beyond.page).toBe(pages);
  });
});
