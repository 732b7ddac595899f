import { type Field, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { deadlineAfter, resolveMinCount } from "./internal/common.js";
import {
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_PATTERNS,
  formatSequence,
  sequenceBudgetError,
  sequenceShape,
} from "./internal/sequenceCommon.js";
import { readSequences } from "./internal/sequenceDatabase.js";
import { mineSequences } from "./internal/sequenceMiner.js";

/**
 * Options of {@link sequentialPatterns}. Fields are keys or accessors `(record, index) => value`;
 * times are in days (fractional allowed).
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 * ];
 * const options: SequentialPatternsOptions<(typeof lines)[number]> = {
 *   customer: "customer", date: "date", item: "product", minSupport: 0.5, maxGap: 30,
 * };
 * sequentialPatterns(lines, options).patterns.map((p) => `${p.label} ${p.count}`);
 * // => ["<{beer}> 2", "<{diapers}> 2", "<{diapers}, {beer}> 1"]
 * ```
 */
export interface SequentialPatternsOptions<T> {
  /** The customer (sequence) id. */
  readonly customer: Field<T>;
  /** The purchase date: a `Date`, an ISO string or epoch milliseconds (a missing date is an error). */
  readonly date: Field<T>;
  /** The item (product, category). */
  readonly item: Field<T>;
  /**
   * The order id: when given, a basket is one order (two orders of one day are two baskets, in
   * order of their first line); when absent, a basket is everything one customer bought at one date
   * value (one day for day strings). Every line of an order must have the order's customer and date.
   * @defaultValue none: baskets by (customer, date)
   */
  readonly order?: Field<T>;
  /**
   * Minimum support: the share of customers whose sequence contains the pattern, in (0, 1]; a
   * pattern is frequent iff count >= ceil(minSupport * customers). @defaultValue 0.1 (as cspade),
   * unless `minCount` is given
   */
  readonly minSupport?: number;
  /** Minimum number of customers, instead of `minSupport`. @defaultValue none */
  readonly minCount?: number;
  /**
   * Least time in days from one element's basket to the next element's (cspade `mingap`).
   * @defaultValue none: any later basket (with `order`, also a later order of the same day)
   */
  readonly minGap?: number;
  /** Most time in days from one element's basket to the next element's (cspade `maxgap`). @defaultValue none */
  readonly maxGap?: number;
  /** Most time in days from the first element's basket to the last element's (cspade `maxwin`). @defaultValue none */
  readonly window?: number;
  /** Most items in a pattern, over all its elements (arulesSequences' length). @defaultValue none */
  readonly maxLength?: number;
  /** Most elements (baskets) in a pattern (cspade `maxlen`). @defaultValue none */
  readonly maxElements?: number;
  /** Most items in one element (cspade `maxsize`). @defaultValue none */
  readonly maxElementSize?: number;
  /**
   * Size budget. Given: stop after this many patterns and return them flagged `truncated`;
   * `Infinity`: no budget. Not given: more than 1,000,000 patterns, or more than 2^25 occurrences
   * stored at once on the search path (about 512 MB), is an `InvalidOptionsError` that says what to
   * change. @defaultValue 1,000,000 (exceeding it is an error)
   */
  readonly maxPatterns?: number;
  /** Time budget in ms: when exceeded, the patterns found so far are returned flagged `truncated`. @defaultValue none */
  readonly timeLimitMs?: number;
}

/**
 * A frequent sequential pattern: elements (itemsets) bought in this order, each in a later basket
 * than the one before.
 *
 * @example
 * ```ts
 * // ann and bob buy diapers, then beer 7 and 48 days later
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 * ];
 * const [pattern] = sequentialPatterns(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 })
 *   .patterns.filter((p) => p.size === 2);
 * pattern; // => { elements: [["diapers"], ["beer"]], label: "<{diapers}, {beer}>", support: 1, count: 2, size: 2, length: 2, medianGapDays: 27.5 }
 * ```
 */
export interface SequentialPattern {
  /** The elements in order, each sorted by name. */
  readonly elements: readonly (readonly string[])[];
  /** The pattern written as arulesSequences does, with spaces: `<{diapers}, {beer, chips}>`. */
  readonly label: string;
  /** Share of customers whose sequence contains the pattern. Range (0, 1]. */
  readonly support: number;
  /** Number of customers whose sequence contains the pattern. */
  readonly count: number;
  /** Number of elements (arulesSequences' size). */
  readonly size: number;
  /** Number of items over all elements (arulesSequences' length). */
  readonly length: number;
  /**
   * Median, over the customers containing the pattern, of the shortest time in days from the basket
   * of the second-to-last element to the basket of the last one (over every occurrence meeting the
   * constraints); `null` for a one-element pattern.
   */
  readonly medianGapDays: number | null;
}

/**
 * Result of {@link sequentialPatterns}.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 * ];
 * const result = sequentialPatterns(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * [result.customerCount, result.basketCount, result.truncated]; // => [2, 4, false]
 * ```
 */
export interface SequentialPatternsResult {
  /** The patterns, by count (descending), then in search order (prefixes before their extensions). */
  readonly patterns: readonly SequentialPattern[];
  /** Customers (sequences): the support denominator. */
  readonly customerCount: number;
  /** Baskets (events) over all customers. */
  readonly basketCount: number;
  /** Order lines whose item was already in the same basket (counted once). */
  readonly repeatedLines: number;
  /** True when an explicit `maxPatterns` or `timeLimitMs` stopped the search: patterns are missing (every count shown is exact). */
  readonly truncated: boolean;
  readonly truncatedReason: "maxPatterns" | "timeLimitMs" | undefined;
  /** Resolved options (fields omitted; `undefined` for an absent constraint). */
  readonly options: {
    readonly minSupport: number;
    readonly minCount: number;
    readonly minGap: number | undefined;
    readonly maxGap: number | undefined;
    readonly window: number | undefined;
    readonly maxLength: number | undefined;
    readonly maxElements: number | undefined;
    readonly maxElementSize: number | undefined;
    readonly maxPatterns: number | undefined;
    readonly timeLimitMs: number | undefined;
  };
}

/**
 * Finds the frequent sequential patterns of customers' purchase histories with cSPADE semantics
 * (arulesSequences' `cspade`): a customer's sequence is the time-ordered list of their baskets; a
 * pattern `<{a}, {b, c}>` is contained in it when baskets b1 < b2 hold {a} and {b, c} (in that
 * order, each element a subset of its basket) and the gap and window constraints hold; its support
 * is the share of customers whose sequence contains it.
 *
 * Records: a missing or invalid customer, date, item or order is an `InvalidRecordError` naming the
 * row and field (a missing date cannot be placed in a sequence, so it is not skipped); a repeated
 * line (the same item twice in one basket) counts once and is reported in `repeatedLines`; records
 * need not be sorted; one customer is allowed (each of their patterns has support 1); no records is
 * an `InsufficientDataError`.
 *
 * Bounded by default: more than 1,000,000 patterns (or 2^25 stored occurrences) is an
 * `InvalidOptionsError` naming the options to change; set `maxPatterns` for a partial result.
 *
 * Complexity: one pass over the supporting customers' later baskets per pattern found (counting
 * every extension at once), on integer-coded typed arrays (vertical id-lists as in SPADE); strings
 * are created only for the returned patterns. Memory: the order lines once as `Int32Array`s plus the
 * id-lists on one search path.
 *
 * @param records - order lines (not mutated)
 * @param options - {@link SequentialPatternsOptions}
 * @throws InvalidOptionsError for unknown or out-of-range options, `maxGap` below `minGap`, both
 *   `minSupport` and `minCount`, or when the default budget stops the search
 * @throws InvalidRecordError naming the row and field of a missing or invalid value, or of an order
 *   line whose customer or date differs from its order's first line
 * @throws InsufficientDataError when there are no records
 * @see Zaki (2001), "SPADE: an efficient algorithm for mining frequent sequences", Machine Learning
 *   42; Zaki (2000), "Sequence mining in categorical domains: incorporating constraints", CIKM;
 *   Buchta and Hahsler, arulesSequences (R).
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "ann", date: "2024-01-09", product: "chips" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "bob", date: "2024-02-20", product: "chips" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const result = sequentialPatterns(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.6 });
 * result.patterns.map((p) => `${p.label} ${p.count}`);
 * // => ["<{beer}> 3", "<{beer, chips}> 2", "<{chips}> 2", "<{diapers}> 2", "<{diapers}, {beer}> 2", "<{diapers}, {beer, chips}> 2", "<{diapers}, {chips}> 2"]
 * ```
 */
export function sequentialPatterns<T>(
  records: readonly T[],
  options: SequentialPatternsOptions<T>,
): SequentialPatternsResult {
  return minePatterns(records, options, "sequentialPatterns");
}

/** {@link sequentialPatterns} with the public function named in errors (sequentialRules mines through it). */
export function minePatterns<T>(
  records: readonly T[],
  options: SequentialPatternsOptions<T>,
  fn: string,
): SequentialPatternsResult {
  const start = performance.now();
  const parsed = checkOptions(fn, sequenceShape, options);
  if (parsed.maxGap !== undefined && parsed.minGap !== undefined && parsed.maxGap < parsed.minGap) {
    throw argumentError(fn, "maxGap", `must be at least minGap (${parsed.minGap} days)`, parsed.maxGap);
  }
  const db = readSequences(
    records,
    {
      customer: parsed.customer as Field<T>,
      date: parsed.date as Field<T>,
      item: parsed.item as Field<T>,
      order: parsed.order as Field<T> | undefined,
    },
    fn,
  );
  const { minCount, minSupport } = resolveMinCount(fn, parsed, 0.1, db.customerCount);
  const isDefault = parsed.maxPatterns === undefined;
  const mined = mineSequences(db, {
    minCount,
    minGap: parsed.minGap ?? 0,
    maxGap: parsed.maxGap ?? Infinity,
    window: parsed.window ?? Infinity,
    maxLength: parsed.maxLength ?? Infinity,
    maxElements: parsed.maxElements ?? Infinity,
    maxElementSize: parsed.maxElementSize ?? Infinity,
    maxPatterns: parsed.maxPatterns ?? DEFAULT_MAX_PATTERNS,
    maxEntries: isDefault ? DEFAULT_MAX_ENTRIES : Infinity,
    deadline: deadlineAfter(start, parsed.timeLimitMs),
  });
  if (mined.truncatedReason === "maxEntries" || (isDefault && mined.truncatedReason === "maxPatterns")) {
    throw sequenceBudgetError(fn, mined.truncatedReason, minCount, mined.size);
  }
  // by count, descending; ties keep the search order
  const order = Array.from({ length: mined.size }, (_, p) => p);
  order.sort((a, b) => (mined.counts[b] as number) - (mined.counts[a] as number) || a - b);
  const { codes, offsets, counts, gaps } = mined;
  const labels = db.itemLabels;
  const customers = db.customerCount;
  const patterns: SequentialPattern[] = new Array(mined.size);
  for (let k = 0; k < order.length; k++) {
    const p = order[k] as number;
    const elements: string[][] = [];
    let element: string[] = [];
    let length = 0;
    for (let q = offsets[p] as number; q < (offsets[p + 1] as number); q++) {
      const code = codes[q] as number;
      if (code < 0) {
        elements.push(element);
        element = [];
      } else {
        element.push(labels[code] as string);
        length++;
      }
    }
    elements.push(element);
    const count = counts[p] as number;
    const gap = gaps[p] as number;
    patterns[k] = {
      elements,
      label: formatSequence(elements),
      support: count / customers,
      count,
      size: elements.length,
      length,
      medianGapDays: Number.isNaN(gap) ? null : gap,
    };
  }
  const result: SequentialPatternsResult = {
    patterns,
    customerCount: customers,
    basketCount: db.eventCount,
    repeatedLines: db.repeatedLines,
    truncated: mined.truncated,
    truncatedReason: mined.truncatedReason as "maxPatterns" | "timeLimitMs" | undefined,
    options: {
      minSupport,
      minCount,
      minGap: parsed.minGap,
      maxGap: parsed.maxGap,
      window: parsed.window,
      maxLength: parsed.maxLength,
      maxElements: parsed.maxElements,
      maxElementSize: parsed.maxElementSize,
      maxPatterns: parsed.maxPatterns,
      timeLimitMs: parsed.timeLimitMs,
    },
  };
  return withDisplay(result, {
    title: "Sequential patterns",
    summary: (r) => [
      `${r.patterns.length} patterns from ${r.customerCount} customers, ${r.basketCount} baskets (min count ${r.options.minCount})${r.truncated ? `, TRUNCATED by ${r.truncatedReason}` : ""}`,
    ],
    rows: (r) =>
      r.patterns.map((pattern) => ({
        pattern: pattern.label,
        support: pattern.support,
        count: pattern.count,
        medianGapDays: pattern.medianGapDays,
      })),
  });
}
