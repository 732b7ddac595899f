import { withDisplay } from "../core/index.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import type { AssociationRule } from "./AssociationRule.js";
import { adjustPValues } from "./internal/adjust.js";
import { share } from "./internal/optionChecks.js";
import { type RulesInput, rulesOf } from "./internal/ruleInput.js";

/**
 * Options of {@link significantRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const options: SignificantRulesOptions = { alpha: 0.5, correction: "none" };
 * significantRules(rules, options).rules.length; // => 4
 * ```
 */
export interface SignificantRulesOptions {
  /** Significance level for the adjusted p-values. @defaultValue 0.05 */
  readonly alpha?: number;
  /**
   * Multiple-testing correction over the m rules tested: `"bonferroni"`
   * (p x m), `"holm"` (step-down Holm 1979), `"fdr"` (Benjamini-Hochberg 1995
   * false discovery rate), or `"none"`.
   * @defaultValue "bonferroni"
   */
  readonly correction?: "bonferroni" | "holm" | "fdr" | "none";
}

/**
 * A rule with its adjusted p-value.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const [first]: readonly SignificantRule[] = significantRules(rules, { alpha: 0.5, correction: "none" }).rules;
 * [`${first?.antecedent} => ${first?.consequent}`, first?.adjustedPValue]; // => ["diapers => beer", 0.5]
 * ```
 */
export type SignificantRule<R extends AssociationRule = AssociationRule> = R & {
  /** Fisher exact p-value after the correction, in [0, 1]. */
  readonly adjustedPValue: number;
};

/**
 * Result of {@link significantRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const result = significantRules(rules, { alpha: 0.5, correction: "none" });
 * [result.tested, result.rules.length, result.adjustedPValues.length]; // => [9, 4, 9]
 * ```
 */
export interface SignificantRulesResult<R extends AssociationRule = AssociationRule> {
  /** Rules with adjusted p-value <= alpha, in input order, each with `adjustedPValue`. */
  readonly rules: readonly SignificantRule<R>[];
  /** Number of rules tested (m). */
  readonly tested: number;
  /** Adjusted p-value of every input rule, in input order. */
  readonly adjustedPValues: Float64Array;
  readonly options: { readonly alpha: number; readonly correction: "bonferroni" | "holm" | "fdr" | "none" };
}

/**
 * Rules of significantRules' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const significantRulesShape = {
  alpha: share(),
  correction: oneOf(["bonferroni", "holm", "fdr", "none"]),
};

/**
 * Keeps the rules whose association is statistically significant: each rule's
 * one-sided Fisher exact test p-value (`rule.fishersExactTest`, H0: X and Y
 * independent, H1: they co-occur more often) is adjusted for the number of
 * rules tested and compared with `alpha` (as arules `is.significant`).
 * Adjusted values match R's `p.adjust(p, "bonferroni" | "holm" | "BH")`.
 *
 * Memory is linear in the number of rules (one sort of the p-values).
 *
 * Complexity: O(m log m).
 *
 * @param rules - rules or an `associationRules` result (not mutated)
 * @param options - {@link SignificantRulesOptions}
 * @throws InvalidOptionsError for alpha outside (0, 1] or an unknown correction, or when `rules` is not a rule array
 * @throws InvalidRecordError naming the rule index when a rule's `fishersExactTest` is NaN or outside [0, 1]
 *   (rules from {@link associationRules} never are: the p-values are computed from the counts)
 * @see Hahsler and Hornik (2007), "New probabilistic interest measures for association rules", Intelligent Data Analysis 11(5); Holm (1979); Benjamini and Hochberg (1995).
 * @example
 * ```ts
 * const { rules } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
 * significantRules(rules, { alpha: 0.05, correction: "holm" }).rules.length; // => 2902 (of 5668)
 * ```
 */
export function significantRules<R extends AssociationRule>(
  rules: RulesInput<R>,
  options: SignificantRulesOptions = {},
): SignificantRulesResult<R> {
  const { alpha = 0.05, correction = "bonferroni" } = checkOptions(
    "significantRules",
    significantRulesShape,
    options,
  );
  const list = rulesOf(rules, "significantRules", ["fishersExactTest"]);
  const m = list.length;
  const p = new Float64Array(m);
  for (let i = 0; i < m; i++) p[i] = (list[i] as R).fishersExactTest;
  const adjusted = adjustPValues(p, correction);
  const kept: SignificantRule<R>[] = [];
  for (let i = 0; i < m; i++) {
    const value = adjusted[i] as number;
    if (value <= alpha) kept.push({ ...(list[i] as R), adjustedPValue: value });
  }
  return withDisplay(
    { rules: kept, tested: m, adjustedPValues: adjusted, options: { alpha, correction } },
    {
      title: "Significant rules",
      summary: (r) => [
        `${r.rules.length} of ${r.tested} rules significant at alpha ${alpha} (${correction})`,
      ],
      rows: (r) =>
        r.rules.map((rule) => ({
          antecedent: rule.antecedent,
          consequent: rule.consequent,
          confidence: rule.confidence,
          lift: rule.lift,
          pValue: rule.fishersExactTest,
          adjustedPValue: rule.adjustedPValue,
        })),
    },
  );
}
