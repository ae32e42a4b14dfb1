import { describe, expect, it } from 'vitest';
import { ChapterContentError, renderChapter } from '../../src/lib/server/content/blocks.ts';

const chapter = `## Stanje

Prvi odstavek o **gigabitnih** omrežjih z [povezavo](https://www.gov.si/).

<!-- blok: cilji-2030 -->
Drugi odstavek s cilji do leta 2030.

- prva alineja
- druga alineja
  - vgnezdena alineja

### Kazalniki

| Kazalnik | Izhodišče | Cilj 2030 |
|---|---|---|
| Gigabitna pokritost | 70 % | 100 % |

> Vizija: digitalna Slovenija za vse.

Zadnji odstavek.
`;

describe('renderChapter', () => {
  it('makes each paragraph, list, table and block quote one block, and headings none', () => {
    const { blocks, headings, items } = renderChapter(chapter, 3);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list', 'table', 'blockquote', 'paragraph']);
    expect(headings.map((h) => [h.depth, h.text])).toEqual([
      [2, 'Stanje'],
      [3, 'Kazalniki'],
    ]);
    expect(items.map((i) => i.type)).toEqual(['heading', 'block', 'block', 'block', 'heading', 'block', 'block', 'block']);
  });

  it('numbers blocks as chapter.position with a permalink anchor', () => {
    const { blocks } = renderChapter(chapter, 3);
    expect(blocks.map((b) => b.number)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    expect(blocks[3].anchor).toBe('odstavek-3-4');
  });

  it('keeps a pinned key and never shows the marker', () => {
    const { blocks } = renderChapter(chapter, 3);
    const pinned = blocks.find((b) => b.key === 'cilji-2030');
    expect(pinned?.text).toBe('Drugi odstavek s cilji do leta 2030.');
    expect(pinned?.pinned).toBe(true);
    expect(blocks.map((b) => b.html).join('')).not.toContain('blok:');
  });

  it('keeps the keys of all other blocks when a paragraph is inserted', () => {
    const before = renderChapter(chapter, 3).blocks;
    const edited = chapter.replace('Zadnji odstavek.', 'Nov vstavljen odstavek.\n\nZadnji odstavek.');
    const withInsert = `Čisto nov uvodni odstavek.\n\n${edited}`;
    const after = renderChapter(withInsert, 3).blocks;
    expect(after).toHaveLength(before.length + 2);
    for (const block of before) {
      const same = after.find((b) => b.key === block.key);
      expect(same, block.text).toBeDefined();
      expect(same?.fingerprint).toBe(block.fingerprint);
    }
    // Numbers follow the position, keys do not.
    expect(after.find((b) => b.key === 'cilji-2030')?.number).toBe('3.3');
  });

  it('changes the fingerprint of an edited block only', () => {
    const before = renderChapter(chapter, 3).blocks;
    const after = renderChapter(chapter.replace('s cilji do leta 2030', 's spremenjenimi cilji do leta 2030'), 3).blocks;
    const changed = after.filter((b, i) => b.fingerprint !== before[i].fingerprint);
    expect(changed.map((b) => b.key)).toEqual(['cilji-2030']);
  });

  it('gives identical paragraphs distinct keys', () => {
    const { blocks } = renderChapter('Enako besedilo.\n\nEnako besedilo.\n', 1);
    expect(new Set(blocks.map((b) => b.key)).size).toBe(2);
    expect(blocks[0].fingerprint).toBe(blocks[1].fingerprint);
  });

  it('refuses invalid and repeated pinned keys', () => {
    expect(() => renderChapter('<!-- blok: Neveljaven_ključ -->\nOdstavek.\n', 1)).toThrow(ChapterContentError);
    expect(() => renderChapter('<!-- blok: a -->\nEna.\n\n<!-- blok: a -->\nDve.\n', 1)).toThrow(/dvakrat/);
    expect(() => renderChapter('Odstavek.\n\n<!-- blok: sirota -->\n', 1)).toThrow(/ne sledi blok/);
  });

  it('renders the Markdown a chapter author writes', () => {
    const { blocks } = renderChapter(chapter, 3);
    expect(blocks[0].html).toContain('<strong>gigabitnih</strong>');
    expect(blocks[0].html).toContain('<a href="https://www.gov.si/">povezavo</a>');
    expect(blocks[2].html).toMatch(/<ul>\s*<li>prva alineja<\/li>[\s\S]*<ul>\s*<li>vgnezdena alineja<\/li>/);
    expect(blocks[3].html).toContain('<th>Kazalnik</th>');
    expect(blocks[3].html).toContain('<td>100 %</td>');
    expect(blocks[4].html).toMatch(/^<blockquote>/);
    expect(renderChapter('Besedilo *poudarjeno* in `koda`.', 1).blocks[0].html).toBe(
      '<p>Besedilo <em>poudarjeno</em> in <code>koda</code>.</p>\n',
    );
  });

  it('quotes the visible text of a block, line by line', () => {
    const { blocks } = renderChapter(chapter, 3);
    expect(blocks[0].text).toBe('Prvi odstavek o gigabitnih omrežjih z povezavo.');
    expect(blocks[2].text).toBe('prva alineja\ndruga alineja\nvgnezdena alineja');
    expect(blocks[3].text).toBe('Kazalnik | Izhodišče | Cilj 2030\nGigabitna pokritost | 70 % | 100 %');
  });

  it('shows raw HTML as text instead of running it', () => {
    const { blocks } = renderChapter('Besedilo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick="x()">blok</div>\n', 1);
    const html = blocks.map((b) => b.html).join('');
    expect(html).not.toMatch(/<script|<img|<div/);
    expect(html).toContain('&#60;script&#62;');
  });
});
