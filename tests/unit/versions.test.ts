import { describe, expect, it } from 'vitest';
import { listPublicComments } from '../../src/lib/server/comments/queries.ts';
import { readChapterFiles } from '../../src/lib/server/content/content-files.ts';
import { reanchorComments } from '../../src/lib/server/comments/reanchor.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { consultationId, tempDatabase } from './helpers.ts';

describe('comments across draft versions', () => {
  it('demo comments on Osnutek 1 are anchored in Osnutek 2: unchanged, changed and removed all occur', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: true });
    const ds2030 = await consultationId(db, 'ds2030');
    const comments = await listPublicComments(db, { consultationId: ds2030, currentVersionId: 'osnutek-2' });
    expect(comments.every((c) => c.consultation === 'ds2030')).toBe(true);
    const statuses = new Set(comments.filter((c) => c.versionId === 'osnutek-1').map((c) => c.anchorStatus));
    expect(statuses).toEqual(new Set(['unchanged', 'changed', 'removed']));
    // Every comment has an answer, and every surviving one a place in the current text.
    for (const c of comments) {
      expect(c.anchorStatus).not.toBeNull();
      if (c.anchorStatus !== 'removed') expect(c.currentBlockNumber).toMatch(/^\d+\.\d+$/);
    }
    // The ZMOS amendment was taken into Osnutek 2: its block changed and is found by its pinned key.
    const zmos = comments.find((c) => c.organisation.code === 'ZMOS')!;
    expect(zmos.anchorStatus).toBe('changed');
    expect(zmos.currentBlockKey).toBe('skupna-platforma-obcine');
  });

  it('is computed once per version and stored; later starts add only what is new', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: true });
    const ds2030 = await consultationId(db, 'ds2030');
    const stored = await db.selectFrom('comment_anchors as a').innerJoin('comments as c', 'c.id', 'a.comment_id').select(['a.version_id', 'c.consultation_id']).execute();
    expect(stored.length).toBeGreaterThan(0);
    // Only DS 2030 has an Osnutek 2; SDJS 2030's comments on its own Osnutek 1 are not anchored into it.
    expect(stored.every((a) => a.version_id === 'osnutek-2' && a.consultation_id === ds2030)).toBe(true);
    const chapters = readChapterFiles('ds2030', 'osnutek-2').map((c) => ({ slug: c.slug, blocks: c.rendered.blocks }));
    expect(await reanchorComments(db, ds2030, 'osnutek-2', chapters)).toBe(0);
    await prepareDatabase(db, { demo: true });
    expect(await db.selectFrom('comment_anchors').selectAll().execute()).toHaveLength(stored.length);
  });

  it('places a comment on the current version where it was written, and filters by where comments stand now', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: true });
    const ds2030 = await consultationId(db, 'ds2030');
    const onPlatform = await listPublicComments(db, { consultationId: ds2030, currentVersionId: 'osnutek-2', currentChapterSlug: 'digitalne-javne-storitve', currentBlockKey: 'skupna-platforma-obcine' });
    expect(onPlatform.map((c) => c.organisation.code)).toContain('ZMOS');
    const current = (await listPublicComments(db, { consultationId: ds2030, currentVersionId: 'osnutek-2' })).filter((c) => c.versionId === 'osnutek-2');
    expect(current.length).toBeGreaterThan(0);
    for (const c of current) expect(c).toMatchObject({ anchorStatus: 'unchanged', currentBlockNumber: c.blockNumber });
  });
});

describe('comments on a chapter as a whole', () => {
  it('are stored without a block, public, and stay with their chapter in a newer version', async () => {
    const { db } = tempDatabase();
    await prepareDatabase(db, { demo: true });
    const { saveComment } = await import('../../src/lib/server/comments/save.ts');
    const bled = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', 'bled@posvet.test').executeTakeFirstOrThrow();
    const actor = { id: bled.id, role: bled.role, organisationId: bled.organisation_id, organisationKind: bled.kind };
    const ds2030 = await consultationId(db, 'ds2030');
    const window = { consultationId: ds2030, consultationStatus: 'open' as const, versionId: 'osnutek-1', opensAt: new Date('2026-11-01T00:00:00Z'), closesAt: new Date('2026-11-20T00:00:00Z'), lastDay: new Date('2026-11-19T22:59:00Z') };
    const outcome = await saveComment(db, actor, { window, scope: 'chapter', chapter: { slug: 'zeleni-prehod', number: 9 } }, { kind: 'comment', body: 'Poglavje naj doda cilj za e-odpadke občin.' }, 'submit', { now: new Date('2026-11-10T10:00:00Z') });
    expect(outcome.ok).toBe(true);
    const chapters = readChapterFiles('ds2030', 'osnutek-2').map((c) => ({ slug: c.slug, blocks: c.rendered.blocks }));
    await reanchorComments(db, ds2030, 'osnutek-2', chapters);
    const [comment] = await listPublicComments(db, { consultationId: ds2030, currentVersionId: 'osnutek-2', currentChapterSlug: 'zeleni-prehod', scope: 'chapter' });
    expect(comment).toMatchObject({ scope: 'chapter', blockNumber: null, anchorStatus: 'unchanged', currentChapterSlug: 'zeleni-prehod', currentBlockNumber: null });
  });
});
