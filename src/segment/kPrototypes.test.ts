import { describe, expect, it } from "vitest";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { kPrototypes } from "./kPrototypes.js";

const customers = Object.freeze(
  [
    { spend: 10, plan: "basic", channel: "web" },
    { spend: 12, plan: "basic", channel: "web" },
    { spend: 11, plan: "pro", channel: "web" },
    { spend: 90, plan: "pro", channel: "store" },
    { spend: 95, plan: "pro", channel: "store" },
    { spend: 99, plan: "basic", channel: "store" },
  ].map((row) => Object.freeze(row)),
);

describe("kPrototypes", () => {
  it("estimates gamma as clustMixType's lambdaest: mean variance over mean Gini impurity", () => {
    const model = kPrototypes(customers, {
      k: 2,
      fields: { numeric: ["spend"], categorical: ["plan", "channel"] },
      seed: 1,
    });
    // spend: mean 52.8333, sum of squares 10542.8333, variance / 5 = 2108.5667; plan and channel: 1 - 0.25 - 0.25 = 0.5
    expect(model.gamma).toBeCloseTo(10542.833333333334 / 5 / 0.5, 9);
    expect(Array.from(model.assignments)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(model.prototypes).toEqual([
      { spend: 11, plan: "basic", channel: "web" },
      { spend: 94.66666666666667, plan: "pro", channel: "store" },
    ]);
    // within: segment 0: 1 + 1 + 0 squared + one plan mismatch; segment 1: 4.6667² + 0.3333² + 4.3333² + one plan mismatch
    const g = model.gamma;
    expect(model.withinDistances[0]).toBeCloseTo(2 + g, 9);
    expect(model.withinDistances[1]).toBeCloseTo(
      4.666666666666667 ** 2 + 0.3333333333333333 ** 2 + 4.333333333333333 ** 2 + g,
      9,
    );
    expect(model.converged).toBe(true);
  });

  it("gamma weighs categories against numbers: large gamma groups by category", () => {
    const byPlan = kPrototypes(customers, {
      k: 2,
      fields: { numeric: ["spend"], categorical: ["plan"] },
      gamma: 1e6,
      seed: 3,
    });
    expect(Array.from(byPlan.assignments)).toEqual([0, 0, 1, 1, 1, 0]);
    const bySpend = kPrototypes(customers, {
      k: 2,
      fields: { numeric: ["spend"], categorical: ["plan"] },
      gamma: 0,
      seed: 3,
    });
    expect(Array.from(bySpend.assignments)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("is reproducible with the seed and keeps the best start", () => {
    const a = kPrototypes(customers, {
      k: 3,
      fields: { numeric: ["spend"], categorical: ["plan"] },
      seed: 9,
      restarts: 5,
    });
    const b = kPrototypes(customers, {
      k: 3,
      fields: { numeric: ["spend"], categorical: ["plan"] },
      seed: 9,
      restarts: 5,
    });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.totalWithinDistance).toBe(Math.min(...a.restartTotals));
  });

  it("refuses missing values, bad options and too few distinct customers", () => {
    expect(() =>
      kPrototypes([{ spend: null, plan: "a" }], {
        k: 1,
        fields: { numeric: ["spend"], categorical: ["plan"] },
        seed: 1,
      }),
    ).toThrow(InvalidRecordError);
    expect(() =>
      kPrototypes(customers, { k: 2, fields: { numeric: ["spend"], categorical: ["spend"] }, seed: 1 }),
    ).toThrow(InvalidOptionsError);
    expect(() =>
      kPrototypes([customers[0], customers[0]] as typeof customers, {
        k: 2,
        fields: { numeric: ["spend"], categorical: ["plan"] },
        seed: 1,
      }),
    ).toThrow(InsufficientDataError);
    expect(() =>
      kPrototypes(customers, {
        k: 2,
        fields: { numeric: ["spend"], categorical: [] },
        seed: 1,
        lambda: 2,
      } as never),
    ).toThrow(InvalidOptionsError);
  });

  it("names the wrong part of an option", () => {
    const errorOf = (options: object) => {
      try {
        kPrototypes(customers, {
          k: 2,
          fields: { numeric: ["spend"], categorical: ["plan"] },
          seed: 1,
          ...options,
        });
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(errorOf({ fields: { numeric: ["spend", ""], categorical: [] } })).toContain(
      "fields.numeric: entry 1 is not a property name",
    );
    expect(errorOf({ fields: { numeric: [], categorical: { plan: 3 } } })).toContain(
      'fields.categorical: "plan" is neither a property name (a non-empty string) nor an accessor function',
    );
    expect(errorOf({ gamma: Number.POSITIVE_INFINITY })).toContain("gamma: gamma must be finite");
    expect(errorOf({ restarts: 2.5 })).toContain("restarts: restarts must be a whole number");
  });

  it("reads its fields from fields: { numeric, categorical }; the old top-level numeric is an unknown option naming fields", () => {
    const { issues } = optionsError(() =>
      kPrototypes(customers, { k: 2, numeric: ["spend"], categorical: ["plan"], seed: 1 } as never),
    );
    expect(issues.find((issue) => issue.path === "numeric")?.message).toMatch(
      /^unknown option "numeric" \(valid: .*\bfields\b/,
    );
    expect(() =>
      kPrototypes(customers, { k: 2, fields: { numeric: ["spend"], categorical: ["spend"] }, seed: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: kPrototypes: invalid options
        - fields.categorical.spend: a field is listed as both numeric and categorical; list it once]
    `);
    expect(() =>
      kPrototypes([{ spend: "x", plan: "a" }], {
        k: 1,
        fields: { numeric: ["spend"], categorical: ["plan"] },
        seed: 1,
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: kPrototypes: row 0, field "spend": received "x" (string); expected a finite number or a decimal numeric string such as "12.50" or "-1e3"]`,
    );
  });
});
