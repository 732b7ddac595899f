// Money of MAN qualification: an income line (amounts or analyst scores) without a priced offering, and
// affordability (savings against the upfront payment, income against the instalment) with one.
import type { Offering, OfferingPayments } from "../offering.js";
import type { ProspectRules } from "../prospectQualificationPresets.js";
import type { ProspectAffordability } from "../qualifyProspectsTypes.js";
import { paymentsOf } from "./manOffering.js";
import { fmt, lookup, lower, type ProspectRow, percent, type WordMap, wordMap } from "./manWords.js";
import { formatNumber } from "./rate.js";
import { isMissing } from "./records.js";

/** What money needs besides the row: the resolved rules, word maps and the offering's payments. */
export interface MoneyContext {
  readonly rules: ProspectRules["money"];
  /** How a numeric income is read without a priced offering. */
  readonly scale: "amount" | "score";
  readonly levels: WordMap;
  readonly trends: WordMap;
  /** The priced offering's payments, or null (income line). */
  readonly payments: OfferingPayments | null;
  /** The instalment share allowed (the offering's or the rules'). */
  readonly maxShare: number;
  /** Upfront, instalment and allowed share as printed (the same for every row). */
  readonly text: { readonly upfront: string; readonly instalment: string; readonly maxShare: string };
}

/** Builds the money context of a call: word maps, the offering's payments and their printed forms. */
export function moneyContextOf(rules: ProspectRules["money"], priced: Offering | null): MoneyContext {
  const payments = priced === null ? null : paymentsOf(priced);
  const maxShare = priced?.maxInstalmentShare ?? rules.maxInstalmentShare;
  return {
    rules,
    scale: rules.incomeScale,
    levels: wordMap(rules.levels),
    trends: wordMap(rules.trendFactors),
    payments,
    maxShare,
    text: {
      upfront: formatNumber(payments?.upfront ?? 0),
      instalment: formatNumber(payments?.monthlyInstalment ?? 0),
      maxShare: percent(maxShare),
    },
  };
}

/** Money of one prospect. */
export interface MoneyOutcome {
  /** Money score in [0, 1]; null when unknown. */
  readonly money: number | null;
  readonly pass: boolean;
  /** Why money fails (null when it passes or is unknown). */
  readonly shortfall: string | null;
  /** Attributes whose absence leaves money unknown. */
  readonly unknown: readonly string[];
  readonly findings: readonly string[];
  readonly affordability: ProspectAffordability | null;
}

/** Reads stability as a factor on income (missing = stable). */
function stabilityOf(row: ProspectRow, rules: ProspectRules["money"]): number {
  const stability = row.value("incomeStability");
  if (isMissing(stability) || stability === "stable") return 1;
  if (stability === "unstable") return rules.unstableFactor;
  return row.fail("incomeStability", stability, 'expected "stable" or "unstable"');
}

/** Reads the income trend as a factor on the money score (missing = 1) and its word. */
function trendOf(row: ProspectRow, context: MoneyContext): { factor: number; word: string | null } {
  const trend = row.value("incomeTrend");
  if (isMissing(trend)) return { factor: 1, word: null };
  const factor = typeof trend === "string" ? lookup(context.trends, trend) : undefined;
  if (factor === undefined) {
    return row.fail(
      "incomeTrend",
      trend,
      `expected one of ${Object.keys(context.rules.trendFactors).join(", ")}`,
    );
  }
  return { factor, word: lower(trend as string) };
}

/** Reads a non-negative amount (or fails naming the row and field). */
function amountOf(row: ProspectRow, name: "income" | "savings", value: unknown, why: string): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  return row.fail(name, value, why);
}

/** The outcome when facts money needs are missing (`unknown` names them). */
const notKnown = (unknown: readonly string[]): MoneyOutcome => ({
  money: null,
  pass: false,
  shortfall: null,
  unknown,
  findings: [],
  affordability: null,
});

