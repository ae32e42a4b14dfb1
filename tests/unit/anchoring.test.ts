import { describe, expect, it } from 'vitest';
import { compareChapter, findAnchor, similarity, SIMILARITY_THRESHOLD, type AnchorChapter } from '../../src/lib/server/content/anchoring.ts';
import { renderChapter } from '../../src/lib/server/content/blocks.ts';
import { comparisonRows } from '../../src/lib/server/content/comparison.ts';

const v1 = `## Stanje

Slovenija je v zadnjih letih pomembno napredovala pri gradnji zelo visokozmogljivih omrežij, vendar ostajajo bele lise na podeželju.

<!-- blok: cilji -->
Do leta 2030 bodo vsa gospodinjstva imela dostop do gigabitnega omrežja.

Občine s prostorskimi akti in soglasji vplivajo na hitrost in stroške gradnje omrežij ter na usklajevanje komunalnih del.

Država bo sofinancirala gradnjo odprtih širokopasovnih omrežij na območjih, kjer operaterji ne načrtujejo gradnje v naslednjih treh letih.

AKOS bo pri podeljevanju frekvenc določal obveznosti pokrivanja podeželja in prometnih poti z omrežji 5G.
`;

const chapter = (source: string, slug = 'gigabit'): AnchorChapter => ({ slug, blocks: renderChapter(source, 2).blocks });
const commentsOn = (source: string, slug = 'gigabit') =>
  renderChapter(source, 2).blocks.map((b) => ({ chapterSlug: slug, key: b.key, fingerprint: b.fingerprint, quote: b.text, number: b.number }));

describe('similarity', () => {
  it('is 1 for the same text, high for a small edit, low for a rewrite', () => {
    const a = 'Država bo sofinancirala gradnjo odprtih širokopasovnih omrežij na območjih tržnega izpada.';
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, a.replace('sofinancirala', 'v celoti financirala'))).toBeGreaterThan(0.8);
    expect(similarity(a, 'Ministrstvo pripravi letno poročilo o izvajanju strategije in ga objavi.')).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('re-anchoring comments to a new version', () => {
  it('keeps every comment on its unchanged block when a paragraph is inserted', () => {
    const v2 = v1.replace('## Stanje\n', '## Stanje\n\nNov uvodni odstavek o namenu poglavja in o posvetovanju z občinami.\n');
    const next = [chapter(v2)];
    for (const comment of commentsOn(v1)) {
      const anchor = findAnchor(comment, next);
      expect(anchor.status, comment.quote).toBe('unchanged');
      expect(anchor.block?.text).toBe(comment.quote);
    }
    // The numbers moved on by one; the anchors follow the text, not the number.
    expect(findAnchor(commentsOn(v1)[0], next).block?.number).toBe('2.2');
  });

  it('marks a comment on a deleted paragraph removed, and the others unchanged', () => {
    const gone = 'AKOS bo pri podeljevanju frekvenc določal obveznosti pokrivanja podeželja in prometnih poti z omrežji 5G.';
    const next = [chapter(v1.replace(gone, ''))];
    const results = commentsOn(v1).map((c) => findAnchor(c, next).status);
    expect(results).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'removed']);
  });

  it('follows a moved paragraph', () => {
    const moved = 'Občine s prostorskimi akti in soglasji vplivajo na hitrost in stroške gradnje omrežij ter na usklajevanje komunalnih del.';
    const v2 = v1.replace(`${moved}\n\n`, '') + `\n${moved}\n`;
    const anchor = findAnchor(commentsOn(v1)[2], [chapter(v2)]);
    expect(anchor).toMatchObject({ status: 'unchanged' });
    expect(anchor.block?.number).toBe('2.5');
  });

  it('follows a small edit as changed, pointing to the edited block, even across chapters', () => {
    const v2 = v1.replace('v naslednjih treh letih', 'v naslednjih dveh letih');
    const anchor = findAnchor(commentsOn(v1)[3], [chapter('Drugo poglavje.\n', 'drugo'), chapter(v2)]);
    expect(anchor.status).toBe('changed');
    expect(anchor.chapterSlug).toBe('gigabit');
    expect(anchor.block?.text).toContain('dveh letih');
  });

  it('keeps a pinned key through a rewrite', () => {
    const v2 = v1.replace('Do leta 2030 bodo vsa gospodinjstva imela dostop do gigabitnega omrežja.', 'Cilj: gigabit za vse do konca desetletja, z optiko, kjer je izvedljivo.');
    const anchor = findAnchor(commentsOn(v1)[1], [chapter(v2)]);
    expect(anchor.status).toBe('changed');
    expect(anchor.block?.key).toBe('cilji');
  });

  it('marks a comment on a paragraph rewritten beyond recognition removed, keeping nothing wrong', () => {
    const old = 'Država bo sofinancirala gradnjo odprtih širokopasovnih omrežij na območjih, kjer operaterji ne načrtujejo gradnje v naslednjih treh letih.';
    const v2 = v1.replace(old, 'Javni razpisi bodo odslej potekali enkrat letno prek enotne točke.');
    expect(findAnchor(commentsOn(v1)[3], [chapter(v2)]).status).toBe('removed');
  });

  it('finds the better half of a split paragraph and the whole of a merged one', () => {
    const long = 'Slovenija je v zadnjih letih pomembno napredovala pri gradnji zelo visokozmogljivih omrežij, vendar ostajajo bele lise na podeželju.';
    const split = v1.replace(long, 'Slovenija je v zadnjih letih pomembno napredovala pri gradnji zelo visokozmogljivih omrežij.\n\nVendar ostajajo bele lise na podeželju.');
    const splitAnchor = findAnchor(commentsOn(v1)[0], [chapter(split)]);
    expect(splitAnchor.status).toBe('changed');
    expect(splitAnchor.block?.text).toMatch(/^Slovenija je v zadnjih letih/);

    const a = 'Država bo sofinancirala gradnjo odprtih širokopasovnih omrežij na območjih, kjer operaterji ne načrtujejo gradnje v naslednjih treh letih.';
    const b = 'AKOS bo pri podeljevanju frekvenc določal obveznosti pokrivanja podeželja in prometnih poti z omrežji 5G.';
    const merged = v1.replace(`${a}\n\n${b}`, `${a} ${b}`);
    const comments = commentsOn(v1);
    for (const c of [comments[3], comments[4]]) {
      const anchor = findAnchor(c, [chapter(merged)]);
      expect(anchor.status).toBe('changed');
      expect(anchor.block?.text).toBe(`${a} ${b}`);
    }
  });
});

