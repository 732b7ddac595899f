// Validation and payment arithmetic of an Offering, shared by offeringPayments and qualifyProspects.
import * as z from "zod/mini";
import {
  optionalSchema,
  optionsSchema,
  stringListSchema,
  stringSchema,
} from "../../core/internal/optionChecks.js";
import type { Offering, OfferingPayments } from "../offering.js";
import { valueMapSchema } from "./valueMap.js";

/** A finite amount >= 0 (a deposit, an interest rate). */
const amount = z
  .number()
  .check(z.refine(Number.isFinite, "must be a finite number"), z.gte(0, "must be at least 0"));
/** A finite amount > 0 (a price, an instalment, a loan's years). */
const positiveAmount = z
  .number()
  .check(z.refine(Number.isFinite, "must be a finite number"), z.gt(0, "must be greater than 0"));

// Bounds up to 1 are refinements with the bounds in their words: a z.lte check would add 0.4 kB to the
// bundles for what a comparison says.
/** A number in [0, 1] (a share or a score), with "must be in [0, 1]" otherwise. */
export const inUnit = z.refine<number>((value) => value >= 0 && value <= 1, "must be in [0, 1]");

/** The largest share of monthly income an instalment may take: a number in (0, 1]. */
export const instalmentShare = z
  .number("expected a share in (0, 1]")
  .check(z.refine((value) => value > 0 && value <= 1, "must be in (0, 1]"));

/** Schema of an {@link Offering} (shared with qualifyProspects). */
export const offeringSchema = optionsSchema({
  name: optionalSchema(stringSchema()),
  price: positiveAmount,
  deposit: optionalSchema(amount),
  depositShare: optionalSchema(z.number("expected a share in [0, 1]").check(inUnit)),
  monthlyInstalment: optionalSchema(positiveAmount),
  loan: optionalSchema(optionsSchema({ annualRate: amount, years: positiveAmount })),
  maxInstalmentShare: optionalSchema(instalmentShare),
  // Feature name -> true/false or a finite number (a catch-all object and a custom check rather than
  // z.record and z.union: 2.5 kB less in the bundles of offeringPayments and qualifyProspects).
  provides: optionalSchema(
    valueMapSchema(
      z.custom<boolean | number>(
        (value) => typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)),
        { message: "expected true or false or a finite number" },
      ),
    ),
  ),
  lacks: optionalSchema(stringListSchema()),
}).check(
  z.refine(
    (o) => !(o.deposit !== undefined && o.depositShare !== undefined),
    "give deposit or depositShare, not both",
  ),
  z.refine(
    (o) => !(o.loan !== undefined && o.monthlyInstalment !== undefined),
    "give loan or monthlyInstalment, not both",
  ),
  z.refine((o) => (o.deposit ?? 0) <= o.price, "deposit must not exceed the price"),
);

/** The payments of an already validated offering (no validation). */
export function paymentsOf(offering: Offering): OfferingPayments {
  const { price } = offering;
  const financedBy = offering.loan !== undefined || offering.monthlyInstalment !== undefined;
  const upfront =
    offering.deposit ??
    (offering.depositShare !== undefined ? offering.depositShare * price : financedBy ? 0 : price);
  const financed = price - upfront;
  if (offering.monthlyInstalment !== undefined) {
    return {
      price,
      upfront,
      financed,
      monthlyInstalment: offering.monthlyInstalment,
      months: null,
      totalPaid: null,
    };
  }
  if (offering.loan !== undefined && financed > 0) {
    const months = Math.max(1, Math.round(offering.loan.years * 12));
    const rate = offering.loan.annualRate / 12;
    const monthlyInstalment =
      rate === 0 ? financed / months : (financed * rate) / (1 - (1 + rate) ** -months);
    return {
      price,
      upfront,
      financed,
      monthlyInstalment,
      months,
      totalPaid: upfront + monthlyInstalment * months,
    };
  }
  return { price, upfront: price, financed: 0, monthlyInstalment: 0, months: 0, totalPaid: price };
}
