import type { AssociationRule } from "../../basket/AssociationRule.js";
import type { AssociationRulesResult } from "../../basket/associationRules.js";
import type { ItemFrequenciesResult } from "../../basket/itemFrequencies.js";
import type { SignificantRulesResult } from "../../basket/significantRules.js";
import type { EvaluateScoresResult } from "../../churn/evaluateScores.js";
import type { InactivityRiskResult } from "../../churn/inactivityRisk.js";
import type { ChurnModelCoefficient } from "../../churn/trainChurnModel.js";
import type { ComplaintSummaryResult } from "../../crm/complaintSummary.js";
import type { ServiceKpisResult, ServiceKpiValues } from "../../crm/serviceKpis.js";
import type { BootstrapResult } from "../../satisfaction/bootstrap.js";
import type { ImportancePerformanceGridResult } from "../../satisfaction/importancePerformanceGrid.js";
import type { KanoCategory, KanoResult } from "../../satisfaction/kano.js";
import type { NetPromoterScoreResult } from "../../satisfaction/netPromoterScore.js";
import type { PlsPathModelResult } from "../../satisfaction/plsPathModel.js";
import type { ChooseKResult } from "../../segment/chooseK.js";
import type { SegmentProfilesResult } from "../../segment/segmentProfiles.js";
import type { CalibrationHoldoutSummaryResult } from "../../value/calibrationHoldoutSummary.js";
import type { CustomerLifetimeValueResult } from "../../value/customerLifetimeValue.js";
import type { LorenzCurveResult } from "../../value/lorenzCurve.js";
import type { ParetoAnalysisResult } from "../../value/paretoAnalysis.js";
import type { RfmScoresResult } from "../../value/rfmScores.js";
import type { RfmSegmentsResult } from "../../value/rfmSegments.js";
import type { ValueTiersResult } from "../../value/valueTiers.js";
import { formatNumber, plural } from "./htmlFormat.js";
import { buildForKind, type ReportKindBuilders } from "./htmlKinds.js";
import {
  excludesZero,
  itemsByCount,
  occupiedSegments,
  pathName,
  shareOf,
  strongestTerms,
  sumOf,
  topValueShare,
} from "./reportReading.js";
import { capitalized } from "./words.js";

/**
 * Short narratives a manager can read: what the numbers of a clientele result say, in words. Each
 * builder returns plain-text paragraphs (escaped when rendered); none mentions iterations,
 * gradients or other solver internals. Internal: `report()` is the public entry.
 */

/** A share as a whole percentage for prose: 0.293 -> "29%", 0.004 -> "0.4%". */
export function percentWords(share: number): string {
  if (!Number.isFinite(share)) return "n/a";
  const percent = share * 100;
  if (percent !== 0 && Math.abs(percent) < 1) return `${percent.toFixed(1)}%`;
  return `${Math.round(percent)}%`;
}

/** A number for prose: whole above 10 (thousands separated), one decimal below; never "-0". */
export function proseNumber(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return formatNumber(rounded === 0 ? 0 : rounded);
}

/** A model term in words: "averageOrderValue" -> "average order value", "region=north" -> "region: north". */
function termWords(term: string): string {
  return term
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .replace(/\s*=\s*/, ": ")
    .toLowerCase();
}

const itemSet = (items: readonly string[]) =>
  items.length === 1 ? `"${items[0]}"` : `{${items.join(", ")}}`;
/** A count in words: "1 customer", "1,200 customers". */
const count = (n: number, noun: string) => `${formatNumber(n)} ${noun}${plural(n)}`;
/** The row with the largest `key` (the first of equals), undefined for no rows or only NaN and -Infinity. */
const maxBy = <T>(rows: readonly T[], key: (row: T) => number): T | undefined => {
  let best: T | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const value = key(row);
    if (value > bestValue) {
      best = row;
      bestValue = value;
    }
  }
  return best;
};
/** The row with the smallest `key` (the first of equals). */
const minBy = <T>(rows: readonly T[], key: (row: T) => number): T | undefined =>
  maxBy(rows, (row) => -key(row));

const AT_RISK_SEGMENT = /at risk|can'?t lose|cannot lose|about to sleep|hibernat/i;

