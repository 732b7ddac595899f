import { registerNotebookChart } from "../core/internal/notebookChart.js";
import { chooseKChart, isChooseKResult } from "./chooseKChart.js";
import { coefficientChart, isChurnModel } from "./coefficientChart.js";
import { cohortRetentionChart, isCohortRetentionResult } from "./cohortRetentionChart.js";
import { complaintParetoChart, isComplaintSummaryResult } from "./complaintParetoChart.js";
import { evaluationChart } from "./evaluationChart.js";
import {
  importancePerformanceChart,
  isImportancePerformanceGridResult,
  isImportancePerformanceResult,
} from "./importancePerformanceChart.js";
import { inactivityChart, isInactivityRiskResult } from "./inactivityChart.js";
import { isEvaluateScoresResult } from "./internal/churn.js";
import { isLifetimeModel, isLifetimeSummary } from "./internal/lifetime.js";
import { isRulesInput } from "./internal/rules.js";
import { type ChartOptions, refuseInput, VEGA_LITE_V5_SCHEMA, type VegaLiteSpec } from "./internal/spec.js";
import { isItemFrequenciesResult, itemFrequencyChart } from "./itemFrequencyChart.js";
import { isKanoResult, kanoChart } from "./kanoChart.js";
import { isKaplanMeierResult, kaplanMeierChart } from "./kaplanMeierChart.js";
import { isLifetimeParameterFit, lifetimeParameterChart } from "./lifetimeParameterChart.js";
import { isLorenzCurveResult, isParetoAnalysisResult, lorenzChart } from "./lorenzChart.js";
import { isMicomResult, micomChart } from "./micomChart.js";
import { isNetPromoterScoreResult, npsChart } from "./npsChart.js";
import { isPlsMultigroupResult, plsMultigroupChart } from "./plsMultigroupChart.js";
import { isPlsPathModelResult, plsPathChart } from "./plsPathChart.js";
import { isPlsPredictResult, plsPredictChart } from "./plsPredictChart.js";
import { isQualifyProspectsResult, prospectChart } from "./prospectChart.js";
import { isShiftedBetaGeometricResult, retentionCurveChart } from "./retentionCurveChart.js";
import { isRfmScoresResult, rfmHeatmapChart } from "./rfmHeatmapChart.js";
import { rulesScatterChart } from "./rulesScatterChart.js";
import { segmentProfileChart } from "./segmentProfileChart.js";
import {
  isRfmSegmentsResult,
  isSegmentProfilesResult,
  isValueTiersResult,
  segmentSharesChart,
} from "./segmentSharesChart.js";
import { isServiceKpisResult, serviceKpiChart } from "./serviceKpiChart.js";

/** The builder `chart` uses for each kind of result it recognises, in the order it checks them. */
const DISPATCH: readonly (readonly [
  is: (value: unknown) => boolean,
  draw: (value: never, options: ChartOptions) => VegaLiteSpec,
])[] = [
  [isLorenzCurveResult, lorenzChart],
  [isParetoAnalysisResult, lorenzChart],
  [isRfmSegmentsResult, segmentSharesChart],
  [isRfmScoresResult, rfmHeatmapChart],
  [isValueTiersResult, segmentSharesChart],
  [isChooseKResult, chooseKChart],
  [isSegmentProfilesResult, segmentProfileChart],
  [isEvaluateScoresResult, evaluationChart],
  [isChurnModel, coefficientChart],
  [isInactivityRiskResult, inactivityChart],
  [isItemFrequenciesResult, itemFrequencyChart],
  [isRulesInput, rulesScatterChart],
  [isImportancePerformanceResult, importancePerformanceChart],
  [isImportancePerformanceGridResult, importancePerformanceChart],
  [isPlsPathModelResult, (model: never, options: ChartOptions) => plsPathChart(model, undefined, options)],
  [isNetPromoterScoreResult, npsChart],
  [isKanoResult, kanoChart],
  [isComplaintSummaryResult, complaintParetoChart],
  [isServiceKpisResult, serviceKpiChart],
  [isShiftedBetaGeometricResult, retentionCurveChart],
  [isKaplanMeierResult, kaplanMeierChart],
  [isCohortRetentionResult, cohortRetentionChart],
  [isPlsPredictResult, plsPredictChart],
  [isMicomResult, micomChart],
  [isPlsMultigroupResult, plsMultigroupChart],
  [isQualifyProspectsResult, prospectChart],
  // Last: every other lifetime fit (BG/NBD, Pareto/NBD, MBG/NBD, gamma-gamma, BG/BB) draws its parameters.
  [isLifetimeParameterFit, lifetimeParameterChart],
];

/**
 * True when {@link chart} can draw `result` on its own (results that need a second input, such as a
 * fitted BG/NBD model, are drawn by their own builders).
 *
 * @example
 * ```ts
 * hasChart(lorenzCurve([1, 2, 3])); // => true
 * hasChart({ anything: 1 }); // => false
 * ```
 */
export function hasChart(result: unknown): boolean {
  return DISPATCH.some(([is]) => is(result));
}

