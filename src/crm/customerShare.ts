import { InvalidOptionsError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, numeric, required } from "../core/internal/optionRules.js";

/**
 * Input of {@link customerShare}: the four share drivers.
 *
 * @example
 * ```ts
 * const drivers: CustomerShareOptions = { penetration: 0.3, loyalty: 0.5 };
 * customerShare(drivers).share; // => 0.15 (selectivity and price index default to 1)
 * ```
 */
export interface CustomerShareOptions {
  /** Penetration: share of the market's customers who bought from us in the period, in [0, 1]. */
  readonly penetration: number;
  /**
   * Loyalty (share of requirements): of what our buyers bought in the category, the share they
   * bought from us, in [0, 1].
   */
  readonly loyalty: number;
  /**
   * Selectivity (heavy-usage index): category volume per our buyer over category volume per
   * market customer; 1 = our buyers are average buyers. An index > 0.
   * @defaultValue 1
   */
  readonly selectivity?: number;
  /**
   * Price selectivity (price index): our average price over the market's average price;
   * 1 = volume share. An index > 0.
   * @defaultValue 1
   */
  readonly priceSelectivity?: number;
}

/**
 * Result of {@link customerShare}.
 *
 * @example
 * ```ts
 * const result: CustomerShareResult = customerShare({ penetration: 0.4, loyalty: 0.5, selectivity: 1.2, priceSelectivity: 0.9 });
 * [result.share, result.volumeShare]; // => [0.216, 0.24] (to floating-point rounding)
 * ```
 */
export interface CustomerShareResult {
  /** Market share = penetration x loyalty x selectivity x priceSelectivity (value share; volume share when priceSelectivity = 1). */
  readonly share: number;
  /** Volume share: penetration x loyalty x selectivity. */
  readonly volumeShare: number;
  readonly penetration: number;
  readonly loyalty: number;
  readonly selectivity: number;
  readonly priceSelectivity: number;
}

const FN = "customerShare";
const FRACTION = "must be a fraction in [0, 1]";
const fraction = required(numeric({ gte: 0, lte: 1, messages: { gte: FRACTION, lte: FRACTION } }));
const index = numeric({ gt: 0, messages: { gt: "must be an index > 0 (1 = market average)" } });
/** Any value, accepted and ignored. */
const ignored = custom<unknown>("any value", () => undefined);
/** Rules of customerShare's options (exported for the equivalence test of crm's option rules; not in the module index). */
export const customerShareShape = {
  penetration: fraction,
  loyalty: fraction,
  selectivity: index,
  priceSelectivity: index,
  // The counts of a customerShareInputs result are accepted (and ignored) so it can be passed as is;
  // any other key is an error, so a misspelt factor cannot silently default to 1.
  marketCustomers: ignored,
  ourBuyers: ignored,
  ourVolume: ignored,
  marketVolume: ignored,
  ourBuyersVolume: ignored,
  ourRevenue: ignored,
  marketRevenue: ignored,
};

/**
 * Decomposes a market share into its customer drivers:
 * share = penetration x loyalty x selectivity x price selectivity — how many of the
 * market's customers buy from us, how much of their category buying they give us,
 * how heavy they are as buyers, and how our prices compare. Use
 * {@link customerShareInputs} to derive the four factors from customer and purchase records.
 *
 * @param options - the four factors (a {@link customerShareInputs} result can be passed directly: its
 *   counts are ignored; any other key is an error); see {@link CustomerShareOptions}
 * @returns the share, the volume share and the factors
 * @throws {@link InvalidOptionsError} for an unknown key (`selectivty`: named, with the nearest valid
 *   name), a penetration or loyalty outside [0, 1], a
 *   selectivity or price index not > 0, or factors whose volume share exceeds 1 (inconsistent)
 * @see Parfitt & Collins (1968), "Use of consumer panels for brand-share prediction",
 *   Journal of Marketing Research 5(2) — share = penetration x repeat-buying rate x buying-level index.
 * @example
 * ```ts
 * customerShare({ penetration: 0.4, loyalty: 0.5, selectivity: 1.2, priceSelectivity: 0.9 }).share;
 * // => 0.216 (0.4 x 0.5 x 1.2 x 0.9, to floating-point rounding)
 * ```
 */
export function customerShare(options: CustomerShareOptions): Readonly<CustomerShareResult> {
  const o = withDefaults(checkOptions(FN, customerShareShape, options), {
    selectivity: 1,
    priceSelectivity: 1,
  });
  const volumeShare = o.penetration * o.loyalty * o.selectivity;
  if (volumeShare > 1 + 1e-12) {
    throw new InvalidOptionsError(FN, [
      {
        path: "selectivity",
        message: `penetration x loyalty x selectivity = ${volumeShare} exceeds 1: the factors are inconsistent (selectivity cannot exceed 1 / penetration)`,
        received: o.selectivity,
      },
    ]);
  }
  const result: CustomerShareResult = {
    share: volumeShare * o.priceSelectivity,
    volumeShare,
    penetration: o.penetration,
    loyalty: o.loyalty,
    selectivity: o.selectivity,
    priceSelectivity: o.priceSelectivity,
  };
  return withDisplay(result, {
    title: "Customer share",
    summary: (r) => [
      `share ${(r.share * 100).toFixed(2)}% (volume share ${(r.volumeShare * 100).toFixed(2)}%)`,
    ],
    rows: (r) =>
      (["penetration", "loyalty", "selectivity", "priceSelectivity", "share"] as const).map((factor) => ({
        factor,
        value: r[factor],
      })),
  });
}
