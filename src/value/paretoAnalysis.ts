import { type Field, InsufficientDataError, InvalidOptionsError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, listOf, numeric } from "../core/internal/optionRules.js";
import { pair } from "./internal/optionRules.js";
import { cumulativeShares, exactSum, readNonNegativeValues, scaledByMax } from "./internal/readValues.js";
import { recordIds } from "./internal/recordIds.js";

/**
 * Options of {@link paretoAnalysis}.
 *
 * @example
 * ```ts
 * const accounts = [{ id: "x", revenue: 60 }, { id: "y", revenue: 30 }, { id: "z", revenue: 10 }];
 * paretoAnalysis(accounts, { value: "revenue", id: "id", coreShare: 0.8 }).core.ids; // => ["x", "y"]
 * ```
 */
export interface ParetoAnalysisOptions<T> {
  /** Field holding the value when the input is records rather than numbers. */
  readonly value?: Field<T>;
  /**
   * Field identifying the customer: a property name or accessor for records; for plain numbers an
   * accessor `(value, index) => id` (a property name is refused). By default the position in the input,
   * as a string.
   */
  readonly id?: Field<T>;
  /** Customer shares to report "top x% hold y% of value" for. @defaultValue [0.01, 0.04, 0.1, 0.2, 0.5] */
  readonly topShares?: readonly number[];
  /** Share of value the "core" customers must cover. @defaultValue 0.8 */
  readonly coreShare?: number;
  /** Cumulative value shares closing classes A and B (C is the rest). @defaultValue [0.8, 0.95] */
  readonly abcBreaks?: readonly [number, number];
}

/**
 * "The top x% of customers hold y% of the value."
 *
 * @example
 * ```ts
 * paretoAnalysis([60, 30, 10], { topShares: [0.34] }).top[0]; // => { customerShare: 0.34, customers: 2, valueShare: 0.9 }
 * ```
 */
export interface ParetoTopShare {
  /** Share of customers requested, e.g. 0.2. */
  readonly customerShare: number;
  /** Customers in that top group: ceil(customerShare × n), at least 1. */
  readonly customers: number;
  /** Share of the total value they hold. */
  readonly valueShare: number;
}

/**
 * One customer's place in the ranking.
 *
 * @example
 * ```ts
 * const accounts = [{ id: "x", revenue: 60 }, { id: "y", revenue: 30 }, { id: "z", revenue: 10 }];
 * paretoAnalysis(accounts, { value: "revenue", id: "id" }).ranking[2];
 * // => { id: "z", value: 10, rank: 3, cumulativeShare: 1, abcClass: "B" }
 * ```
 */
export interface ParetoAnalysisRow {
  readonly id: string;
  readonly value: number;
  /** 1 = most valuable (ties keep input order). */
  readonly rank: number;
  /** Share of value held by customers ranked 1..rank. */
  readonly cumulativeShare: number;
  readonly abcClass: "A" | "B" | "C";
}

/**
 * Result of {@link paretoAnalysis}.
 *
 * @example
 * ```ts
 * const result = paretoAnalysis([60, 30, 10]);
 * [result.total, result.count]; // => [100, 3]
 * result.abc[0]; // => { abcClass: "A", customers: 2, customerShare: 0.667, valueShare: 0.9 }
 * ```
 */
export interface ParetoAnalysisResult {
  /** Sum of the values; Infinity when it exceeds the double range (the shares are computed scaled and stay exact). */
  readonly total: number;
  readonly count: number;
  readonly top: readonly ParetoTopShare[];
  /** The smallest set of customers covering `coreShare` of the value. */
  readonly core: {
    readonly targetShare: number;
    readonly customers: number;
    readonly customerShare: number;
    readonly valueShare: number;
    readonly ids: readonly string[];
  };
  /** Customers ranked by value, descending. */
  readonly ranking: readonly ParetoAnalysisRow[];
  readonly abc: readonly {
    readonly abcClass: "A" | "B" | "C";
    readonly customers: number;
    readonly customerShare: number;
    readonly valueShare: number;
  }[];
  readonly options: {
    readonly topShares: readonly number[];
    readonly coreShare: number;
    readonly abcBreaks: readonly [number, number];
  };
}

/** A share in (0, 1]. */
const share = numeric({
  gt: 0,
  lte: 1,
  messages: { gt: "must be greater than 0", lte: "must be at most 1" },
});

/** Option rules of {@link paretoAnalysis} (exported for value's option-rule test; not in the module index). */
export const paretoAnalysisShape = {
  value: field(),
  id: field(),
  topShares: listOf(share),
  coreShare: share,
  abcBreaks: pair(share),
};

/**
 * Pareto (80/20) concentration analysis of non-negative values per customer: the share of the
 * total held by the top x% of customers, the smallest "core" set of customers covering a target
 * share (80% by default — in some banks 4% of customers bring 80% of revenue), and ABC classes.
 *
 * Definitions: customers are ranked by value, descending (ties keep input order). The top x%
 * is the first ceil(x·n) customers. The core is the shortest prefix whose cumulative share reaches
 * `coreShare`. Class A is the shortest prefix reaching `abcBreaks[0]` (so A = the 80% core by default),
 * class B extends it to reach `abcBreaks[1]`, class C is the rest.
 *
 * Complexity: O(n log n).
 *
 * @param values - numbers, or records with `value` (and optionally `id`) fields
 * @throws InvalidRecordError for negative or missing values (with the row)
 * @throws InsufficientDataError for empty input or a zero total
 * @throws InvalidOptionsError for shares outside (0, 1] or decreasing ABC breaks
 * @see Juran's "vital few" / Pareto principle; ABC analysis (Dickie 1951).
 * @example
 * ```ts
 * const pareto = paretoAnalysis([50, 30, 10, 5, 5]);
 * pareto.top.find((t) => t.customerShare === 0.2); // => { customerShare: 0.2, customers: 1, valueShare: 0.5 }
 * pareto.core; // => { targetShare: 0.8, customers: 2, customerShare: 0.4, valueShare: 0.8, ids: ["0", "1"] }
 * ```
 */
