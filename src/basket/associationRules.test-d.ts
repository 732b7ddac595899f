import { describe, expectTypeOf, it } from "vitest";
import type { AssociationRule } from "./AssociationRule.js";
import { associationRules } from "./associationRules.js";
import { frequentItemsets } from "./frequentItemsets.js";
import { readBaskets } from "./readBaskets.js";
import { recommend } from "./recommend.js";
import { redundantRules } from "./redundantRules.js";
import { significantRules } from "./significantRules.js";
import type { Transactions } from "./Transactions.js";
import { transactionsFrom } from "./transactionsFrom.js";

describe("basket types", () => {
  it("mining functions accept Transactions and plain string[][]", () => {
    expectTypeOf(frequentItemsets)
      .parameter(0)
      .toEqualTypeOf<Transactions | readonly (readonly string[])[]>();
    expectTypeOf(readBaskets("a,b")).toEqualTypeOf<Transactions>();
    expectTypeOf(associationRules([["a"]]).rules).toEqualTypeOf<readonly AssociationRule[]>();
  });

  it("transactionsFrom checks field keys against the record type", () => {
    const lines = [{ order: "o1", product: "beer" }];
    expectTypeOf(
      transactionsFrom(lines, { transaction: "order", item: "product" }),
    ).toEqualTypeOf<Transactions>();
    // @ts-expect-error "sku" is not a key of the line records
    transactionsFrom(lines, { transaction: "order", item: "sku" });
  });

  it("rule filters keep the rule type and add adjustedPValue", () => {
    const { rules } = associationRules([["a", "b"]]);
    expectTypeOf(redundantRules(rules).nonRedundant).toEqualTypeOf<readonly AssociationRule[]>();
    expectTypeOf(significantRules(rules).rules[0]!.adjustedPValue).toEqualTypeOf<number>();
    expectTypeOf(recommend(rules, ["a"]).recommendations[0]!.item).toEqualTypeOf<string>();
    // @ts-expect-error sortBy takes a measure name string, not a number
    associationRules([["a"]], { sortBy: 3 });
  });
});
