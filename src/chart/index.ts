/**
 * clientele/chart — a Vega-Lite chart for every result (plain JSON specs, no dependency), `toSvg` to
 * render them without a browser (with the optional peers vega and vega-lite) and Jupyter display bundles.
 * @module
 */

export {
  type BgbbProbabilityAliveCell,
  type BgbbProbabilityAliveChartOptions,
  bgbbProbabilityAliveCells,
  bgbbProbabilityAliveChart,
} from "./bgbbProbabilityAliveChart.js";
export { ChartRendererMissingError } from "./ChartRendererMissingError.js";
export { calibrationCurveChart } from "./calibrationCurveChart.js";
export { chart, hasChart } from "./chart.js";
export { type ChartDisplayBundle, chartDisplay, VEGA_LITE_MIME_TYPE } from "./chartDisplay.js";
export { type ChooseKPoint, chooseKChart, chooseKPoints } from "./chooseKChart.js";
export { type CoefficientRow, coefficientChart, coefficientRows } from "./coefficientChart.js";
export {
  type CohortRetentionCell,
  cohortRetentionCells,
  cohortRetentionChart,
} from "./cohortRetentionChart.js";
export {
  type ComplaintParetoBar,
  complaintParetoBars,
  complaintParetoChart,
} from "./complaintParetoChart.js";
export { evaluationChart } from "./evaluationChart.js";
export { type ExpectedPurchasesChartOptions, expectedPurchasesChart } from "./expectedPurchasesChart.js";
export { gainsChart } from "./gainsChart.js";
export {
  type GroupedMatrixCell,
  type GroupedMatrixChartOptions,
  groupedMatrixCells,
  groupedMatrixChart,
} from "./groupedMatrixChart.js";
export { type HtmtCell, type HtmtChartOptions, htmtCells, htmtChart } from "./htmtChart.js";
export { importancePerformanceChart } from "./importancePerformanceChart.js";
export { inactivityChart } from "./inactivityChart.js";
export type { RulesInput } from "./internal/rules.js";
export { type ChartOptions, PALETTE, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./internal/spec.js";
export { type ItemFrequencyChartOptions, itemFrequencyChart } from "./itemFrequencyChart.js";
export { kanoChart } from "./kanoChart.js";
export { type KaplanMeierStep, kaplanMeierChart, kaplanMeierSteps } from "./kaplanMeierChart.js";
export {
  type LifetimeParameterFit,
  type LifetimeParameterRow,
  lifetimeParameterChart,
  lifetimeParameterRows,
} from "./lifetimeParameterChart.js";
export { liftChart } from "./liftChart.js";
export { lorenzChart } from "./lorenzChart.js";
export { type MicomRow, micomChart, micomRows } from "./micomChart.js";
export { npsChart } from "./npsChart.js";
export { type PlsMultigroupRow, plsMultigroupChart, plsMultigroupRows } from "./plsMultigroupChart.js";
export { type PlsPathDiagram, plsPathChart, plsPathDiagram } from "./plsPathChart.js";
export {
  type PlsPredictBar,
  type PlsPredictChartOptions,
  plsPredictBars,
  plsPredictChart,
} from "./plsPredictChart.js";
export { type FrequencyRecencyChartOptions, probabilityAliveChart } from "./probabilityAliveChart.js";
export { type ProspectBar, prospectBars, prospectChart } from "./prospectChart.js";
export {
  type RepeatPurchasesBar,
  type RepeatPurchasesChartOptions,
  repeatPurchasesBars,
  repeatPurchasesChart,
} from "./repeatPurchasesChart.js";
export { type ReportChart, type ReportOptions, type ReportSection, report } from "./report.js";
export { reportNarrative } from "./reportNarrative.js";
export {
  type RetentionCurveChartOptions,
  type RetentionCurvePoint,
  retentionCurveChart,
  retentionCurvePoints,
} from "./retentionCurveChart.js";
export { type RfmHeatmapCell, rfmHeatmapCells, rfmHeatmapChart } from "./rfmHeatmapChart.js";
export { type RocPoint, rocChart, rocPoints } from "./rocChart.js";
export { type RuleGraph, type RuleGraphChartOptions, ruleGraph, ruleGraphChart } from "./ruleGraphChart.js";
export {
  type RulesScatterChartOptions,
  type RulesScatterPoint,
  rulesScatterChart,
  rulesScatterPoints,
} from "./rulesScatterChart.js";
export { type SegmentProfileCell, segmentProfileCells, segmentProfileChart } from "./segmentProfileChart.js";
export { type SegmentShare, segmentShares, segmentSharesChart } from "./segmentSharesChart.js";
export {
  type ServiceKpiBullet,
  type ServiceKpiChartOptions,
  type ServiceKpiName,
  serviceKpiBullets,
  serviceKpiChart,
} from "./serviceKpiChart.js";
export { toSvg } from "./toSvg.js";
export {
  type TrackingChartOptions,
  type TrackingPoint,
  trackingChart,
  trackingPoints,
} from "./trackingChart.js";