function pareto(r: ParetoAnalysisResult): string[] {
  const out = [
    `${percentWords(r.core.customerShare)} of customers (${formatNumber(r.core.customers)} of ${formatNumber(r.count)}) hold ${percentWords(r.core.valueShare)} of revenue.`,
  ];
  const top = r.top.find((t) => Math.abs(t.customerShare - 0.2) < 1e-9) ?? r.top[0];
  if (top !== undefined) {
    out.push(
      `The top ${percentWords(top.customerShare)} of customers bring ${percentWords(top.valueShare)} of it: losing one of them costs as much as losing many ordinary customers.`,
    );
  }
  return out;
}

function lorenz(r: LorenzCurveResult): string[] {
  const gini = r.gini;
  const level = gini >= 0.6 ? "strongly" : gini >= 0.35 ? "moderately" : "only mildly";
  return [
    `Revenue is ${level} concentrated: Gini ${gini.toFixed(2)} (0 = everyone spends the same, 1 = one customer has it all).`,
    `The top 20% of ${count(r.count, "customer")} account for ${percentWords(topValueShare(r, 0.2))} of revenue; the bottom half for ${percentWords(1 - topValueShare(r, 0.5))}.`,
  ];
}

function rfmSegmentsNarrative(r: RfmSegmentsResult): string[] {
  const filled = occupiedSegments(r);
  const total = sumOf(filled, (s) => s.customers);
  const biggest = maxBy(filled, (s) => s.customers);
  const richest = maxBy(filled, (s) => s.monetaryShare);
  const out: string[] = [];
  if (biggest !== undefined) {
    out.push(
      `The biggest segment is "${biggest.segment}": ${count(biggest.customers, "customer")} (${percentWords(biggest.share)} of ${formatNumber(total)}), bringing ${percentWords(biggest.monetaryShare)} of revenue.`,
    );
  }
  if (richest !== undefined && richest !== biggest) {
    out.push(
      `"${richest.segment}" brings the most revenue: ${percentWords(richest.monetaryShare)} from ${percentWords(richest.share)} of customers.`,
    );
  }
  const atRisk = filled.filter((s) => AT_RISK_SEGMENT.test(s.segment));
  if (atRisk.length > 0) {
    const customers = sumOf(atRisk, (s) => s.customers);
    const revenue = sumOf(atRisk, (s) => s.monetaryShare);
    out.push(
      `At risk (${atRisk.map((s) => `"${s.segment}"`).join(", ")}): ${percentWords(shareOf(customers, total))} of customers holding ${percentWords(revenue)} of revenue — the first list for a win-back campaign.`,
    );
  }
  return out;
}

function rfmScoresNarrative(r: RfmScoresResult): string[] {
  const n = r.customers.length;
  if (n === 0) return [];
  const bins = r.options.bins;
  const best = r.customers.filter((c) => c.recencyScore === bins && c.frequencyScore === bins).length;
  const lapsed = r.customers.filter((c) => c.recencyScore === 1 && c.frequencyScore >= bins - 1).length;
  return [
    `${count(n, "customer")} scored 1–${bins} on recency, frequency and monetary value.`,
    `${percentWords(best / n)} bought recently and often (top score on both); ${percentWords(lapsed / n)} used to buy often but have not bought for a long time.`,
  ];
}

function valueTiersNarrative(r: ValueTiersResult): string[] {
  const out: string[] = [];
  for (const tier of r.tiers) {
    if (tier.customers === 0) continue;
    out.push(
      `${capitalized(tier.tier)}: ${percentWords(tier.share)} of customers, ${percentWords(tier.contributionShare)} of contribution.`,
    );
  }
  return out.length > 0 ? [out.join(" ")] : [];
}

function lifetimeValueNarrative(r: CustomerLifetimeValueResult): string[] {
  const values = [...r.lifetimeValue].sort((a, b) => b - a);
  const n = values.length;
  if (n === 0) return [];
  const tenth = Math.max(1, Math.round(n / 10));
  const topSum = sumOf(values.slice(0, tenth), (value) => value);
  const alive = sumOf(r.customers, (c) => c.probabilityAlive) / n;
  return [
    `Expected value of the ${count(n, "customer")} over the next ${count(r.options.periods, "period")}: ${proseNumber(r.totalLifetimeValue)} in total, ${proseNumber(r.totalLifetimeValue / n)} per customer.`,
    `The top 10% hold ${percentWords(r.totalLifetimeValue > 0 ? topSum / r.totalLifetimeValue : 0)} of it; on average a customer is still active with probability ${percentWords(alive)}.`,
  ];
}

