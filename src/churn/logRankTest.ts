import { type Field, InsufficientDataError, withDisplay } from "../core/index.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { chiSquareUpperTail } from "./internal/chiSquare.js";
import { solveSymmetric } from "./internal/coxAlgebra.js";
import { freeze } from "./internal/freeze.js";
import { requiredField } from "./internal/optionRules.js";
import { notAnArray } from "./internal/survivalChecks.js";
import { readSurvivalData, sortedIndex } from "./internal/survivalData.js";

const FUNCTION_NAME = "logRankTest";

/** Options of {@link logRankTest}. */
export interface LogRankTestOptions<T> {
  /** Follow-up time (non-negative number). */
  readonly time: Field<T>;
  /** 1 or true when the customer churned at `time`, 0 or false when censored. */
  readonly event: Field<T>;
  /** The groups to compare (two or more). */
  readonly group: Field<T>;
}

/** One group of {@link logRankTest}. */
export interface LogRankTestGroup {
  readonly group: string;
  readonly n: number;
  /** Observed events. */
  readonly observed: number;
  /** Expected events if every group had the same hazard: Σₜ dₜ · nₜ(group)/nₜ. */
  readonly expected: number;
  /** (observed − expected)² / expected, the group's share of the approximate statistic. */
  readonly contribution: number;
}

/** Result of {@link logRankTest}. */
export interface LogRankTestResult {
  readonly groups: readonly LogRankTestGroup[];
  /** (O − E)ᵀ V⁻¹ (O − E) over all groups but the first with expected > 0 (R's `survdiff`). */
  readonly chiSquare: number;
  /** Groups with expected events > 0, minus 1. */
  readonly degreesOfFreedom: number;
  /** P(χ²(df) > chiSquare). */
  readonly pValue: number;
  readonly n: number;
  readonly droppedRows: number;
  readonly droppedByField: Readonly<Record<string, number>>;
  /** The fields used, by name (`"<option> (accessor)"` for an accessor). */
  readonly options: { readonly time: string; readonly event: string; readonly group: string };
}

/** The option rules of logRankTest (core's checkOptions: no zod in the bundle). */
export const logRankTestShape = { time: requiredField, event: requiredField, group: requiredField };

/**
 * Log-rank (Mantel-Haenszel) test that the groups' survival curves are equal, as R's
 * `survdiff(Surv(time, event) ~ group)` (rho = 0): at every event time, the events expected in each group
 * in proportion to its customers at risk, the hypergeometric covariance V, and the statistic
 * (O − E)ᵀ V⁻¹ (O − E) on k − 1 degrees of freedom. Checked against R on `lung` (by sex) and `veteran`
 * (by cell type, 3 df) in fixtures/churn/survival.
 *
 * Missing values: rows with a missing time, event or group are dropped and counted. Complexity O(n + T·k²)
 * for T distinct event times and k groups.
 *
 * Reference: Mantel (1966), Cancer Chemotherapy Reports 50; Peto & Peto (1972), JRSS A 135.
 *
 * @param records - one record per customer, not mutated
 * @param options - see {@link LogRankTestOptions}
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key included)
 * @throws {@link InvalidRecordError} for a non-record element, a bad time or event (row named)
 * @throws {@link InsufficientDataError} when fewer than two groups have expected events, or the groups'
 *   covariance is singular
 * @example
 * ```ts
 * // R survival's `aml`: weeks to relapse (status 0 = censored) with or without maintenance chemotherapy
 * const maintained = [[9, 1], [13, 1], [13, 0], [18, 1], [23, 1], [28, 0], [31, 1], [34, 1], [45, 0], [48, 1], [161, 0]];
 * const nonmaintained = [[5, 1], [5, 1], [8, 1], [8, 1], [12, 1], [16, 0], [23, 1], [27, 1], [30, 1], [33, 1], [43, 1], [45, 1]];
 * const aml = [
 *   ...maintained.map(([time, status]) => ({ time, status, x: "Maintained" })),
 *   ...nonmaintained.map(([time, status]) => ({ time, status, x: "Nonmaintained" })),
 * ];
 * const test = logRankTest(aml, { time: "time", event: "status", group: "x" });
 * [test.chiSquare, test.degreesOfFreedom, test.pValue];
 * // => [3.396, 1, 0.0653]   (R: survdiff(Surv(time, status) ~ x, aml))
 * ```
 */
