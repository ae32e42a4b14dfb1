import { describe, expect, it } from 'vitest';
import { clusterTexts, defaultK } from '../../src/lib/server/moderation/themes/cluster.ts';
import { stem, terms, fold } from '../../src/lib/server/moderation/themes/text.ts';

/*
 * The themes' clustering, pure: Slovenian terms (folded, stop words out, light stemming), TF-IDF and
 * k-means with a seed. The same texts give the same themes on every run and in any order; two
 * clearly different topics separate; bad input never crashes and stays bounded.
 */

const BROADBAND = [
  'Optični priključki na podeželju manjkajo, gradnja širokopasovnega omrežja zamuja.',
  'Gradnja optičnega omrežja na podeželju naj ima prednost pred mesti.',
  'Širokopasovni priključki v odročnih vaseh so prepočasni, optika mora priti do vsake domačije.',
  'Podeželje potrebuje hitre priključke; optično omrežje gradite tudi v hribovitih vaseh.',
  'Zaselki brez optičnega priključka ostajajo brez hitrega interneta, gradnja omrežja naj se pospeši.',
  'Operaterji gradijo omrežje le v mestih, podeželje in vasi čakajo na optiko.',
];
const LIBRARIES = [
  'Starejši potrebujejo brezplačne tečaje digitalnih veščin v knjižnicah.',
  'Tečaji digitalnih veščin za starejše naj bodo v vsaki knjižnici.',
  'Knjižnice naj izvajajo tečaje računalniških veščin za upokojence in starejše.',
  'Upokojenci potrebujejo pomoč pri digitalnih veščinah; knjižničarji naj vodijo tečaje.',
  'Brezplačni tečaji za starejše v krajevnih knjižnicah bi zmanjšali digitalni razkorak.',
  'Starejšim občanom je treba ponuditi tečaje digitalnih veščin v knjižnicah in domovih.',
];
const items = [...BROADBAND, ...LIBRARIES].map((text, i) => ({ id: i + 1, text }));

const shuffle = <T>(list: readonly T[]) => list.map((x, i) => ({ x, k: (i * 7919) % 13 })).sort((a, b) => a.k - b.k).map((e) => e.x);

describe('Slovenian terms', () => {
  it('folds diacritics and case, drops stop words and short words, and gives inflected forms one stem', () => {
    expect(fold('Občinám ŠOLE')).toBe('obcinam sole');
    expect(new Set(['knjižnica', 'knjižnice', 'knjižnicam', 'knjižnicah'].map((w) => stem(fold(w))))).toEqual(new Set(['knjiznic']));
    expect(terms('In da je za to tudi knjižnica.').map((t) => t.stem)).toEqual(['knjiznic']);
    expect(terms('Knjižnice!').map((t) => t.word)).toEqual(['knjižnice']);
  });
});

describe('clustering', () => {
  it('separates two clearly different topics and labels each with its own words, shown with their diacritics', () => {
    const clusters = clusterTexts(items, { k: 2 });
    expect(clusters.map((c) => c.ids).sort((a, b) => a[0] - b[0])).toEqual([
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
    const broadband = clusters.find((c) => c.ids.includes(1))!;
    expect(broadband.terms.join(' ')).toMatch(/omrežja|podeželju|optičnega|priključki/);
    expect(clusters.find((c) => c.ids.includes(7))!.terms.join(' ')).toMatch(/tečaje|veščin|starejše|knjižnicah/);
  });

  it('is stable: the same clusters on every run and whatever the order of the input; a seed makes a run repeatable', () => {
    const first = clusterTexts(items, { seed: 7 });
    expect(clusterTexts(items, { seed: 7 })).toEqual(first);
    expect(clusterTexts(shuffle(items), { seed: 7 })).toEqual(first);
    expect(clusterTexts([...items].reverse(), { seed: 7 })).toEqual(first);
    expect(clusterTexts(shuffle(items))).toEqual(clusterTexts(items));
  });

  it('puts every id in exactly one cluster, with k from √(n/2) within 2–12 unless given', () => {
    const clusters = clusterTexts(items);
    expect(clusters.flatMap((c) => c.ids).sort((a, b) => a - b)).toEqual(items.map((i) => i.id));
    expect([defaultK(1), defaultK(12), defaultK(200), defaultK(100_000)]).toEqual([1, 2, 10, 12]);
    expect(clusterTexts(items, { k: 3 }).length).toBeLessThanOrEqual(3);
  });

  it('survives bad input: nothing, one word, only emoji or punctuation, 10,000 characters, 500 identical texts', () => {
    expect(clusterTexts([])).toEqual([]);
    expect(clusterTexts([{ id: 1, text: 'Knjižnice' }])).toEqual([{ ids: [1], terms: ['knjižnice'] }]);
    // Texts without a word stand together, with no terms (they become no theme).
    const odd = clusterTexts([
      { id: 1, text: '' },
      { id: 2, text: '😀🎉 👍' },
      { id: 3, text: '?!… – „“' },
      { id: 4, text: 'Optično omrežje na podeželju.' },
    ]);
    expect(odd).toEqual([
      { ids: [4], terms: expect.any(Array) },
      { ids: [1, 2, 3], terms: [] },
    ]);
    const long = `${'Optično omrežje na podeželju zamuja, gradnja naj se pospeši. '.repeat(170)}`.slice(0, 10_000);
    const withLong = clusterTexts([...items, { id: 99, text: long }]);
    expect(withLong.find((c) => c.ids.includes(99))!.ids).toContain(1);
    const started = performance.now();
    const same = clusterTexts(Array.from({ length: 500 }, (_, i) => ({ id: i + 1, text: 'Predlagamo, da se v knjižnicah organizirajo tečaji digitalnih veščin za starejše.' })));
    expect(same).toHaveLength(1);
    expect(same[0].ids).toHaveLength(500);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