function calibrationNarrative(r: CalibrationHoldoutSummaryResult): string[] {
  const n = r.customers.length;
  if (n === 0) return [];
  const calibration = sumOf(r.customers, (c) => c.frequency);
  const holdout = sumOf(r.customers, (c) => c.holdoutFrequency);
  return [
    `${count(n, "customer")} observed until ${r.options.calibrationEnd}, then ${proseNumber(r.holdoutDuration)} ${r.options.timeUnit}${plural(r.holdoutDuration)} of holdout to ${r.options.asOf}: ${proseNumber(calibration)} repeat purchases before, ${proseNumber(holdout)} in the holdout.`,
    "A purchase model is trustworthy when its expected holdout purchases track the actual ones.",
  ];
}

function chooseKNarrative(r: ChooseKResult<unknown>): string[] {
  const votes = Object.values(r.votes).filter((k) => k !== null);
  const agree = votes.filter((k) => k === r.recommendedK).length;
  const others = [...new Set(votes.filter((k) => k !== r.recommendedK))].sort(
    (a, b) => (a as number) - (b as number),
  );
  return [
    `${r.recommendedK} segments separate the customers best: ${agree} of ${votes.length} measures of how distinct the groups are point there${
      others.length === 0 ? "" : ` (the others to ${others.join(" or ")})`
    }.`,
  ];
}

function segmentProfilesNarrative(r: SegmentProfilesResult): string[] {
  const out: string[] = [];
  const biggest = maxBy(r.profiles, (p) => p.size);
  if (biggest !== undefined) {
    out.push(
      `${count(r.profiles.length, "segment")}; the biggest, "${biggest.label}", holds ${percentWords(biggest.shareOfCustomers)} of customers.`,
    );
  }
  const valued = r.profiles.filter((p) => p.shareOfValue !== null && p.shareOfCustomers > 0);
  const best = maxBy(valued, (p) => (p.shareOfValue as number) / p.shareOfCustomers);
  if (best !== undefined && best.shareOfValue !== null) {
    out.push(
      `"${best.label}" is worth most per customer: ${percentWords(best.shareOfValue)} of value from ${percentWords(best.shareOfCustomers)} of customers (${(best.shareOfValue / best.shareOfCustomers).toFixed(1)}x their share).`,
    );
  }
  return out;
}

function kMeansNarrative(r: { k: number; sizes: readonly number[] }): string[] {
  const total = sumOf(r.sizes, (size) => size);
  const largest = Math.max(...r.sizes);
  const smallest = Math.min(...r.sizes);
  return [
    `${count(r.k, "segment")} of ${count(total, "customer")}; the largest holds ${percentWords(shareOf(largest, total))}, the smallest ${percentWords(shareOf(smallest, total))}.`,
  ];
}

function evaluateScoresNarrative(r: EvaluateScoresResult): string[] {
  const out: string[] = [];
  if (r.topDecileCapture !== null && r.topDecileLift !== null) {
    out.push(
      `Contacting the 10% of customers with the highest scores reaches ${percentWords(r.topDecileCapture)} of those who churn — ${r.topDecileLift.toFixed(1)} times as many as a random 10%.`,
    );
  }
  if (r.auc !== null) {
    const quality =
      r.auc >= 0.8 ? "good" : r.auc >= 0.7 ? "useful" : r.auc >= 0.6 ? "weak" : "no better than chance";
    out.push(
      `The ranking is ${quality}: AUC ${r.auc.toFixed(2)} (0.5 = chance, 1 = perfect) on ${count(r.count, "customer")}, ${percentWords(r.baseRate)} of whom churn.`,
    );
  }
  return out;
}

function inactivityNarrative(r: InactivityRiskResult): string[] {
  const n = r.customers.length;
  if (n === 0) return [];
  const atRisk = r.bandCounts["at risk"] ?? 0;
  const lapsed = r.bandCounts.lapsed ?? 0;
  return [
    `As of ${r.asOf}, ${count(atRisk, "customer")} (${percentWords(atRisk / n)}) are overdue for their next purchase and at risk; ${formatNumber(lapsed)} more (${percentWords(lapsed / n)}) have lapsed.`,
    `A typical customer buys every ${proseNumber(r.populationGapDays)} days.`,
  ];
}

function churnModelNarrative(r: { coefficients: readonly ChurnModelCoefficient[] }): string[] {
  const terms = strongestTerms(r.coefficients).slice(0, 3);
  if (terms.length === 0) return [];
  return [
    `Strongest signals: ${terms
      .map((c) => `${termWords(c.term)} (${c.standardizedEstimate > 0 ? "raises" : "lowers"} churn risk)`)
      .join(", ")}.`,
  ];
}

