/**
 * clientele/basket — market-basket analysis: transactions, frequent itemsets
 * (FP-growth, Eclat; closed, maximal, generators), association rules with
 * 25 interest measures, redundancy and significance filters, recommendations.
 * @module
 */
export type { AssociationRule, RuleContingencyTable } from "./AssociationRule.js";
export {
  type AssociationRulesCustomMeasure,
  type AssociationRulesMeasureName,
  type AssociationRulesOptions,
  type AssociationRulesResult,
  associationRules,
} from "./associationRules.js";
export {
  type FrequentItemset,
  type FrequentItemsetsOptions,
  type FrequentItemsetsResult,
  frequentItemsets,
} from "./frequentItemsets.js";
export { type ItemFrequenciesResult, type ItemFrequency, itemFrequencies } from "./itemFrequencies.js";
export { type ReadBasketsOptions, readBaskets } from "./readBaskets.js";
export { type RecommendedItem, type RecommendOptions, type RecommendResult, recommend } from "./recommend.js";
export { type RedundantRulesOptions, type RedundantRulesResult, redundantRules } from "./redundantRules.js";
export {
  type SignificantRule,
  type SignificantRulesOptions,
  type SignificantRulesResult,
  significantRules,
} from "./significantRules.js";
export { isTransactions, type Transactions, type TransactionsInput } from "./Transactions.js";
export { type TransactionsFromOptions, transactionsFrom } from "./transactionsFrom.js";
