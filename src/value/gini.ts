import { type Field, InsufficientDataError } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, flag } from "../core/internal/optionRules.js";
import { giniOfSorted } from "./internal/giniOfSorted.js";
import { readNonNegativeValues } from "./internal/readValues.js";

/**
 * Options of {@link gini}.
 *
 * @example
 * ```ts
 * gini([{ spend: 1 }, { spend: 3 }], { value: "spend", biasCorrected: true }); // => 0.5
 * ```
 */
export interface GiniOptions<T> {
  /** Field holding the value when the input is records rather than numbers. */
  readonly value?: Field<T>;
  /**
   * Multiply by n / (n − 1), the small-sample correction that makes the coefficient an
   * unbiased estimate of the population's and lets one customer holding everything score 1.
   * @defaultValue false
   */
  readonly biasCorrected?: boolean;
}

/** Option rules of {@link gini} (exported for value's option-rule test; not in the module index). */
export const giniShape = { value: field(), biasCorrected: flag() };

/**
 * Gini coefficient of non-negative values (e.g. revenue per customer): 0 when everyone is
 * worth the same, approaching 1 when one customer holds everything. Computed as the mean
 * absolute difference over twice the mean, Σ_i Σ_j |x_i − x_j| / (2 n² μ), by the sorted form
 * G = 2 Σ i·x_(i) / (n Σ x) − (n + 1) / n (ascending order, compensated sums). With
 * `biasCorrected` the result is multiplied by n / (n − 1).
 *
 * Zeros are allowed (customers who spent nothing count as equal, poorest members).
 *
 * Complexity: O(n log n).
 *
 * @param values - numbers, or records with a `value` field
 * @throws InvalidRecordError for a negative, missing or non-numeric value (with its row)
 * @throws InsufficientDataError for empty input, a zero total, or `biasCorrected` with fewer than 2 values
 * @see Gini, C. (1912), Variabilità e mutabilità; Dixon et al. (1987) for the n/(n−1) correction.
 * @example
 * ```ts
 * gini([1, 2, 3, 4, 10]);                          // => 0.4
 * gini([1, 2, 3, 4, 10], { biasCorrected: true }); // => 0.5
 * ```
 */
export function gini<T>(values: ArrayLike<number> | readonly T[], options: GiniOptions<T> = {}): number {
  const functionName = "gini";
  const parsed = withDefaults(checkOptions(functionName, giniShape, options), { biasCorrected: false });
  const data = readNonNegativeValues(functionName, values, options.value);
  const n = data.length;
  if (n === 0)
    throw new InsufficientDataError(functionName, "no values; the Gini coefficient needs at least one");
  if (parsed.biasCorrected && n < 2) {
    throw new InsufficientDataError(
      functionName,
      "the bias-corrected Gini coefficient needs at least 2 values (it multiplies by n / (n - 1))",
    );
  }
  return giniOfSorted(Float64Array.from(data).sort(), parsed.biasCorrected, functionName);
}
