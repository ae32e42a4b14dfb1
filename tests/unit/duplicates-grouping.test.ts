import { describe, expect, it } from 'vitest';
import { indexComment, regroupAll } from '../../src/lib/server/moderation/duplicates/grouping.ts';
import { runDuplicateJobs } from '../../src/lib/server/moderation/duplicates/jobs.ts';
import { groupsOfRows } from '../../src/lib/server/moderation/duplicates/queue.ts';
import { listQueue, parseQueueFilter } from '../../src/lib/server/moderation/queue.ts';
import { CAMPAIGN, duplicatesSetup, groupsOf, OTHER, variant } from './duplicates-helpers.ts';

/* The stored index: a comment's place as it is submitted, the job's catch-up, the full regrouping. */

describe('near-duplicate index', () => {
  it('groups near-identical comments as they arrive, across paragraphs, and leaves a different text alone', async () => {
    const { db, consultation, comment } = await duplicatesSetup();
    const a = await comment(CAMPAIGN);
    const other = await comment(OTHER);
    const b = await comment(variant(1), { block: '3.7' });
    const c = await comment(variant(2));
    for (const id of [a, other, b, c]) await indexComment(db, id);
    expect(await groupsOf(db, consultation)).toEqual([[a, b, c]]);
    const group = await db.selectFrom('duplicate_groups').selectAll().executeTakeFirstOrThrow();
    expect(group).toMatchObject({ representative_comment_id: a, state: 'suggested' });
    // Indexing again changes nothing.
    await indexComment(db, b);
    expect(await groupsOf(db, consultation)).toEqual([[a, b, c]]);
  });

  it('keeps drafts of another version apart', async () => {
    const { db, consultation, comment } = await duplicatesSetup();
    const a = await comment(CAMPAIGN);
    const b = await comment(CAMPAIGN, { version: 'osnutek-2' });
    for (const id of [a, b]) await indexComment(db, id);
    expect(await groupsOf(db, consultation)).toEqual([]);
  });

  it('gives the same groups incrementally as the full regrouping', async () => {
    const { db, consultation, comment } = await duplicatesSetup();
    const texts = [CAMPAIGN, OTHER, variant(1), '', 'Strinjam se.', `${OTHER} Lep pozdrav.`, variant(2), '!!!', 'strinjam se', variant(3), OTHER.toUpperCase()];
    const ids: number[] = [];
    for (const text of texts) ids.push(await comment(text));
    for (const id of ids) await indexComment(db, id);
    const incremental = await groupsOf(db, consultation);
    expect(incremental).toEqual([[ids[0], ids[2], ids[6], ids[9]], [ids[1], ids[5], ids[10]], [ids[4], ids[8]]]);
    const result = await regroupAll(db, consultation);
    expect(result).toEqual({ comments: 9, groups: 3 });
    expect(await groupsOf(db, consultation)).toEqual(incremental);
    // From nothing (no signature at all) too.
    await db.deleteFrom('duplicate_groups').execute();
    await db.deleteFrom('duplicate_buckets').execute();
    await db.deleteFrom('duplicate_signatures').execute();
    await regroupAll(db, consultation);
    expect(await groupsOf(db, consultation)).toEqual(incremental);
  });

  it('the job indexes what was missed, and does nothing when nothing is', async () => {
    const { db, consultation, comment } = await duplicatesSetup();
    const a = await comment(CAMPAIGN);
    const b = await comment(variant(4));
    const first = await runDuplicateJobs(db);
    expect(first.indexed).toBeGreaterThanOrEqual(2);
    expect(await groupsOf(db, consultation)).toEqual([[a, b]]);
    expect(await runDuplicateJobs(db)).toEqual({ indexed: 0, left: 0 });
  });

  it('a withdrawn comment leaves its group; the representative hands over, a group of one ends', async () => {
    const { db, consultation, comment } = await duplicatesSetup();
    const ids = [await comment(CAMPAIGN), await comment(variant(1)), await comment(variant(2))];
    for (const id of ids) await indexComment(db, id);
    await db.updateTable('comments').set({ state: 'withdrawn' }).where('id', '=', ids[0]!).execute();
    expect((await runDuplicateJobs(db)).left).toBe(1);
    expect(await groupsOf(db, consultation)).toEqual([[ids[1], ids[2]]]);
    expect((await db.selectFrom('duplicate_groups').select('representative_comment_id').executeTakeFirstOrThrow()).representative_comment_id).toBe(ids[1]);
    // A new copy still finds the group through its new representative.
    const later = await comment(variant(3));
    await indexComment(db, later);
    expect(await groupsOf(db, consultation)).toEqual([[ids[1], ids[2], later]]);
    await db.updateTable('comments').set({ state: 'withdrawn' }).where('id', 'in', [ids[1]!, ids[2]!]).execute();
    await runDuplicateJobs(db);
    expect(await groupsOf(db, consultation)).toEqual([]);
  });

  it('500 organisations sending the same text make one group, each comment indexed in milliseconds', async () => {
    const { db, consultation, comment, municipalities } = await duplicatesSetup();
    const ids: number[] = [];
    for (let i = 0; i < 500; i++) ids.push(await comment(i % 3 ? CAMPAIGN : `${CAMPAIGN} Lep pozdrav.`, { organisation: municipalities[i % municipalities.length] }));
    const started = performance.now();
    for (const id of ids) await indexComment(db, id);
    const perComment = (performance.now() - started) / ids.length;
    expect(perComment).toBeLessThan(20);
    const groups = await groupsOf(db, consultation);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(500);
    // Only the representative takes new members: 16 buckets, not 8,000.
    expect(Number((await db.selectFrom('duplicate_buckets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(16);
  });

  it('the queue shows a group as one row in the grouped view, each row with its group', async () => {
    const { db, consultation, comment, municipalities } = await duplicatesSetup();
    const ids = [await comment(CAMPAIGN, { organisation: municipalities[0] }), await comment(variant(1), { organisation: municipalities[1] }), await comment(variant(2), { organisation: municipalities[1] }), await comment(OTHER)];
    for (const id of ids) await indexComment(db, id);
    const all = await listQueue(db, consultation, parseQueueFilter(new URLSearchParams()), 1);
    expect(all.total).toBe(4);
    const grouped = await listQueue(db, consultation, parseQueueFilter(new URLSearchParams({ grouped: '1' })), 1);
    expect(grouped.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[3]].sort());
    expect(grouped.rows.find((r) => r.id === ids[0])!.group).toMatchObject({ size: 3, organisations: 2, confirmed: false });
    const groupId = grouped.rows.find((r) => r.id === ids[0])!.group!.id;
    expect((await listQueue(db, consultation, parseQueueFilter(new URLSearchParams({ group: String(groupId) })), 1)).total).toBe(3);
    expect((await groupsOfRows(db, [ids[3]!])).size).toBe(0);
  });
});