/** A narrative of rules: `opening` (how many there are), then the strongest rule by lift in words. */
function rulesWords(opening: string, rules: readonly AssociationRule[]): string[] {
  const best = maxBy(rules, (rule) => (Number.isFinite(rule.lift) ? rule.lift : Number.NEGATIVE_INFINITY));
  if (best === undefined) return [opening];
  return [
    `${opening} Strongest by lift: ${percentWords(best.confidence)} of baskets with ${itemSet(best.antecedent)} also hold ${itemSet(best.consequent)} — ${best.lift.toFixed(1)} times the ${percentWords(best.consequentSupport)} of all baskets (${formatNumber(best.count)} baskets).`,
    "Place these items together, or suggest one when the other is in the basket.",
  ];
}

function rulesNarrative(r: AssociationRulesResult): string[] {
  return rulesWords(`${count(r.rules.length, "rule")} from ${count(r.transactionCount, "basket")}.`, r.rules);
}

function significantNarrative(r: SignificantRulesResult): string[] {
  const correction = r.options.correction === "none" ? "no correction" : `${r.options.correction} correction`;
  return rulesWords(
    `${formatNumber(r.rules.length)} of ${count(r.tested, "rule")} hold beyond chance (Fisher's exact test, ${correction}, ${percentWords(r.options.alpha)} level).`,
    r.rules,
  );
}

function itemFrequenciesNarrative(r: ItemFrequenciesResult): string[] {
  const first = itemsByCount(r.items)[0];
  if (first === undefined) return [];
  return [
    `${count(r.items.length, "item")} in ${count(r.transactionCount, "basket")}; the most frequent, "${first.item}", is in ${percentWords(first.support)} of baskets. A basket holds ${(r.itemOccurrences / Math.max(1, r.transactionCount)).toFixed(1)} items on average.`,
  ];
}

function bootstrapNarrative(r: BootstrapResult): string[] {
  const significant = r.paths.filter(excludesZero);
  const strongest = maxBy(r.paths, (p) => Math.abs(p.estimate));
  const out = [
    `${significant.length} of ${r.paths.length} paths are significant (95% interval excludes 0, ${formatNumber(r.validSamples)} resamples).`,
  ];
  if (strongest !== undefined) {
    out.push(`Strongest: ${pathName(strongest)}, ${strongest.estimate.toFixed(2)}.`);
  }
  return out;
}

function plsNarrative(r: PlsPathModelResult): string[] {
  const out: string[] = [];
  const targets = Object.entries(r.rSquared).filter(([, value]) => Number.isFinite(value) && value > 0);
  const last = targets[targets.length - 1];
  if (last !== undefined) {
    const [target, r2] = last;
    const drivers = r.totalEffects.filter((e) => e.to === target);
    const top = maxBy(drivers, (e) => Math.abs(e.estimate));
    out.push(
      `The model explains ${percentWords(r2)} of the variation in ${target}${top === undefined ? "" : `; its strongest driver is ${top.from} (total effect ${top.estimate.toFixed(2)})`}.`,
    );
  }
  const indices = Object.entries(r.index);
  if (indices.length > 0) {
    const low = minBy(indices, ([, value]) => value);
    out.push(
      `Index scores (0–100): ${indices.map(([name, value]) => `${name} ${value.toFixed(0)}`).join(", ")}${low === undefined ? "" : `; lowest: ${low[0]}`}.`,
    );
  }
  return out;
}

function gridNarrative(r: ImportancePerformanceGridResult): string[] {
  const focus = r.quadrants["concentrate here"] ?? [];
  const keep = r.quadrants["keep up the good work"] ?? [];
  const out = [
    focus.length > 0
      ? `Concentrate here (important, but performing below average): ${focus.join(", ")}.`
      : "No important driver performs below average.",
  ];
  if (keep.length > 0) out.push(`Keep up the good work: ${keep.join(", ")}.`);
  return out;
}

function npsNarrative(r: NetPromoterScoreResult): string[] {
  return [
    `Net Promoter Score ${proseNumber(Math.round(r.score))} (95% interval ${proseNumber(Math.round(r.lower))} to ${proseNumber(Math.round(r.upper))}, ${count(r.count, "answer")}): ${percentWords(r.promoterShare)} promoters, ${percentWords(r.passiveShare)} passives, ${percentWords(r.detractorShare)} detractors.`,
  ];
}