describe('comparing a chapter between versions', () => {
  it('lists unchanged, changed, removed and added blocks in the new order, removed ones where they stood', () => {
    const before = renderChapter(v1, 2).blocks;
    const v2 = v1
      .replace('v naslednjih treh letih', 'v naslednjih dveh letih')
      .replace('AKOS bo pri podeljevanju frekvenc določal obveznosti pokrivanja podeželja in prometnih poti z omrežji 5G.\n', 'Nov ukrep: skupne bazne postaje za več operaterjev na podeželju.\n');
    const after = renderChapter(v2, 2).blocks;
    expect(compareChapter(before, after).map((e) => e.type)).toEqual(['unchanged', 'unchanged', 'unchanged', 'changed', 'removed', 'added']);
  });

  it('shows runs of unchanged blocks as one line, but an unchanged block with comments on its own', () => {
    const before = renderChapter(v1, 2).blocks;
    const after = renderChapter(v1.replace('v naslednjih treh letih', 'v naslednjih dveh letih'), 2).blocks;
    const entries = compareChapter(before, after);
    const rows = (commented: Map<string, string[]>) =>
      comparisonRows(entries, commented).map((r) => (r.kind === 'run' ? `${r.from}–${r.to}` : `${r.entry.type} ${'after' in r.entry ? r.entry.after.number : r.entry.before.number}: ${r.comments.join()}`));
    expect(rows(new Map())).toEqual(['2.1–2.3', 'changed 2.4: ', '2.5–2.5']);
    expect(rows(new Map([[before[1].key, ['pripomba']]]))).toEqual(['2.1–2.1', 'unchanged 2.2: pripomba', '2.3–2.3', 'changed 2.4: ', '2.5–2.5']);
  });
});
