import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { recommendNext } from "./recommendNext.js";
import { type SequentialRule, sequentialRules } from "./sequentialRules.js";

const lines = [
  { customer: "ann", date: "2024-01-02", product: "diapers" },
  { customer: "ann", date: "2024-01-09", product: "beer" },
  { customer: "ann", date: "2024-01-20", product: "chips" },
  { customer: "bob", date: "2024-01-03", product: "diapers" },
  { customer: "bob", date: "2024-02-20", product: "beer" },
  { customer: "bob", date: "2024-02-22", product: "chips" },
  { customer: "cat", date: "2024-01-05", product: "beer" },
  { customer: "cat", date: "2024-01-06", product: "diapers" },
];
const rules = sequentialRules(lines, {
  customer: "customer",
  date: "date",
  item: "product",
  minSupport: 0.5,
  minConfidence: 0.5,
});

describe("recommendNext", () => {
  it("suggests the consequents of the rules whose antecedent the history contains in order", () => {
    // rules: <{diapers}> => <{beer}> (2/3), <{diapers}> => <{chips}> (2/3), <{beer}> => <{chips}> (2/3),
    // <{diapers}, {beer}> => <{chips}> (1), <{beer}> => <{diapers}> (1/3: below 0.5, absent)
    const result = recommendNext([["diapers"], ["beer"]], rules);
    expect(result.recommendations.map((r) => [r.item, r.score, r.rules.map((rule) => rule.label)])).toEqual([
      ["chips", 1, ["<{diapers}, {beer}> => <{chips}>", "<{beer}> => <{chips}>", "<{diapers}> => <{chips}>"]],
      ["beer", 2 / 3, ["<{diapers}> => <{beer}>"]],
    ]);
    // chips after diapers then beer: ann 11 days, bob 2 days
    expect(result.recommendations[0]?.expectedInDays).toBe(6.5);
  });

  it("needs the antecedent's elements in order and in separate baskets", () => {
    const reversed = recommendNext([["beer"], ["diapers"]], rules).recommendations;
    // <{diapers}, {beer}> => <{chips}> needs diapers before beer
    expect(reversed.find((r) => r.item === "chips")?.rules.map((rule) => rule.label)).toEqual([
      "<{beer}> => <{chips}>",
      "<{diapers}> => <{chips}>",
    ]);
    const oneBasket = recommendNext([["beer", "diapers"]], rules.rules).recommendations;
    expect(oneBasket.find((r) => r.item === "chips")?.score).toBe(2 / 3);
    expect(recommendNext([], rules).recommendations).toEqual([]);
  });

  it("leaves bought items out when asked, ranks by another measure and keeps limit", () => {
    const result = recommendNext([["diapers"], ["beer"]], rules, {
      excludeBought: true,
      by: "lift",
      limit: 1,
    });
    expect(result.recommendations.map((r) => r.item)).toEqual(["chips"]);
    expect(result.options).toEqual({ limit: 1, by: "lift", excludeBought: true });
  });

  it("refuses a malformed history or rule with typed errors", () => {
    expect(() => recommendNext(["diapers"] as never, rules)).toThrowError(InvalidOptionsError);
    expect(() =>
      recommendNext([["diapers"]], [{ antecedent: [["diapers"]] } as unknown as SequentialRule]),
    ).toThrowError(InvalidRecordError);
    expect(() => recommendNext([["diapers"]], rules, { limit: 0 })).toThrowError(/limit/);
  });
});
