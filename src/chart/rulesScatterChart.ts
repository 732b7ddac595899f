import type { AssociationRule } from "../basket/index.js";
import { maxRulesOption, type RulesInput, rulesOf, ruleText, topRules } from "./internal/rules.js";
import {
  type ChartOptions,
  chartOptionsShape,
  countText,
  dataValues,
  frame,
  nominal,
  PERCENT,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link rulesScatterChart}.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * rulesScatterChart(rules, { maxRules: 200 }).title;
 * // => { text: "Association rules: support, confidence and lift", subtitle: "200 of 1,391 rules (highest lift)" }
 * ```
 */
export interface RulesScatterChartOptions extends ChartOptions {
  /** Draw at most this many rules, those with the highest lift. @defaultValue 500 */
  readonly maxRules?: number;
}

const schema = {
  ...chartOptionsShape,
  maxRules: maxRulesOption(20_000),
};

/**
 * One point of the scatter.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * rulesScatterPoints(rules)[0];
 * // => { rule: "{baby wipes, beer} => {diapers}", support: 0.0027, confidence: 0.90, lift: 28.3, count: 26 }
 * ```
 */
export interface RulesScatterPoint {
  readonly rule: string;
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
  readonly count: number;
}

/**
 * The points of a {@link rulesScatterChart}: the top `maxRules` rules by lift.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * rulesScatterPoints(rules, { maxRules: 40 }).length; // => 40 (of 1,391 rules; fewer when there are fewer)
 * ```
 */
export function rulesScatterPoints(
  rules: RulesInput,
  options: RulesScatterChartOptions = {},
): RulesScatterPoint[] {
  const name = "rulesScatterChart";
  const parsed = parseChartOptions(name, options, schema);
  return topRules(name, rules, parsed.maxRules, 500).map((rule: AssociationRule) => ({
    rule: ruleText(rule),
    support: tidy(rule.support),
    confidence: tidy(rule.confidence),
    lift: tidy(rule.lift),
    count: rule.count,
  }));
}

/**
 * Association rules as a scatter of support against confidence, coloured by lift (arulesViz's default
 * plot): the rules worth acting on sit top right in dark colours. Draws the `maxRules` rules with the
 * highest lift (default 500) so that 20,000 rules stay readable; hover for the rule.
 *
 * @param rules - result of `associationRules` (or `significantRules`, `redundantRules`), or its rules
 * @param options - maxRules, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `rules` holds no association rules or an option is invalid
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const spec = rulesScatterChart(associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 }));
 * spec.title; // => { text: "Association rules: support, confidence and lift", subtitle: "500 of 1,391 rules (highest lift)" }
 * ```
 */
export function rulesScatterChart(rules: RulesInput, options: RulesScatterChartOptions = {}): VegaLiteSpec {
  const name = "rulesScatterChart";
  const parsed = parseChartOptions(name, options, schema);
  const total = rulesOf(name, rules).length;
  const points = rulesScatterPoints(rules, options);
  return frame(
    parsed,
    {
      title: "Association rules: support, confidence and lift",
      subtitle:
        points.length < total
          ? `${points.length} of ${countText(total)} rules (highest lift)`
          : `${countText(total)} rules`,
      width: 440,
      height: 340,
    },
    {
      data: dataValues(points),
      mark: { type: "circle", opacity: 0.8, size: 40 },
      encoding: {
        x: quantitative("support", "Support (share of baskets with all items)", {
          axis: { format: PERCENT_PRECISE },
          scale: { type: "log" },
        }),
        y: quantitative("confidence", "Confidence", {
          axis: { format: PERCENT },
          scale: { zero: false },
        }),
        color: quantitative("lift", "Lift", { scale: { scheme: "viridis", reverse: true } }),
        order: quantitative("lift", undefined, { sort: "ascending" }),
        tooltip: [
          nominal("rule", "Rule"),
          quantitative("support", "Support", ".2%"),
          quantitative("confidence", "Confidence", PERCENT_PRECISE),
          quantitative("lift", "Lift", ".2f"),
          quantitative("count", "Baskets", THOUSANDS),
        ],
      },
    },
  );
}
