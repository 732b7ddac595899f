import { checkOptions } from "../core/internal/optionRules.js";
import { paymentsOf } from "./internal/manOffering.js";
import { offeringRule } from "./internal/manRules.js";
import type { Offering, OfferingPayments } from "./offering.js";

export type { Offering, OfferingPayments, OfferingRequirement } from "./offering.js";

const FN = "offeringPayments";

/**
 * The payments an offering asks for: what is due up front, the monthly instalment and,
 * for a loan, the number of instalments and the total paid. A loan is a monthly annuity:
 * instalment = L r / (1 - (1 + r)^-n) with L = price - upfront, r = annualRate / 12 and
 * n = 12 years (L / n when the rate is 0). `qualifyProspects` compares these amounts with a
 * prospect's savings and income.
 *
 * @param offering - price and financing facts; see {@link Offering}
 * @returns upfront, financed, monthly instalment, months and total paid
 * @throws {@link InvalidOptionsError} for a price not above 0, a deposit above the price, both a
 *   loan and a fixed instalment, or an unknown key
 * @see Any loan-amortisation table: 200 000 at 6 % over 30 years is 1 199.10 a month.
 * @example
 * ```ts
 * const house = { price: 250000, deposit: 50000, loan: { annualRate: 0.06, years: 30 } };
 * offeringPayments(house).monthlyInstalment.toFixed(2); // => "1199.10"
 * offeringPayments({ price: 900 }).upfront;                // => 900
 * ```
 */
export function offeringPayments(offering: Offering): OfferingPayments {
  // checked as the option "offering", so each issue's path names it; null and undefined mean {}
  const parsed = checkOptions(FN, { offering: offeringRule }, { offering: offering ?? {} });
  return paymentsOf(parsed.offering);
}
