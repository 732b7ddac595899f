import { narrativeOf } from "./internal/htmlNarrative.js";

/**
 * The narrative {@link report} writes for a clientele result: short plain-text paragraphs saying what
 * a manager should notice, from the result's numbers (no solver internals). Known results are those
 * of paretoAnalysis, lorenzCurve, rfmScores, rfmSegments, valueTiers, customerLifetimeValue,
 * calibrationHoldoutSummary, chooseK, segmentProfiles, kMeans, evaluateScores / evaluateChurnModel,
 * inactivityRisk, trainChurnModel, associationRules, significantRules,
 * itemFrequencies, plsPathModel, bootstrap, importancePerformanceGrid, netPromoterScore, kano,
 * complaintSummary and serviceKpis; anything else gives `[]`. Use it to extend the generated text
 * with your own sentences (`narrative: [...reportNarrative(result), "Our next step: ..."]`).
 *
 * @param result - a clientele result
 * @returns the paragraphs (plain text: escape them before writing HTML yourself; `report` does)
 * @example
 * ```ts
 * reportNarrative(paretoAnalysis([60, 30, 10]))[0];
 * // => "67% of customers (2 of 3) hold 90% of revenue."
 * reportNarrative({ anything: 1 }); // => []
 * ```
 */
export function reportNarrative(result: unknown): string[] {
  return narrativeOf(result);
}
