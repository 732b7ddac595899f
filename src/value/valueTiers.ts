import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  quantile,
  readNumbers,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, numeric, required } from "../core/internal/optionRules.js";
import { exactSum } from "./internal/readValues.js";
import { recordIds } from "./internal/recordIds.js";

/**
 * The five value tiers of customer-value management.
 *
 * @example
 * ```ts
 * const bank = [
 *   { id: "c1", profit: 812, revenue: 5200, logins: 6 }, { id: "c2", profit: 95, revenue: 9100, logins: 3 },
 *   { id: "c3", profit: -40, revenue: 1200, logins: 1 }, { id: "c4", profit: 60, revenue: 800, logins: 2 },
 *   { id: "c5", profit: 5, revenue: 90, logins: 35 },
 * ];
 * valueTiers(bank, { customer: "id", contribution: "profit", revenue: "revenue", engagement: "logins" }).customers.map((row) => row.tier);
 * // => ["premium", "key", "restricted", "ordinary", "potential"]
 * ```
 */
export type ValueTier = "premium" | "key" | "ordinary" | "restricted" | "potential";

/**
 * Options of {@link valueTiers}. All quantiles are R type 7 over the customers given.
 *
 * @example
 * ```ts
 * const bank = [
 *   { id: "c1", profit: 812, revenue: 5200, logins: 6 }, { id: "c2", profit: 95, revenue: 9100, logins: 3 },
 *   { id: "c3", profit: -40, revenue: 1200, logins: 1 }, { id: "c4", profit: 60, revenue: 800, logins: 2 },
 *   { id: "c5", profit: 5, revenue: 90, logins: 35 },
 * ];
 * valueTiers(bank, { customer: "id", contribution: "profit", premiumQuantile: 0.5 }).customers.map((row) => row.tier);
 * // => ["premium", "ordinary", "restricted", "ordinary", "ordinary"]
 * ```
 */
export interface ValueTiersOptions<T> {
  /** Customer identifier; by default the record's position as a string. */
  readonly customer?: Field<T>;
  /** Profit contribution of the customer (current period; may be negative). */
  readonly contribution: Field<T>;
  /** Revenue of the customer; without it nobody is put in the `key` tier. */
  readonly revenue?: Field<T>;
  /**
   * Contribution per past period, oldest first (e.g. the last 4 quarters). Gives each customer a
   * trend (least-squares slope / mean |contribution|, i.e. relative change per period) and a
   * variation (coefficient of variation). Without it trend and stability are not used.
   */
  readonly contributionHistory?: Field<T, readonly number[]>;
  /** An engagement / interest signal (visits, logins, enquiries, NPS...); without it nobody is `potential`. */
  readonly engagement?: Field<T>;
  /** Premium: contribution at or above this quantile (and above the mean). @defaultValue 0.8 */
  readonly premiumQuantile?: number;
  /** Key: revenue at or above this quantile. @defaultValue 0.8 */
  readonly keyQuantile?: number;
  /** Potential: contribution below this quantile ("little value yet"). @defaultValue 0.5 */
  readonly potentialQuantile?: number;
  /** Potential: engagement at or above this quantile. @defaultValue 0.75 */
  readonly engagementQuantile?: number;
  /** Restricted: relative trend at or below −declineRate per period. @defaultValue 0.1 */
  readonly declineRate?: number;
  /** Premium needs a stable history: coefficient of variation at most this. @defaultValue 0.5 */
  readonly maxVariation?: number;
}

/**
 * One customer's tier and why.
 *
 * @example
 * ```ts
 * const bank = [
 *   { id: "c1", profit: 812, revenue: 5200, logins: 6 }, { id: "c2", profit: 95, revenue: 9100, logins: 3 },
 *   { id: "c3", profit: -40, revenue: 1200, logins: 1 }, { id: "c4", profit: 60, revenue: 800, logins: 2 },
 *   { id: "c5", profit: 5, revenue: 90, logins: 35 },
 * ];
 * valueTiers(bank, { customer: "id", contribution: "profit", revenue: "revenue", engagement: "logins" }).customers[1];
 * // => { customer: "c2", tier: "key", reason: "key: revenue 9100 ≥ 80th percentile 5980.00, contribution 95 below the premium cut 238.40",
 * //      contribution: 95, revenue: 9100, trend: null, engagement: 3 }
 * ```
 */
