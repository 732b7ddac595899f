/** TSDoc examples of src/chart/ files named a-l that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
  "src/chart/bgbbProbabilityAliveChart.ts#BgbbProbabilityAliveCell":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#BgbbProbabilityAliveChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#bgbbProbabilityAliveCells":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#bgbbProbabilityAliveChart":
    "a fragment: uses `donations`, which it does not define",
  "src/chart/calibrationCurveChart.ts#calibrationCurveChart":
    "a fragment: uses `model`, which it does not define",
  "src/chart/chooseKChart.ts#ChooseKPoint": "a fragment: uses `customers`, which it does not define",
  "src/chart/chooseKChart.ts#chooseKChart": "a fragment: uses `customers`, which it does not define",
  "src/chart/chooseKChart.ts#chooseKPoints": "a fragment: uses `customers`, which it does not define",
  "src/chart/coefficientChart.ts#CoefficientRow": "a fragment: uses `model`, which it does not define",
  "src/chart/coefficientChart.ts#coefficientChart": "a fragment: uses `rows`, which it does not define",
  "src/chart/coefficientChart.ts#coefficientRows": "a fragment: uses `rows`, which it does not define",
  "src/chart/cohortRetentionChart.ts#CohortRetentionCell":
    "a fragment: uses `orders`, which it does not define",
  "src/chart/cohortRetentionChart.ts#cohortRetentionCells":
    "a fragment: uses `result`, which it does not define",
  "src/chart/cohortRetentionChart.ts#cohortRetentionChart":
    "a fragment: uses `orders`, which it does not define",
  "src/chart/complaintParetoChart.ts#ComplaintParetoBar":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/complaintParetoChart.ts#complaintParetoBars":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/complaintParetoChart.ts#complaintParetoChart":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/evaluationChart.ts#evaluationChart": "a fragment: uses `model`, which it does not define",
  "src/chart/expectedPurchasesChart.ts#ExpectedPurchasesChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/expectedPurchasesChart.ts#expectedPurchasesChart":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/gainsChart.ts#gainsChart": "a fragment: uses `model`, which it does not define",
  "src/chart/groupedMatrixChart.ts#GroupedMatrixCell": "not valid TypeScript as written (elided code)",
  "src/chart/groupedMatrixChart.ts#GroupedMatrixChartOptions":
    "a fragment: uses `rules`, which it does not define",
  "src/chart/groupedMatrixChart.ts#groupedMatrixCells": "a fragment: uses `rules`, which it does not define",
  "src/chart/groupedMatrixChart.ts#groupedMatrixChart":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/htmtChart.ts#HtmtCell": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#HtmtChartOptions": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#htmtCells": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#htmtChart": "a fragment: uses `surveys`, which it does not define",
  "src/chart/importancePerformanceChart.ts#importancePerformanceChart":
    "a fragment: uses `surveys`, which it does not define",
  "src/chart/inactivityChart.ts#inactivityChart": "a fragment: uses `orders`, which it does not define",
  "src/chart/itemFrequencyChart.ts#ItemFrequencyChartOptions":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/itemFrequencyChart.ts#itemFrequencyChart":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/kanoChart.ts#kanoChart": "a fragment: uses `answers`, which it does not define",
  "src/chart/kaplanMeierChart.ts#kaplanMeierChart": "a fragment: uses `customers`, which it does not define",
  "src/chart/kaplanMeierChart.ts#kaplanMeierSteps": "a fragment: uses `result`, which it does not define",
  "src/chart/lifetimeParameterChart.ts#lifetimeParameterChart":
    'line 110: value.subtitle: documented "...", got [',
  "src/chart/lifetimeParameterChart.ts#lifetimeParameterRows":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/liftChart.ts#liftChart": "a fragment: uses `model`, which it does not define",
};
