import { fisherGreater } from "./fisher.js";

/**
 * Interest measures of a rule X => Y from its 2x2 counts:
 * `both` = n(XY), `antecedent` = n(X), `consequent` = n(Y), `n` = N.
 * Formulas and ranges are documented on {@link AssociationRule}. Where a
 * formula is 0/0 the documented neutral value is returned, never NaN.
 */
export function measureValue(
  name: BuiltInMeasure,
  both: number,
  antecedent: number,
  consequent: number,
  n: number,
  logFactorial: Float64Array,
): number {
  const pXY = both / n;
  const pX = antecedent / n;
  const pY = consequent / n;
  switch (name) {
    case "support":
      return pXY;
    case "count":
      return both;
    case "confidence":
      return both / antecedent;
    case "lift":
      return (both * n) / (antecedent * consequent);
    case "antecedentSupport":
      return pX;
    case "consequentSupport":
      return pY;
    case "leverage":
      return pXY - pX * pY;
    case "conviction": {
      const confidence = both / antecedent;
      if (consequent === n) return 1;
      if (both === antecedent) return Infinity;
      return (1 - pY) / (1 - confidence);
    }
    case "addedValue":
      return both / antecedent - pY;
    case "certainty": {
      const confidence = both / antecedent;
      if (confidence > pY) return (confidence - pY) / (1 - pY);
      if (confidence < pY) return (confidence - pY) / pY;
      return 0;
    }
    case "cosine":
      return both / Math.sqrt(antecedent * consequent);
    case "jaccard":
      return both / (antecedent + consequent - both);
    case "kulczynski":
      return (both / antecedent + both / consequent) / 2;
    case "imbalanceRatio":
      return Math.abs(antecedent - consequent) / (antecedent + consequent - both);
    case "allConfidence":
      return both / Math.max(antecedent, consequent);
    case "oddsRatio": {
      const numerator = both * (n - antecedent - consequent + both);
      const denominator = (antecedent - both) * (consequent - both);
      if (denominator === 0) return numerator === 0 ? 1 : Infinity;
      return numerator / denominator;
    }
    case "phi": {
      const denominator = Math.sqrt(antecedent * (n - antecedent) * consequent * (n - consequent));
      if (denominator === 0) return 0;
      return (both * n - antecedent * consequent) / denominator;
    }
    case "yulesQ": {
      const ad = both * (n - antecedent - consequent + both);
      const bc = (antecedent - both) * (consequent - both);
      return ad + bc === 0 ? 0 : (ad - bc) / (ad + bc);
    }
    case "zhangsMetric": {
      const denominator = Math.max(pXY * (1 - pX), pX * (pY - pXY));
      return denominator === 0 ? 0 : (pXY - pX * pY) / denominator;
    }
    case "chiSquared": {
      const denominator = antecedent * (n - antecedent) * consequent * (n - consequent);
      if (denominator === 0) return 0;
      // N (ad - bc)^2 / margins, using ad - bc = n(XY) N - n(X) n(Y)
      const difference = both * n - antecedent * consequent;
      return (
        n * (difference / (antecedent * (n - antecedent))) * (difference / (consequent * (n - consequent)))
      );
    }
    case "fishersExactTest":
      return fisherGreater(both, antecedent, consequent, n, logFactorial);
    case "laplace":
      return (both + 1) / (antecedent + 2);
    case "mutualInformation":
      return mutualInformation(both, antecedent, consequent, n);
    case "collectiveStrength": {
      const pNotXNotY = (n - antecedent - consequent + both) / n;
      const agree = pXY + pNotXNotY;
      const expectedAgree = pX * pY + (1 - pX) * (1 - pY);
      const left = expectedAgree === 0 ? 1 : agree / expectedAgree;
      const numerator = 1 - expectedAgree;
      const denominator = 1 - agree;
      if (denominator <= 0) return numerator <= 0 ? 1 : Infinity;
      return left * (numerator / denominator);
    }
  }
}

function xLogX(p: number): number {
  return p > 0 ? p * Math.log(p) : 0;
}

/** Mutual information of the indicator variables of X and Y, normalised by min(H(X), H(Y)); 0 when either entropy is 0. */
function mutualInformation(both: number, antecedent: number, consequent: number, n: number): number {
  // the four cells of the 2x2 table, each against its row and column margins (no arrays: this runs per rule)
  const term = (cell: number, row: number, column: number): number =>
    cell > 0 ? (cell / n) * Math.log((cell * n) / (row * column)) : 0;
  const information =
    term(both, antecedent, consequent) +
    term(antecedent - both, antecedent, n - consequent) +
    term(consequent - both, n - antecedent, consequent) +
    term(n - antecedent - consequent + both, n - antecedent, n - consequent);
  const entropyX = -(xLogX(antecedent / n) + xLogX(1 - antecedent / n));
  const entropyY = -(xLogX(consequent / n) + xLogX(1 - consequent / n));
  const scale = Math.min(entropyX, entropyY);
  if (scale <= 0) return 0;
  return Math.min(1, Math.max(0, information / scale));
}

/** Names of the built-in measures (the numeric fields of a rule). */
export const BUILT_IN_MEASURES = [
  "support",
  "confidence",
  "lift",
  "count",
  "antecedentSupport",
  "consequentSupport",
  "leverage",
  "conviction",
  "addedValue",
  "certainty",
  "cosine",
  "jaccard",
  "kulczynski",
  "imbalanceRatio",
  "allConfidence",
  "oddsRatio",
  "phi",
  "yulesQ",
  "zhangsMetric",
  "chiSquared",
  "fishersExactTest",
  "improvement",
  "laplace",
  "mutualInformation",
  "collectiveStrength",
] as const;

/** A built-in measure name. */
export type BuiltInMeasure = Exclude<(typeof BUILT_IN_MEASURES)[number], "improvement">;

/**
 * The sort key of a measure's value, larger is better: the value, negated when the measure sorts
 * `ascending` (`fishersExactTest`), with NaN taken as -Infinity before that.
 */
export function sortKeyOf(value: number, ascending: boolean): number {
  const key = Number.isNaN(value) ? -Infinity : value;
  return ascending ? -key : key;
}

/**
 * An upper bound of the `sortBy` key (see associationRules) of every rule split from an itemset
 * counted `both` times, for the measures bounded by that count alone (antecedent and consequent counts
 * are >= both): support = both / N, count = both, lift <= N / both, leverage <= p - p^2 (p = both / N).
 * Slightly loosened against rounding. Undefined for the other measures (no pruning).
 */
export function sortKeyBound(name: BuiltInMeasure, n: number): ((both: number) => number) | undefined {
  switch (name) {
    case "support":
      return (both) => both / n;
    case "count":
      return (both) => both;
    case "lift":
      return (both) => (n / both) * (1 + 1e-12);
    case "leverage":
      return (both) => {
        const p = both / n;
        return p - p * p + 1e-15;
      };
    default:
      return undefined;
  }
}
