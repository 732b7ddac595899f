import { forceLayout } from "./internal/forceLayout.js";
import { maxRulesOption, type RulesInput, ruleText, topRules } from "./internal/rules.js";
import {
  type ChartOptions,
  categoryChannel,
  chartOptionsShape,
  dataValues,
  frame,
  nominal,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  textMark,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link ruleGraphChart}.
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * ruleGraphChart(rules, { maxRules: 15, width: 700, height: 500 }).title;
 * // => { text: "Rule graph: the 15 rules with the highest lift", ... }
 * ```
 */
export interface RuleGraphChartOptions extends ChartOptions {
  /** Draw this many rules, those with the highest lift. @defaultValue 25 */
  readonly maxRules?: number;
}

const schema = {
  ...chartOptionsShape,
  maxRules: maxRulesOption(200),
};

/**
 * Nodes and edges of the rule graph, laid out in [0, 1] x [0, 1].
 *
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
 * const graph = ruleGraph(rules, { maxRules: 10 });
 * [graph.rules.length, graph.items[0]]; // => [10, { item: "baby wipes", x: 0.78, y: 0.08 }]
 * ```
 */
export interface RuleGraph {
  readonly items: readonly { readonly item: string; readonly x: number; readonly y: number }[];
  readonly rules: readonly {
    readonly rule: string;
    readonly x: number;
    readonly y: number;
    readonly support: number;
    readonly confidence: number;
    readonly lift: number;
  }[];
  readonly edges: readonly {
    readonly x: number;
    readonly y: number;
    readonly x2: number;
    readonly y2: number;
    readonly role: "antecedent" | "consequent";
  }[];
}

/**
 * The graph of a {@link ruleGraphChart}: one node per item and one per rule (the `maxRules` rules by lift);
 * an edge from each antecedent item to its rule and from the rule to each consequent item. Positions come
 * from a deterministic force-directed layout (same rules, same picture).
 *
 * @example
 * ```ts
 * const rules = associationRules([["a", "b"], ["a", "b"], ["a"], ["c"]], { minSupport: 0.5 }); // one rule: {b} => {a}
 * ruleGraph(rules).edges.map((e) => e.role);
 * // => ["antecedent", "consequent"]
 * ```
 */
export function ruleGraph(rules: RulesInput, options: RuleGraphChartOptions = {}): RuleGraph {
  const name = "ruleGraphChart";
  const parsed = parseChartOptions(name, options, schema);
  const top = topRules(name, rules, parsed.maxRules, 25);
  const itemIndex = new Map<string, number>();
  for (const rule of top) {
    for (const item of [...rule.antecedent, ...rule.consequent])
      if (!itemIndex.has(item)) itemIndex.set(item, itemIndex.size);
  }
  const itemCount = itemIndex.size;
  const links: [number, number, "antecedent" | "consequent"][] = [];
  top.forEach((rule, r) => {
    for (const item of rule.antecedent)
      links.push([itemIndex.get(item) as number, itemCount + r, "antecedent"]);
    for (const item of rule.consequent)
      links.push([itemCount + r, itemIndex.get(item) as number, "consequent"]);
  });
  // Labelled item nodes repel more than rule circles, so that labels do not overlap as often.
  const charge = Float64Array.from({ length: itemCount + top.length }, (_, i) => (i < itemCount ? 2 : 1));
  const position = forceLayout(
    itemCount + top.length,
    links.map(([a, b]) => [a, b] as const),
    charge,
  );
  const at = (i: number) => ({ x: position[2 * i] as number, y: position[2 * i + 1] as number });
  return {
    items: [...itemIndex].map(([item, i]) => ({ item, ...at(i) })),
    rules: top.map((rule, r) => ({
      rule: ruleText(rule),
      ...at(itemCount + r),
      support: tidy(rule.support),
      confidence: tidy(rule.confidence),
      lift: tidy(rule.lift),
    })),
    edges: links.map(([a, b, role]) => {
      const from = at(a);
      const to = at(b);
      return { x: from.x, y: from.y, x2: to.x, y2: to.y, role };
    }),
  };
}

/**
 * The rule graph (arulesViz's `method = "graph"`): items as labelled nodes, each rule as a small circle
 * sized by support and coloured by lift, with grey edges from the items a customer buys into the rule and
 * dark edges from the rule to the item they then buy. The top `maxRules` rules by lift (default 25) are
 * laid out by a deterministic force-directed layout computed in TypeScript, so the SVG needs no runtime layout.
 *
 * @param rules - result of `associationRules` (or `significantRules`, `redundantRules`), or its rules
 * @param options - maxRules, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `rules` holds no association rules or an option is invalid
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const spec = ruleGraphChart(associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 }), { maxRules: 15 });
 * spec.title; // => { text: "Rule graph: the 15 rules with the highest lift", ... }
 * ```
 */
export function ruleGraphChart(rules: RulesInput, options: RuleGraphChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("ruleGraphChart", options, schema);
  const graph = ruleGraph(rules, options);
  const hidden = { type: "quantitative", axis: null, scale: { domain: [-0.08, 1.08] } } as const;
  const x = { field: "x", ...hidden };
  const y = { field: "y", ...hidden };
  return frame(
    parsed,
    {
      title: `Rule graph: the ${graph.rules.length} rules with the highest lift`,
      subtitle: "items → rule (circle: size support, colour lift) → item bought next",
      width: 560,
      height: 460,
    },
    {
      layer: [
        {
          data: dataValues(graph.edges),
          mark: { type: "rule", strokeWidth: 1.2 },
          encoding: {
            x,
            y,
            x2: { field: "x2" },
            y2: { field: "y2" },
            color: categoryChannel(
              "role",
              "Edge",
              ["antecedent", "consequent"],
              ["#bbbbbb", "#555555"],
              "bottom",
            ),
          },
        },
        {
          data: dataValues(graph.rules),
          mark: { type: "circle", opacity: 0.9, stroke: "#fff" },
          encoding: {
            x,
            y,
            size: quantitative("support", "Support", {
              scale: { range: [40, 400] },
              legend: { format: ".1%" },
            }),
            color: quantitative("lift", "Lift", { scale: { scheme: "viridis", reverse: true } }),
            tooltip: [
              nominal("rule", "Rule"),
              quantitative("support", "Support", PERCENT_PRECISE),
              quantitative("confidence", "Confidence", PERCENT_PRECISE),
              quantitative("lift", "Lift", ".2f"),
            ],
          },
        },
        {
          data: dataValues(graph.items),
          mark: textMark({ fontSize: 11, fontWeight: "bold", color: "#222", limit: 140 }),
          encoding: {
            x,
            y,
            text: nominal("item"),
            tooltip: [nominal("item", "Item")],
          },
        },
      ],
      resolve: { scale: { color: "independent" } },
    },
  );
}
