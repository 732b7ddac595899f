import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  readCodes,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, list, nullable, required } from "../core/internal/optionRules.js";
import type { CustomerShareOptions } from "./customerShare.js";
import { optionalField, requireArray } from "./internal/records.js";

/**
 * Options of {@link customerShareInputs}.
 *
 * @example
 * ```ts
 * const purchases = [
 *   { customerId: "a", brand: "us" }, { customerId: "a", brand: "them" },
 *   { customerId: "b", brand: "them" }, { customerId: "b", brand: "them" },
 * ];
 * const options: CustomerShareInputsOptions<(typeof purchases)[number]> = { ours: (p) => p.brand === "us" };
 * customerShareInputs(purchases, options).penetration; // => 0.5 (base: the 2 purchasers)
 * ```
 */
export interface CustomerShareInputsOptions<P, C = unknown> {
  /** Whether a purchase is ours (a boolean), e.g. `(line) => line.brand === "Acme"`. */
  readonly ours: Field<P>;
  /** Customer of each purchase. @defaultValue "customerId" */
  readonly customer?: Field<P>;
  /** Units bought (> 0); null counts each purchase record as one unit. @defaultValue null */
  readonly quantity?: Field<P> | null;
  /** Money paid (> 0); needed for price selectivity, which is 1 without it. @defaultValue null */
  readonly amount?: Field<P> | null;
  /**
   * The market's customers (buyers and non-buyers of the category), the base of penetration.
   * When absent, the base is the customers appearing in `purchases`.
   * @defaultValue undefined (the customers appearing in `purchases`)
   */
  readonly customers?: readonly C[];
  /** Customer id field of `customers`. @defaultValue "customerId" */
  readonly customerId?: Field<C>;
}

/**
 * Result of {@link customerShareInputs}: the four factors plus the counts behind them.
 *
 * @example
 * ```ts
 * const purchases = [
 *   { customerId: "a", brand: "us" }, { customerId: "a", brand: "them" },
 *   { customerId: "b", brand: "them" }, { customerId: "b", brand: "them" },
 * ];
 * const customers = [{ customerId: "a" }, { customerId: "b" }, { customerId: "c" }];
 * const inputs: CustomerShareInputsResult = customerShareInputs(purchases, { ours: (p) => p.brand === "us", customers });
 * [inputs.marketCustomers, inputs.ourBuyers, inputs.ourVolume, inputs.marketVolume, inputs.ourBuyersVolume];
 * // => [3, 1, 1, 4, 2]
 * ```
 */
export interface CustomerShareInputsResult extends Required<CustomerShareOptions> {
  /** Customers in the market (the penetration base). */
  readonly marketCustomers: number;
  /** Customers who bought from us at least once. */
  readonly ourBuyers: number;
  /** Our units and all units in the category. */
  readonly ourVolume: number;
  readonly marketVolume: number;
  /** Category units bought by our buyers (from anyone). */
  readonly ourBuyersVolume: number;
  /** Our revenue and the market's, when `amount` is given (else null). */
  readonly ourRevenue: number | null;
  readonly marketRevenue: number | null;
}

const FN = "customerShareInputs";
/** Rules of customerShareInputs' options (exported for the equivalence test of crm's option rules; not in the module index). */
export const customerShareInputsShape = {
  ours: required(field<Field<unknown>>()),
  customer: field<Field<unknown>>(),
  quantity: nullable(field<Field<unknown>>()),
  amount: nullable(field<Field<unknown>>()),
  customers: list<unknown>(),
  customerId: field<Field<unknown>>(),
};
/** The defaults of customerShareInputs' options. */
export const CUSTOMER_SHARE_INPUTS_DEFAULTS = {
  customer: "customerId",
  quantity: null,
  amount: null,
  customerId: "customerId",
} as const;

/**
 * Derives the customer-share factors from customer and category purchase records:
 * - penetration = our buyers / market customers;
 * - loyalty = our volume / category volume of our buyers (share of requirements);
 * - selectivity = (category volume per our buyer) / (category volume per market customer);
 * - price selectivity = (our revenue / our volume) / (market revenue / market volume), 1 without amounts.
 *
 * The product of the four equals our revenue share exactly (our volume share when no
 * amounts are given), so `customerShare(customerShareInputs(...))` reproduces the share
 * while showing where it comes from.
 *
 * Complexity: O(n) over purchases plus O(m) over customers. Inputs are not mutated.
 *
 * @param purchases - category purchase records (ours and competitors')
 * @param options - which purchases are ours, fields, and the market's customers
 * @returns the four factors and the counts behind them, ready for {@link customerShare}
 * @throws {@link InvalidRecordError} for a non-boolean `ours`, a quantity or amount not > 0,
 *   a purchase by a customer missing from `customers`, or an element of `purchases` or `customers`
 *   that is not a record (null, a number, a string), or quantities or amounts so large that the category
 *   total overflows (the row where it does is named)
 * @throws {@link InvalidOptionsError} for an unknown option (named, with the nearest valid name) or
 *   `purchases` that is not an array
 * @throws {@link InsufficientDataError} when there are no purchases, or none of ours
 * @see Parfitt & Collins (1968) share decomposition.
 * @example
 * ```ts
 * const purchases = [
 *   { customerId: "a", brand: "us" }, { customerId: "a", brand: "them" },
 *   { customerId: "b", brand: "them" }, { customerId: "b", brand: "them" },
 * ];
 * const inputs = customerShareInputs(purchases, { ours: (p) => p.brand === "us", customers: [{ customerId: "a" }, { customerId: "b" }, { customerId: "c" }] });
 * [inputs.penetration, inputs.loyalty, inputs.selectivity]; // => [0.3333..., 0.5, 1.5] (1/3 of the customers buy ours)
 * customerShare(inputs).share; // => 0.25 (1 of 4 purchases)
 * ```
 */
