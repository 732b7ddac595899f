/**
 * Beer and diapers: mine the generated store's baskets, find the planted
 * diapers => beer association with its lift, and turn the rules into
 * shelf-placement and cross-sell suggestions.
 *
 * Run: npx tsx examples/beer-and-diapers.ts
 */
import { generateStore } from "clientele";
import {
  associationRules,
  itemFrequencies,
  recommend,
  redundantRules,
  significantRules,
  transactionsFrom,
} from "clientele/basket";

const store = generateStore({ seed: 7, customers: 2000 });

// 1. Baskets from order lines: one transaction per order, refunds left out.
const purchases = store.orderLines.filter((line) => !line.refund);
const baskets = transactionsFrom(purchases, { transaction: "orderId", item: "product" });
console.log(`${baskets.transactionCount} baskets, ${baskets.itemLabels.length} products\n`);
console.log(
  itemFrequencies(baskets)
    .items.slice(0, 5)
    .map((f) => `${f.item} (${(100 * f.support).toFixed(1)}%)`)
    .join(", "),
);

// 2. Rules: in at least 0.5% of baskets, right at least 30% of the time.
const result = associationRules(baskets, { minSupport: 0.005, minConfidence: 0.3 });
console.log(`\n${result.rules.length} rules with support >= 0.5% and confidence >= 30%`);

// 3. The planted associations: are they found, and how strong are they?
console.log("\nPlanted association            found   confidence   lift");
for (const planted of store.planted.associations) {
  const rule = result.rules.find(
    (r) =>
      r.antecedent.length === 1 &&
      r.antecedent[0] === planted.antecedent &&
      r.consequent[0] === planted.consequent,
  );
  const label = `${planted.antecedent} => ${planted.consequent}`.padEnd(30);
  console.log(
    rule === undefined
      ? `${label} no`
      : `${label} yes   ${rule.confidence.toFixed(3).padStart(10)}   ${rule.lift.toFixed(1).padStart(4)}`,
  );
}
const diapersBeer = result.rules.find(
  (r) => r.antecedent.join() === "diapers" && r.consequent.join() === "beer",
);
const beerDiapers = result.rules.find(
  (r) => r.antecedent.join() === "beer" && r.consequent.join() === "diapers",
);
if (diapersBeer !== undefined) {
  console.log(
    `\ndiapers => beer: ${(100 * diapersBeer.confidence).toFixed(0)}% of diaper baskets hold beer, ` +
      `${diapersBeer.lift.toFixed(1)}x the ${(100 * diapersBeer.consequentSupport).toFixed(1)}% base rate (Fisher p ${diapersBeer.fishersExactTest < 1e-300 ? "< 1e-300" : `= ${diapersBeer.fishersExactTest.toExponential(1)}`}).`,
  );
}
if (beerDiapers !== undefined) {
  console.log(
    `beer => diapers: confidence ${beerDiapers.confidence.toFixed(3)}, same lift ${beerDiapers.lift.toFixed(1)} (lift is symmetric).`,
  );
}

// 4. Prune: keep significant, non-redundant rules.
const significant = significantRules(result, { alpha: 0.01, correction: "holm" });
const pruned = redundantRules(significant.rules).nonRedundant;
console.log(
  `\n${significant.rules.length} rules significant at 1% (Holm), ${pruned.length} of them not redundant.`,
);

// 5. Shelf placement: the strongest pairs by lift, each pair once.
console.log("\nShelf placement: put these pairs next to each other");
const seen = new Set<string>();
for (const rule of [...pruned].sort((a, b) => b.lift - a.lift)) {
  if (rule.antecedent.length !== 1) continue;
  const pair = [rule.antecedent[0], rule.consequent[0]].sort().join(" + ");
  if (seen.has(pair)) continue;
  seen.add(pair);
  console.log(`  ${pair.padEnd(36)} lift ${rule.lift.toFixed(1)}, together in ${rule.count} baskets`);
  if (seen.size === 6) break;
}

// 6. Cross-sell at the till: what to suggest for a basket in progress.
for (const basket of [["diapers"], ["pasta", "ground beef"], ["phone case"]]) {
  const { recommendations } = recommend(pruned, basket, { limit: 3, by: "confidence" });
  const text = recommendations.map((r) => `${r.item} (${(100 * r.score).toFixed(0)}%)`).join(", ");
  console.log(`Basket {${basket.join(", ")}}: suggest ${text || "nothing"}`);
}
