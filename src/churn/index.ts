/**
 * clientele/churn — churn and retention: behavioural inactivity risk, a supervised logistic churn model
 * with evaluation (AUC, confusion matrix, gains), train/test splitting, retention economics, and retention
 * over time: acquisition cohorts, Kaplan-Meier curves, the log-rank test and Cox models.
 * @module
 */

export { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
export { type CalibrateChurnModelOptions, calibrateChurnModel } from "./calibrateChurnModel.js";
export {
  type ChurnScoresFromBgNbdOptions,
  type ChurnScoresFromBgNbdResult,
  type ChurnScoresFromBgNbdRow,
  churnScoresFromBgNbd,
} from "./churnScoresFromBgNbd.js";
export {
  type CohortPeriod,
  type CohortRetentionCohort,
  type CohortRetentionCurvePoint,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  cohortRetention,
} from "./cohortRetention.js";
export {
  type CoxModel,
  type CoxModelCoefficient,
  type CoxModelFeature,
  type CoxModelOptions,
  type CoxModelTest,
  type CoxPredictedSurvival,
  type CoxSurvivalCurve,
  type CoxTies,
  coxModel,
} from "./coxModel.js";
export { type EvaluateChurnModelOptions, evaluateChurnModel } from "./evaluateChurnModel.js";
export {
  type EvaluateScoresCalibrationBin,
  type EvaluateScoresConfusion,
  type EvaluateScoresGainsRow,
  type EvaluateScoresOptions,
  type EvaluateScoresResult,
  evaluateScores,
} from "./evaluateScores.js";
export {
  type InactivityRiskBand,
  type InactivityRiskOptions,
  type InactivityRiskResult,
  type InactivityRiskRow,
  inactivityRisk,
} from "./inactivityRisk.js";
export type { FeatureSpec as ChurnFeatureSpec } from "./internal/featureSpec.js";
export type { SurvivalFeature as CoxSurvivalFeature } from "./internal/survivalData.js";
export {
  type KaplanMeierCurve,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  kaplanMeier,
} from "./kaplanMeier.js";
export {
  type LogRankTestGroup,
  type LogRankTestOptions,
  type LogRankTestResult,
  logRankTest,
} from "./logRankTest.js";
export { type RestoreChurnModelOptions, restoreChurnModel } from "./restoreChurnModel.js";
export {
  type RetentionEconomicsOptions,
  type RetentionEconomicsResult,
  type RetentionEconomicsScenario,
  retentionEconomics,
} from "./retentionEconomics.js";
export {
  type ChurnContribution,
  type ChurnExplainOptions,
  type ChurnExplanation,
  type ChurnModel,
  type ChurnModelCalibration,
  type ChurnModelCategoricalEncoding,
  type ChurnModelCoefficient,
  type ChurnModelConvergence,
  type ChurnModelEncoding,
  type ChurnModelFeature,
  type ChurnModelJson,
  type ChurnModelJsonFeature,
  type ChurnModelNumericEncoding,
  type ChurnModelResolvedOptions,
  type ChurnModelTraining,
  type TrainChurnModelOptions,
  trainChurnModel,
} from "./trainChurnModel.js";
export { type TrainTestSplitOptions, type TrainTestSplitResult, trainTestSplit } from "./trainTestSplit.js";
