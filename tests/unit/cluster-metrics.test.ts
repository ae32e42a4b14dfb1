import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, pairwiseScores } from '../support/cluster-metrics.ts';

/** id → label from a list of labels for ids 1, 2, 3 … */
const labelsOf = <T>(labels: T[]) => new Map(labels.map((l, i) => [i + 1, l] as const));

describe('pairwise precision and recall of duplicate groups', () => {
  // 1–3 are one campaign, 4–5 another, 6 and 7 comments of their own.
  const labels = labelsOf(['A', 'A', 'A', 'B', 'B', null, null]);

  it('counts a worked example pair by pair', () => {
    // Predicted pairs: 1–2; 3–4, 3–5, 4–5; 6–7 = 5. Correct: 1–2 and 4–5. Positive: 1–2, 1–3, 2–3, 4–5 = 4.
    const scores = pairwiseScores([[1, 2], [3, 4, 5], [6, 7]], labels);
    expect(scores).toEqual({ precision: 2 / 5, recall: 2 / 4, positivePairs: 4, predictedPairs: 5, correctPairs: 2 });
  });

  it('is perfect for the labels’ own groups, in any order', () => {
    expect(pairwiseScores([[5, 4], [3, 1, 2]], labels)).toMatchObject({ precision: 1, recall: 1 });
  });

  it('gives full precision and no recall when nothing is grouped', () => {
    expect(pairwiseScores([], labels)).toMatchObject({ precision: 1, recall: 0, predictedPairs: 0 });
  });

  it('gives no precision when only comments of their own are grouped', () => {
    expect(pairwiseScores([[6, 7]], labels)).toMatchObject({ precision: 0, recall: 0 });
  });

  it('pays for one big group with precision', () => {
    const scores = pairwiseScores([[1, 2, 3, 4, 5, 6, 7]], labels);
    expect(scores.recall).toBe(1);
    expect(scores.precision).toBeCloseTo(4 / 21);
  });

  it('is vacuously perfect when the labels have no groups and none are predicted', () => {
    expect(pairwiseScores([], labelsOf([null, null, null]))).toMatchObject({ precision: 1, recall: 1, positivePairs: 0 });
  });

  it('refuses ids it has no label for and ids in two groups', () => {
    expect(() => pairwiseScores([[1, 99]], labels)).toThrow(/99 has no label/);
    expect(() => pairwiseScores([[1, 2], [2, 3]], labels)).toThrow(/2 is in more than one group/);
  });
});

describe('adjusted Rand index of themes', () => {
  const themes = labelsOf(['a', 'a', 'a', 'b', 'b', 'b']);

  it('computes a worked example', () => {
    // Contingency {2,0 | 1,1 | 0,2}: pairs together in both: 1–2 and 5–6 = 2; clusters' pairs 3,
    // labels' pairs 6, all 15: expected 6·3/15 = 1.2, max 4.5 → (2 − 1.2) / (4.5 − 1.2) = 0.2424…
    expect(adjustedRandIndex([[1, 2], [3, 4], [5, 6]], themes)).toBeCloseTo(0.242424, 5);
  });

  it('matches scikit-learn on a split cluster (0.5714…)', () => {
    expect(adjustedRandIndex([[1, 2], [3], [4]], labelsOf(['x', 'x', 'y', 'y']))).toBeCloseTo(0.571429, 5);
  });

  it('is 1 for the labels’ partition whatever the clusters are called or ordered', () => {
    expect(adjustedRandIndex([[6, 5, 4], [3, 2, 1]], themes)).toBe(1);
  });

  it('is 0 for all singletons or one cluster against real themes', () => {
    expect(adjustedRandIndex([[1], [2], [3], [4], [5], [6]], themes)).toBe(0);
    expect(adjustedRandIndex([[1, 2, 3, 4, 5, 6]], themes)).toBe(0);
  });

  it('is negative for a clustering worse than chance', () => {
    expect(adjustedRandIndex([[1, 4], [2, 5], [3, 6]], themes)).toBeLessThan(0);
  });

  it('is 1 when both partitions are trivial the same way', () => {
    expect(adjustedRandIndex([[1], [2], [3]], labelsOf(['a', 'b', 'c']))).toBe(1);
    expect(adjustedRandIndex([[1, 2, 3]], labelsOf(['a', 'a', 'a']))).toBe(1);
  });

  it('refuses clusters that leave out labelled ids', () => {
    expect(() => adjustedRandIndex([[1, 2, 3]], themes)).toThrow(/3 of 6/);
  });
});
