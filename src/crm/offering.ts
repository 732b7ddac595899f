// The offering a salesperson qualifies prospects for, described by facts: what it costs, how it can be paid,
// what it provides and what it lacks. Types only; `offeringPayments` turns the price facts into amounts.

/**
 * What a salesperson sells, described by facts rather than scores, so that
 * {@link qualifyProspects} can judge Money as affordability and Need as fit.
 *
 * Price and financing (amounts in one currency; income in the same currency per year):
 * - paid in full: give `price` only (the whole price is due up front);
 * - a deposit and a loan: `deposit` (or `depositShare`) and `loan` (`annualRate`, `years`);
 *   the rest of the price is an amortising loan paid monthly;
 * - a deposit and a fixed instalment: `deposit` and `monthlyInstalment` (e.g. a shop's
 *   instalment plan, or a B2B subscription billed monthly with `deposit: 0`).
 *
 * Features: `provides` maps a feature name to a number (bedrooms: 3, sizeM2: 120, seats: 50) or
 * `true` (garden, onSiteSupport); `lacks` names features it does not have, so a prospect who
 * must have one of them is a product mismatch with a reason that says so. A feature that is
 * neither provided nor listed as lacking is treated as not provided.
 *
 * @example
 * ```ts
 * const house: Offering = {
 *   name: "3-bedroom house, Elm Street",
 *   price: 240000,
 *   depositShare: 0.2,
 *   loan: { annualRate: 0.045, years: 25 },
 *   provides: { bedrooms: 3, garden: true, nearSchool: true },
 *   lacks: ["garage"],
 * };
 * offeringPayments(house).monthlyInstalment; // => 1067.1983576870311
 * ```
 */
export interface Offering {
  /** A name for reasons and printing. */
  readonly name?: string;
  /** The price in currency units (> 0). */
  readonly price: number;
  /**
   * Amount due up front. Defaults to `depositShare x price` when that is given, to 0 when a
   * `loan` or `monthlyInstalment` pays the rest, and to the whole price otherwise.
   */
  readonly deposit?: number;
  /** Deposit as a share of the price, in [0, 1] (instead of `deposit`). */
  readonly depositShare?: number;
  /** A fixed monthly instalment (instead of `loan`). */
  readonly monthlyInstalment?: number;
  /** Loan terms for the part of the price the deposit does not cover (monthly annuity). */
  readonly loan?: {
    /** Nominal annual interest rate as a fraction (0.045 = 4.5 %); compounded monthly. */
    readonly annualRate: number;
    /** Term in years (> 0). */
    readonly years: number;
  };
  /**
   * Largest share of a prospect's monthly income the instalment may take, in (0, 1].
   * @defaultValue the preset's `money.maxInstalmentShare`
   */
  readonly maxInstalmentShare?: number;
  /** Features it provides: a number (a size or a count) or `true`. */
  readonly provides?: Readonly<Record<string, number | boolean>>;
  /** Features it does not have (named in mismatch reasons). */
  readonly lacks?: readonly string[];
}

/**
 * A must-have of a prospect, matched against {@link Offering.provides}: a feature name (it must
 * be provided), or a feature with bounds: `min` (e.g. at least 3 bedrooms) and/or `max` (e.g.
 * a price of at most 250 000). `price` names the offering's price.
 *
 * @example
 * ```ts
 * const mustHaves: OfferingRequirement[] = ["garden", { feature: "bedrooms", min: 3 }];
 * qualifyProspects(
 *   [{ id: "A", income: 90000, savings: 60000, authority: "full", dependants: 3, requirements: mustHaves }],
 *   { preset: "realEstate", offering: { price: 240000, depositShare: 0.2, loan: { annualRate: 0.045, years: 25 },
 *     provides: { bedrooms: 3, garden: true } } },
 * ).prospects[0]?.verdict; // => "qualified"
 * ```
 */
export type OfferingRequirement =
  | string
  | {
      readonly feature: string;
      readonly min?: number;
      readonly max?: number;
    };

/**
 * What an {@link Offering} asks of a buyer, in currency units.
 *
 * @example
 * ```ts
 * const payments: OfferingPayments = offeringPayments({ price: 1200, monthlyInstalment: 100 });
 * [payments.upfront, payments.monthlyInstalment, payments.months]; // => [0, 100, null]
 * ```
 */
export interface OfferingPayments {
  /** The price. */
  readonly price: number;
  /** Due up front (the deposit, or the whole price when nothing is financed). */
  readonly upfront: number;
  /** The part of the price the loan or instalments pay (price - upfront). */
  readonly financed: number;
  /** Monthly instalment (0 when nothing is financed). */
  readonly monthlyInstalment: number;
  /** Number of monthly instalments of the loan; null for a fixed instalment without a term. */
  readonly months: number | null;
  /** Upfront plus every instalment of the loan; null without a term. */
  readonly totalPaid: number | null;
}
