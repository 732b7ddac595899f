import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  readNumbers,
  summarize,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import {
  checkOptions,
  field,
  listOf,
  nested,
  nonEmptyText,
  numeric,
  oneOf,
  required,
  withStrayLength,
} from "../core/internal/optionRules.js";
import { recordIds } from "./internal/recordIds.js";

/**
 * One measure of a composite contribution.
 *
 * @example
 * ```ts
 * const net: ContributionMeasure<{ deposit: number; loan: number }> = { field: (r) => r.loan - r.deposit, weight: 1, name: "net" };
 * contributionScore([{ deposit: 120, loan: 300 }], { measures: [net] }).customers[0].components; // => { net: 180 }
 * ```
 */
export interface ContributionMeasure<T> {
  /** A key or an accessor of the measure (e.g. deposit margin, loan margin, fee income). */
  readonly field: Field<T>;
  /** Weight of the measure in the composite (any non-negative number; weights need not sum to 1). */
  readonly weight: number;
  /** Label in the output; required for an accessor field. @defaultValue the field key */
  readonly name?: string;
}

/**
 * Options of {@link contributionScore}.
 *
 * @example
 * ```ts
 * const accounts = [{ id: "a", deposit: 120, loan: 300 }, { id: "b", deposit: 80, loan: 0 }];
 * const measures = [{ field: "deposit", weight: 0.5 }, { field: "loan", weight: 0.5 }] as const;
 * contributionScore(accounts, { customer: "id", measures, normalize: "minmax" }).customers.map((row) => row.score); // => [1, 0]
 * ```
 */
export interface ContributionScoreOptions<T> {
  readonly measures: readonly ContributionMeasure<T>[];
  /** Customer identifier; by default the record's position as a string. */
  readonly customer?: Field<T>;
  /**
   * How each measure is put on a common scale before weighting:
   * - `"none"`: raw values (all measures in the same currency — the usual bank case);
   * - `"zscore"`: (x − mean) / standard deviation (n − 1), 0 for a constant measure;
   * - `"minmax"`: (x − min) / (max − min) in [0, 1], 0 for a constant measure;
   * - `"share"`: x / Σ|x|, each customer's share of the measure's total.
   * @defaultValue "none"
   */
  readonly normalize?: "none" | "zscore" | "minmax" | "share";
}

/**
 * One customer's composite contribution.
 *
 * @example
 * ```ts
 * const accounts = [{ id: "a", deposit: 120, loan: 300 }, { id: "b", deposit: 80, loan: 0 }];
 * const measures = [{ field: "deposit", weight: 0.5 }, { field: "loan", weight: 0.5 }] as const;
 * contributionScore(accounts, { customer: "id", measures, normalize: "minmax" }).customers[0];
 * // => { customer: "a", score: 1, components: { deposit: 0.5, loan: 0.5 }, rank: 1 }
 * ```
 */
export interface ContributionScoreRow {
  readonly customer: string;
  /** Σ weight × normalised measure. */
  readonly score: number;
  /** Each measure's weighted, normalised part of the score, by measure name. */
  readonly components: Readonly<Record<string, number>>;
  /** 1 = highest score. */
  readonly rank: number;
}

/**
 * Result of {@link contributionScore}.
 *
 * @example
 * ```ts
 * const accounts = [{ id: "a", deposit: 120, loan: 300 }, { id: "b", deposit: 80, loan: 0 }];
 * const measures = [{ field: "deposit", weight: 0.5 }, { field: "loan", weight: 0.5 }] as const;
 * contributionScore(accounts, { customer: "id", measures }).measures[0];
 * // => { name: "deposit", weight: 0.5, mean: 100, standardDeviation: 28.28 }
 * ```
 */
export interface ContributionScoreResult {
  readonly customers: readonly ContributionScoreRow[];
  /** Scores as a column, in input order. */
  readonly scores: Float64Array;
  readonly measures: readonly {
    readonly name: string;
    readonly weight: number;
    readonly mean: number;
    readonly standardDeviation: number;
  }[];
  readonly options: { readonly normalize: "none" | "zscore" | "minmax" | "share" };
}

/** The least number of measures (an empty string given for them is also told so, as zod did). */
const AT_LEAST_ONE_MEASURE = { min: 1, message: "give at least one measure" };

/** Option rules of {@link contributionScore} (exported for value's option-rule test; not in the module index). */
export const contributionScoreShape = {
  measures: required(
    withStrayLength(
      listOf(
        nested({ field: required(field()), weight: required(numeric({ gte: 0 })), name: nonEmptyText() }),
        AT_LEAST_ONE_MEASURE,
      ),
      AT_LEAST_ONE_MEASURE,
    ),
  ),
  customer: field(),
  normalize: oneOf(["none", "zscore", "minmax", "share"]),
};

