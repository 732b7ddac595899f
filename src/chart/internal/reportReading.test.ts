import { describe, expect, it } from "vitest";
import type { ChurnModelCoefficient } from "../../churn/trainChurnModel.js";
import { lorenzCurve } from "../../value/lorenzCurve.js";
import { narrativeOf } from "./htmlNarrative.js";
import { rowsOf } from "./htmlRows.js";
import { excludesZero, shareOf, strongestTerms, topValueShare } from "./reportReading.js";

describe("reportReading", () => {
  it("topValueShare interpolates the Lorenz curve between its points", () => {
    // Values 1 and 3: curve (0, 0), (0.5, 0.25), (1, 1). At x = 0.8 the curve is at
    // 0.25 + 0.75 * 0.3 / 0.5 = 0.7 (top 20% hold 0.3); at x = 0.5 it is at 0.25 (top half hold 0.75).
    const curve = lorenzCurve([1, 3]);
    expect(topValueShare(curve, 0.2)).toBeCloseTo(0.3, 12);
    expect(topValueShare(curve, 0.5)).toBeCloseTo(0.75, 12);
    expect(topValueShare(curve, 0)).toBe(0);
  });

  it("the Lorenz narrative and the Lorenz table give the top 20% the same share", () => {
    const curve = lorenzCurve([1, 2, 3, 4, 10]);
    // Values sum to 20; the curve is (0.8, 0.5) -> (1, 1): the top 20% hold 10 of 20 = 50%.
    const row = rowsOf(curve).find((r) => (r as Record<string, unknown>)["top customers"] === "top 20%");
    expect(row).toEqual({ "top customers": "top 20%", "revenue share": 0.5 });
    expect(narrativeOf(curve)[1]).toContain("The top 20% of 5 customers account for 50% of revenue");
  });

  it("strongestTerms drops the intercept and orders by the size of the standardized effect", () => {
    const term = (name: string, kind: string, effect: number) =>
      ({ term: name, kind, standardizedEstimate: effect }) as unknown as ChurnModelCoefficient;
    const terms = strongestTerms([
      term("(intercept)", "intercept", 9),
      term("a", "numeric", -0.4),
      term("b", "numeric", 0.9),
      term("c", "numeric", 0.1),
    ]);
    expect(terms.map((t) => t.term)).toEqual(["b", "a", "c"]);
  });

  it("shareOf gives 0 for an empty whole; excludesZero reads an interval", () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(3, 4)).toBe(0.75);
    expect([excludesZero({ lower: 0.1, upper: 0.9 }), excludesZero({ lower: -0.1, upper: 0.9 })]).toEqual([
      true,
      false,
    ]);
  });
});
