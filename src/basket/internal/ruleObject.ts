import type { AssociationRule } from "../AssociationRule.js";
import { BUILT_IN_MEASURES, measureValue } from "./measures.js";

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
  const rule: Record<string, unknown> = {
    antecedent,
    consequent,
    support: both / n,
    confidence: both / left,
    lift: measureValue("lift", both, left, right, n, logFactorial),
    count: both,
    antecedentSupport: left / n,
    consequentSupport: right / n,
    antecedentCount: left,
    consequentCount: right,
  };
  // the other measures, leverage to collectiveStrength, in the order of BUILT_IN_MEASURES
  for (let m = 6; m < BUILT_IN_MEASURES.length; m++) {
    const name = BUILT_IN_MEASURES[m] as (typeof BUILT_IN_MEASURES)[number];
    rule[name] =
      name === "improvement" ? improvement : measureValue(name, both, left, right, n, logFactorial);
  }
  rule.customMeasures = customMeasures;
  return rule as unknown as AssociationRule;
}
