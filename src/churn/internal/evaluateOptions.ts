/** Options schema of evaluateScores, shared with evaluateChurnModel (which checks them under its own name). */
import * as z from "zod/mini";
import { optionsSchema } from "../../core/internal/optionChecks.js";
import { wholeNumber } from "../../core/options.js";

// zod's number schema itself refuses NaN and ±Infinity (before any check runs): no finiteness check here.
export const evaluateScoresSchema = /* @__PURE__ */ optionsSchema({
  threshold: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0.5),
  calibrationBins: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z
      .number()
      .check(/* @__PURE__ */ wholeNumber(), /* @__PURE__ */ z.minimum(1), /* @__PURE__ */ z.maximum(1000)),
    10,
  ),
  groups: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z
      .number()
      .check(/* @__PURE__ */ wholeNumber(), /* @__PURE__ */ z.minimum(1), /* @__PURE__ */ z.maximum(1000)),
    10,
  ),
});
