import type { AssociationRulesMeasureName } from "../associationRules.js";

/** What bounds the sort key of a rule from its count alone (see topRules). */
export interface KeyCeiling {
  /**
   * An upper bound of the sort key (the measure, negated for `fishersExactTest`) of every rule X => {y}
   * whose count n(Xy) is at most `count` (>= 1), whatever its antecedent and consequent counts.
   */
  readonly bound: (count: number) => number;
  /** True when `bound` grows with the count (so a rising count threshold prunes). */
  readonly countMonotone: boolean;
}

const up = (value: number) => value * (1 + 1e-12) + 1e-15;

/**
 * The key ceiling of each measure over rules with a single-item consequent, from N, the smallest count of
 * a present item (`minItemCount`, a consequent's count) and the largest (`maxItemCount`, which bounds
 * every antecedent and consequent count). With a = n(XY) <= count, x = n(X) >= a, y = n(Y) >= a:
 * support a/N, count a, leverage <= p(1 - p) (p = a/N, the largest below 1/2), laplace (a+1)/(a+2) and
 * the Fisher p-value >= 1/C(N, a) (x = y = a, the largest a below N/2) grow with a; the others are
 * bounded by constants: lift <= N/y <= N/minItemCount, antecedent and consequent support <=
 * maxItemCount/N, added value and improvement <= 1 - minItemCount/N, imbalance ratio <= 1 - 1/maxItemCount
 * (a >= 1), chi-squared <= N, conviction, odds ratio and collective strength unbounded, the rest <= 1.
 * A ceiling that rules attain is the same expression in doubles as the measure's value there (support
 * a/N, Laplace, lift N/minItemCount = correctly rounded aN/(a a), confidence-like measures exactly 1), so a
 * kept rule at the ceiling stops the search; the others (leverage, Fisher, chi-squared, Zhang, imbalance
 * ratio) are loosened by a relative 1e-12 (Fisher 1e-9) against rounding.
 */
export function keyCeiling(
  by: AssociationRulesMeasureName,
  n: number,
  minItemCount: number,
  maxItemCount: number,
  logFactorial: Float64Array,
): KeyCeiling {
  const constant = (value: number): KeyCeiling => ({ bound: () => value, countMonotone: false });
  const growing = (bound: (count: number) => number): KeyCeiling => ({ bound, countMonotone: true });
  switch (by) {
    case "support":
      return growing((count) => count / n);
    case "count":
      return growing((count) => count);
    case "leverage":
      return growing((count) => {
        // a/N - (a/N)^2 at the whole a <= count nearest N/2
        const half = Math.floor(n / 2);
        let best = -Infinity;
        for (const a of [Math.min(count, half), Math.min(count, half + 1)]) {
          const p = a / n;
          best = Math.max(best, p - p * p);
        }
        return up(best);
      });
    case "laplace":
      return growing((count) => (count + 1) / (count + 2));
    case "fishersExactTest":
      return growing((count) => {
        const a = Math.min(count, Math.floor(n / 2));
        const logChoose =
          (logFactorial[n] as number) - (logFactorial[a] as number) - (logFactorial[n - a] as number);
        // key = -p and p >= 1 / C(N, a): the key is at most -exp(-log C(N, a)), loosened
        return -Math.exp(-logChoose) * (1 - 1e-9);
      });
    case "lift":
      return constant(n / minItemCount);
    case "antecedentSupport":
    case "consequentSupport":
      return constant(maxItemCount / n);
    case "addedValue":
    case "improvement":
      return constant(1 - minItemCount / n);
    case "imbalanceRatio":
      return constant(up(1 - 1 / maxItemCount));
    case "chiSquared":
      return constant(up(n));
    case "conviction":
    case "oddsRatio":
    case "collectiveStrength":
      return constant(Infinity);
    case "zhangsMetric":
      return constant(up(1));
    default:
      // confidence, certainty, cosine, jaccard, kulczynski, allConfidence, phi, yulesQ, mutualInformation:
      // at most 1, and exactly 1 (no rounding) where attained
      return constant(1);
  }
}
