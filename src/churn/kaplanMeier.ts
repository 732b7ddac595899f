import { type Field, InsufficientDataError, type InvalidOptionsError, withDisplay } from "../core/index.js";
import { argumentError, checkFinite } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, numeric } from "../core/internal/optionRules.js";
import { normalQuantile } from "../satisfaction/internal/normal.js";
import { curveQuantile } from "./internal/curveQuantile.js";
import { freeze } from "./internal/freeze.js";
import { requiredField } from "./internal/optionRules.js";
import { notAnArray } from "./internal/survivalChecks.js";
import { readSurvivalData, sortedIndex } from "./internal/survivalData.js";

const FUNCTION_NAME = "kaplanMeier";

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions<T> {
  /**
   * Follow-up time of each customer (a non-negative number, e.g. days from acquisition to churn, or to
   * the end of observation for a customer who has not churned).
   */
  readonly time: Field<T>;
  /** 1 or true when the customer churned at `time` (an event), 0 or false when still a customer (censored). */
  readonly event: Field<T>;
  /** Optional grouping field: one curve per group, groups sorted (UTF-16 code unit order). */
  readonly group?: Field<T>;
  /** Level of the pointwise intervals and of the median's interval. @defaultValue 0.95 */
  readonly confidenceLevel?: number;
}

/** One Kaplan-Meier curve: columns over every distinct follow-up time of the group (events or censorings). */
export interface KaplanMeierCurve {
  /** The group's label, or `null` without a `group` field. */
  readonly group: string | null;
  /** Customers in the group (after dropping rows with missing values). */
  readonly n: number;
  readonly events: number;
  /** Distinct follow-up times, ascending. */
  readonly time: Float64Array;
  /** Customers at risk just before each time (follow-up ≥ time). */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  /** Kaplan-Meier survival S(t) = Π (1 − dᵢ/nᵢ) over event times ≤ t. */
  readonly survival: Float64Array;
  /**
   * Greenwood standard error of S(t): S(t)·√Σ dᵢ/(nᵢ(nᵢ − dᵢ)) (what R's `summary(survfit(...))` prints
   * as std.err); `null` once S(t) = 0, where it is undefined.
   */
  readonly standardError: readonly (number | null)[];
  /**
   * Pointwise interval on the log scale (R survival's default `conf.type = "log"`):
   * S(t)·exp(∓z·σ(t)) with σ(t) = √Σ dᵢ/(nᵢ(nᵢ − dᵢ)), the upper limit capped at 1; `null` once S(t) = 0.
   */
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  /**
   * Median survival time, as R's `print.survfit`: the first time S(t) ≤ 0.5, or the midpoint of the
   * interval over which S(t) is exactly 0.5; `null` while S stays above 0.5.
   */
  readonly median: number | null;
  /** The median's interval: where the lower and the upper pointwise limits reach 0.5 (`null`: not reached). */
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
}

/** Result of {@link kaplanMeier}. */
export interface KaplanMeierResult {
  /** One curve, or one per group in sorted group order. */
  readonly curves: readonly KaplanMeierCurve[];
  /** Customers used (rows without a missing value in a used field). */
  readonly n: number;
  readonly events: number;
  /** Rows dropped because a used field was missing (null, undefined, "", NaN), as R's `na.omit`. */
  readonly droppedRows: number;
  /** Dropped rows per field (a row counts at its first missing field: time, event, group). */
  readonly droppedByField: Readonly<Record<string, number>>;
  /**
   * S(t) read from the step function: 1 before the first event, the curve's value at the last distinct time
   * ≤ `time`; after the group's last follow-up time 0 when the curve reached 0, else `null` (unknown: the
   * last customers were censored). `group` is required exactly when
   * the curves are grouped.
   * @throws {@link InvalidOptionsError} for a time that is not a finite number, or a missing or unknown group
   */
  survivalAt(time: number, group?: string): number | null;
  readonly options: {
    readonly time: string;
    readonly event: string;
    readonly group: string | null;
    readonly confidenceLevel: number;
  };
}

/** The option rules of kaplanMeier (core's checkOptions: no zod in the bundle). */
export const kaplanMeierShape = {
  time: requiredField,
  event: requiredField,
  group: /* @__PURE__ */ field<Field<unknown>>(),
  confidenceLevel: /* @__PURE__ */ numeric({ gt: 0, lt: 1 }),
};

