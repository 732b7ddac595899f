import { checkFinite } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric } from "../core/internal/optionRules.js";

/**
 * A customer's satisfaction state.
 *
 * @example
 * ```ts
 * const state: SatisfactionState = satisfactionState(9, 8); // => "delighted"
 * ```
 */
export type SatisfactionState = "dissatisfied" | "satisfied" | "delighted";

/**
 * Options of {@link satisfactionState}.
 *
 * @example
 * ```ts
 * satisfactionState(7.5, 8, { tolerance: 0.5 }); // => "satisfied"
 * satisfactionState(7.4, 8, { tolerance: 0.5 }); // => "dissatisfied"
 * ```
 */
export interface SatisfactionStateOptions {
  /** Half-width of the "satisfied" band: |perceived − expected| ≤ tolerance counts as met. @defaultValue 0 */
  readonly tolerance?: number;
}

const NAME = "satisfactionState";
/** Relative slack for floating-point rounding: gaps within 1e-9 of the larger magnitude count as met. */
const ROUNDING = 1e-9;
/**
 * Rules of satisfactionState's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const satisfactionStateShape = {
  tolerance: /* @__PURE__ */ numeric({ gte: 0 }),
};

/**
 * Satisfaction as the gap between perceived performance and expectation (expectation-disconfirmation,
 * Oliver 1980; Kotler's three states): below expectation → "dissatisfied", meeting it (within `tolerance`)
 * → "satisfied", above it → "delighted". Both values on the same scale.
 *
 * The comparison allows for floating-point rounding: the band is widened by 1e-9 · max(|perceived|,
 * |expected|) on each side, so `satisfactionState(0.1 + 0.2, 0.3)` (a gap of 5.6e-17) is "satisfied", not
 * "delighted". Real gaps are far larger than that slack on any survey scale (1e-9 of a 0-10 answer).
 *
 * Reference: Oliver (1980), A cognitive model of the antecedents and consequences of satisfaction decisions,
 * Journal of Marketing Research 17(4); Kotler & Keller, Marketing Management, ch. 5.
 *
 * @param perceived - perceived performance
 * @param expected - expected performance
 * @param options - see {@link SatisfactionStateOptions}
 * @throws InvalidOptionsError for a non-finite value or a negative tolerance
 * @example
 * ```ts
 * satisfactionState(6, 8);                    // => "dissatisfied"
 * satisfactionState(7.5, 8, { tolerance: 1 }); // => "satisfied"
 * satisfactionState(9, 8);                    // => "delighted"
 * ```
 */
export function satisfactionState(
  perceived: number,
  expected: number,
  options: SatisfactionStateOptions = {},
): SatisfactionState {
  const { tolerance } = withDefaults(checkOptions(NAME, satisfactionStateShape, options), { tolerance: 0 });
  for (const [path, value] of [
    ["perceived", perceived],
    ["expected", expected],
  ] as const) {
    checkFinite(NAME, path, value);
  }
  const gap = perceived - expected;
  const band = tolerance + ROUNDING * Math.max(Math.abs(perceived), Math.abs(expected));
  if (gap < -band) return "dissatisfied";
  if (gap > band) return "delighted";
  return "satisfied";
}
