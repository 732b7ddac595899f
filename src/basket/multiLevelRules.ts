import type { AddCategoriesOptions } from "./addCategories.js";
import type { ItemHierarchy } from "./aggregateItems.js";
import {
  type AssociationRulesOptions,
  type AssociationRulesResult,
  associationRules,
} from "./associationRules.js";
import { extendWithCategories, holdsAncestorPair, splitHierarchyOptions } from "./internal/categories.js";
import { withRulesDisplay } from "./internal/rulesDisplay.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link multiLevelRules}: the hierarchy options of {@link addCategories} and the
 * thresholds of {@link associationRules}.
 *
 * @example
 * ```ts
 * const options: MultiLevelRulesOptions = { levels: ["level2"], minSupport: 0.01, minConfidence: 0.5 };
 * options.levels; // => ["level2"]
 * ```
 */
export interface MultiLevelRulesOptions extends AddCategoriesOptions, AssociationRulesOptions {}

/**
 * Result of {@link multiLevelRules}: the result of {@link associationRules} on the extended transactions,
 * without the rules that pair an item with its own category, and with how many such rules were dropped.
 *
 * @example
 * ```ts
 * const hierarchy = [{ item: "ham", level2: "sausage" }, { item: "salami", level2: "sausage" }, { item: "milk", level2: "dairy" }];
 * const result = multiLevelRules([["ham", "milk"], ["salami", "milk"]], hierarchy, { levels: ["level2"], minSupport: 0.5, minConfidence: 1 });
 * result.droppedAncestorRules; // => 25
 * ```
 */
export interface MultiLevelRulesResult extends AssociationRulesResult {
  /** Rules dropped because they held an item together with one of its categories. */
  readonly droppedAncestorRules: number;
}

/**
 * Association rules across the levels of a product hierarchy: every basket
 * is extended with its items' categories ({@link addCategories}, labels
 * `category*`), rules are mined on the result with {@link associationRules},
 * and every rule holding an item together with one of its own categories
 * (or a category with a higher category of its own) is dropped, as arules'
 * `filterAggregate`: such a rule says nothing ("ham => sausage*" has
 * confidence 1 by construction). What remains mixes levels freely:
 * "ham => dairy produce*", "sausage* => whole milk".
 *
 * Thresholds, measures, sorting and budgets are those of
 * {@link associationRules} (its errors name it); `maxRules` is applied after
 * the filter. The itemset budget counts the itemsets that hold an item with its
 * category too (they are mined, then their rules dropped).
 *
 * Complexity: that of {@link associationRules} on baskets longer by the number of distinct categories
 * per basket and level, plus O(rule length^2) set lookups per rule for the filter.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param hierarchy - {@link ItemHierarchy} rows (not mutated)
 * @param options - {@link MultiLevelRulesOptions}
 * @throws InvalidRecordError and InvalidOptionsError as {@link addCategories} and {@link associationRules}
 * @throws InsufficientDataError when there are no transactions
 * @see Srikant, Agrawal (1995), "Mining generalized association rules", VLDB; Hahsler, Grün, Hornik (2005), arules, JSS 14(15): `addAggregate`, `filterAggregate`.
 * @example
 * ```ts
 * const hierarchy = [
 *   { item: "ham", level2: "sausage" },
 *   { item: "salami", level2: "sausage" },
 *   { item: "whole milk", level2: "dairy produce" },
 * ];
 * const baskets = [["ham", "whole milk"], ["salami", "whole milk"], ["whole milk"]];
 * const { rules } = multiLevelRules(baskets, hierarchy, { levels: ["level2"], minSupport: 0.5, minConfidence: 0.9 });
 * rules.map((r) => `${r.antecedent} => ${r.consequent}`);
 * // => ["sausage* => whole milk", "sausage* => dairy produce*"]
 * ```
 */
export function multiLevelRules(
  transactions: TransactionsInput,
  hierarchy: ItemHierarchy,
  options: MultiLevelRulesOptions,
): MultiLevelRulesResult {
  const fn = "multiLevelRules";
  const { parsed, rest } = splitHierarchyOptions(fn, options);
  const { data, ancestors } = extendWithCategories(fn, transactions, hierarchy, parsed);
  const maxRules = rest.maxRules as number | undefined;
  const { maxRules: _ignored, ...mineOptions } = rest as AssociationRulesOptions;
  const mined = associationRules(data, maxRules === Infinity ? rest : mineOptions);
  const kept = mined.rules.filter((rule) => !holdsAncestorPair(rule.antecedent, rule.consequent, ancestors));
  const rules = maxRules === undefined ? kept : kept.slice(0, maxRules);
  const result: MultiLevelRulesResult = {
    ...mined,
    rules,
    droppedAncestorRules: mined.rules.length - kept.length,
    options: { ...mined.options, maxRules },
  };
  return withRulesDisplay(
    result,
    "Multi-level association rules",
    `; ${result.droppedAncestorRules} item/category rules dropped`,
  );
}
