/** Options schema of evaluateScores, shared with evaluateChurnModel (which checks them under its own name). */
import * as z from "zod/mini";
import { wholeNumber } from "../../core/options.js";

export const evaluateScoresSchema = z.strictObject({
  threshold: z._default(z.number().check(z.refine((v) => Number.isFinite(v), "must be finite")), 0.5),
  calibrationBins: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
  groups: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
});
