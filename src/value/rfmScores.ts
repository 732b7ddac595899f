import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  quantileSorted,
  readNumbers,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, numeric, oneOf } from "../core/internal/optionRules.js";
import { naturalBreaks } from "./internal/naturalBreaks.js";
import { recordIds } from "./internal/recordIds.js";
import type { RfmTableResult } from "./rfmTable.js";

/**
 * How {@link rfmScores} chooses bin breaks: quantiles, equal widths or natural breaks.
 *
 * @example
 * ```ts
 * const method: RfmScoresMethod = "naturalBreaks";
 * ```
 */
export type RfmScoresMethod = "quantile" | "equalWidth" | "naturalBreaks";

/**
 * Options of {@link rfmScores}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmScores(table, { bins: 3 }).customers.map((row) => row.score); // => ["333", "111"]
 * ```
 */
export interface RfmScoresOptions<T> {
  /** Number of score levels per measure (scores 1..bins). @defaultValue 5 */
  readonly bins?: number;
  /**
   * How bin breaks are chosen:
   * - `"quantile"`: R type-7 quantiles of the measure at 1/bins, 2/bins, ...;
   * - `"equalWidth"`: equal-width intervals between the minimum and maximum;
   * - `"naturalBreaks"`: Jenks natural breaks, computed exactly as the optimal 1-D k-means partition
   *   (the dynamic programming of Ckmeans.1d.dp, Wang & Song 2011): groups that are as
   *   homogeneous as possible, for measures with gaps such as monetary value.
   * @defaultValue "quantile"
   */
  readonly method?: RfmScoresMethod;
  /** Fields when scoring plain records instead of an {@link RfmTableResult}. @defaultValue "customer" */
  readonly customer?: Field<T>;
  /** @defaultValue "recencyDays" */
  readonly recency?: Field<T>;
  /** @defaultValue "frequency" */
  readonly frequency?: Field<T>;
  /** @defaultValue "monetary" */
  readonly monetary?: Field<T>;
}

/**
 * One scored customer.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmScores(table).customers[0];
 * // => { customer: "a", recencyDays: 30, frequency: 2, monetary: 50, recencyScore: 5, frequencyScore: 5, monetaryScore: 5, score: "555" }
 * ```
 */
export interface RfmScoresRow {
  readonly customer: string;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  /** 1..bins; higher = more recent (recency is reversed). */
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
  /** The three scores as a code, recency first, e.g. "534". */
  readonly score: string;
}

/**
 * Result of {@link rfmScores}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmScores(table).breaks.monetary; // => [14, 23, 32, 41] (R type 7 quantiles of 5 and 50)
 * ```
 */
export interface RfmScoresResult {
  readonly customers: readonly RfmScoresRow[];
  /** Upper bounds of scores 1..bins−1 per measure (in the measure's own units, before the recency reversal). */
  readonly breaks: {
    readonly recencyDays: readonly number[];
    readonly frequency: readonly number[];
    readonly monetary: readonly number[];
  };
  readonly options: { readonly bins: number; readonly method: RfmScoresMethod };
}

/** Option rules of {@link rfmScores} (exported for value's option-rule test; not in the module index). */
export const rfmScoresShape = {
  bins: numeric({
    whole: true,
    gte: 2,
    lte: 9,
    messages: { lte: "at most 9 bins keep the score code one digit per measure" },
  }),
  method: oneOf(["quantile", "equalWidth", "naturalBreaks"]),
  customer: field(),
  recency: field(),
  frequency: field(),
  monetary: field(),
};

function breaksOf(values: Float64Array, bins: number, method: RfmScoresMethod): number[] {
  const sorted = Float64Array.from(values).sort();
  if (method === "naturalBreaks") return naturalBreaks(sorted, bins);
  const out: number[] = [];
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  for (let k = 1; k < bins; k++) {
    out.push(method === "quantile" ? quantileSorted(sorted, k / bins) : min + ((max - min) * k) / bins);
  }
  return out;
}

/**
 * The table argument when it is not an array: it must be an {@link RfmTableResult} (rows plus three
 * Float64Array columns of the same length, finite values); anything else is an InvalidOptionsError,
 * a row that is not an object or a non-finite column value an InvalidRecordError naming the row.
 */
function checkedTable(functionName: string, table: unknown): RfmTableResult {
  const candidate = table as Partial<RfmTableResult> | null;
  const n = Array.isArray(candidate?.customers) ? candidate.customers.length : -1;
  const columns = ["recencyDays", "frequency", "monetary"] as const;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    n < 0 ||
    columns.some((name) => !(candidate[name] instanceof Float64Array) || candidate[name].length !== n)
  ) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "table",
        message:
          "expected an rfmTable result, or an array of records with customer, recencyDays, frequency and monetary fields",
        received: table,
      },
    ]);
  }
  const result = candidate as RfmTableResult;
  assertRecordArray(result.customers, functionName, "table.customers");
  for (const name of columns) {
    const column = result[name];
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i])) {
        throw new InvalidRecordError(functionName, i, name, column[i], "expected a finite number");
      }
    }
  }
  return result;
}

/** How each method is named in the printed summary. */
const METHOD_WORDS: Record<RfmScoresMethod, string> = {
  quantile: "R type-7 quantiles",
  equalWidth: "equal widths",
  naturalBreaks: "natural breaks",
};

