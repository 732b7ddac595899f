import { InvalidRecordError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, flag, oneOf } from "../core/internal/optionRules.js";
import { wholeAtLeastOne } from "./internal/optionChecks.js";
import { bestProposals, type Proposals, propose } from "./internal/proposals.js";
import { formatSequence } from "./internal/sequenceCommon.js";
import type { SequentialRule, SequentialRulesResult } from "./sequentialRules.js";

/**
 * Options of {@link recommendNext}.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const rules = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * const options: RecommendNextOptions = { limit: 3, by: "lift", excludeBought: true };
 * recommendNext([["diapers"]], rules, options).recommendations.length; // => 1
 * ```
 */
export interface RecommendNextOptions {
  /** Number of suggestions. @defaultValue 5 */
  readonly limit?: number;
  /** Rule measure ranking the suggestions (an item's score is the best among its rules). @defaultValue "confidence" */
  readonly by?: "confidence" | "lift" | "support";
  /** Leave out items already in the history (true), or allow repeat purchases (false). @defaultValue false */
  readonly excludeBought?: boolean;
}

/**
 * One item suggested as a customer's next purchase.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const rules = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * const [next] = recommendNext([["diapers"]], rules).recommendations;
 * [next?.item, next?.score, next?.expectedInDays, next?.rules[0]?.label]; // => ["beer", 1, 27.5, "<{diapers}> => <{beer}>"]
 * ```
 */
export interface RecommendedNextItem {
  readonly item: string;
  /** Best value of the ranking measure among the rules proposing the item. */
  readonly score: number;
  /** The best rule's median days between its antecedent and the item (see {@link SequentialRule.medianDaysBetween}). */
  readonly expectedInDays: number;
  /** The rules whose antecedent the history contains and whose consequent holds the item, best first. */
  readonly rules: readonly SequentialRule[];
}

/**
 * Result of {@link recommendNext}.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const rules = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * recommendNext([["diapers"], ["milk"]], rules).history; // => [["diapers"], ["milk"]]
 * ```
 */
export interface RecommendNextResult {
  readonly recommendations: readonly RecommendedNextItem[];
  /** The history the suggestions are for (baskets oldest first, items deduplicated). */
  readonly history: readonly (readonly string[])[];
  readonly options: {
    readonly limit: number;
    readonly by: "confidence" | "lift" | "support";
    readonly excludeBought: boolean;
  };
}

/**
 * Rules of recommendNext's options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const recommendNextShape = {
  limit: wholeAtLeastOne(),
  by: oneOf(["confidence", "lift", "support"]),
  excludeBought: flag(),
};

/**
 * Next-purchase suggestions for one customer from sequential rules: every rule whose antecedent
 * X = <X1, ..., Xk> is contained in the customer's history (baskets b1 < ... < bk, oldest first,
 * with Xi a subset of basket bi) proposes the items of its consequent; an item's score is the best
 * `by` value among the rules proposing it, returned with those rules and the best rule's median
 * time to purchase (`expectedInDays`). The history has no dates, so the gap and window constraints
 * the rules were mined under are not applied again: pass only recent baskets to honour them.
 *
 * Complexity: O(rules x history items) with the earliest-match containment test (exact for
 * containment without time constraints).
 *
 * @param history - the customer's baskets, oldest first (not mutated)
 * @param rules - sequential rules or a {@link SequentialRulesResult} (not mutated)
 * @param options - {@link RecommendNextOptions}
 * @throws InvalidOptionsError when `history` is not an array of string arrays, or an option is out of range
 * @throws InvalidRecordError naming the rule index when a rule lacks an antecedent, consequent or the `by` measure
 * @see Zaki (2001), SPADE; Buchta and Hahsler, arulesSequences (R) for the rules.
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const rules = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * recommendNext([["milk"], ["diapers"]], rules).recommendations.map((r) => [r.item, r.score, r.expectedInDays]);
 * // => [["beer", 1, 27.5]]
 * ```
 */
export function recommendNext(
  history: readonly (readonly string[])[],
  rules: readonly SequentialRule[] | SequentialRulesResult,
  options: RecommendNextOptions = {},
): RecommendNextResult {
  const fn = "recommendNext";
  const {
    limit = 5,
    by = "confidence",
    excludeBought = false,
  } = checkOptions(fn, recommendNextShape, options);
  if (
    !Array.isArray(history) ||
    history.some((basket) => !Array.isArray(basket) || basket.some((item) => typeof item !== "string"))
  ) {
    throw argumentError(
      fn,
      "history",
      "expected the customer's baskets, oldest first, as arrays of item names (string[][])",
      history,
    );
  }
  const list = Array.isArray(rules) ? rules : (rules as SequentialRulesResult | null)?.rules;
  if (!Array.isArray(list)) {
    throw argumentError(fn, "rules", "expected sequential rules or a sequentialRules result", rules);
  }
  const given = history as readonly (readonly string[])[];
  const baskets = given.map((basket) => new Set<string>(basket));
  const bought = new Set<string>(given.flat());
  const found: Proposals<SequentialRule> = new Map();
  list.forEach((rule: SequentialRule, index: number) => {
    const value = (rule as unknown as Record<string, unknown> | null)?.[by];
    if (
      typeof value !== "number" ||
      Number.isNaN(value) ||
      !Array.isArray(rule.antecedent) ||
      !Array.isArray(rule.consequent)
    ) {
      throw new InvalidRecordError(
        fn,
        index,
        by,
        value,
        "expected a sequential rule (antecedent, consequent and a numeric measure) as sequentialRules returns",
      );
    }
    if (!contains(baskets, rule.antecedent)) return;
    for (const item of rule.consequent) {
      if (excludeBought && bought.has(item)) continue;
      propose(found, item, value, rule);
    }
  });
  const recommendations = bestProposals(found, (rule) => rule[by], limit).map(({ item, score, rules }) => ({
    item,
    score,
    expectedInDays: (rules[0] as SequentialRule).medianDaysBetween,
    rules,
  }));
  const result: RecommendNextResult = {
    recommendations,
    history: baskets.map((basket) => [...basket]),
    options: { limit, by, excludeBought },
  };
  return withDisplay(result, {
    title: "Next-purchase recommendations",
    summary: (r) => [`after ${formatSequence(r.history)}, ranked by ${by}`],
    rows: (r) =>
      r.recommendations.map((entry) => ({
        item: entry.item,
        score: entry.score,
        expectedInDays: entry.expectedInDays,
        rules: entry.rules.length,
        because: entry.rules[0]?.label ?? "",
      })),
  });
}

/** Whether the baskets contain the elements in order (earliest match: each element in the first basket that has it). */
function contains(baskets: readonly Set<string>[], elements: readonly (readonly string[])[]): boolean {
  let at = 0;
  for (const element of elements) {
    while (at < baskets.length && !element.every((item) => (baskets[at] as Set<string>).has(item))) at++;
    if (at === baskets.length) return false;
    at++;
  }
  return true;
}