export interface ValueTiersRow {
  readonly customer: string;
  readonly tier: ValueTier;
  /** Plain-words reason naming the values and thresholds that decided the tier. */
  readonly reason: string;
  readonly contribution: number;
  readonly revenue: number | null;
  /** Relative contribution trend per period; null without a history of at least 2 periods. */
  readonly trend: number | null;
  readonly engagement: number | null;
}

/**
 * Result of {@link valueTiers}.
 *
 * @example
 * ```ts
 * const bank = [
 *   { id: "c1", profit: 812, revenue: 5200, logins: 6 }, { id: "c2", profit: 95, revenue: 9100, logins: 3 },
 *   { id: "c3", profit: -40, revenue: 1200, logins: 1 }, { id: "c4", profit: 60, revenue: 800, logins: 2 },
 *   { id: "c5", profit: 5, revenue: 90, logins: 35 },
 * ];
 * const result = valueTiers(bank, { customer: "id", contribution: "profit", revenue: "revenue", engagement: "logins" });
 * result.tiers[0]; // => { tier: "premium", customers: 1, share: 0.2, contributionShare: 0.835 }
 * [result.thresholds.premiumContribution, result.thresholds.meanContribution]; // => [238.4, 186.4]
 * ```
 */
export interface ValueTiersResult {
  readonly customers: readonly ValueTiersRow[];
  /** Tier sizes and their share of total positive contribution, in the order premium, key, potential, ordinary, restricted. */
  readonly tiers: readonly {
    readonly tier: ValueTier;
    readonly customers: number;
    readonly share: number;
    readonly contributionShare: number;
  }[];
  /** The resolved thresholds, in the data's units. */
  readonly thresholds: {
    readonly premiumContribution: number;
    readonly meanContribution: number;
    readonly keyRevenue: number | null;
    readonly potentialContribution: number;
    readonly engagement: number | null;
    readonly declineRate: number;
    readonly maxVariation: number;
  };
  readonly options: {
    readonly premiumQuantile: number;
    readonly keyQuantile: number;
    readonly potentialQuantile: number;
    readonly engagementQuantile: number;
  };
}

const probability = numeric({ gte: 0, lte: 1 });
const positive = numeric({ gt: 0 });
/** Option rules of {@link valueTiers} (exported for value's option-rule test; not in the module index). */
export const valueTiersShape = {
  customer: field(),
  contribution: required(field()),
  revenue: field(),
  contributionHistory: field(),
  engagement: field(),
  premiumQuantile: probability,
  keyQuantile: probability,
  potentialQuantile: probability,
  engagementQuantile: probability,
  declineRate: positive,
  maxVariation: positive,
};

const money = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const percent = (x: number) => `${x >= 0 ? "+" : ""}${(100 * x).toFixed(0)}%`;

