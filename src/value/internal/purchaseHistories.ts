import type { PurchaseDays } from "./purchaseDays.js";
import type { RepeatColumns } from "./repeatColumns.js";

/** The (frequency, recency, T) histories of the customers with a purchase day, and their labels. */
export interface PurchaseHistories extends RepeatColumns {
  readonly customers: readonly string[];
}

/**
 * The repeat-buying histories of purchase days, as `repeatPurchaseSummary` computes them (the same
 * divisions on the same integers): frequency = purchase days − 1, recency and T in `unitDays` from the
 * first purchase day to the last and to `endDay`. Customers without a purchase day left (fully refunded)
 * are left out. No monetary value. O(customers).
 */
export function purchaseHistories(
  purchases: PurchaseDays,
  endDay: number,
  unitDays: number,
): PurchaseHistories {
  const { labels, offsets, days } = purchases;
  const customers: string[] = [];
  let count = 0;
  for (let c = 0; c < labels.length; c++) if ((offsets[c + 1] as number) > (offsets[c] as number)) count++;
  const frequency = new Float64Array(count);
  const recency = new Float64Array(count);
  const T = new Float64Array(count);
  for (let c = 0; c < labels.length; c++) {
    const from = offsets[c] as number;
    const to = offsets[c + 1] as number;
    if (to === from) continue;
    const k = customers.length;
    const first = days[from] as number;
    frequency[k] = to - from - 1;
    recency[k] = ((days[to - 1] as number) - first) / unitDays;
    T[k] = (endDay - first) / unitDays;
    customers.push(labels[c] as string);
  }
  return { customers, frequency, recency, T, monetaryValue: undefined };
}
