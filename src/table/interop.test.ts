import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { frequentItemsets, transactionsFrom } from "../basket/index.js";
import { fromTable } from "./fromTable.js";
import { toTable } from "./toTable.js";

// Six baskets; counted by hand: beer 4, diapers 3, milk 3, {beer, diapers} 3, {beer, milk} 1, {diapers, milk} 1.
const lines = () =>
  table({
    order: ["o1", "o1", "o2", "o2", "o3", "o4", "o4", "o5", "o6", "o6"],
    product: ["beer", "diapers", "beer", "diapers", "milk", "beer", "diapers", "milk", "beer", "milk"],
  });

describe("clientele/table with real clientele functions", () => {
  it("an arquero table of order lines feeds transactionsFrom through fromTable", () => {
    const transactions = transactionsFrom(fromTable(lines()), { transaction: "order", item: "product" });
    expect(transactions.transactionCount).toBe(6);
  });

  it("toTable of frequentItemsets keeps items as string[] cells and the counts counted by hand", () => {
    const transactions = transactionsFrom(fromTable(lines()), { transaction: "order", item: "product" });
    const result = frequentItemsets(transactions, { minSupport: 0.3 });
    const itemsets = toTable(result);
    expect(itemsets.numRows()).toBe(result.itemsets.length);
    const counts = new Map(
      (itemsets.objects() as { items: string[]; count: number }[]).map((row) => [
        [...row.items].sort().join("+"),
        row.count,
      ]),
    );
    expect(Object.fromEntries(counts)).toEqual({ beer: 4, diapers: 3, milk: 3, "beer+diapers": 3 });
    const pair = itemsets.filter((d: { count: number; items: string[] }) => d.items.length === 2).objects();
    expect(pair).toHaveLength(1);
    expect(Array.isArray((pair[0] as { items: unknown }).items)).toBe(true);
  });
});