/**
 * Sorts customers into the five value tiers of customer-value management and says why:
 *
 * 1. **restricted** — loss-making (contribution < 0) or declining (relative contribution trend at or
 *    below −`declineRate` per period): serve at lower cost, reprice or let go;
 * 2. **premium** — stable, above-average profit: contribution at or above the `premiumQuantile`
 *    quantile and above the mean, and (with a history) variation at most `maxVariation`;
 * 3. **key** — high revenue (at or above the `keyQuantile` quantile of revenue) with lower
 *    contribution than premium: grow their margin;
 * 4. **potential** — little value yet (contribution below the `potentialQuantile` quantile) but strong
 *    interest (engagement at or above the `engagementQuantile` quantile): develop them;
 * 5. **ordinary** — everyone else, usually the largest group, bringing little profit.
 *
 * Rules are checked in that order; the first that applies decides. Thresholds are quantiles of the
 * customers given (R type 7), returned in `thresholds`.
 *
 * Complexity: O(n log n).
 *
 * @param customers - one record per customer; not modified
 * @throws InvalidRecordError for a missing or non-numeric contribution/revenue/engagement, or a history that is not an array of finite numbers
 * @throws InsufficientDataError for empty input
 * @throws InvalidOptionsError for quantiles outside [0, 1] or non-positive rates
 * @see Kotler & Keller, Marketing Management (customer profitability tiers); Zeithaml, Rust & Lemon (2001),
 *   "The Customer Pyramid", California Management Review 43(4).
 * @example
 * ```ts
 * const bankCustomers = [
 *   { id: "c1", profit: 812, revenue: 5200, logins: 6 },
 *   { id: "c2", profit: 95, revenue: 9100, logins: 3 },
 *   { id: "c3", profit: -40, revenue: 1200, logins: 1 },
 *   { id: "c4", profit: 60, revenue: 800, logins: 2 },
 *   { id: "c5", profit: 5, revenue: 90, logins: 35 },
 * ];
 * const tiers = valueTiers(bankCustomers, { customer: "id", contribution: "profit", revenue: "revenue", engagement: "logins" });
 * tiers.customers.map((row) => row.tier); // => ["premium", "key", "restricted", "ordinary", "potential"]
 * tiers.customers[0].reason; // => "premium: contribution 812 ≥ 80th percentile 238.40 and above the mean 186.40"
 * ```
 */