const KANO_WORDS: Record<KanoCategory, string> = {
  A: "attractive (delights when present)",
  O: "one-dimensional (more is better)",
  M: "must-be (expected; missing it dissatisfies)",
  I: "indifferent",
  R: "reverse",
  Q: "questionable answers",
};

function kanoNarrative(r: KanoResult): string[] {
  const groups = new Map<KanoCategory, string[]>();
  for (const attribute of r.attributes) {
    const list = groups.get(attribute.category) ?? [];
    list.push(attribute.attribute);
    groups.set(attribute.category, list);
  }
  const order: KanoCategory[] = ["M", "O", "A", "I", "R", "Q"];
  const parts = order
    .filter((category) => groups.has(category))
    .map((category) => `${KANO_WORDS[category]}: ${(groups.get(category) ?? []).join(", ")}`);
  return parts.length > 0 ? [`${parts.join("; ")}.`] : [];
}

function complaintNarrative(r: ComplaintSummaryResult): string[] {
  const top = maxBy(r.byCategory, (c) => c.complaints);
  const out = [
    `${count(r.complaints, "complaint")}${r.complainingCustomers === null ? "" : ` from ${count(r.complainingCustomers, "customer")}`}${top === undefined ? "." : `; the most common cause, "${top.category}", accounts for ${percentWords(top.share)}.`}`,
  ];
  const parts: string[] = [];
  if (r.resolution.median !== null) {
    parts.push(`half are resolved within ${proseNumber(r.resolution.median)} ${r.options.timeUnit}s`);
  }
  if (r.firstContactResolution.value !== null) {
    parts.push(`${percentWords(r.firstContactResolution.value)} on first contact`);
  }
  if (r.repeatComplainers !== null && r.repeatComplainers.share !== null) {
    parts.push(`${percentWords(r.repeatComplainers.share)} of complainers complain again`);
  }
  if (parts.length > 0) out.push(capitalized(`${parts.join(", ")}.`));
  return out;
}

function serviceKpisNarrative(r: ServiceKpisResult): string[] {
  const rate = (v: ServiceKpiValues) => v.onTimeDelivery.value;
  const overall = rate(r.overall);
  const out: string[] = [];
  if (overall !== null) {
    out.push(
      `${percentWords(overall)} of ${count(r.overall.orders, "order")} arrived on time${r.overall.damageLoss.value === null ? "" : `; ${percentWords(r.overall.damageLoss.value)} were damaged or lost`}.`,
    );
  }
  const ranked = r.bySegment.filter((s) => rate(s) !== null);
  const worst = minBy(ranked, (s) => rate(s) as number);
  if (worst !== undefined && ranked.length > 1) {
    out.push(`Weakest on-time rate: ${worst.segment} (${percentWords(rate(worst) as number)}).`);
  }
  return out;
}

/** A narrative for every kind of result the report recognises. */
const BUILDERS: Required<ReportKindBuilders<string[]>> = {
  paretoAnalysis: pareto,
  lorenzCurve: lorenz,
  rfmSegments: rfmSegmentsNarrative,
  rfmScores: rfmScoresNarrative,
  valueTiers: valueTiersNarrative,
  customerLifetimeValue: lifetimeValueNarrative,
  calibrationHoldoutSummary: calibrationNarrative,
  chooseK: chooseKNarrative,
  segmentProfiles: segmentProfilesNarrative,
  kMeans: kMeansNarrative,
  evaluateScores: evaluateScoresNarrative,
  inactivityRisk: inactivityNarrative,
  churnModel: churnModelNarrative,
  associationRules: rulesNarrative,
  significantRules: significantNarrative,
  ruleList: (rules: readonly AssociationRule[]) => rulesWords(`${count(rules.length, "rule")}.`, rules),
  itemFrequencies: itemFrequenciesNarrative,
  bootstrap: bootstrapNarrative,
  plsPathModel: plsNarrative,
  importancePerformanceGrid: gridNarrative,
  netPromoterScore: npsNarrative,
  kano: kanoNarrative,
  complaintSummary: complaintNarrative,
  serviceKpis: serviceKpisNarrative,
};

/** The generated narrative of a known result (plain-text paragraphs), or [] for anything else. */
export function narrativeOf(result: unknown): string[] {
  return buildForKind(result, BUILDERS) ?? [];
}
