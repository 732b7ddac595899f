/**
 * clientele/value — RFM, value tiers, concentration (Pareto, Lorenz, Gini) and
 * customer lifetime value (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma), contractual retention (sBG) and
 * discrete-opportunity repeat buying (BG/BB), with standard errors on every fit.
 * @module
 */
export {
  type CalibrationHoldoutSummaryOptions,
  type CalibrationHoldoutSummaryResult,
  type CalibrationHoldoutSummaryRow,
  calibrationHoldoutSummary,
} from "./calibrationHoldoutSummary.js";
export {
  type ContributionMeasure,
  type ContributionScoreOptions,
  type ContributionScoreResult,
  type ContributionScoreRow,
  contributionScore,
} from "./contributionScore.js";
export {
  type CustomerFeaturesOptions,
  type CustomerFeaturesResult,
  type CustomerFeaturesRow,
  customerFeatures,
} from "./customerFeatures.js";
export {
  type CustomerLifetimeValueOptions,
  type CustomerLifetimeValueResult,
  type CustomerLifetimeValueRow,
  type CustomerLifetimeValueSpendModel,
  type CustomerLifetimeValueTransactionModel,
  customerLifetimeValue,
} from "./customerLifetimeValue.js";
export {
  type BetaGeometricBetaBinomialParams,
  type FitBetaGeometricBetaBinomialOptions,
  type FitBetaGeometricBetaBinomialResult,
  fitBetaGeometricBetaBinomial,
} from "./fitBetaGeometricBetaBinomial.js";
export { type BgNbdParams, type FitBgNbdOptions, type FitBgNbdResult, fitBgNbd } from "./fitBgNbd.js";
export {
  type FitGammaGammaOptions,
  type FitGammaGammaResult,
  fitGammaGamma,
  type GammaGammaParams,
} from "./fitGammaGamma.js";
export {
  type FitModifiedBgNbdOptions,
  type FitModifiedBgNbdResult,
  fitModifiedBgNbd,
} from "./fitModifiedBgNbd.js";
export {
  type FitParetoNbdOptions,
  type FitParetoNbdResult,
  fitParetoNbd,
  type ParetoNbdParams,
} from "./fitParetoNbd.js";
export {
  type FitShiftedBetaGeometricOptions,
  type FitShiftedBetaGeometricResult,
  fitShiftedBetaGeometric,
  type ShiftedBetaGeometricInput,
  type ShiftedBetaGeometricParams,
} from "./fitShiftedBetaGeometric.js";
export { type GiniOptions, gini } from "./gini.js";
export type { LifetimeFitConvergence } from "./lifetimeFitConvergence.js";
export type { LifetimeFitUncertainty } from "./lifetimeFitUncertainty.js";
export { type LorenzCurveOptions, type LorenzCurveResult, lorenzCurve } from "./lorenzCurve.js";
export {
  type ParetoAnalysisOptions,
  type ParetoAnalysisResult,
  type ParetoAnalysisRow,
  type ParetoTopShare,
  paretoAnalysis,
} from "./paretoAnalysis.js";
export type { RepeatBuyingFit } from "./repeatBuyingFit.js";
export type { RepeatPurchaseFields, RepeatPurchaseInput } from "./repeatPurchaseInput.js";
export {
  type RepeatPurchaseSummaryOptions,
  type RepeatPurchaseSummaryResult,
  type RepeatPurchaseSummaryRow,
  repeatPurchaseSummary,
} from "./repeatPurchaseSummary.js";
export {
  type RfmScoresMethod,
  type RfmScoresOptions,
  type RfmScoresResult,
  type RfmScoresRow,
  rfmScores,
} from "./rfmScores.js";
export {
  RFM_GRID_SEGMENTS,
  RFM_PACKAGE_SEGMENTS,
  type RfmScoreRange,
  type RfmSegmentRule,
  type RfmSegmentScheme,
  type RfmSegmentSummary,
  type RfmSegmentsOptions,
  type RfmSegmentsResult,
  type RfmSegmentsRow,
  rfmSegments,
} from "./rfmSegments.js";
export { type RfmTableOptions, type RfmTableResult, type RfmTableRow, rfmTable } from "./rfmTable.js";
export {
  type ValueTier,
  type ValueTiersOptions,
  type ValueTiersResult,
  type ValueTiersRow,
  valueTiers,
} from "./valueTiers.js";