export function valueTiers<T>(customers: readonly T[], options: ValueTiersOptions<T>): ValueTiersResult {
  const functionName = "valueTiers";
  const parsed = withDefaults(checkOptions(functionName, valueTiersShape, options), {
    premiumQuantile: 0.8,
    keyQuantile: 0.8,
    potentialQuantile: 0.5,
    engagementQuantile: 0.75,
    declineRate: 0.1,
    maxVariation: 0.5,
  });
  assertRecordArray(customers, functionName, "customers");
  const n = customers.length;
  if (n === 0) throw new InsufficientDataError(functionName, "no customers to tier");
  const context = (optionName: string) => ({ functionName, optionName });
  const ids = recordIds(customers, options.customer, n, functionName, "customer");
  const contribution = readNumbers(customers, options.contribution, context("contribution"));
  const revenue =
    options.revenue === undefined ? undefined : readNumbers(customers, options.revenue, context("revenue"));
  const engagement =
    options.engagement === undefined
      ? undefined
      : readNumbers(customers, options.engagement, context("engagement"));
  const trend = new Float64Array(n).fill(Number.NaN);
  const variation = new Float64Array(n).fill(Number.NaN);
  if (options.contributionHistory !== undefined) {
    const history = resolveField(options.contributionHistory, "contributionHistory");
    for (let i = 0; i < n; i++) {
      const values = history.read(customers[i] as T, i);
      if (!Array.isArray(values) || values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
        throw new InvalidRecordError(
          functionName,
          i,
          history.label,
          values,
          "expected an array of finite contributions per period, oldest first",
        );
      }
      const m = values.length;
      if (m < 2) continue;
      let meanValue = 0;
      let meanAbs = 0;
      for (const v of values) {
        meanValue += v / m;
        meanAbs += Math.abs(v) / m;
      }
      const meanIndex = (m - 1) / 2;
      let sxy = 0;
      let sxx = 0;
      let ss = 0;
      values.forEach((v, k) => {
        sxy += (k - meanIndex) * (v - meanValue);
        sxx += (k - meanIndex) ** 2;
        ss += (v - meanValue) ** 2;
      });
      trend[i] = meanAbs > 0 ? sxy / sxx / meanAbs : 0;
      variation[i] = meanAbs > 0 ? Math.sqrt(ss / (m - 1)) / meanAbs : 0;
    }
  }
  const premiumCut = quantile(contribution, parsed.premiumQuantile);
  const meanContribution = exactSum(contribution) / n;
  const keyCut = revenue === undefined ? null : quantile(revenue, parsed.keyQuantile);
  const potentialCut = quantile(contribution, parsed.potentialQuantile);
  const engagementCut = engagement === undefined ? null : quantile(engagement, parsed.engagementQuantile);
  const { declineRate, maxVariation } = parsed;
  const percentile = (q: number) => `${Math.round(100 * q)}th percentile`;
  const rows: ValueTiersRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = contribution[i] as number;
    const r = revenue === undefined ? null : (revenue[i] as number);
    const e = engagement === undefined ? null : (engagement[i] as number);
    const t = Number.isNaN(trend[i] as number) ? null : (trend[i] as number);
    const v = Number.isNaN(variation[i] as number) ? null : (variation[i] as number);
    let tier: ValueTier;
    let reason: string;
    if (c < 0) {
      tier = "restricted";
      reason = `loss-making: contribution ${money(c)} < 0`;
    } else if (t !== null && t <= -declineRate) {
      tier = "restricted";
      reason = `declining: contribution trend ${percent(t)} per period (limit ${percent(-declineRate)})`;
    } else if (c >= premiumCut && c > meanContribution && (v === null || v <= maxVariation)) {
      tier = "premium";
      reason =
        `premium: contribution ${money(c)} ≥ ${percentile(parsed.premiumQuantile)} ${money(premiumCut)} and above the mean ${money(meanContribution)}` +
        (v === null ? "" : `, stable (variation ${v.toFixed(2)} ≤ ${maxVariation})`);
    } else if (r !== null && keyCut !== null && r >= keyCut) {
      tier = "key";
      reason =
        `key: revenue ${money(r)} ≥ ${percentile(parsed.keyQuantile)} ${money(keyCut)}, ` +
        (c >= premiumCut && v !== null && v > maxVariation
          ? `contribution ${money(c)} high but unstable (variation ${v.toFixed(2)} > ${maxVariation})`
          : `contribution ${money(c)} below the premium cut ${money(premiumCut)}`);
    } else if (e !== null && engagementCut !== null && c < potentialCut && e >= engagementCut) {
      tier = "potential";
      reason = `potential: contribution ${money(c)} < ${percentile(parsed.potentialQuantile)} ${money(potentialCut)} but engagement ${money(e)} ≥ ${percentile(parsed.engagementQuantile)} ${money(engagementCut)}`;
    } else {
      tier = "ordinary";
      reason = `ordinary: contribution ${money(c)} below the premium cut ${money(premiumCut)}${keyCut !== null && r !== null ? `, revenue ${money(r)} below the key cut ${money(keyCut)}` : ""}${
        engagementCut !== null && e !== null && c < potentialCut
          ? `, engagement ${money(e)} below ${money(engagementCut)}`
          : ""
      }`;
    }
    rows[i] = {
      customer: ids[i] as string,
      tier,
      reason,
      contribution: c,
      revenue: r,
      trend: t,
      engagement: e,
    };
  }
  let positiveTotal = 0;
  for (const row of rows) if (row.contribution > 0) positiveTotal += row.contribution;
  const order: ValueTier[] = ["premium", "key", "potential", "ordinary", "restricted"];
  const tiers = order.map((tier) => {
    let count = 0;
    let sum = 0;
    for (const row of rows) {
      if (row.tier !== tier) continue;
      count++;
      if (row.contribution > 0) sum += row.contribution;
    }
    return {
      tier,
      customers: count,
      share: count / n,
      contributionShare: positiveTotal > 0 ? sum / positiveTotal : 0,
    };
  });
  const result: ValueTiersResult = {
    customers: rows,
    tiers,
    thresholds: {
      premiumContribution: premiumCut,
      meanContribution,
      keyRevenue: keyCut,
      potentialContribution: potentialCut,
      engagement: engagementCut,
      declineRate,
      maxVariation,
    },
    options: {
      premiumQuantile: parsed.premiumQuantile,
      keyQuantile: parsed.keyQuantile,
      potentialQuantile: parsed.potentialQuantile,
      engagementQuantile: parsed.engagementQuantile,
    },
  };
  return withDisplay(result, {
    title: "Value tiers",
    summary: (res) => [
      `${res.customers.length} customers; premium cut ${money(res.thresholds.premiumContribution)}, mean contribution ${money(res.thresholds.meanContribution)}`,
    ],
    rows: (res) => res.tiers,
  });
}