export function logRankTest<T>(records: readonly T[], options: LogRankTestOptions<T>): LogRankTestResult {
  const parsed = checkOptions(FUNCTION_NAME, logRankTestShape, options);
  if (!Array.isArray(records)) throw notAnArray(FUNCTION_NAME, records);
  const data = readSurvivalData(
    records,
    { time: parsed.time as Field<T>, event: parsed.event as Field<T>, group: parsed.group as Field<T> },
    FUNCTION_NAME,
  );
  const k = data.groupLabels.length;
  const codes = data.group as Int32Array;
  const order = sortedIndex(data.time);
  const atRisk = new Float64Array(k);
  for (let i = 0; i < data.n; i++) atRisk[codes[i] as number] = (atRisk[codes[i] as number] as number) + 1;
  const sizes = Float64Array.from(atRisk);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const deaths = new Float64Array(k);
  const leaving = new Float64Array(k);
  let total = data.n;
  let position = 0;
  while (position < data.n) {
    const t = data.time[order[position] as number] as number;
    let d = 0;
    let removed = 0;
    while (position < data.n && data.time[order[position] as number] === t) {
      const row = order[position] as number;
      const g = codes[row] as number;
      leaving[g] = (leaving[g] as number) + 1;
      if (data.event[row] === 1) {
        deaths[g] = (deaths[g] as number) + 1;
        d++;
      }
      removed++;
      position++;
    }
    if (d > 0) {
      const factor = total > 1 ? (d * (total - d)) / (total * total * (total - 1)) : 0;
      for (let g = 0; g < k; g++) {
        const ng = atRisk[g] as number;
        observed[g] = (observed[g] as number) + (deaths[g] as number);
        expected[g] = (expected[g] as number) + (d * ng) / total;
        if (factor === 0 || ng === 0) continue;
        for (let h = 0; h < k; h++) {
          const term = factor * ng * ((g === h ? total : 0) - (atRisk[h] as number));
          variance[g * k + h] = (variance[g * k + h] as number) + term;
        }
      }
    }
    for (let g = 0; g < k; g++) {
      atRisk[g] = (atRisk[g] as number) - (leaving[g] as number);
      leaving[g] = 0;
      deaths[g] = 0;
    }
    total -= removed;
  }
  const used: number[] = [];
  for (let g = 0; g < k; g++) if ((expected[g] as number) > 0) used.push(g);
  if (used.length < 2) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `the test needs at least two groups with customers at risk at some event time; found ${used.length} (groups: ${data.groupLabels.join(", ") || "none"})`,
    );
  }
  const kept = used.slice(1);
  const m = kept.length;
  const v = new Float64Array(m * m);
  const diff = new Float64Array(m);
  kept.forEach((g, a) => {
    diff[a] = (observed[g] as number) - (expected[g] as number);
    kept.forEach((h, b) => {
      v[a * m + b] = variance[g * k + h] as number;
    });
  });
  const solved = solveSymmetric(v, diff, m);
  if (solved === undefined) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      "the groups' covariance matrix is singular (a group never has customers at risk at an event time)",
    );
  }
  let chiSquare = 0;
  for (let a = 0; a < m; a++) chiSquare += (diff[a] as number) * (solved[a] as number);
  const degreesOfFreedom = m;
  const groups = data.groupLabels.map(
    (group, g): LogRankTestGroup =>
      freeze({
        group,
        n: sizes[g] as number,
        observed: observed[g] as number,
        expected: expected[g] as number,
        contribution:
          (expected[g] as number) > 0
            ? ((observed[g] as number) - (expected[g] as number)) ** 2 / (expected[g] as number)
            : 0,
      }),
  );
  const result: LogRankTestResult = {
    groups: freeze(groups),
    chiSquare,
    degreesOfFreedom,
    pValue: chiSquareUpperTail(chiSquare, degreesOfFreedom),
    n: data.n,
    droppedRows: data.droppedRows,
    droppedByField: freeze(data.droppedByField),
    options: freeze({
      time: data.fieldLabels.time,
      event: data.fieldLabels.event,
      group: data.fieldLabels.group as string,
    }),
  };
  return withDisplay(result, {
    title: "Log-rank test",
    summary: (r) => [
      `chi-square ${r.chiSquare.toPrecision(4)} on ${r.degreesOfFreedom} df, p = ${r.pValue.toPrecision(3)}; ${r.n} customers${r.droppedRows > 0 ? ` (${r.droppedRows} rows with missing values dropped)` : ""}`,
    ],
    rows: (r) => r.groups,
  });
}
