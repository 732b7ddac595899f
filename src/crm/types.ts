/**
 * Public types shared by several clientele/crm functions.
 * @module
 */

/**
 * Calendar periods used to group records by date (UTC): labels are a day `"2024-03-05"`, an
 * ISO week by its Monday `"2024-03-04"`, a month `"2024-03"`, a quarter `"2024-Q1"` or a year `"2024"`.
 *
 * @example
 * ```ts
 * const period: CrmPeriod = "quarter";
 * complaintSummary([{ customerId: "a", category: "incident", openedAt: "2024-02-10" }], { period }).trend[0]?.period;
 * // => "2024-Q1"
 * ```
 */
export type CrmPeriod = "day" | "week" | "month" | "quarter" | "year";

/**
 * A rate with the counts it came from; `value` is null when the denominator is zero (never NaN).
 *
 * @example
 * ```ts
 * const orders = [{ promisedDate: "2024-01-05", deliveredDate: null, status: "lost", damaged: false, inStock: true }];
 * const onTime: CrmRate = serviceKpis(orders).overall.onTimeDelivery;
 * onTime; // => { value: null, numerator: 0, denominator: 0 } (nothing was delivered)
 * ```
 */
export interface CrmRate {
  /** numerator / denominator, or null when the denominator is 0. */
  readonly value: number | null;
  /** Records that meet the KPI's condition. */
  readonly numerator: number;
  /** Records the KPI is measured on. */
  readonly denominator: number;
}