/** 1 + number of breaks strictly below the value: equal values always get the same score. */
function scoreOf(value: number, breaks: readonly number[]): number {
  let score = 1;
  for (const b of breaks) if (value > b) score++;
  return score;
}

/**
 * Scores each customer 1..bins on recency, frequency and monetary value, and joins the three
 * scores into a code such as "534" (R = 5, F = 3, M = 4).
 *
 * Bins: with `method: "quantile"` the breaks are the R type-7 quantiles (`quantile(x, k / bins)`)
 * of each measure; a value gets score 1 + (number of breaks strictly below it), i.e. bins are
 * right-closed intervals (b_{k−1}, b_k] like R's `cut(..., right = TRUE)` and `findInterval(..., left.open = TRUE)`.
 * Tie rule: equal values always share a score — ties are never split across bins — so with many
 * ties (e.g. frequency 1 for most customers) some scores stay empty and bins are unequal in size.
 * Recency is reversed: fewer days since the last purchase gives a higher score
 * (recencyScore = bins + 1 − score of recencyDays).
 *
 * With `method: "naturalBreaks"` the breaks are the upper ends of the optimal 1-D k-means groups of each
 * measure (Jenks' criterion, solved exactly by Ckmeans.1d.dp); fewer breaks when a measure has fewer
 * distinct values than bins.
 *
 * Complexity: O(n log n) (one sort per measure); natural breaks O(bins · n log n), about half a second
 * per million customers and measure at 5 bins.
 *
 * @param table - an {@link rfmTable} result, or records with customer, recency (days), frequency and monetary fields
 * @throws InvalidOptionsError when `table` is neither an array of records nor an rfmTable result
 * @throws InsufficientDataError for an empty table
 * @throws InvalidOptionsError for bins outside 2..9 or an unknown method
 * @throws InvalidRecordError for a missing or non-numeric measure (plain records)
 * @see Hughes (1994), Strategic Database Marketing; R `quantile(type = 7)` for the breaks; Wang & Song (2011),
 * "Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming", The R Journal 3(2).
 * @example
 * ```ts
 * const orders = [
 *   { id: "a", day: "2024-01-02", value: 20 },
 *   { id: "a", day: "2024-03-01", value: 30 },
 *   { id: "b", day: "2024-02-15", value: 5 },
 * ];
 * const scores = rfmScores(rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" }));
 * scores.customers.map((row) => row.score); // => ["555", "111"]
 * scores.customers[1];
 * // => { customer: "b", recencyDays: 45, frequency: 1, monetary: 5, recencyScore: 1, frequencyScore: 1, monetaryScore: 1, score: "111" }
 * ```
 */
export function rfmScores<T>(
  table: RfmTableResult | readonly T[],
  options: RfmScoresOptions<T> = {},
): RfmScoresResult {
  const functionName = "rfmScores";
  const parsed = withDefaults(checkOptions(functionName, rfmScoresShape, options), {
    bins: 5,
    method: "quantile",
  });
  let ids: readonly string[];
  let recency: Float64Array;
  let frequency: Float64Array;
  let monetary: Float64Array;
  if (!Array.isArray(table)) {
    const result = checkedTable(functionName, table);
    ids = result.customers.map((row) => row.customer);
    ({ recencyDays: recency, frequency, monetary } = result);
  } else {
    const records = table as readonly T[];
    const context = (optionName: string) => ({ functionName, optionName });
    ids = recordIds(
      records,
      (options.customer ?? "customer") as Field<T>,
      records.length,
      functionName,
      "customer",
    );
    recency = readNumbers(records, (options.recency ?? "recencyDays") as Field<T>, context("recency"));
    frequency = readNumbers(records, (options.frequency ?? "frequency") as Field<T>, context("frequency"));
    monetary = readNumbers(records, (options.monetary ?? "monetary") as Field<T>, context("monetary"));
  }
  const n = recency.length;
  if (n === 0)
    throw new InsufficientDataError(functionName, "the RFM table is empty; there is nobody to score");
  const { bins, method } = parsed;
  const breaks = {
    recencyDays: breaksOf(recency, bins, method),
    frequency: breaksOf(frequency, bins, method),
    monetary: breaksOf(monetary, bins, method),
  };
  const customers: RfmScoresRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const recencyScore = bins + 1 - scoreOf(recency[i] as number, breaks.recencyDays);
    const frequencyScore = scoreOf(frequency[i] as number, breaks.frequency);
    const monetaryScore = scoreOf(monetary[i] as number, breaks.monetary);
    customers[i] = {
      customer: ids[i] as string,
      recencyDays: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: monetary[i] as number,
      recencyScore,
      frequencyScore,
      monetaryScore,
      score: `${recencyScore}${frequencyScore}${monetaryScore}`,
    };
  }
  const result: RfmScoresResult = { customers, breaks, options: { bins, method } };
  return withDisplay(result, {
    title: "RFM scores",
    summary: (r) => [
      `${r.customers.length} customers, ${r.options.bins} bins by ${METHOD_WORDS[r.options.method]} (ties share a score; recency reversed)`,
    ],
    rows: (r) => r.customers,
  });
}
