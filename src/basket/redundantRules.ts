import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import type { AssociationRule } from "./AssociationRule.js";
import { itemsKey, type RulesInput, rulesOf } from "./internal/ruleInput.js";

/**
 * Options of {@link redundantRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const options: RedundantRulesOptions = { measure: "lift" };
 * redundantRules(rules, options).redundant.map((r) => `${r.antecedent} => ${r.consequent}`);
 * // => ["chips,diapers => beer", "beer,chips => diapers", "beer,diapers => chips"]
 * ```
 */
export interface RedundantRulesOptions {
  /**
   * Measure compared with the more general rules: a rule is redundant when a
   * rule in the set with the same consequent and a proper subset of its
   * antecedent has a value at least as high.
   * @defaultValue "confidence"
   */
  readonly measure?: "confidence" | "lift" | "oddsRatio" | "laplace" | "certainty" | "conviction";
}

/**
 * Result of {@link redundantRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const result = redundantRules(rules);
 * [rules.length, result.redundant.length, result.nonRedundant.length]; // => [9, 3, 6]
 * ```
 */
export interface RedundantRulesResult<R extends AssociationRule = AssociationRule> {
  /** Rules that have a more general rule at least as good (in input order). */
  readonly redundant: readonly R[];
  /** The other rules (in input order): the pruned rule set. */
  readonly nonRedundant: readonly R[];
  /** `isRedundant[i]` for input rule i. */
  readonly isRedundant: readonly boolean[];
  readonly options: { readonly measure: NonNullable<RedundantRulesOptions["measure"]> };
}

/**
 * Rules of redundantRules' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const redundantRulesShape = {
  measure: oneOf(["confidence", "lift", "oddsRatio", "laplace", "certainty", "conviction"]),
};

/**
 * Finds redundant rules: X => Y is redundant when the set holds a more general
 * rule X' => Y (X' a proper subset of X, the empty antecedent included) whose
 * confidence (or the chosen measure) is at least as high, i.e. its
 * improvement within the set is <= 0 (Bayardo, Agrawal and Gunopulos 2000;
 * arules `is.redundant`). `rule.improvement` from {@link associationRules}
 * compares against every frequent subset, not only the rules in the set.
 *
 * Memory is linear: rules are hashed by (antecedent, consequent) and each rule
 * looks up the 2^|X| - 1 proper subsets of its antecedent, so 260k rules with
 * short antecedents take milliseconds, not the quadratic subset matrix.
 *
 * Complexity: O(sum over rules of 2^|X|) time, O(rules) memory.
 *
 * @param rules - rules or an `associationRules` result (not mutated)
 * @param options - {@link RedundantRulesOptions}
 * @throws InvalidOptionsError when `rules` is not a rule array or an antecedent has more than 20 items
 * @throws InvalidRecordError naming the rule index and field when the compared measure is NaN (or a
 *   confidence outside [0, 1]), or an item is not a string
 * @see Bayardo, Agrawal, Gunopulos (2000), "Constraint-based rule mining in large, dense databases", Data Mining and Knowledge Discovery 4.
 * @example
 * ```ts
 * // Groceries (readBaskets of groceries.csv): 572 of arules' 5668 rules are redundant
 * const { rules } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
 * redundantRules(rules).nonRedundant.length; // => 5096
 * ```
 */
export function redundantRules<R extends AssociationRule>(
  rules: RulesInput<R>,
  options: RedundantRulesOptions = {},
): RedundantRulesResult<R> {
  const { measure = "confidence" } = checkOptions("redundantRules", redundantRulesShape, options);
  const list = rulesOf(rules, "redundantRules", [measure]);
  // best value among rules with the same (antecedent, consequent); duplicates possible in merged sets
  const best = new Map<string, number>();
  const keys: string[] = [];
  const consequentKeys: string[] = [];
  for (const rule of list) {
    const consequentKey = itemsKey(rule.consequent);
    const key = `${consequentKey}\u0001${itemsKey(rule.antecedent)}`;
    consequentKeys.push(consequentKey);
    keys.push(key);
    const value = rule[measure];
    const held = best.get(key);
    if (held === undefined || value > held) best.set(key, value);
  }
  const isRedundant: boolean[] = [];
  const redundant: R[] = [];
  const nonRedundant: R[] = [];
  for (let r = 0; r < list.length; r++) {
    const rule = list[r] as R;
    const antecedent = [...rule.antecedent].sort();
    const size = antecedent.length;
    if (size > 20) {
      throw argumentError(
        "redundantRules",
        `rules.${r}.antecedent`,
        `has ${size} items; at most 20 are supported`,
        size,
      );
    }
    const value = rule[measure];
    let found = false;
    const full = (1 << size) - 1;
    for (let mask = 0; mask < full && !found; mask++) {
      const subset: string[] = [];
      for (let k = 0; k < size; k++) if ((mask >> k) & 1) subset.push(antecedent[k] as string);
      const general = best.get(`${consequentKeys[r]}\u0001${subset.join("\u0000")}`);
      if (general !== undefined && general >= value) found = true;
    }
    isRedundant.push(found);
    (found ? redundant : nonRedundant).push(rule);
  }
  return withDisplay(
    { redundant, nonRedundant, isRedundant, options: { measure } },
    {
      title: "Redundant rules",
      summary: (r) => [
        `${r.redundant.length} of ${r.isRedundant.length} rules redundant (by ${measure}); showing the kept rules`,
      ],
      rows: (r) =>
        r.nonRedundant.map((rule) => ({
          antecedent: rule.antecedent,
          consequent: rule.consequent,
          confidence: rule.confidence,
          lift: rule.lift,
        })),
    },
  );
}
