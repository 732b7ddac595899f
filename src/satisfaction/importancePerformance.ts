import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { rankEntries, unknownTargetError } from "./internal/importancePerformanceEntries.js";
import type { PlsPathModelResult } from "./plsPathModel.js";

/**
 * One construct of an importance-performance map.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * importancePerformance(model, "Satisfaction").entries.at(-1);
 * // => { name: "Value", importance: 0.1948, performance: 62.35 }
 * ```
 */
export interface ImportancePerformanceEntry {
  /** The construct. */
  readonly name: string;
  /** Total (direct + indirect) standardised effect on the target. */
  readonly importance: number;
  /** The construct's 0-100 index. */
  readonly performance: number;
}

/**
 * Result of {@link importancePerformance}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const ipma = importancePerformance(model, "Satisfaction");
 * [ipma.target, ipma.entries.length, ipma.targetPerformance, ipma.meanImportance, ipma.meanPerformance];
 * // => ["Satisfaction", 4, 72.45, 0.4058, 70.83]
 * ```
 */
export interface ImportancePerformanceResult {
  /** The target construct. */
  readonly target: string;
  /** Every construct with a directed route to the target, by decreasing importance. */
  readonly entries: readonly ImportancePerformanceEntry[];
  /** The target's own 0-100 index. */
  readonly targetPerformance: number;
  /** Mean importance and performance of the entries (the usual grid cuts). */
  readonly meanImportance: number;
  readonly meanPerformance: number;
}

const NAME = "importancePerformance";

/**
 * Importance-performance map analysis (IPMA) of a PLS path model for one target construct: the importance of
 * each antecedent is its total effect on the target (direct plus every indirect route, from the standardised
 * path coefficients), its performance the 0-100 index of {@link plsPathModel}. SmartPLS reports importance from
 * unstandardised (rescaled) scores instead; the ranking is usually the same but the values differ:
 * {@link plsImportancePerformance} gives that version, with the indicator-level map, in one call.
 * Pass `entries` to {@link importancePerformanceGrid} for the four quadrants.
 *
 * Reference: Ringle & Sarstedt (2016), Gain more insight from your PLS-SEM results: the importance-performance
 * map analysis, Industrial Management & Data Systems 116(9).
 *
 * @param model - a result of {@link plsPathModel}
 * @param target - an endogenous construct of the model
 * @throws InvalidOptionsError when `model` is not a plsPathModel result (constructs, totalEffects, index),
 *   `target` is not a construct of the model, or no construct affects it
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * importancePerformance(model, "Satisfaction").entries[0];
 * // => { name: "Quality", importance: 0.6208, performance: 74.98 }
 * // (0.6208 = direct 0.5120 + Quality -> Value -> Satisfaction 0.5583 · 0.1948)
 * ```
 */
export function importancePerformance(
  model: PlsPathModelResult,
  target: string,
): ImportancePerformanceResult {
  if (
    model === null ||
    typeof model !== "object" ||
    !Array.isArray(model.constructs) ||
    !Array.isArray(model.totalEffects) ||
    model.index === null ||
    typeof model.index !== "object"
  ) {
    throw argumentError(NAME, "model", "expected a result of plsPathModel", model);
  }
  if (!model.constructs.includes(target)) throw unknownTargetError(NAME, model.constructs, target);
  const entries = model.totalEffects
    .filter((effect) => effect.to === target)
    .map((effect) => ({
      name: effect.from,
      importance: effect.estimate,
      performance: model.index[effect.from] as number,
    }));
  const { meanImportance, meanPerformance } = rankEntries(NAME, target, entries);
  return withDisplay(
    { target, entries, targetPerformance: model.index[target] as number, meanImportance, meanPerformance },
    {
      title: `Importance-performance map for ${target}`,
      summary: (r) => [
        `target index ${r.targetPerformance.toFixed(1)}; mean importance ${r.meanImportance.toFixed(3)}, mean performance ${r.meanPerformance.toFixed(1)}`,
      ],
      rows: (r) => r.entries,
    },
  );
}
