import type { ArrowTableLike, ColumnarRecords, Field } from "../core/index.js";
import type { RepeatPurchaseSummaryResult } from "./repeatPurchaseSummary.js";

/**
 * What the lifetime-value fitters accept: the result of
 * {@link repeatPurchaseSummary}, or any records holding one customer's
 * `frequency` (repeat purchases, a non-negative integer), `recency` and `T`
 * (and `monetaryValue` for the spend model), read through
 * {@link RepeatPurchaseFields}, or the same as columns
 * (`{ x: Float64Array, t_x: Float64Array, T: Float64Array }`, see `ColumnarRecords`) or an Apache Arrow table.
 *
 * @example
 * ```ts
 * // the 2357 rows of the CDNOW calibration summary under other names, e.g. { x: 2, t_x: 30.43, T: 38.86 }
 * const rows: RepeatPurchaseInput<{ x: number; t_x: number; T: number }> = cdnowSummary.map(
 *   ({ frequency, recency, T }) => ({ x: frequency, t_x: recency, T }),
 * );
 * fitBgNbd(rows, { frequency: "x", recency: "t_x" }).params; // => { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }
 * ```
 */
export type RepeatPurchaseInput<T> =
  | RepeatPurchaseSummaryResult
  | readonly T[]
  | ColumnarRecords<T>
  | ArrowTableLike<T>;

/**
 * Field options naming the repeat-purchase statistics in plain records
 * (ignored when the input is a {@link RepeatPurchaseSummaryResult}).
 *
 * @example
 * ```ts
 * const fields: RepeatPurchaseFields<{ x: number; t_x: number; T: number }> = { frequency: "x", recency: "t_x" };
 * fitBgNbd([{ x: 3, t_x: 20, T: 30 }, { x: 0, t_x: 0, T: 30 }], fields).repeatCustomerCount; // => 1
 * ```
 */
export interface RepeatPurchaseFields<T> {
  /** Repeat purchases (non-negative integer). @defaultValue "frequency" */
  readonly frequency?: Field<T>;
  /** Time of the last purchase since the first (0 when frequency is 0). @defaultValue "recency" */
  readonly recency?: Field<T>;
  /** Age: time since the first purchase, at least `recency`. @defaultValue "T" */
  readonly T?: Field<T>;
  /** Mean repeat-purchase value (spend model only). @defaultValue "monetaryValue" */
  readonly monetaryValue?: Field<T>;
}
