/**
 * How well response times tell two kinds of request apart (a record that exists but may not be seen,
 * and one that does not exist): what an attacker timing answers could learn. Figures only; nothing here
 * decides whether they are good enough.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of a[i] - b[i]: pairs were timed next to each other, so noise that hits a pair hits both. */
export function medianPairedDifference(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x - b[i]));
}

/** A rule "slower than `at` means A" (or, with `aIsSlower` false, "faster than `at` means A"). */
export interface Threshold {
  at: number;
  aIsSlower: boolean;
}

/** The share of samples a threshold puts on the right side (a tie counts as B). */
export function accuracy(rule: Threshold, a: readonly number[], b: readonly number[]): number {
  const saysA = (x: number) => (rule.aIsSlower ? x > rule.at : x < rule.at);
  const right = a.filter(saysA).length + b.filter((x) => !saysA(x)).length;
  return right / (a.length + b.length);
}

/** The single latency threshold (and direction) that sorts these samples best, and how well it does on them. */
export function bestThreshold(a: readonly number[], b: readonly number[]): { rule: Threshold; accuracy: number } {
  const values = [...new Set([...a, ...b])].sort((x, y) => x - y);
  // Every distinct cut: below the fastest, between neighbours, above the slowest.
  const cuts = [values[0] - 1, ...values.slice(1).map((v, i) => (values[i] + v) / 2), values[values.length - 1] + 1];
  let best = { rule: { at: cuts[0], aIsSlower: true }, accuracy: 0 };
  for (const at of cuts)
    for (const aIsSlower of [true, false]) {
      const rule = { at, aIsSlower };
      const score = accuracy(rule, a, b);
      if (score > best.accuracy) best = { rule, accuracy: score };
    }
  return best;
}

/**
 * What an attacker would really get: the threshold is fitted on half the pairs (even ones) and scored
 * on the other half, then the other way round; the mean of the two. Scoring on the samples it was fitted
 * to flatters it (with 200 pairs and no difference at all, the best of 400 cuts scores about 55 %).
 */
export function heldOutAccuracy(a: readonly number[], b: readonly number[]): number {
  const half = (xs: readonly number[], parity: number) => xs.filter((_, i) => i % 2 === parity);
  const fold = (fit: number, score: number) => accuracy(bestThreshold(half(a, fit), half(b, fit)).rule, half(a, score), half(b, score));
  return (fold(0, 1) + fold(1, 0)) / 2;
}
