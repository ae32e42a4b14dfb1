/**
 * How well a grouping or a clustering agrees with labels (issue 15, the evaluation set).
 *
 * Near-duplicate groups are judged by pairs: a pair of comments is positive when both carry the
 * same duplicate-group label; a grouping predicts a pair when it puts both in one group.
 * Precision = correct predicted pairs / predicted pairs, recall = correct predicted pairs / positive
 * pairs (both 1 when there is nothing to predict or nothing predicted — the vacuous case).
 *
 * Themes are judged by the adjusted Rand index (Hubert & Arabie 1985): 1 for the labels' partition,
 * about 0 for a random one, negative for worse than random.
 */

const pairs = (n: number) => (n * (n - 1)) / 2;

function countBy<T>(values: Iterable<T>): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

/** Every id once, and only ids the labels know. */
function checkIds(groups: readonly (readonly number[])[], known: ReadonlyMap<number, unknown>): void {
  const seen = new Set<number>();
  for (const group of groups) {
    for (const id of group) {
      if (!known.has(id)) throw new Error(`id ${id} has no label`);
      if (seen.has(id)) throw new Error(`id ${id} is in more than one group`);
      seen.add(id);
    }
  }
}

export interface PairwiseScores {
  precision: number;
  recall: number;
  /** Pairs the labels call duplicates. */
  positivePairs: number;
  /** Pairs the grouping puts together. */
  predictedPairs: number;
  /** Pairs both agree on. */
  correctPairs: number;
}

/**
 * Pairwise precision and recall of `groups` (lists of ids; ids in none are singletons) against
 * `labels` (id → duplicate group or null for a comment of its own).
 */
export function pairwiseScores(groups: readonly (readonly number[])[], labels: ReadonlyMap<number, string | null>): PairwiseScores {
  checkIds(groups, labels);
  const positivePairs = [...countBy([...labels.values()].filter((l) => l !== null)).values()].reduce((sum, n) => sum + pairs(n), 0);
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const group of groups) {
    predictedPairs += pairs(group.length);
    const labelled = group.map((id) => labels.get(id)).filter((l) => l !== null && l !== undefined);
    for (const n of countBy(labelled).values()) correctPairs += pairs(n);
  }
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: positivePairs === 0 ? 1 : correctPairs / positivePairs,
    positivePairs,
    predictedPairs,
    correctPairs,
  };
}

/**
 * The adjusted Rand index of `clusters` (lists of ids that together hold every labelled id exactly
 * once) against `labels` (id → theme). When both partitions are trivial in the same way (one
 * cluster each, or all singletons) the index is undefined; it is then 1, as in scikit-learn.
 */
export function adjustedRandIndex(clusters: readonly (readonly number[])[], labels: ReadonlyMap<number, string>): number {
  checkIds(clusters, labels);
  const n = clusters.reduce((sum, c) => sum + c.length, 0);
  if (n !== labels.size) throw new Error(`the clusters hold ${n} of ${labels.size} labelled ids`);
  let together = 0;
  for (const cluster of clusters) for (const count of countBy(cluster.map((id) => labels.get(id)!)).values()) together += pairs(count);
  const sumClusters = clusters.reduce((sum, c) => sum + pairs(c.length), 0);
  const sumLabels = [...countBy(labels.values()).values()].reduce((sum, c) => sum + pairs(c), 0);
  const expected = n < 2 ? 0 : (sumClusters * sumLabels) / pairs(n);
  const max = (sumClusters + sumLabels) / 2;
  if (max === expected) return 1;
  return (together - expected) / (max - expected);
}