/** Money along the income line (no priced offering). */
function incomeLine(row: ProspectRow, context: MoneyContext): MoneyOutcome {
  const { rules } = context;
  const income = row.value("income");
  if (row.missing("income", income)) {
    return notKnown(["income"]);
  }
  let level: number;
  let described: string;
  if (typeof income === "number" && Number.isFinite(income) && income >= 0) {
    if (context.scale === "score" && income > 1) {
      row.fail(
        "income",
        income,
        "this looks like an amount, but these rules read income as a score in [0, 1]; describe the offering " +
          "(offering: { price, ... }), set money: { minIncome, fullIncome } to read amounts, or choose a preset " +
          "for your kind of offering (realEstate, b2bService, consumerDurable, lifeInsurance)",
      );
    }
    level = Math.min(1, Math.max(0, (income - rules.minIncome) / (rules.fullIncome - rules.minIncome)));
    described =
      context.scale === "score"
        ? `income score ${fmt(income)}`
        : income === 0
          ? "no own income"
          : `income ${formatNumber(income)}`;
  } else if (typeof income === "string" && lookup(context.levels, income) !== undefined) {
    level = lookup(context.levels, income) as number;
    described = `income ${lower(income)}`;
  } else {
    return row.fail(
      "income",
      income,
      `expected an annual income >= 0 or one of ${Object.keys(rules.levels).join(", ")}`,
    );
  }
  trendOf(row, context); // checked, but without an instalment a trend changes nothing
  const factor = stabilityOf(row, rules);
  const money = level * factor;
  if (level > 0 && factor < 1) described += ", unstable";
  const pass = money >= rules.threshold;
  return {
    money,
    pass,
    shortfall: pass ? null : `cannot pay (money ${fmt(money)} below ${fmt(rules.threshold)})`,
    unknown: [],
    findings: [`money ${fmt(money)} (${described})`],
    affordability: null,
  };
}

/** Money as affordability of a priced offering. */
function affordability(row: ProspectRow, context: MoneyContext, payments: OfferingPayments): MoneyOutcome {
  const { rules, maxShare } = context;
  const instalment = payments.monthlyInstalment;
  const upfront = payments.upfront;
  const unknown: string[] = [];
  const amountWhy = "expected an amount >= 0 in currency units (a priced offering is compared with amounts)";

  const incomeValue = row.value("income");
  let income: number | null = null;
  if (!row.missing("income", incomeValue, instalment > 0)) {
    income = amountOf(
      row,
      "income",
      incomeValue,
      `${amountWhy}; words such as "adequate" need a number here`,
    );
  } else if (instalment > 0) unknown.push("income");
  const savingsValue = row.value("savings");
  let savings: number | null = null;
  if (!row.missing("savings", savingsValue, upfront > 0)) {
    savings = amountOf(row, "savings", savingsValue, amountWhy);
  } else if (upfront > 0) unknown.push("savings");
  const stability = stabilityOf(row, rules);
  const trend = trendOf(row, context);
  if (unknown.length > 0) {
    return notKnown(unknown);
  }

  const monthlyIncome = (income ?? 0) / 12;
  const upfrontCover = upfront > 0 ? (savings as number) / upfront : Number.POSITIVE_INFINITY;
  const instalmentCover =
    instalment > 0 ? (maxShare * monthlyIncome * stability) / instalment : Number.POSITIVE_INFINITY;
  const cover = Math.min(upfrontCover, instalmentCover);
  const trendFactor = instalment > 0 ? trend.factor : 1;
  const money = Math.min(1, cover / rules.fullCover) * trendFactor;
  const pass = cover >= rules.minCover;
  const instalmentShare = instalment > 0 && monthlyIncome > 0 ? instalment / monthlyIncome : null;

  const parts: string[] = [];
  if (upfront > 0)
    parts.push(`savings ${formatNumber(savings as number)} for ${context.text.upfront} up front`);
  if (instalment > 0) {
    parts.push(
      `instalment ${context.text.instalment} = ${
        instalmentShare === null ? "all" : percent(instalmentShare)
      } of monthly income, at most ${context.text.maxShare}${stability < 1 ? ` (unstable income counted at ${fmt(stability)})` : ""}`,
    );
  }
  const findings = [`money ${fmt(money)} (cover ${fmt(cover)}: ${parts.join("; ")})`];
  if (trendFactor < 1) {
    findings.push(`income ${trend.word}: instalment risk, money score x ${fmt(trendFactor)}`);
  }
  const short: string[] = [];
  if (upfrontCover < rules.minCover) {
    short.push(
      `savings ${formatNumber(savings as number)} do not cover the ${formatNumber(upfront)} up front`,
    );
  }
  if (instalmentCover < rules.minCover) {
    short.push(
      `the instalment of ${formatNumber(instalment)} would take ${
        instalmentShare === null ? "income it does not have" : `${percent(instalmentShare)} of monthly income`
      }, above the ${percent(maxShare * stability)} allowed`,
    );
  }
  return {
    money,
    pass,
    shortfall: pass
      ? null
      : `cannot pay (${short.join("; ")}: cover ${fmt(cover)} below ${fmt(rules.minCover)})`,
    unknown: [],
    findings,
    affordability: { ...payments, instalmentShare, maxInstalmentShare: maxShare, cover },
  };
}

/** Money of one prospect: affordability with a priced offering, else the income line. */
export function moneyOf(row: ProspectRow, context: MoneyContext): MoneyOutcome {
  return context.payments === null ? incomeLine(row, context) : affordability(row, context, context.payments);
}
