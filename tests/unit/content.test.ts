import { describe, expect, it } from 'vitest';
import { compareChapter } from '../../src/lib/server/anchoring.ts';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content-files.ts';
import { currentOf } from '../../src/lib/server/versions.ts';

// The strategy text itself: every chapter renders, and together they give people enough to comment on.
describe('the drafts in content/', () => {
  const versions = readVersionFiles();

  it('are Osnutek 1 and Osnutek 2, the newer one current, with windows that follow each other', () => {
    expect(versions.map((v) => v.label)).toEqual(['Osnutek 1', 'Osnutek 2']);
    expect(currentOf(versions, new Date('2026-11-25T12:00:00Z')).id).toBe('osnutek-2');
    expect(currentOf(versions, new Date('2026-11-10T12:00:00Z')).id).toBe('osnutek-1');
    expect(versions[0].closesAt.getTime()).toBeLessThanOrEqual(versions[1].opensAt.getTime());
  });

  for (const version of ['osnutek-1', 'osnutek-2']) {
    it(`${version}: the introduction, six priority areas, two cross-cutting chapters and implementation, 120+ blocks`, () => {
      const chapters = readChapterFiles(version);
      expect(chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      let total = 0;
      for (const chapter of chapters) {
        const { blocks } = chapter.rendered;
        expect(blocks.length, chapter.slug).toBeGreaterThanOrEqual(10);
        expect(new Set(blocks.map((b) => b.key)).size, chapter.slug).toBe(blocks.length);
        total += blocks.length;
      }
      expect(total).toBeGreaterThanOrEqual(120);
    });
  }

  it('Osnutek 2 is a revision: most blocks unchanged, some changed, added and removed', () => {
    const before = readChapterFiles('osnutek-1');
    const after = readChapterFiles('osnutek-2');
    const counts = { unchanged: 0, changed: 0, added: 0, removed: 0 };
    for (const chapter of after) {
      const old = before.find((c) => c.slug === chapter.slug)!;
      for (const entry of compareChapter(old.rendered.blocks, chapter.rendered.blocks)) counts[entry.type]++;
    }
    expect(counts.unchanged).toBeGreaterThan(counts.changed + counts.added + counts.removed);
    expect(counts.changed).toBeGreaterThanOrEqual(5);
    expect(counts.added).toBeGreaterThanOrEqual(3);
    expect(counts.removed).toBeGreaterThanOrEqual(2);
  });
});
