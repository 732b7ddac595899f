/** Options schema of evaluateScores, shared with evaluateChurnModel (which checks them under its own name). */
import { z } from "zod";

export const evaluateScoresSchema = z.strictObject({
  threshold: z.number().refine(Number.isFinite, "must be finite").default(0.5),
  calibrationBins: z.number().int().min(1).max(1000).default(10),
  groups: z.number().int().min(1).max(1000).default(10),
});
