/**
 * clientele/basket — market-basket analysis: transactions, frequent itemsets
 * (FP-growth, Eclat; closed, maximal, generators), association rules with
 * 25 interest measures, redundancy and significance filters, recommendations, top-k rules, product
 * hierarchies, weighted and high-utility itemsets, streaming output, sequential patterns (cSPADE),
 * sequential rules and next-purchase recommendations.
 * @module
 */
export type { AssociationRule, RuleContingencyTable } from "./AssociationRule.js";
export { type AddCategoriesOptions, addCategories } from "./addCategories.js";
export { type AggregateItemsOptions, aggregateItems, type ItemHierarchy } from "./aggregateItems.js";
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
export {
  type HighUtilityItemset,
  type HighUtilityItemsetsOptions,
  type HighUtilityItemsetsResult,
  highUtilityItemsets,
} from "./highUtilityItemsets.js";
export { type HitsWeightsOptions, type HitsWeightsResult, hitsWeights } from "./hitsWeights.js";
export { BUILT_IN_MEASURES as ASSOCIATION_RULES_MEASURES } from "./internal/measures.js";
export { type ItemFrequenciesResult, type ItemFrequency, itemFrequencies } from "./itemFrequencies.js";
export {
  type MultiLevelItemsetsOptions,
  type MultiLevelItemsetsResult,
  multiLevelItemsets,
} from "./multiLevelItemsets.js";
export {
  type MultiLevelRulesOptions,
  type MultiLevelRulesResult,
  multiLevelRules,
} from "./multiLevelRules.js";
export { type ReadBasketsOptions, readBaskets } from "./readBaskets.js";
export {
  type BasketSource,
  type BasketStreamReaderSource,
  type ReadBasketsStreamOptions,
  readBasketsStream,
} from "./readBasketsStream.js";
export { type RecommendedItem, type RecommendOptions, type RecommendResult, recommend } from "./recommend.js";
export {
  type RecommendedNextItem,
  type RecommendNextOptions,
  type RecommendNextResult,
  recommendNext,
} from "./recommendNext.js";
export { type RedundantRulesOptions, type RedundantRulesResult, redundantRules } from "./redundantRules.js";
export {
  type SequentialPattern,
  type SequentialPatternsOptions,
  type SequentialPatternsResult,
  sequentialPatterns,
} from "./sequentialPatterns.js";
export {
  type SequentialRule,
  type SequentialRulesOptions,
  type SequentialRulesResult,
  sequentialRules,
} from "./sequentialRules.js";
export {
  type SignificantRule,
  type SignificantRulesOptions,
  type SignificantRulesResult,
  significantRules,
} from "./significantRules.js";
export { type StreamItemsetsOptions, type StreamItemsetsSummary, streamItemsets } from "./streamItemsets.js";
export { type RuleStream, type StreamRulesOptions, streamRules } from "./streamRules.js";
export { isTransactions, type Transactions, type TransactionsInput } from "./Transactions.js";
export { type TopRulesOptions, type TopRulesResult, topRules } from "./topRules.js";
export { type TransactionsFromOptions, transactionsFrom } from "./transactionsFrom.js";
export {
  type WeightedItemset,
  type WeightedItemsetsOptions,
  type WeightedItemsetsResult,
  weightedItemsets,
} from "./weightedItemsets.js";
