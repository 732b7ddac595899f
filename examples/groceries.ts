/**
 * Groceries: the classic arules data set (9835 receipts of a grocery outlet,
 * 169 categories). Reads the basket file, mines frequent itemsets and rules,
 * prints the top rules by lift and the checks against arules' published
 * figures. Needs ../shared/datasets/groceries.csv; prints a note and exits
 * cleanly when it is absent.
 *
 * Run: npx tsx examples/groceries.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  associationRules,
  frequentItemsets,
  readBaskets,
  redundantRules,
  significantRules,
} from "clientele/basket";

const path = fileURLToPath(new URL("../../shared/datasets/groceries.csv", import.meta.url));
if (!existsSync(path)) {
  console.log(`groceries.csv not found at ${path}; skipping the groceries example.`);
} else {
  const groceries = readBaskets(readFileSync(path, "utf8"), { separator: "," });
  console.log(`Read ${groceries.transactionCount} transactions, ${groceries.itemLabels.length} items`);
  // published counts (groceries.SOURCE.md): 333, 1001, 13492, 49580 — timings: see `npm run bench basket`

  for (const minSupport of [0.01, 0.005, 0.001, 0.0005]) {
    const { itemsets } = frequentItemsets(groceries, { minSupport });
    console.log(`minSupport ${minSupport}: ${itemsets.length} frequent itemsets`);
  }
  const closed = frequentItemsets(groceries, { minSupport: 0.001, target: "closed" }).itemsets.length;
  const maximal = frequentItemsets(groceries, { minSupport: 0.001, target: "maximal" }).itemsets.length;
  console.log(`at 0.001: ${closed} closed, ${maximal} maximal itemsets`);

  const result = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
  console.log(`\n${result.rules.length} rules at support 0.001, confidence 0.5 (arules apriori: 5668)\n`);
  console.log(result); // prints as a table, best lift first

  const significant = significantRules(result, { alpha: 0.05, correction: "holm" });
  const { nonRedundant } = redundantRules(result);
  console.log(
    `\n${significant.rules.length} rules significant at 5% after Holm's correction; ${nonRedundant.length} not redundant.`,
  );

  const milkRules = associationRules(groceries, {
    minSupport: 0.001,
    minConfidence: 0.5,
    consequentItems: ["whole milk"],
    maxRules: 5,
    sortBy: "confidence",
  });
  console.log("\nStrongest rules leading to whole milk:");
  for (const rule of milkRules.rules) {
    console.log(
      `  {${rule.antecedent.join(", ")}} => whole milk  confidence ${rule.confidence.toFixed(3)}, lift ${rule.lift.toFixed(2)}`,
    );
  }
}