export function paretoAnalysis<T>(
  values: ArrayLike<number> | readonly T[],
  options: ParetoAnalysisOptions<T> = {},
): ParetoAnalysisResult {
  const functionName = "paretoAnalysis";
  const parsed = withDefaults(checkOptions(functionName, paretoAnalysisShape, options), {
    topShares: [0.01, 0.04, 0.1, 0.2, 0.5],
    coreShare: 0.8,
    abcBreaks: [0.8, 0.95],
  });
  const [breakA, breakB] = parsed.abcBreaks as [number, number];
  if (breakB < breakA) {
    throw new InvalidOptionsError(functionName, [
      { path: "abcBreaks", message: "the B break must not be below the A break", received: parsed.abcBreaks },
    ]);
  }
  const data = readNonNegativeValues(functionName, values, options.value);
  const n = data.length;
  if (n === 0) throw new InsufficientDataError(functionName, "no values to analyse");
  let ids: readonly string[];
  const plainNumbers =
    ArrayBuffer.isView(values) || (n > 0 && typeof (values as ArrayLike<unknown>)[0] === "number");
  if (options.id !== undefined && plainNumbers) {
    // Plain numbers have no properties: an accessor (value, index) => id names them; a key cannot.
    const id = options.id;
    if (typeof id !== "function") {
      throw new InvalidOptionsError(functionName, [
        {
          path: "id",
          message:
            "names a property, but the values are plain numbers: pass records, or an accessor (value, index) => id",
          received: id,
        },
      ]);
    }
    const accessor = id as (value: unknown, index: number) => unknown;
    ids = Array.from({ length: n }, (_, i) => String(accessor((values as ArrayLike<number>)[i], i)));
  } else ids = recordIds(values as readonly T[], options.id, n, functionName, "id");
  const total = exactSum(data);
  // shares from the values divided by their maximum: huge finite values cannot overflow the running sum
  const { scaled, max } = scaledByMax(data);
  if (!(max > 0))
    throw new InsufficientDataError(
      functionName,
      "every value is 0, so there is no concentration to analyse",
    );
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((p, q) => (data[q] as number) - (data[p] as number) || p - q);
  const cumulative = cumulativeShares(scaled, order);
  // shortest prefix reaching a share (a tiny tolerance absorbs rounding of exact shares like 0.8)
  const reach = (target: number) => {
    for (let k = 0; k < n; k++) if ((cumulative[k] as number) >= target - 1e-12) return k + 1;
    return n;
  };
  const top = parsed.topShares.map((customerShare) => {
    const customers = Math.max(1, Math.ceil(customerShare * n - 1e-9));
    return { customerShare, customers, valueShare: cumulative[customers - 1] as number };
  });
  const coreCount = reach(parsed.coreShare);
  const countA = reach(breakA);
  const countB = reach(breakB);
  const ranking: ParetoAnalysisRow[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    ranking[k] = {
      id: ids[i] as string,
      value: data[i] as number,
      rank: k + 1,
      cumulativeShare: cumulative[k] as number,
      abcClass: k < countA ? "A" : k < countB ? "B" : "C",
    };
  }
  const classShare = (from: number, to: number) =>
    to === from ? 0 : (cumulative[to - 1] as number) - (from === 0 ? 0 : (cumulative[from - 1] as number));
  // each class: the ranks from (inclusive) and to (exclusive) it spans
  const abc = (
    [
      ["A", 0, countA],
      ["B", countA, countB],
      ["C", countB, n],
    ] as const
  ).map(([abcClass, from, to]) => ({
    abcClass,
    customers: to - from,
    customerShare: (to - from) / n,
    valueShare: classShare(from, to),
  }));
  const result: ParetoAnalysisResult = {
    total,
    count: n,
    top,
    core: {
      targetShare: parsed.coreShare,
      customers: coreCount,
      customerShare: coreCount / n,
      valueShare: cumulative[coreCount - 1] as number,
      ids: ranking.slice(0, coreCount).map((row) => row.id),
    },
    ranking,
    abc,
    options: { topShares: parsed.topShares, coreShare: parsed.coreShare, abcBreaks: [breakA, breakB] },
  };
  return withDisplay(result, {
    title: "Pareto analysis",
    summary: (r) => [
      `${r.count} customers, total ${r.total.toFixed(2)}; core: ${r.core.customers} customers (${(100 * r.core.customerShare).toFixed(1)}%) hold ${(100 * r.core.valueShare).toFixed(1)}% of value`,
      ...r.abc.map(
        (c) =>
          `class ${c.abcClass}: ${c.customers} customers (${(100 * c.customerShare).toFixed(1)}%), ${(100 * c.valueShare).toFixed(1)}% of value`,
      ),
    ],
    rows: (r) => r.top,
  });
}
