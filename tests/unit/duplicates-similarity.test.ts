import { describe, expect, it } from 'vitest';
import { groupTexts, normalise, signatureOf, similarity } from '../../src/lib/server/moderation/duplicates/similarity.ts';

const CAMPAIGN =
  'Občina predlaga, da se v ukrepu 3.2 zagotovijo sredstva za širokopasovni dostop v odročnih krajih, saj brez hitre povezave prebivalci ne morejo uporabljati e-storitev države in lokalne skupnosti.';

describe('near-duplicate similarity', () => {
  it('normalises case, diacritics, punctuation and whitespace', () => {
    expect(normalise('  ŠČŽ  čevapčiči,\n\t„Občina“ — 3.2! ')).toBe('scz cevapcici obcina 3 2');
  });

  it('groups identical and near-identical texts, not a different text on the same topic', () => {
    const groups = groupTexts([
      { id: 1, text: CAMPAIGN },
      { id: 2, text: CAMPAIGN.toUpperCase() },
      { id: 3, text: `${CAMPAIGN} Občina Kobarid.` },
      { id: 4, text: CAMPAIGN.replace('odročnih', 'odrocnih').replace('  ', ' ') },
      { id: 5, text: 'Širokopasovni dostop bi moral biti prednostna naloga, vendar naj ga financira zasebni sektor, ne država; ukrep 3.2 naj se prepiše.' },
    ]);
    expect(groups).toEqual([[1, 2, 3, 4]]);
  });

  it('estimates Jaccard similarity from the signatures', () => {
    const a = signatureOf(CAMPAIGN)!;
    expect(similarity(a, signatureOf(CAMPAIGN.toLowerCase())!)).toBe(1);
    expect(similarity(a, signatureOf('Popolnoma drugo besedilo o kmetijstvu in gozdarstvu v Sloveniji.')!)).toBeLessThan(0.1);
  });

  it('takes the threshold it is given', () => {
    const edited = CAMPAIGN.replace('širokopasovni dostop', 'hitri internet').replace('prebivalci', 'ljudje').replace('lokalne skupnosti', 'občin');
    const s = similarity(signatureOf(CAMPAIGN)!, signatureOf(edited)!);
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(0.8);
    expect(groupTexts([{ id: 1, text: CAMPAIGN }, { id: 2, text: edited }])).toEqual([]);
    expect(groupTexts([{ id: 1, text: CAMPAIGN }, { id: 2, text: edited }], { threshold: 0.3 })).toEqual([[1, 2]]);
  });

  it('never groups texts without words, and handles one word, emoji and 10,000 characters', () => {
    expect(signatureOf('')).toBeNull();
    expect(signatureOf('?!… —– „“ ...')).toBeNull();
    expect(signatureOf('😀🎉👍')).toBeNull();
    const long = Array.from({ length: 1_500 }, (_, i) => `beseda${i}`).join(' ').slice(0, 10_000);
    const started = performance.now();
    const groups = groupTexts([
      { id: 1, text: '' },
      { id: 2, text: '' },
      { id: 3, text: '!!!' },
      { id: 4, text: '!!!' },
      { id: 5, text: '😀' },
      { id: 6, text: '😀' },
      { id: 7, text: 'Strinjam' },
      { id: 8, text: 'strinjam.' },
      { id: 9, text: 'Ne' },
      { id: 10, text: long },
      { id: 11, text: `${long} konec` },
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(groups).toEqual([[7, 8], [10, 11]]);
  });

  it('makes one group of the same text from 500 organisations, in bounded time', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, text: `${CAMPAIGN} ${i % 2 ? 'Lep pozdrav.' : ''}` }));
    const started = performance.now();
    const groups = groupTexts(items);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(500);
  });

  it('is deterministic and never chains unrelated texts through a middle one', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    const b = [...words.slice(0, 26), 'x1', 'x2', 'x3', 'x4'].join(' ');
    const c = [...words.slice(0, 22), 'x1', 'x2', 'x3', 'x4', 'y1', 'y2', 'y3', 'y4'].join(' ');
    const items = [{ id: 1, text: a }, { id: 2, text: b }, { id: 3, text: c }];
    // b is near a (≈ 0.73) and c near b (≈ 0.63), but c is not near a (≈ 0.52), the representative.
    const once = groupTexts(items, { threshold: 0.6 });
    expect(groupTexts([...items].reverse(), { threshold: 0.6 })).toEqual(once);
    expect(once).toEqual([[1, 2]]);
  });
});