export function customerShareInputs<P, C = unknown>(
  purchases: readonly P[],
  options: CustomerShareInputsOptions<P, C>,
): Readonly<CustomerShareInputsResult> {
  requireArray(FN, "purchases", "purchase records", purchases);
  const o = withDefaults(checkOptions(FN, customerShareInputsShape, options), CUSTOMER_SHARE_INPUTS_DEFAULTS);
  assertRecordArray(purchases, FN, "purchases");
  if (o.customers !== undefined) {
    assertRecordArray(o.customers, FN, "customers");
  }
  if (purchases.length === 0) throw new InsufficientDataError(FN, "no purchases: the market volume is 0");
  const customers = readCodes(purchases, o.customer as Field<P>, {
    functionName: FN,
    optionName: "customer",
  });
  const ours = resolveField(o.ours as Field<P>, "ours");
  const quantity = optionalField<P>(o.quantity, "quantity");
  const amount = optionalField<P>(o.amount, "amount");
  const positive = (f: { read: (r: P, i: number) => unknown; label: string }, i: number): number => {
    const v = f.read(purchases[i] as P, i);
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw new InvalidRecordError(
        FN,
        i,
        f.label,
        v,
        "expected a number > 0 (leave refunds out of share calculations)",
      );
    }
    return v;
  };

  const k = customers.labels.length;
  const isOurBuyer = new Uint8Array(k);
  const volumeOf = new Float64Array(k);
  let ourVolume = 0;
  let marketVolume = 0;
  let ourRevenue = 0;
  let marketRevenue = 0;
  for (let i = 0; i < purchases.length; i++) {
    const flag = ours.read(purchases[i] as P, i);
    if (typeof flag !== "boolean")
      throw new InvalidRecordError(FN, i, ours.label, flag, "expected true (our purchase) or false");
    const units = quantity === null ? 1 : positive(quantity, i);
    const money = amount === null ? 0 : positive(amount, i);
    const c = customers.codes[i] as number;
    volumeOf[c] = (volumeOf[c] as number) + units;
    marketVolume += units;
    marketRevenue += money;
    if (!Number.isFinite(marketVolume) || !Number.isFinite(marketRevenue)) {
      const f = Number.isFinite(marketVolume) ? (amount ?? ours) : (quantity ?? ours);
      throw new InvalidRecordError(
        FN,
        i,
        f.label,
        f.read(purchases[i] as P, i),
        "the category total overflows to Infinity at this purchase (the ratios would be NaN); rescale quantities or amounts (e.g. to thousands)",
      );
    }
    if (flag) {
      isOurBuyer[c] = 1;
      ourVolume += units;
      ourRevenue += money;
    }
  }
  if (ourVolume === 0)
    throw new InsufficientDataError(
      FN,
      "none of the purchases is ours: penetration and loyalty are 0 and selectivity is undefined",
    );

  let marketCustomers = k;
  if (o.customers !== undefined) {
    const base = readCodes(o.customers as readonly C[], o.customerId as Field<C>, {
      functionName: FN,
      optionName: "customerId",
    });
    const known = new Set(base.labels);
    for (let i = 0; i < purchases.length; i++) {
      const label = customers.labels[customers.codes[i] as number] as string;
      if (!known.has(label)) {
        throw new InvalidRecordError(
          FN,
          i,
          resolveField(o.customer as Field<P>, "customer").label,
          label,
          "the customer is not in options.customers; add every market customer there",
        );
      }
    }
    marketCustomers = base.labels.length;
  }
  let ourBuyers = 0;
  let ourBuyersVolume = 0;
  for (let c = 0; c < k; c++) {
    if (isOurBuyer[c] === 1) {
      ourBuyers++;
      ourBuyersVolume += volumeOf[c] as number;
    }
  }
  const priceSelectivity = amount === null ? 1 : ourRevenue / ourVolume / (marketRevenue / marketVolume);
  const result: CustomerShareInputsResult = {
    penetration: ourBuyers / marketCustomers,
    loyalty: ourVolume / ourBuyersVolume,
    selectivity: ourBuyersVolume / ourBuyers / (marketVolume / marketCustomers),
    priceSelectivity,
    marketCustomers,
    ourBuyers,
    ourVolume,
    marketVolume,
    ourBuyersVolume,
    ourRevenue: amount === null ? null : ourRevenue,
    marketRevenue: amount === null ? null : marketRevenue,
  };
  return withDisplay(result, {
    title: "Customer share inputs",
    summary: (r) => [
      `${r.ourBuyers} of ${r.marketCustomers} customers bought from us; ${r.ourVolume} of ${r.marketVolume} units`,
    ],
    rows: (r) =>
      (["penetration", "loyalty", "selectivity", "priceSelectivity"] as const).map((factor) => ({
        factor,
        value: r[factor],
      })),
  });
}
