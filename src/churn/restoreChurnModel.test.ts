import { describe, expect, it } from "vitest";
import { type ChurnFixtureRow, readChurnFixture } from "../../fixtures/churn/fixture.js";
import { InvalidOptionsError } from "../core/index.js";
import { calibrateChurnModel } from "./calibrateChurnModel.js";
import { restoreChurnModel } from "./restoreChurnModel.js";
import { trainChurnModel } from "./trainChurnModel.js";

const rows = Object.freeze(readChurnFixture().map((row) => Object.freeze(row)));
const train = rows.filter((row) => row.split === "train");
const test = rows.filter((row) => row.split === "test");
// Some scoring rows with missing and unseen values (imputed / scored as all-zero dummies).
const awkward = test.map((row, i) =>
  i % 7 === 0 ? { ...row, tenureMonths: null as unknown as number, plan: i % 2 ? "unknown" : row.plan } : row,
);

function bits(values: Float64Array): string[] {
  return Array.from(values, (value) => value.toString(16) + (Object.is(value, -0) ? "-0" : ""));
}

describe("restoreChurnModel", () => {
  it.each([
    ["reference coding, l2 = 0", { regularization: { l2: 0 } }],
    ["one-hot coding, balanced, imputing", { encoding: "oneHot" as const, classWeight: "balanced" as const }],
  ])("scores and explains bit-identically after a JSON text round trip (%s)", (_, extra) => {
    const model = trainChurnModel(train, {
      label: "churned",
      fields: {
        numeric: ["tenureMonths", "ordersLast90Days", "daysSinceLastOrder", "complaints"],
        categorical: ["region", "plan"],
      },
      missing: "impute",
      ...extra,
    });
    const restored = restoreChurnModel<ChurnFixtureRow>(JSON.parse(JSON.stringify(model)));
    expect(bits(restored.score(awkward))).toEqual(bits(model.score(awkward)));
    for (const row of awkward.slice(0, 15)) expect(restored.explain(row)).toEqual(model.explain(row));
    expect(restored.coefficients).toEqual(model.coefficients);
    expect(restored.options).toEqual(model.options);
    // Saved again, the same text.
    expect(JSON.stringify(restored)).toBe(JSON.stringify(model));
  });

  it("keeps a calibration and asks again for accessor features and labels", () => {
    const model = trainChurnModel(train, {
      label: (row: ChurnFixtureRow) => row.churned,
      fields: {
        numeric: [
          "tenureMonths",
          { name: "recency", value: (row: ChurnFixtureRow) => row.daysSinceLastOrder },
        ],
      },
    });
    const calibrated = calibrateChurnModel(model, test, { method: "isotonic" });
    const json = JSON.parse(JSON.stringify(calibrated));
    expect(json.label).toBeNull();
    expect(() => restoreChurnModel(json, { label: "churned" })).toThrow(/accessors\.recency/);
    expect(() =>
      restoreChurnModel(json, { accessors: { recency: (row: ChurnFixtureRow) => row.daysSinceLastOrder } }),
    ).toThrow(/accessor label/);
    const restored = restoreChurnModel<ChurnFixtureRow>(json, {
      label: "churned",
      accessors: { recency: (row: ChurnFixtureRow) => row.daysSinceLastOrder },
    });
    expect(restored.calibration).toEqual(calibrated.calibration);
    expect(bits(restored.score(test))).toEqual(bits(calibrated.score(test)));
  });

  it("refuses JSON that is not a saved churn model, naming the problem", () => {
    const model = trainChurnModel(train, { label: "churned", fields: { numeric: ["tenureMonths"] } });
    const json = JSON.parse(JSON.stringify(model));
    expect(() => restoreChurnModel({ ...json, format: "other" })).toThrow(InvalidOptionsError);
    expect(() => restoreChurnModel({ ...json, coefficients: json.coefficients.slice(1) })).toThrow(
      /inconsistent/,
    );
    expect(() => restoreChurnModel(null as never)).toThrow(InvalidOptionsError);
  });
});