/**
 * Kaplan-Meier survival curves: the share of customers still retained t days (or any unit) after
 * acquisition, from follow-up times where customers who have not churned yet are censored. Greenwood
 * standard errors, log-transformed pointwise intervals, numbers at risk, and the median survival with its
 * interval exactly as R's survival package computes them (`survfit(Surv(time, event) ~ group)`,
 * `conf.type = "log"`; checked to 1e-9 on the `lung` and `veteran` data in
 * fixtures/churn/survival). Ties: events at a time come before censorings at the same time (a
 * customer censored at t was at risk at t).
 *
 * Missing values: a row whose time, event or group is missing (null, undefined, "", NaN) is dropped and
 * counted in `droppedRows` (R's default `na.action = na.omit`); a value of the wrong kind is an error.
 * Complexity O(n) after reading (a radix sort by time, one sweep per group).
 *
 * Reference: Kaplan & Meier (1958), "Nonparametric estimation from incomplete observations", JASA 53;
 * Greenwood (1926); Therneau & Grambsch (2000), Modeling Survival Data, Springer.
 *
 * @param records - one record per customer, not mutated
 * @param options - see {@link KaplanMeierOptions}
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key included)
 * @throws {@link InvalidRecordError} for a non-record element, a negative or non-numeric time, or an event
 *   that is not 0/1/true/false (row named)
 * @throws {@link InsufficientDataError} when no row is left
 * @example
 * ```ts
 * // R survival's `aml`: weeks to relapse (status 0 = censored) with or without maintenance chemotherapy
 * const maintained = [[9, 1], [13, 1], [13, 0], [18, 1], [23, 1], [28, 0], [31, 1], [34, 1], [45, 0], [48, 1], [161, 0]];
 * const nonmaintained = [[5, 1], [5, 1], [8, 1], [8, 1], [12, 1], [16, 0], [23, 1], [27, 1], [30, 1], [33, 1], [43, 1], [45, 1]];
 * const aml = [
 *   ...maintained.map(([time, status]) => ({ time, status, x: "Maintained" })),
 *   ...nonmaintained.map(([time, status]) => ({ time, status, x: "Nonmaintained" })),
 * ];
 * const km = kaplanMeier(aml, { time: "time", event: "status", group: "x" });
 * km.curves.map((c) => [c.group, c.median, c.medianLower, c.medianUpper]);
 * // => [["Maintained", 31, 18, null], ["Nonmaintained", 23, 8, null]]   (R: survfit(Surv(time, status) ~ x, aml))
 * km.survivalAt(20, "Maintained"); // => 0.7159
 * ```
 */
export function kaplanMeier<T>(records: readonly T[], options: KaplanMeierOptions<T>): KaplanMeierResult {
  const parsed = withDefaults(checkOptions(FUNCTION_NAME, kaplanMeierShape, options), {
    confidenceLevel: 0.95,
  });
  if (!Array.isArray(records)) throw notAnArray(FUNCTION_NAME, records);
  const data = readSurvivalData(
    records,
    {
      time: parsed.time as Field<T>,
      event: parsed.event as Field<T>,
      group: parsed.group as Field<T> | undefined,
    },
    FUNCTION_NAME,
  );
  if (data.n === 0) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      records.length === 0 ? "no records" : `every one of the ${records.length} rows has a missing value`,
    );
  }
  const z = normalQuantile(1 - (1 - parsed.confidenceLevel) / 2);
  // Time order, then (stable) by group, gathered into contiguous columns so the sweeps read sequentially.
  const byTime = sortedIndex(data.time);
  const groups = data.group === undefined ? 1 : data.groupLabels.length;
  const groupStart = new Int32Array(groups + 1);
  if (data.group === undefined) groupStart[1] = data.n;
  else {
    for (let i = 0; i < data.n; i++) (groupStart[(data.group[i] as number) + 1] as number)++;
    for (let g = 0; g < groups; g++)
      groupStart[g + 1] = (groupStart[g + 1] as number) + (groupStart[g] as number);
  }
  const time = new Float64Array(data.n);
  const event = new Uint8Array(data.n);
  const next = groupStart.slice(0, groups);
  for (let k = 0; k < data.n; k++) {
    const row = byTime[k] as number;
    const g = data.group === undefined ? 0 : (data.group[row] as number);
    const at = next[g] as number;
    next[g] = at + 1;
    time[at] = data.time[row] as number;
    event[at] = data.event[row] as number;
  }
  const curves: KaplanMeierCurve[] = [];
  for (let g = 0; g < groups; g++) {
    const label = data.group === undefined ? null : (data.groupLabels[g] as string);
    curves.push(buildCurve(time, event, groupStart[g] as number, groupStart[g + 1] as number, label, z));
  }
  const events = curves.reduce((sum, curve) => sum + curve.events, 0);
  const byGroup = new Map(curves.map((curve) => [curve.group, curve]));
  const grouped = data.group !== undefined;
  const survivalAt = (time: number, group?: string): number | null => {
    checkFinite(`${FUNCTION_NAME}.survivalAt`, "time", time);
    if (grouped !== (group !== undefined) || (grouped && !byGroup.has(group as string))) {
      throw argumentError(
        `${FUNCTION_NAME}.survivalAt`,
        "group",
        grouped
          ? `expected one of the groups: ${data.groupLabels.map((label) => JSON.stringify(label)).join(", ")}`
          : "the curve has no groups; call survivalAt(time) without a group",
        group,
      );
    }
    const curve = byGroup.get(grouped ? (group as string) : null) as KaplanMeierCurve;
    return stepValue(curve.time, curve.survival, time);
  };
  const result: KaplanMeierResult = {
    curves: freeze(curves),
    n: data.n,
    events,
    droppedRows: data.droppedRows,
    droppedByField: freeze(data.droppedByField),
    survivalAt,
    options: freeze({
      time: data.fieldLabels.time,
      event: data.fieldLabels.event,
      group: data.fieldLabels.group,
      confidenceLevel: parsed.confidenceLevel,
    }),
  };
  Object.defineProperty(result, "survivalAt", { enumerable: false });
  return withDisplay(result, {
    title: "Kaplan-Meier survival",
    summary: (r) => [
      `${r.n} customers, ${r.events} events${r.droppedRows > 0 ? `; ${r.droppedRows} rows with missing values dropped` : ""}`,
      ...r.curves.map(
        (c) =>
          `${c.group === null ? "" : `${c.group}: `}n ${c.n}, events ${c.events}, median ${c.median ?? "not reached"} (${Math.round(r.options.confidenceLevel * 100)}% CI ${c.medianLower ?? "NA"} to ${c.medianUpper ?? "NA"})`,
      ),
    ],
    rows: (r) => curveRows(r.curves),
    columns: ["group", "time", "nRisk", "nEvent", "nCensor", "survival", "standardError", "lower", "upper"],
  });
}

