/**
 * Options of evaluateScores, shared with evaluateChurnModel (which checks them under its own name),
 * checked by core's option rules (no zod in either bundle).
 */
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, numeric } from "../../core/internal/optionRules.js";

/** A count of bins or groups: a whole number from 1 to 1000. */
const count = /* @__PURE__ */ numeric({ whole: true, gte: 1, lte: 1000 });

/** The option rules of evaluateScores (a number is finite: NaN and ±Infinity are refused). */
export const evaluateScoresShape = {
  threshold: /* @__PURE__ */ numeric({}),
  calibrationBins: count,
  groups: count,
};

/** evaluateScores' options checked under `functionName`, with their documented defaults filled in. */
export const checkEvaluateScoresOptions = (functionName: string, options: unknown) =>
  withDefaults(checkOptions(functionName, evaluateScoresShape, options), {
    threshold: 0.5,
    calibrationBins: 10,
    groups: 10,
  });
