import type { AssociationRule } from "../../basket/AssociationRule.js";
import type { AssociationRulesResult } from "../../basket/associationRules.js";
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
import { type ReportResultKind, resultKind } from "./htmlKinds.js";

/**
 * The table a report shows for a clientele result: the summary a reader needs (segments rather than
 * every customer, the strongest rules first), with column names that read as words. Internal.
 */

const ruleText = (items: readonly string[]) => items.join(", ");

function lorenzRows(r: LorenzCurveResult): object[] {
  const xs = r.customerShare;
  const ys = r.valueShare;
  const rows: object[] = [];
  for (const top of [0.01, 0.05, 0.1, 0.2, 0.5]) {
    const x = 1 - top;
    let share = 0;
    for (let i = 1; i < xs.length; i++) {
      const x1 = xs[i] as number;
      if (x1 >= x) {
        const x0 = xs[i - 1] as number;
        const y0 = ys[i - 1] as number;
        const y1 = ys[i] as number;
        share = 1 - (x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
        break;
      }
    }
    rows.push({ "top customers": `top ${Math.round(top * 100)}%`, "revenue share": share });
  }
  return rows;
}

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

const kpiRow = (v: ServiceKpiValues) => ({
  orders: v.orders,
  "on-time rate": v.onTimeDelivery.value,
  "delivery success rate": v.deliverySuccess.value,
  "damage/loss rate": v.damageLoss.value,
  "stockout rate": v.stockout.value,
  "first-contact resolution rate": v.firstContactResolution.value,
});

const BUILDERS: { readonly [K in ReportResultKind]?: (result: never) => readonly object[] } = {
  paretoAnalysis: (r: ParetoAnalysisResult) =>
    r.abc.map((row) => ({
      class: row.abcClass,
      customers: row.customers,
      customerShare: row.customerShare,
      revenueShare: row.valueShare,
    })),
  lorenzCurve: lorenzRows,
  rfmSegments: (r: RfmSegmentsResult) =>
    r.segments
      .filter((s) => s.customers > 0)
      .slice()
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
    const total = r.sizes.reduce((s, v) => s + v, 0);
    return r.sizes.map((size, segment) => ({
      segment,
      customers: size,
      customerShare: size / Math.max(1, total),
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
  inactivityRisk: (r: InactivityRiskResult) => {
    const n = Math.max(1, r.customers.length);
    return Object.entries(r.bandCounts).map(([band, customers]) => ({
      band,
      customers,
      customerShare: customers / n,
    }));
  },
  churnModel: (r: { coefficients: readonly ChurnModelCoefficient[] }) =>
    r.coefficients
      .filter((c) => c.kind !== "intercept")
      .slice()
      .sort((a, b) => Math.abs(b.standardizedEstimate) - Math.abs(a.standardizedEstimate))
      .map((c) => ({
        term: c.term,
        "standardized effect": c.standardizedEstimate,
        "odds ratio": c.oddsRatio,
      })),
  associationRules: (r: AssociationRulesResult) => ruleRows(r.rules),
  significantRules: (r: { rules: readonly AssociationRule[] }) => ruleRows(r.rules),
  ruleList: ruleRows,

  itemFrequencies: (r: ItemFrequenciesResult) =>
    r.items
      .slice()
      .sort((a, b) => b.count - a.count)
      .map((i) => ({ item: i.item, baskets: i.count, support: i.support })),
  bootstrap: (r: BootstrapResult) =>
    r.paths.map((p) => ({
      path: `${p.from} → ${p.to}`,
      estimate: p.estimate,
      "95% low": p.lower,
      "95% high": p.upper,
      significant: p.lower > 0 || p.upper < 0,
    })),
  plsPathModel: (r: PlsPathModelResult) =>
    r.pathCoefficients.map((p) => ({
      path: `${p.from} → ${p.to}`,
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
      "95% low": r.lower,
      "95% high": r.upper,
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
  const kind = resultKind(result);
  const build = kind === undefined ? undefined : BUILDERS[kind];
  if (build !== undefined) {
    try {
      return (build as (r: unknown) => readonly object[])(result);
    } catch (error) {
      // Recognition is by shape: an object that only looks like a result falls back to its display rows.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  const rows = displayRows(result);
  return rows === undefined ? [] : rows.filter((row) => row !== null && typeof row === "object");
}