/**
 * The natural chart of a clientele result, as a Vega-Lite v6 specification (a plain JSON object; render
 * it with {@link toSvg}, vega-embed, a notebook or any Vega-Lite tool). Recognises the result by its
 * fields and calls its builder:
 *
 * | result of | chart |
 * |---|---|
 * | lorenzCurve, paretoAnalysis | {@link lorenzChart} |
 * | rfmScores | {@link rfmHeatmapChart} |
 * | rfmSegments, valueTiers | {@link segmentSharesChart} |
 * | chooseK | {@link chooseKChart} |
 * | segmentProfiles | {@link segmentProfileChart} (sizes and value shares: segmentSharesChart) |
 * | evaluateScores, evaluateChurnModel | {@link evaluationChart} (ROC, gains, lift, calibration) |
 * | trainChurnModel | {@link coefficientChart} |
 * | inactivityRisk | {@link inactivityChart} |
 * | associationRules, significantRules, redundantRules | {@link rulesScatterChart} (also groupedMatrixChart, ruleGraphChart) |
 * | itemFrequencies | {@link itemFrequencyChart} |
 * | importancePerformance, importancePerformanceGrid | {@link importancePerformanceChart} |
 * | plsPathModel | {@link plsPathChart} (pass a bootstrap to plsPathChart for significance) |
 * | netPromoterScore | {@link npsChart} |
 * | kano | {@link kanoChart} |
 * | complaintSummary | {@link complaintParetoChart} |
 * | serviceKpis | {@link serviceKpiChart} |
 * | fitShiftedBetaGeometric | {@link retentionCurveChart} (pass `survivors` to it for the observed dots) |
 * | fitBgNbd, fitParetoNbd, fitModifiedBgNbd, fitGammaGamma, fitBetaGeometricBetaBinomial | {@link lifetimeParameterChart} (estimates with 95% intervals) |
 * | kaplanMeier | {@link kaplanMeierChart} |
 * | cohortRetention | {@link cohortRetentionChart} |
 * | plsPredict | {@link plsPredictChart} |
 * | micom | {@link micomChart} |
 * | plsMultigroup | {@link plsMultigroupChart} |
 * | plsImportancePerformance | {@link importancePerformanceChart} |
 * | qualifyProspects | {@link prospectChart} |
 *
 * A PLS path model's discriminant validity (HTMT) has its own builder, {@link htmtChart}; a BG/BB fit's
 * P(alive) by pattern needs the number of opportunities: {@link bgbbProbabilityAliveChart}(model, { periods }).
 *
 * Charts of two inputs have their own builders only: {@link trackingChart} (calibrationHoldoutSummary and
 * a fitted model), {@link probabilityAliveChart}, {@link expectedPurchasesChart} and
 * {@link repeatPurchasesChart} (a fitted BG/NBD or Pareto/NBD model and its summary).
 *
 * User strings (item names, customer ids, labels) are placed in the spec's data only, never in an
 * expression, so a product named `<img src=x onerror=alert(1)>` is drawn as text.
 *
 * @param result - a result of one of the functions above
 * @param options - title, width, height, currency symbol
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when the result has no chart of its own (the message names the builder to use when there is one) or an option is invalid
 * @example
 * ```ts
 * const spec = chart(lorenzCurve([1, 2, 3, 4, 10]));
 * spec.$schema; // => "https://vega.github.io/schema/vega-lite/v6.json"
 * (await toSvg(spec)).startsWith("<svg"); // => true (with the optional peers vega and vega-lite installed)
 * ```
 */
export function chart(result: unknown, options: ChartOptions = {}): VegaLiteSpec {
  for (const [is, draw] of DISPATCH) {
    if (is(result)) return draw(result as never, options);
  }
  if (isLifetimeModel(result)) {
    return refuseInput(
      "chart",
      "result",
      "a fitted BG/NBD or Pareto/NBD model needs its summary: use probabilityAliveChart(model, summary), expectedPurchasesChart(model, summary), repeatPurchasesChart(model, summary) or trackingChart(split, model)",
      "a fitted repeat-buying model",
    );
  }
  if (isLifetimeSummary(result)) {
    return refuseInput(
      "chart",
      "result",
      "a repeat-purchase summary is drawn with its fitted model: use trackingChart(split, model) or repeatPurchasesChart(model, summary)",
      "a repeat-purchase summary",
    );
  }
  return refuseInput(
    "chart",
    "result",
    "expected a clientele result with a chart (see the table in chart's documentation)",
    result,
  );
}

/** The chart spec a notebook front end renders: {@link chart}'s spec with `$schema` set to Vega-Lite v5. */
export function notebookSpec(result: unknown): VegaLiteSpec {
  return { ...chart(result), $schema: VEGA_LITE_V5_SCHEMA };
}

// Loading the chart module is what lets a result in a Deno notebook show its chart above its table
// (core's display hook asks for these two functions; core itself never imports the chart builders).
registerNotebookChart({ hasChart, notebookSpec });
