import type { Store } from "clientele";
import {
  associationRules,
  itemFrequencies,
  recommend,
  significantRules,
  transactionsFrom,
} from "clientele/basket";
import { itemFrequencyChart, reportNarrative, ruleGraphChart, rulesScatterChart } from "clientele/chart";
import type { DemoSectionBuilder } from "./section.js";

/**
 * The basket section of the demo: mine the store's orders, show the planted
 * diapers => beer rule with its lift, the strongest pairs by lift and
 * cross-sell suggestions for a few baskets.
 */
export const basketSection: DemoSectionBuilder = (store: Store) => {
  const started = performance.now();
  const purchases = store.orderLines.filter((line) => !line.refund);
  const baskets = transactionsFrom(purchases, { transaction: "orderId", item: "product" });
  const result = associationRules(baskets, { minSupport: 0.005, minConfidence: 0.3 });
  const significant = significantRules(result, { alpha: 0.01, correction: "holm" });
  const elapsed = performance.now() - started;
  const find = (left: string, right: string) =>
    result.rules.find(
      (r) => r.antecedent.length === 1 && r.antecedent[0] === left && r.consequent[0] === right,
    );

  const lines = [
    `${baskets.transactionCount} baskets, ${baskets.itemLabels.length} products: ${result.rules.length} rules with support >= 0.5%,`,
    `confidence >= 30% (${significant.rules.length} significant at 1% after Holm), in ${elapsed.toFixed(0)} ms.`,
    "",
    "Planted association              confidence   lift   found",
  ];
  for (const planted of store.planted.associations) {
    const rule = find(planted.antecedent, planted.consequent);
    const label = `${planted.antecedent} => ${planted.consequent}`.padEnd(32);
    lines.push(
      rule === undefined
        ? `${label} ${"-".padStart(10)}   ${"-".padStart(4)}   no`
        : `${label} ${rule.confidence.toFixed(3).padStart(10)}   ${rule.lift.toFixed(1).padStart(4)}   yes`,
    );
  }
  const diapersBeer = find("diapers", "beer");
  if (diapersBeer !== undefined) {
    lines.push(
      "",
      `Beer and diapers: ${(100 * diapersBeer.confidence).toFixed(0)}% of baskets with diapers also hold beer, ` +
        `${diapersBeer.lift.toFixed(1)}x beer's ${(100 * diapersBeer.consequentSupport).toFixed(1)}% base rate.`,
    );
  }
  lines.push("", "Shelf placement and cross-sell (recommend, by confidence):");
  const crossSell: { basket: string; suggestions: string }[] = [];
  for (const basket of [["diapers"], ["tortilla chips"], ["pasta", "ground beef"], ["hot dogs"]]) {
    const { recommendations } = recommend(significant.rules, basket, { limit: 2 });
    const text = recommendations.map((r) => `${r.item} (${(100 * r.score).toFixed(0)}%)`).join(", ");
    lines.push(`  {${basket.join(", ")}} -> ${text || "no suggestion"}`);
    crossSell.push({ basket: basket.join(", "), suggestions: text || "no suggestion" });
  }
  const items = itemFrequencies(baskets);
  const planted = store.planted.associations.map((p) => {
    const rule = find(p.antecedent, p.consequent);
    return {
      rule: `${p.antecedent} → ${p.consequent}`,
      found: rule !== undefined,
      confidence: rule?.confidence ?? null,
      lift: rule?.lift ?? null,
    };
  });
  return {
    title: "Market basket: association rules",
    text: lines.join("\n"),
    report: [
      {
        title: "Market basket: what sells together",
        result: significant,
        narrative: [
          ...reportNarrative(result),
          `${significant.rules.length} of them hold beyond chance (1% level after Holm's correction).`,
          ...(diapersBeer === undefined
            ? []
            : [
                `Beer and diapers: ${(100 * diapersBeer.confidence).toFixed(0)}% of baskets with diapers also hold beer, ${diapersBeer.lift.toFixed(1)} times beer's ${(100 * diapersBeer.consequentSupport).toFixed(1)}% base rate.`,
              ]),
        ],
        chart: [rulesScatterChart(result), ruleGraphChart(significant, { maxRules: 30 })],
      },
      {
        title: "Market basket: best sellers and cross-sell",
        result: items,
        chart: itemFrequencyChart(items, { topItems: 15 }),
        table: crossSell,
        narrative: [
          ...reportNarrative(items),
          "Suggestions for a few baskets, from the significant rules (share of such baskets that also hold the item):",
        ],
      },
      {
        title: "Market basket: the planted associations",
        narrative:
          "The generated store plants these associations; the rules recover them (confidence and lift as mined).",
        table: planted,
        chart: null,
      },
    ],
  };
};
