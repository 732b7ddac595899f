import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import type { AssociationRule } from "./AssociationRule.js";
import { wholeAtLeastOne } from "./internal/optionChecks.js";
import { bestProposals, type Proposals, propose } from "./internal/proposals.js";
import { type RulesInput, rulesOf } from "./internal/ruleInput.js";

/**
 * Options of {@link recommend}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const options: RecommendOptions = { by: "lift", limit: 1 };
 * recommend(rules, ["diapers"], options).recommendations.map((s) => s.item); // => ["beer"]
 * ```
 */
export interface RecommendOptions {
  /** Number of suggestions. @defaultValue 5 */
  readonly limit?: number;
  /**
   * Rule measure ranking the suggestions: an item's score is the best value
   * among the rules that justify it (a built-in numeric measure of the rule).
   * @defaultValue "confidence"
   */
  readonly by?:
    | "confidence"
    | "lift"
    | "support"
    | "leverage"
    | "conviction"
    | "certainty"
    | "laplace"
    | "oddsRatio"
    | "kulczynski"
    | "cosine"
    | "jaccard"
    | "addedValue";
}

/**
 * One suggested item.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const [first] = recommend(rules, ["diapers"]).recommendations;
 * [first?.item, first?.score, first?.rules.length]; // => ["beer", 1, 1]
 * ```
 */
export interface RecommendedItem {
  /** The item to suggest. */
  readonly item: string;
  /** Best value of the ranking measure among the justifying rules. */
  readonly score: number;
  /** Rules whose antecedent is in the basket and whose consequent holds the item, best first. */
  readonly rules: readonly AssociationRule[];
}

/**
 * Result of {@link recommend}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
 * const result = recommend(rules, ["diapers", "diapers"]);
 * result.recommendations.map((s) => [s.item, s.score]); // => [["beer", 1], ["chips", 0.5]]
 * result.basket;                                          // => ["diapers"]
 * ```
 */
export interface RecommendResult {
  /** Suggestions, best first (ties by number of justifying rules, then item name). */
  readonly recommendations: readonly RecommendedItem[];
  /** The basket the suggestions are for (deduplicated). */
  readonly basket: readonly string[];
  readonly options: { readonly limit: number; readonly by: NonNullable<RecommendOptions["by"]> };
}

/**
 * Rules of recommend's options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const recommendShape = {
  limit: wholeAtLeastOne(),
  by: oneOf([
    "confidence",
    "lift",
    "support",
    "leverage",
    "conviction",
    "certainty",
    "laplace",
    "oddsRatio",
    "kulczynski",
    "cosine",
    "jaccard",
    "addedValue",
  ]),
};

/**
 * Cross-sell / up-sell suggestions for a current basket ("customers who
 * bought X also buy Y"): every rule whose whole antecedent is in the basket
 * proposes the consequent items not already in it; each item is scored by
 * the best `by` value of the rules proposing it and returned with those rules
 * as the justification. Rules with an empty antecedent (minLength 1) apply to
 * every basket. An empty basket gives suggestions only from such rules.
 *
 * Complexity: O(rules x antecedent size) with a hash set of the basket.
 *
 * @param rules - rules or an `associationRules` result (not mutated)
 * @param basket - item names in the current basket (duplicates ignored)
 * @param options - {@link RecommendOptions}
 * @throws InvalidOptionsError when `basket` is not an array of strings or an option is out of range
 * @throws InvalidRecordError naming the rule index when a rule's `by` measure is NaN or an item is not a string
 * @see Sarwar, Karypis, Konstan, Riedl (2000), "Analysis of recommendation algorithms for e-commerce", ACM EC (rule-based top-N recommendation).
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.01, minConfidence: 0.3 });
 * recommend(rules, ["diapers"], { limit: 3 }).recommendations[0]?.item; // => "beer"
 * ```
 */
export function recommend(
  rules: RulesInput,
  basket: readonly string[],
  options: RecommendOptions = {},
): RecommendResult {
  const { limit = 5, by = "confidence" } = checkOptions("recommend", recommendShape, options);
  const list = rulesOf(rules, "recommend", [by]);
  if (!Array.isArray(basket) || basket.some((item) => typeof item !== "string")) {
    throw argumentError(
      "recommend",
      "basket",
      "expected the current basket as an array of item names (string[])",
      basket,
    );
  }
  const inBasket = new Set(basket);
  const found: Proposals<AssociationRule> = new Map();
  for (const rule of list) {
    let applies = true;
    for (const item of rule.antecedent) {
      if (!inBasket.has(item)) {
        applies = false;
        break;
      }
    }
    if (!applies) continue;
    const value = rule[by];
    for (const item of rule.consequent) {
      if (inBasket.has(item)) continue;
      propose(found, item, value, rule);
    }
  }
  const recommendations = bestProposals(found, (rule) => rule[by], limit);
  return withDisplay(
    { recommendations, basket: [...inBasket], options: { limit, by } },
    {
      title: "Recommendations",
      summary: (r) => [`for basket {${r.basket.join(", ")}}, ranked by ${by}`],
      rows: (r) =>
        r.recommendations.map((entry) => ({
          item: entry.item,
          score: entry.score,
          rules: entry.rules.length,
          because: entry.rules[0]?.antecedent ?? [],
        })),
    },
  );
}
