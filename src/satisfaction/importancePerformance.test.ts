import { expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows, readPlsReference } from "../../fixtures/satisfaction/ecsi.js";
import { describeWithDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { importancePerformance } from "./importancePerformance.js";
import { importancePerformanceGrid } from "./importancePerformanceGrid.js";
import { plsPathModel } from "./plsPathModel.js";

describeWithDataset("ecsi_mobi.csv", "importancePerformance on the ECSI model", () => {
  const rows = readEcsiRows();
  const model = plsPathModel(rows, ECSI_REFERENCE_OPTIONS);
  const reference = readPlsReference().cases.path;

  it("uses the R reference's total effects as importance and the index as performance", () => {
    const result = importancePerformance(model, "Loyalty");
    expect(result.entries.map((e) => e.name).sort()).toEqual(
      ["Complaints", "Expectation", "Image", "Quality", "Satisfaction", "Value"].sort(),
    );
    for (const entry of result.entries) {
      expect(
        Math.abs(entry.importance - (reference.totalEffects[entry.name]?.Loyalty ?? Number.NaN)),
      ).toBeLessThan(1e-10);
      expect(Math.abs(entry.performance - (reference.index[entry.name] ?? Number.NaN))).toBeLessThan(1e-10);
    }
    // by hand: Quality -> Satisfaction total = direct + via Value
    const quality = importancePerformance(model, "Satisfaction").entries.find((e) => e.name === "Quality");
    const path = (from: string, to: string) =>
      reference.paths.find((p) => p.from === from && p.to === to)?.estimate ?? 0;
    expect(quality?.importance).toBeCloseTo(
      path("Quality", "Satisfaction") + path("Quality", "Value") * path("Value", "Satisfaction"),
      10,
    );
    const grid = importancePerformanceGrid(result.entries);
    expect(grid.attributes).toHaveLength(6);
  });

  it("refuses an unknown or exogenous target", () => {
    expect(() => importancePerformance(model, "Price")).toThrowError(InvalidOptionsError);
    expect(() => importancePerformance(model, "Image")).toThrowError(/no construct has a path into "Image"/);
  });
});

it("importancePerformance refuses an object that is not a plsPathModel result with a typed error", () => {
  expect(() => importancePerformance({ constructs: ["A", "B"] } as never, "B")).toThrowError(
    InvalidOptionsError,
  );
  expect(() => importancePerformance({ constructs: ["A"], totalEffects: [] } as never, "A")).toThrowError(
    /expected a result of plsPathModel/,
  );
});
