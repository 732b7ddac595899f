// The driver shared by the BG/NBD and MBG/NBD fits: the two models differ only in their likelihood and
// predictions. Also the result builder shared with Pareto/NBD: the counts, the display and the
// predictions attached to a fitted purchase-count model.
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions } from "../../core/internal/optionRules.js";
import type { BgNbdParams } from "../fitBgNbdTypes.js";
import type { RepeatBuyingFit } from "../repeatBuyingFit.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "../repeatPurchaseInput.js";
import {
  estimateWithAnalyticGradient,
  lifetimeFitShape,
  type RepeatHistories,
  readTransactionHistories,
  startParameters,
  withFitDisplay,
} from "./lifetimeFit.js";
import type { ObjectiveWithGradient } from "./optimize.js";
import { type AggregatedHistories, aggregateHistories } from "./repeatColumns.js";

/** A fitted purchase-count model without its prediction methods. */
export type RepeatBuyingEstimate<P> = Omit<
  RepeatBuyingFit<P>,
  "probabilityAlive" | "expectedPurchases" | "conditionalExpectedPurchases" | "probabilityOfPurchases"
>;

/** The fitted model: the estimate, its predictions, and the display a REPL or notebook prints. */
export function repeatBuyingResult<
  P extends { readonly [K in keyof P]: number },
  R extends RepeatBuyingFit<P>,
>(title: string, estimate: RepeatBuyingEstimate<P>, predictions: Omit<R, keyof RepeatBuyingEstimate<P>>): R {
  return withFitDisplay<P, R>(
    { ...estimate, ...predictions } as R,
    title,
    (m) =>
      `${m.customerCount} customers (${m.repeatCustomerCount} with repeat purchases), log-likelihood ${m.logLikelihood.toFixed(2)}`,
  );
}

/** The optimiser settings of the BG/NBD family's fits when not given. */
export const BG_NBD_FIT_DEFAULTS = { maxIterations: 500, tolerance: 1e-8 } as const;

/** Option rules of the BG/NBD family's fits (exported for value's option-rule test; not in the module index). */
export const bgNbdFitShape = /* @__PURE__ */ lifetimeFitShape(["r", "alpha", "a", "b"]);

/** The settings of one fit: the parsed `start`, `maxIterations` and `tolerance`. */
export interface BgNbdFitSettings {
  readonly start?: { readonly [K in keyof BgNbdParams]?: number | undefined } | undefined;
  readonly maxIterations: number;
  readonly tolerance: number;
}

/**
 * Fits a four-parameter (r, α, a, b) beta-geometric/NBD model by maximum likelihood: reads and checks
 * the histories, starts from r = a = b = 1 and α = mean(T) / mean(frequency) (or the user's `start`),
 * minimises the mean negative log-likelihood over log-parameters with its analytic gradient, and
 * estimates standard errors from the observed information.
 */
export function fitBgNbdFamily<T>(
  functionName: string,
  modelName: string,
  summary: RepeatPurchaseInput<T>,
  options: RepeatPurchaseFields<T>,
  likelihood: (data: AggregatedHistories) => ObjectiveWithGradient,
): RepeatBuyingEstimate<BgNbdParams> {
  const parsed = withDefaults(checkOptions(functionName, bgNbdFitShape, options), BG_NBD_FIT_DEFAULTS);
  return estimateBgNbdFamily(
    readTransactionHistories(functionName, modelName, summary, options),
    parsed,
    likelihood,
  );
}

/** The fit of {@link fitBgNbdFamily} on histories already read and checked, with parsed settings. */
export function estimateBgNbdFamily(
  histories: RepeatHistories,
  parsed: BgNbdFitSettings,
  likelihood: (data: AggregatedHistories) => ObjectiveWithGradient,
): RepeatBuyingEstimate<BgNbdParams> {
  const n = histories.customerCount;
  const data = aggregateHistories(histories.columns);
  const start = startParameters<BgNbdParams>(
    { r: 1, alpha: histories.sumT / histories.sumFrequency, a: 1, b: 1 },
    parsed.start,
  );
  return estimateWithAnalyticGradient(
    likelihood(data),
    start,
    {
      customerCount: n,
      repeatCustomerCount: histories.repeatCustomerCount,
      distinctHistories: data.frequency.length,
    },
    parsed,
    (found) => `${JSON.stringify(found)}, the data barely identify the model`,
  );
}
