/**
 * clientele/satisfaction — customer satisfaction indices: PLS path models (ACSI/ECSI) with bootstrap,
 * validity reports (HTMT, VIF, PLSc), out-of-sample prediction, group comparisons (MICOM, MGA), moderation,
 * higher-order constructs and importance-performance maps, the weighted CSI hierarchy, Net Promoter Score, Kano, importance-performance
 * grids, satisfaction states and loyalty levels.
 * @module
 */
export {
  type BootstrapEstimate,
  type BootstrapHtmtEstimate,
  type BootstrapOptions,
  type BootstrapResult,
  bootstrap,
} from "./bootstrap.js";
export { ECSI_MODEL } from "./ecsiModel.js";
export {
  type HigherOrderConstructOptions,
  type HigherOrderConstructResult,
  higherOrderConstruct,
} from "./higherOrderConstruct.js";
export {
  type ImportancePerformanceEntry,
  type ImportancePerformanceResult,
  importancePerformance,
} from "./importancePerformance.js";
export {
  type ImportancePerformanceGridAttribute,
  type ImportancePerformanceGridOptions,
  type ImportancePerformanceGridResult,
  type ImportancePerformanceQuadrant,
  importancePerformanceGrid,
} from "./importancePerformanceGrid.js";
export {
  type InteractionTermOptions,
  type InteractionTermResult,
  interactionTerm,
} from "./interactionTerm.js";
export type { PlsModelInput } from "./internal/groupModel.js";
export {
  type KanoAnswerValue,
  type KanoAttribute,
  type KanoCategory,
  type KanoOptions,
  type KanoResult,
  kano,
} from "./kano.js";
export {
  type LoyaltyLevel,
  type LoyaltyLevelEvidence,
  type LoyaltyLevelOptions,
  loyaltyLevel,
} from "./loyaltyLevel.js";
export { type MicomConstruct, type MicomOptions, type MicomResult, micom } from "./micom.js";
export {
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  netPromoterScore,
} from "./netPromoterScore.js";
export {
  type PlsImportancePerformanceIndicator,
  type PlsImportancePerformanceOptions,
  type PlsImportancePerformanceResult,
  plsImportancePerformance,
} from "./plsImportancePerformance.js";
export {
  type PlsMultigroupOptions,
  type PlsMultigroupPath,
  type PlsMultigroupResult,
  plsMultigroup,
} from "./plsMultigroup.js";
export {
  type PlsPathModelCoefficient,
  type PlsPathModelOptions,
  type PlsPathModelPath,
  type PlsPathModelReliability,
  type PlsPathModelResult,
  plsPathModel,
} from "./plsPathModel.js";
export {
  type PlsPredictIndicator,
  type PlsPredictOptions,
  type PlsPredictResult,
  plsPredict,
} from "./plsPredict.js";
export {
  type PlsSummaryMatrixRow,
  type PlsSummaryOptions,
  type PlsSummaryPath,
  type PlsSummaryResult,
  plsSummary,
} from "./plsSummary.js";
export {
  type SatisfactionIndexConstruct,
  type SatisfactionIndexConstructScore,
  type SatisfactionIndexHierarchy,
  type SatisfactionIndexIndicator,
  type SatisfactionIndexIndicatorScore,
  type SatisfactionIndexItem,
  type SatisfactionIndexItemScore,
  type SatisfactionIndexResult,
  type SatisfactionIndexScale,
  satisfactionIndex,
} from "./satisfactionIndex.js";
export {
  type SatisfactionState,
  type SatisfactionStateOptions,
  satisfactionState,
} from "./satisfactionState.js";
