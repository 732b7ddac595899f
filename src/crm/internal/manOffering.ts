// Payment arithmetic of an Offering, shared by offeringPayments and qualifyProspects (its checks: manRules.ts).
import type { Offering, OfferingPayments } from "../offering.js";

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