/**
 * Composite contribution of each customer: a weighted sum of several measures (a bank weighs
 * deposit, loan and fee contribution; a retailer gross margin and service cost), each optionally
 * normalised first so measures in different units can be combined. The result feeds
 * {@link valueTiers} (`contribution` field) or {@link paretoAnalysis}.
 *
 * Negative measures are allowed (a loss-making product line): they lower the score.
 *
 * Complexity: O(n · measures).
 *
 * @param records - one record per customer; not modified
 * @throws InvalidOptionsError without measures, with a negative weight, or an accessor measure without a name
 * @throws InvalidRecordError for a missing or non-numeric measure value (with row and field)
 * @throws InsufficientDataError for empty input
 * @see Kotler & Keller, Marketing Management — customer profitability analysis; bank customer-contribution scoring.
 * @example
 * ```ts
 * const scored = contributionScore(
 *   [{ id: "a", deposit: 120, loan: 300, fees: 40 }, { id: "b", deposit: 80, loan: 0, fees: 10 }],
 *   { customer: "id", measures: [{ field: "deposit", weight: 1 }, { field: "loan", weight: 1 }, { field: "fees", weight: 1 }] },
 * );
 * scored.customers[0]; // => { customer: "a", score: 460, components: { deposit: 120, loan: 300, fees: 40 }, rank: 1 }
 * ```
 */
export function contributionScore<T>(
  records: readonly T[],
  options: ContributionScoreOptions<T>,
): ContributionScoreResult {
  const functionName = "contributionScore";
  const parsed = withDefaults(checkOptions(functionName, contributionScoreShape, options), {
    normalize: "none",
  });
  assertRecordArray(records, functionName);
  const n = records.length;
  if (n === 0) throw new InsufficientDataError(functionName, "no customers to score");
  const names = options.measures.map((measure, j) => {
    if (measure.name !== undefined) return measure.name;
    if (typeof measure.field === "string") return measure.field;
    throw new InvalidOptionsError(functionName, [
      { path: `measures.${j}.name`, message: "an accessor measure needs a name for the output" },
    ]);
  });
  if (new Set(names).size !== names.length) {
    throw new InvalidOptionsError(functionName, [
      { path: "measures", message: "measure names must be distinct", received: names },
    ]);
  }
  const ids = recordIds(records, options.customer, n, functionName, "customer");
  const normalize = parsed.normalize;
  const scores = new Float64Array(n);
  const parts: Float64Array[] = [];
  const measureInfo = options.measures.map((measure, j) => {
    const values = readNumbers(records, measure.field, { functionName, optionName: `measures.${j}.field` });
    const stats = summarize(values);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let absoluteTotal = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
      absoluteTotal += Math.abs(v);
    }
    const sd = Number.isFinite(stats.standardDeviation) ? stats.standardDeviation : 0;
    const part = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let normalised: number;
      if (normalize === "zscore") normalised = sd > 0 ? (v - stats.mean) / sd : 0;
      else if (normalize === "minmax") normalised = max > min ? (v - min) / (max - min) : 0;
      else if (normalize === "share") normalised = absoluteTotal > 0 ? v / absoluteTotal : 0;
      else normalised = v;
      part[i] = measure.weight * normalised;
      scores[i] = (scores[i] as number) + (part[i] as number);
    }
    parts.push(part);
    return { name: names[j] as string, weight: measure.weight, mean: stats.mean, standardDeviation: sd };
  });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (p, q) => (scores[q] as number) - (scores[p] as number) || p - q,
  );
  const rank = new Int32Array(n);
  order.forEach((i, k) => {
    rank[i] = k + 1;
  });
  const customers: ContributionScoreRow[] = Array.from({ length: n }, (_, i) => ({
    customer: ids[i] as string,
    score: scores[i] as number,
    components: Object.fromEntries(names.map((name, j) => [name, (parts[j] as Float64Array)[i] as number])),
    rank: rank[i] as number,
  }));
  const result: ContributionScoreResult = {
    customers,
    scores,
    measures: measureInfo,
    options: { normalize },
  };
  return withDisplay(result, {
    title: "Contribution scores",
    summary: (r) => [
      `${r.customers.length} customers; score = ${r.measures.map((m) => `${m.weight} x ${m.name}`).join(" + ")} (${r.options.normalize} normalisation)`,
    ],
    rows: (r) =>
      [...r.customers]
        .sort((a, b) => a.rank - b.rank)
        .map((row) => ({ customer: row.customer, score: row.score, rank: row.rank, ...row.components })),
  });
}
