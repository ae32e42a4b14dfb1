import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/index.ts';
import { compareChapter } from '../../src/lib/server/content/anchoring.ts';
import type { Block } from '../../src/lib/server/content/blocks.ts';
import { parseChapterFile, readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { listChapters, listVersions } from '../../src/lib/server/content/content.ts';
import { fromRoot } from '../../src/lib/server/platform/paths.ts';
import { ljubljanaTimeToInstant } from '../../src/lib/time.ts';
import { currentOf, type DraftVersion } from '../../src/lib/server/content/versions.ts';

// The strategy text itself: every chapter renders, and together they give people enough to comment on.
describe('the drafts in content/', () => {
  const versions = readVersionFiles('ds2030');

  it('are Osnutek 1 and Osnutek 2, the newer one current, with windows that follow each other', () => {
    expect(versions.map((v) => v.label)).toEqual(['Osnutek 1', 'Osnutek 2']);
    expect(currentOf(versions, new Date('2026-11-25T12:00:00Z'))?.id).toBe('osnutek-2');
    expect(currentOf(versions, new Date('2026-11-10T12:00:00Z'))?.id).toBe('osnutek-1');
    expect(versions[0].closesAt.getTime()).toBeLessThanOrEqual(versions[1].opensAt.getTime());
  });

  for (const version of ['osnutek-1', 'osnutek-2']) {
    it(`${version}: the introduction, six priority areas, two cross-cutting chapters and implementation, 120+ blocks`, () => {
      const chapters = readChapterFiles('ds2030', version);
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
    const before = readChapterFiles('ds2030', 'osnutek-1');
    const after = readChapterFiles('ds2030', 'osnutek-2');
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

  // ——— issue 12, item 2: dates that agree ———

  const DAY = 24 * 3600 * 1000;
  /** "16. 10. 2026", with ordinary spaces, however the text spaces it. */
  const day = (date: Date) => formatDate(date).replace(/\s+/g, ' ');
  /** The raw Markdown (front matter included) and version.json of a version, in one string. */
  const sourceOf = (version: string) =>
    readdirSync(fromRoot('content', 'ds2030', version))
      .filter((file) => /^\d\d-.+\.md$|^version\.json$/.test(file))
      .map((file) => readFileSync(fromRoot('content', 'ds2030', version, file), 'utf8'))
      .join('\n');
  const datesIn = (text: string) =>
    [...text.matchAll(/(?<!\d)(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?!\d)/g)].map(([, d, m, y]) => ({
      text: `${d}. ${m}. ${y}`,
      at: ljubljanaTimeToInstant(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T12:00`),
    }));

  it('every comment window lasts at least 30 days, and Osnutek 2 follows a month after the first window closed', () => {
    for (const v of versions) {
      expect(v.closesAt.getTime() - v.opensAt.getTime(), v.label).toBeGreaterThanOrEqual(30 * DAY);
      expect(v.opensAt.getTime(), v.label).toBeGreaterThanOrEqual(v.publishedAt.getTime());
    }
    expect(versions[1].publishedAt.getTime() - versions[0].closesAt.getTime()).toBeGreaterThanOrEqual(28 * DAY);
  });

  it('every version carries its case number (številka zadeve)', () => {
    for (const v of versions) expect(v.caseNumber, v.label).toMatch(/^\d{3,4}-\d+\/\d{4}(-\S+)?$/);
  });

  for (const version of ['osnutek-1', 'osnutek-2']) {
    it(`${version}: the dates in the text agree with version.json, and none after publication but its own window`, () => {
      const own = versions.find((v) => v.id === version)!;
      const earlier = versions.filter((v) => v.publishedAt <= own.publishedAt);
      const known = (list: DraftVersion[]) => new Set(list.flatMap((v) => [day(v.publishedAt), day(v.opensAt), day(v.lastDay)]));
      const ownWindow = new Set([day(own.opensAt), day(own.lastDay)]);
      const earlierDates = known(earlier);
      for (const date of datesIn(sourceOf(version))) {
        // A date after publication can only be this draft's own window; one since the first draft
        // was published must be a publication or window date of this or an earlier draft.
        if (date.at >= own.publishedAt) expect([...ownWindow], `${date.text} in ${version}`).toContain(date.text);
        else if (date.at >= versions[0].publishedAt) expect([...earlierDates], `${date.text} in ${version}`).toContain(date.text);
      }
      // The introduction says when the window opens and closes.
      const intro = readChapterFiles('ds2030', version)[0].rendered.blocks.find((b) => b.key === 'kako-podati-pripombe')!;
      const introText = intro.text.replace(/\s+/g, ' ');
      expect(introText).toContain(day(own.opensAt));
      expect(introText).toContain(day(own.lastDay));
    });
  }

  // ——— issue 12, item 3: facts in the strategy text ———

  const blocksOf = (version: string) => readChapterFiles('ds2030', version).flatMap((c) => c.rendered.blocks.map((b) => ({ chapter: c, block: b })));

  it('the drafts are MDP’s: no former government office, and the information-security law is ZInfV-1', () => {
    for (const version of ['osnutek-1', 'osnutek-2']) {
      const source = sourceOf(version);
      expect(source, version).not.toMatch(/\bSDP\b|Služba Vlade|gp\.sdp/);
      expect(source, version).not.toMatch(/ZInfV(?!-1)/);
      expect(source, version).not.toMatch(/—/);
      expect(source, version).toContain('Digitalna Slovenija 2030 – krovna strategija digitalne preobrazbe Slovenije do leta 2030');
      expect(source, version).toContain('Ministrstvo za digitalno preobrazbo (MDP)');
      expect(source, version).toContain('ZInfV-1, Uradni list RS, št. 40/25');
      expect(source, version).toMatch(/Nacionaln\p{L}+ stratešk\p{L}+ časovn\p{L}+ načrt\p{L}* za digitalno desetletje/u);
    }
  });

  for (const version of ['osnutek-1', 'osnutek-2']) {
    it(`${version}: every measure is numbered U<chapter>.<n> and follows one template`, () => {
      const fields = ['Cilj', 'Nosilec', 'Sodelujoči', 'Viri', 'Rok', 'Kazalnik'];
      let measures = 0;
      for (const chapter of readChapterFiles('ds2030', version)) {
        const { items } = chapter.rendered;
        const numbers: number[] = [];
        items.forEach((item, index) => {
          if (item.type !== 'heading') return;
          expect(item.text, `${chapter.slug}: a measure heading`).not.toMatch(/^Ukrep\b/);
          const measure = /^U(\d+)\.(\d+) \S/.exec(item.text);
          if (!measure) return;
          measures++;
          expect(Number(measure[1]), item.text).toBe(chapter.number);
          numbers.push(Number(measure[2]));
          const next = items.findIndex((other, i) => i > index && other.type === 'heading');
          const body = items.slice(index + 1, next === -1 ? undefined : next).filter((b): b is Block => b.type === 'block');
          expect(body.length, `${item.text}: a description and the fields`).toBeGreaterThanOrEqual(2);
          const labels = body.at(-1)!.text.split('\n').map((line) => line.split(':')[0]);
          expect(labels, item.text).toEqual(fields);
        });
        expect(numbers, chapter.slug).toEqual(numbers.map((_, i) => i + 1));
      }
      expect(measures).toBeGreaterThanOrEqual(30);
      // Cross-references use the measure numbers, never a bare "ukrep 6.1" that reads like a paragraph.
      for (const { chapter, block } of blocksOf(version)) {
        expect(block.text, `${chapter.slug} ${block.number}`).not.toMatch(/\bukrep\p{L}* \d+\.\d+/iu);
      }
    });

    it(`${version}: every abbreviation used is in the list of abbreviations`, () => {
      const list = readChapterFiles('ds2030', version)[0].rendered.blocks.find((b) => b.key === 'kratice')!;
      const rows = list.text.split('\n').slice(1).map((row) => row.split(' | ')[0]);
      const listed = new Set(rows.flatMap((abbreviation) => [abbreviation, abbreviation.split(' ')[0]]));
      const used = new Set<string>();
      for (const { block } of blocksOf(version)) {
        for (const [word] of block.text.matchAll(/(?<![\p{L}\p{N}-])\p{Lu}[\p{L}\p{N}-]*(?![\p{L}\p{N}])/gu)) {
          if ((word.match(/\p{Lu}/gu) ?? []).length >= 2) used.add(word);
        }
      }
      expect([...used].filter((word) => !listed.has(word)).sort()).toEqual([]);
    });

    it(`${version}: every baseline figure names its source and year or is marked as a working estimate`, () => {
      let checked = 0;
      for (const { chapter, block } of blocksOf(version)) {
        if (block.kind !== 'table') continue;
        const [header, ...rows] = block.text.split('\n').map((row) => row.split(' | '));
        const column = header.indexOf('Izhodišče');
        if (column === -1) continue;
        for (const row of rows) {
          const cell = row[column];
          checked++;
          const figure = /\d/.test(cell.replace(/\([^)]*\)/g, '').replace(/\b(19|20)\d\d\b/g, ''));
          if (!figure) continue;
          expect(/\(\d{4}, delovna ocena\)$/.test(cell) || /\([^()\d]+, \d{4}\)$/.test(cell), `${chapter.slug} ${block.number}: ${cell}`).toBe(true);
        }
      }
      expect(checked).toBeGreaterThanOrEqual(50);
    });
  }
});

// One reading of content/: what the pages show is what comments are anchored to.
describe('a chapter file', () => {
  it('has YAML front matter: plain and quoted values are read as YAML reads them', () => {
    const source = '---\nnumber: 3\ntitle: Primer poglavja\nsummary: "Povzetek: z dvopičjem in „narekovaji“."\n---\n\nPrvi odstavek.\n\nDrugi odstavek.\n';
    const chapter = parseChapterFile('ds2030', 'osnutek-9', '03-primer.md', source);
    expect(chapter).toMatchObject({ versionId: 'osnutek-9', slug: 'primer', number: 3, title: 'Primer poglavja', summary: 'Povzetek: z dvopičjem in „narekovaji“.' });
    expect(chapter.rendered.blocks.map((b) => [b.number, b.text])).toEqual([
      ['3.1', 'Prvi odstavek.'],
      ['3.2', 'Drugi odstavek.'],
    ]);
  });

  it('is refused without front matter, or with a field missing or of the wrong kind', () => {
    expect(() => parseChapterFile('ds2030', 'v', '01-a.md', 'Odstavek.\n')).toThrow(/01-a\.md: no front matter/);
    expect(() => parseChapterFile('ds2030', 'v', '01-a.md', '---\nnumber: 1\ntitle: A\n---\nOdstavek.\n')).toThrow(/01-a\.md: summary/);
    expect(() => parseChapterFile('ds2030', 'v', '01-a.md', '---\nnumber: prvo\ntitle: A\nsummary: B\n---\nOdstavek.\n')).toThrow(/01-a\.md: number/);
  });

  it('in content/ gives its summary without YAML quotes, and the pages read the same chapters and versions', async () => {
    expect(await listVersions('ds2030')).toEqual(readVersionFiles('ds2030'));
    expect(await listVersions('ni-takega-posvetovanja')).toEqual([]);
    for (const version of ['osnutek-1', 'osnutek-2']) {
      const chapters = readChapterFiles('ds2030', version);
      for (const c of chapters) expect(c.summary, c.slug).not.toMatch(/^["']|["']$/);
      expect(await listChapters('ds2030', version)).toEqual(chapters);
    }
    expect(await listChapters('ds2030', 'ni-take-verzije')).toEqual([]);
    // The same version id in another consultation is another text.
    expect(await listChapters('sdjs2030', 'osnutek-2')).toEqual([]);
    expect((await listChapters('sdjs2030', 'osnutek-1')).map((c) => c.title)).not.toEqual(readChapterFiles('ds2030', 'osnutek-1').map((c) => c.title));
  });
});
