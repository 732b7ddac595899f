import type { AssociationRule } from "../../basket/AssociationRule.js";
import type { ItemFrequenciesResult } from "../../basket/itemFrequencies.js";
import type { EvaluateScoresResult } from "../../churn/evaluateScores.js";
import type { InactivityRiskResult } from "../../churn/inactivityRisk.js";
import type { ChurnModelCoefficient } from "../../churn/trainChurnModel.js";
import { displayRows } from "../../core/index.js";
import type { ComplaintSummaryResult } from "../../crm/complaintSummary.js";
import type { ServiceKpisResult, ServiceKpiValues } from "../../crm/serviceKpis.js";
import type { BootstrapResult } from "../../satisfaction/bootstrap.js";
import type { ImportancePerformanceGridResult } from "../../satisfaction/importancePerformanceGrid.js";
import type { KanoResult } from "../../satisfaction/kano.js";
import type { NetPromoterScoreResult } from "../../satisfaction/netPromoterScore.js";
import type { PlsPathModelResult } from "../../satisfaction/plsPathModel.js";
import type { ChooseKResult } from "../../segment/chooseK.js";
import type { SegmentProfilesResult } from "../../segment/segmentProfiles.js";
import type { LorenzCurveResult } from "../../value/lorenzCurve.js";
import type { ParetoAnalysisResult } from "../../value/paretoAnalysis.js";
import type { RfmSegmentsResult } from "../../value/rfmSegments.js";
import type { ValueTiersResult } from "../../value/valueTiers.js";
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

/**
 * The table a report shows for a clientele result: the summary a reader needs (segments rather than
 * every customer, the strongest rules first), with column names that read as words. Internal.
 */

const ruleText = (items: readonly string[]) => items.join(", ");

/** The revenue share of the top 1%, 5%, 10%, 20% and 50% of customers. */
const lorenzRows = (r: LorenzCurveResult): object[] =>
  [0.01, 0.05, 0.1, 0.2, 0.5].map((top) => ({
    "top customers": `top ${Math.round(top * 100)}%`,
    "revenue share": topValueShare(r, top),
  }));

/** Rules the strongest (by lift, then support) first, their item sets as text. */
function ruleRows(rules: readonly AssociationRule[]): object[] {
  return rules
    .slice()
    .sort((a, b) => b.lift - a.lift || b.support - a.support)
    .map((rule) => ({
      "if the basket holds": ruleText(rule.antecedent),
      "it also holds": ruleText(rule.consequent),
      support: rule.support,
      confidence: rule.confidence,
      lift: rule.lift,
      baskets: rule.count,
    }));
}

/** The columns of one group's service KPIs. */
const kpiRow = (v: ServiceKpiValues) => ({
  orders: v.orders,
  "on-time rate": v.onTimeDelivery.value,
  "delivery success rate": v.deliverySuccess.value,
  "damage/loss rate": v.damageLoss.value,
  "stockout rate": v.stockout.value,
  "first-contact resolution rate": v.firstContactResolution.value,
});

/** A row's columns of a 95% interval. */
const interval95 = (interval: { readonly lower: number; readonly upper: number }) => ({
  "95% low": interval.lower,
  "95% high": interval.upper,
});

