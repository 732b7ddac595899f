/** TSDoc examples of src/chart/ files named m-z that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
  "src/chart/rfmHeatmapChart.ts#RfmHeatmapCell": "a fragment: uses `table`, which it does not define",
  "src/chart/rfmHeatmapChart.ts#rfmHeatmapCells": "a fragment: uses `table`, which it does not define",
  "src/chart/rfmHeatmapChart.ts#rfmHeatmapChart": "a fragment: uses `orderLines`, which it does not define",
  "src/chart/ruleGraphChart.ts#RuleGraph": "a fragment: uses `rules`, which it does not define",
  "src/chart/ruleGraphChart.ts#RuleGraphChartOptions": "a fragment: uses `rules`, which it does not define",
  "src/chart/ruleGraphChart.ts#ruleGraph": "not valid TypeScript as written (elided code)",
  "src/chart/ruleGraphChart.ts#ruleGraphChart": "a fragment: uses `baskets`, which it does not define",
  "src/chart/rulesScatterChart.ts#RulesScatterChartOptions":
    "a fragment: uses `rules`, which it does not define",
  "src/chart/rulesScatterChart.ts#RulesScatterPoint": "a fragment: uses `rules`, which it does not define",
  "src/chart/rulesScatterChart.ts#rulesScatterChart": "a fragment: uses `baskets`, which it does not define",
  "src/chart/rulesScatterChart.ts#rulesScatterPoints": "a fragment: uses `rules`, which it does not define",
  "src/chart/segmentProfileChart.ts#SegmentProfileCell":
    "a fragment: uses `profiles`, which it does not define",
  "src/chart/segmentProfileChart.ts#segmentProfileCells":
    "a fragment: uses `profiles`, which it does not define",
  "src/chart/segmentProfileChart.ts#segmentProfileChart":
    "a fragment: uses `customers`, which it does not define",
  "src/chart/segmentSharesChart.ts#SegmentShare": "a fragment: uses `table`, which it does not define",
  "src/chart/segmentSharesChart.ts#segmentShares": "a fragment: uses `customers`, which it does not define",
  "src/chart/segmentSharesChart.ts#segmentSharesChart": "a fragment: uses `table`, which it does not define",
  "src/chart/serviceKpiChart.ts#ServiceKpiBullet": "a fragment: uses `deliveries`, which it does not define",
  "src/chart/serviceKpiChart.ts#ServiceKpiChartOptions":
    "a fragment: uses `deliveries`, which it does not define",
  "src/chart/serviceKpiChart.ts#serviceKpiBullets": "a fragment: uses `result`, which it does not define",
  "src/chart/serviceKpiChart.ts#serviceKpiChart": "a fragment: uses `deliveries`, which it does not define",
};
