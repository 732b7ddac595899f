import type { AssociationRule } from "../basket/index.js";
import { numeric } from "../core/internal/optionRules.js";
import { maxRulesOption, type RulesInput, topRules } from "./internal/rules.js";
import {
  type ChartOptions,
  chartOptionsShape,
  dataValues,
  frame,
  nominal,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/**
 * Options of {@link groupedMatrixChart}.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * groupedMatrixChart(rules, { maxRules: 300, groups: 10, consequents: 12 }).title;
 * // => { text: "Grouped matrix: which baskets lead to which items", ... }
 * ```
 */
export interface GroupedMatrixChartOptions extends ChartOptions {
  /** Rules considered: those with the highest lift. @defaultValue 500 */
  readonly maxRules?: number;
  /** Most antecedent groups (rows). @defaultValue 15 */
  readonly groups?: number;
  /** Most consequents (columns). @defaultValue 15 */
  readonly consequents?: number;
}

const schema = {
  ...chartOptionsShape,
  maxRules: maxRulesOption(20_000),
  groups: numeric({ whole: true, gte: 1, lte: 60 }),
  consequents: numeric({ whole: true, gte: 1, lte: 60 }),
};

/**
 * One cell: the rules of one antecedent group with one consequent.
 *
 * @example
 * ```ts
 * const baskets = [["milk", "butter"], ["milk", "butter", "bread"], ["milk"], ["bread"]];
 * groupedMatrixCells(associationRules(baskets, { minSupport: 0.5 }));
 * // => [{ group: "{butter}", consequent: "milk", rules: 1, meanLift: 1.333, support: 0.5 }]
 * ```
 */
export interface GroupedMatrixCell {
  /** `"{milk} +3 items"`: the group's most shared antecedent item and how many other items its rules add. */
  readonly group: string;
  readonly consequent: string;
  readonly rules: number;
  readonly meanLift: number;
  /** Support summed over the cell's rules. */
  readonly support: number;
}

/**
 * The cells of a grouped matrix. Rules (the `maxRules` by lift) are grouped by their antecedent's
 * "anchor" item, the antecedent item that occurs in the most of these rules (ties: first in the
 * antecedent); columns are consequents. The `consequents` consequents and `groups` groups with the
 * highest mean lift are kept.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * new Set(groupedMatrixCells(rules, { groups: 5 }).map((cell) => cell.group)).size; // => 5
 * ```
 */
export function groupedMatrixCells(
  rules: RulesInput,
  options: GroupedMatrixChartOptions = {},
): GroupedMatrixCell[] {
  const name = "groupedMatrixChart";
  const parsed = parseChartOptions(name, options, schema);
  const top = topRules(name, rules, parsed.maxRules, 500);
  const inRules = new Map<string, number>();
  for (const rule of top) for (const item of rule.antecedent) inRules.set(item, (inRules.get(item) ?? 0) + 1);
  const anchorOf = (rule: AssociationRule) =>
    rule.antecedent.reduce(
      (best, item) => ((inRules.get(item) ?? 0) > (inRules.get(best) ?? 0) ? item : best),
      rule.antecedent[0] ?? "",
    );
  const consequentOf = (rule: AssociationRule) => rule.consequent.join(", ");
  const meanLift = (list: readonly AssociationRule[]) => list.reduce((s, r) => s + r.lift, 0) / list.length;
  const byKey = <K>(key: (rule: AssociationRule) => K) => {
    const map = new Map<K, AssociationRule[]>();
    for (const rule of top) map.set(key(rule), [...(map.get(key(rule)) ?? []), rule]);
    return map;
  };
  const keepTop = (map: Map<string, AssociationRule[]>, count: number) =>
    new Set(
      [...map]
        .sort((a, b) => meanLift(b[1]) - meanLift(a[1]))
        .slice(0, count)
        .map(([key]) => key),
    );
  const keptConsequents = keepTop(byKey(consequentOf), parsed.consequents ?? 15);
  const groups = byKey(anchorOf);
  const keptGroups = keepTop(groups, parsed.groups ?? 15);
  const groupLabel = new Map<string, string>();
  for (const anchor of keptGroups) {
    const others = new Set(
      (groups.get(anchor) ?? []).flatMap((r) => r.antecedent).filter((item) => item !== anchor),
    );
    groupLabel.set(
      anchor,
      others.size === 0 ? `{${anchor}}` : `{${anchor}} +${others.size} item${others.size === 1 ? "" : "s"}`,
    );
  }
  const cells = new Map<string, { group: string; consequent: string; list: AssociationRule[] }>();
  for (const rule of top) {
    const anchor = anchorOf(rule);
    const consequent = consequentOf(rule);
    if (!keptGroups.has(anchor) || !keptConsequents.has(consequent)) continue;
    const key = JSON.stringify([anchor, consequent]);
    const cell = cells.get(key) ?? { group: groupLabel.get(anchor) as string, consequent, list: [] };
    cell.list.push(rule);
    cells.set(key, cell);
  }
  return [...cells.values()].map((cell) => ({
    group: cell.group,
    consequent: cell.consequent,
    rules: cell.list.length,
    meanLift: tidy(meanLift(cell.list)),
    support: tidy(cell.list.reduce((s, r) => s + r.support, 0)),
  }));
}

/**
 * The grouped matrix of association rules (after arulesViz's grouped matrix, Hahsler & Chelluboina 2011):
 * rows are groups of antecedents that share an item, columns are consequents, each circle sized by
 * summed support and coloured by mean lift. It fits hundreds of rules on one screen and shows which
 * groups of purchases lead to which items.
 *
 * @param rules - result of `associationRules` (or `significantRules`, `redundantRules`), or its rules
 * @param options - maxRules, groups, consequents, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `rules` holds no association rules or an option is invalid
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * const spec = groupedMatrixChart(rules);
 * spec.title; // => { text: "Grouped matrix: which baskets lead to which items", subtitle: "196 rules; rows: antecedent groups, columns: consequents" }
 * ```
 */
export function groupedMatrixChart(rules: RulesInput, options: GroupedMatrixChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("groupedMatrixChart", options, schema);
  const cells = groupedMatrixCells(rules, options);
  const groupOrder = [...new Set([...cells].sort((a, b) => b.meanLift - a.meanLift).map((c) => c.group))];
  const consequentOrder = [
    ...new Set([...cells].sort((a, b) => b.meanLift - a.meanLift).map((c) => c.consequent)),
  ];
  return frame(
    parsed,
    {
      title: "Grouped matrix: which baskets lead to which items",
      subtitle: `${cells.reduce((s, c) => s + c.rules, 0)} rules; rows: antecedent groups, columns: consequents`,
      width: within(consequentOrder.length * 34, 200, 720),
      height: within(groupOrder.length * 28, 120, 640),
    },
    {
      data: dataValues(cells),
      mark: { type: "circle", opacity: 0.9 },
      encoding: {
        x: nominal("consequent", "Then they buy (consequent)", {
          sort: consequentOrder,
          axis: { labelAngle: -40, labelLimit: 140, orient: "top" },
        }),
        y: nominal("group", "Customers who buy (antecedent group)", {
          sort: groupOrder,
          axis: { labelLimit: 220 },
        }),
        size: quantitative("support", "Support", { legend: { format: ".1%" }, scale: { range: [30, 600] } }),
        color: quantitative("meanLift", "Mean lift", { scale: { scheme: "viridis", reverse: true } }),
        tooltip: [
          nominal("group", "Antecedent group"),
          nominal("consequent", "Consequent"),
          quantitative("rules", "Rules"),
          quantitative("meanLift", "Mean lift", ".2f"),
          quantitative("support", "Support", PERCENT_PRECISE),
        ],
      },
    },
  );
}