/** The curve's value at the last time ≤ t (1 before the first); after the last time 0 if it reached 0, else `null`. */
export function stepValue(times: Float64Array, values: Float64Array, t: number): number | null {
  const last = times.length - 1;
  if (last < 0) return null;
  if (t > (times[last] as number)) return values[last] === 0 ? 0 : null;
  let lo = 0;
  let hi = last + 1; // first index with time > t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : (values[lo - 1] as number);
}

function buildCurve(
  time: Float64Array,
  event: Uint8Array,
  start: number,
  end: number,
  group: string | null,
  z: number,
): KaplanMeierCurve {
  // distinct times first (to size the columns)
  let distinct = 0;
  for (let k = start; k < end; k++) {
    if (k === start || time[k] !== time[k - 1]) distinct++;
  }
  const times = new Float64Array(distinct);
  const nRisk = new Float64Array(distinct);
  const nEvent = new Float64Array(distinct);
  const nCensor = new Float64Array(distinct);
  const survival = new Float64Array(distinct);
  const standardError: (number | null)[] = new Array(distinct);
  const lower: (number | null)[] = new Array(distinct);
  const upper: (number | null)[] = new Array(distinct);
  let atRisk = end - start;
  let s = 1;
  let greenwood = 0;
  let events = 0;
  let k = start;
  for (let j = 0; j < distinct; j++) {
    const t = time[k] as number;
    let d = 0;
    let c = 0;
    while (k < end && time[k] === t) {
      if (event[k] === 1) d++;
      else c++;
      k++;
    }
    times[j] = t;
    nRisk[j] = atRisk;
    nEvent[j] = d;
    nCensor[j] = c;
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += d < atRisk ? d / (atRisk * (atRisk - d)) : Infinity;
      events += d;
    }
    survival[j] = s;
    if (s > 0) {
      const sigma = Math.sqrt(greenwood);
      standardError[j] = s * sigma;
      lower[j] = s * Math.exp(-z * sigma);
      upper[j] = Math.min(1, s * Math.exp(z * sigma));
    } else {
      standardError[j] = null;
      lower[j] = null;
      upper[j] = null;
    }
    atRisk -= d + c;
  }
  return freeze({
    group,
    n: end - start,
    events,
    time: times,
    nRisk,
    nEvent,
    nCensor,
    survival,
    standardError: freeze(standardError),
    lower: freeze(lower),
    upper: freeze(upper),
    median: curveQuantile(times, survival, 0.5),
    medianLower: curveQuantile(times, lower, 0.5),
    medianUpper: curveQuantile(times, upper, 0.5),
  });
}

/** Display rows: every event time of every curve. */
function curveRows(curves: readonly KaplanMeierCurve[]): object[] {
  const rows: object[] = [];
  for (const c of curves) {
    for (let j = 0; j < c.time.length; j++) {
      if (c.nEvent[j] === 0) continue;
      rows.push({
        group: c.group ?? "",
        time: c.time[j],
        nRisk: c.nRisk[j],
        nEvent: c.nEvent[j],
        nCensor: c.nCensor[j],
        survival: c.survival[j],
        standardError: c.standardError[j],
        lower: c.lower[j],
        upper: c.upper[j],
      });
    }
  }
  return rows;
}