const BUILDERS: ReportKindBuilders<readonly object[]> = {
  paretoAnalysis: (r: ParetoAnalysisResult) =>
    r.abc.map((row) => ({
      class: row.abcClass,
      customers: row.customers,
      customerShare: row.customerShare,
      revenueShare: row.valueShare,
    })),
  lorenzCurve: lorenzRows,
  rfmSegments: (r: RfmSegmentsResult) =>
    occupiedSegments(r)
      .sort((a, b) => b.customers - a.customers)
      .map((s) => ({
        segment: s.segment,
        customers: s.customers,
        customerShare: s.share,
        revenueShare: s.monetaryShare,
        "mean recency (days)": s.meanRecencyDays,
        "mean orders": s.meanFrequency,
        "mean spend": s.meanMonetary,
      })),
  valueTiers: (r: ValueTiersResult) =>
    r.tiers.map((t) => ({
      tier: t.tier,
      customers: t.customers,
      customerShare: t.share,
      contributionShare: t.contributionShare,
    })),
  chooseK: (r: ChooseKResult<unknown>) => r.table.map((row) => ({ ...row })),
  segmentProfiles: (r: SegmentProfilesResult) =>
    r.profiles.map((p) => ({
      segment: p.segment,
      label: p.label,
      customers: p.size,
      customerShare: p.shareOfCustomers,
      valueShare: p.shareOfValue,
      "mean value": p.meanValue,
    })),
  kMeans: (r: { sizes: readonly number[] }) => {
    const total = sumOf(r.sizes, (size) => size);
    return r.sizes.map((size, segment) => ({
      segment,
      customers: size,
      customerShare: shareOf(size, total),
    }));
  },
  evaluateScores: (r: EvaluateScoresResult) =>
    r.gains.map((row) => ({
      decile: row.group,
      customers: row.count,
      churners: row.churners,
      churnRate: row.churnRate,
      cumulativeCapture: row.cumulativeCapture,
      lift: row.lift,
    })),
  inactivityRisk: (r: InactivityRiskResult) =>
    Object.entries(r.bandCounts).map(([band, customers]) => ({
      band,
      customers,
      customerShare: shareOf(customers, r.customers.length),
    })),
  churnModel: (r: { coefficients: readonly ChurnModelCoefficient[] }) =>
    strongestTerms(r.coefficients).map((c) => ({
      term: c.term,
      "standardized effect": c.standardizedEstimate,
      "odds ratio": c.oddsRatio,
    })),
  associationRules: (r: { rules: readonly AssociationRule[] }) => ruleRows(r.rules),
  significantRules: (r: { rules: readonly AssociationRule[] }) => ruleRows(r.rules),
  ruleList: ruleRows,
  itemFrequencies: (r: ItemFrequenciesResult) =>
    itemsByCount(r.items).map((i) => ({ item: i.item, baskets: i.count, support: i.support })),
  bootstrap: (r: BootstrapResult) =>
    r.paths.map((p) => ({
      path: pathName(p),
      estimate: p.estimate,
      ...interval95(p),
      significant: excludesZero(p),
    })),
  plsPathModel: (r: PlsPathModelResult) =>
    r.pathCoefficients.map((p) => ({
      path: pathName(p),
      coefficient: p.estimate,
      "R² of target": r.rSquared[p.to] ?? null,
    })),
  importancePerformanceGrid: (r: ImportancePerformanceGridResult) =>
    r.attributes
      .slice()
      .sort((a, b) => b.importance - a.importance)
      .map((a) => ({
        driver: a.name,
        importance: a.importance,
        performance: a.performance,
        quadrant: a.quadrant,
      })),
  netPromoterScore: (r: NetPromoterScoreResult) => [
    {
      answers: r.count,
      promoterShare: r.promoterShare,
      passiveShare: r.passiveShare,
      detractorShare: r.detractorShare,
      NPS: r.score,
      ...interval95(r),
    },
  ],
  kano: (r: KanoResult) =>
    r.attributes.map((a) => ({
      attribute: a.attribute,
      category: a.category,
      better: a.better,
      worse: a.worse,
    })),
  complaintSummary: (r: ComplaintSummaryResult) =>
    r.byCategory.map((c) => ({
      category: c.category,
      complaints: c.complaints,
      share: c.share,
      [`median resolution (${r.options.timeUnit}s)`]: c.medianResolution,
      "first-contact resolution rate": c.firstContactResolutionRate,
    })),
  serviceKpis: (r: ServiceKpisResult) => [
    { group: "all", ...kpiRow(r.overall) },
    ...r.bySegment.map((s) => ({ group: s.segment, ...kpiRow(s) })),
  ],
};

/**
 * The rows a report shows for `result`: a curated summary for known clientele results, the
 * result's display rows (`displayRows`) for other results, the array itself for arrays of records.
 */
export function rowsOf(result: unknown): readonly object[] {
  const summary = buildForKind(result, BUILDERS);
  if (summary !== undefined) return summary;
  const rows = displayRows(result);
  return rows === undefined ? [] : rows.filter((row) => row !== null && typeof row === "object");
}
