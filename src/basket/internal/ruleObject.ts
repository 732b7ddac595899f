import type { AssociationRule } from "../AssociationRule.js";
import { type BuiltInMeasure, measureValue } from "./measures.js";

/**
 * A rule object with every built-in measure, from its counts: n(XY) = `both`, n(X) = `left`,
 * n(Y) = `right`, N = `n`. `improvement` is computed by the caller (it needs the subsets' counts), and so
 * are the custom measures.
 */
export function ruleObject(
  antecedent: string[],
  consequent: string[],
  both: number,
  left: number,
  right: number,
  n: number,
  logFactorial: Float64Array,
  improvement: number,
  customMeasures: Record<string, number> = {},
): AssociationRule {
  // one literal (not a loop over BUILT_IN_MEASURES): the objects then get their fields in place, which
  // measured faster to build and to sort than fields added one by one
  const measure = (name: BuiltInMeasure) => measureValue(name, both, left, right, n, logFactorial);
  return {
    antecedent,
    consequent,
    support: both / n,
    confidence: both / left,
    lift: measure("lift"),
    count: both,
    antecedentSupport: left / n,
    consequentSupport: right / n,
    antecedentCount: left,
    consequentCount: right,
    leverage: measure("leverage"),
    conviction: measure("conviction"),
    addedValue: measure("addedValue"),
    certainty: measure("certainty"),
    cosine: measure("cosine"),
    jaccard: measure("jaccard"),
    kulczynski: measure("kulczynski"),
    imbalanceRatio: measure("imbalanceRatio"),
    allConfidence: measure("allConfidence"),
    oddsRatio: measure("oddsRatio"),
    phi: measure("phi"),
    yulesQ: measure("yulesQ"),
    zhangsMetric: measure("zhangsMetric"),
    chiSquared: measure("chiSquared"),
    fishersExactTest: measure("fishersExactTest"),
    improvement,
    laplace: measure("laplace"),
    mutualInformation: measure("mutualInformation"),
    collectiveStrength: measure("collectiveStrength"),
    customMeasures,
  };
}
