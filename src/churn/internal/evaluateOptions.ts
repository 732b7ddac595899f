/** Options schema of evaluateScores, shared with evaluateChurnModel (which checks them under its own name). */
import * as z from "zod/mini";

export const evaluateScoresSchema = z.strictObject({
  threshold: z._default(z.number().check(z.refine(Number.isFinite, "must be finite")), 0.5),
  calibrationBins: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 10),
  groups: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 10),
});
