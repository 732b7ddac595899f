import { describe, expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { importancePerformanceGrid } from "./importancePerformanceGrid.js";
import { plsImportancePerformance } from "./plsImportancePerformance.js";
import { plsPathModel } from "./plsPathModel.js";

/** The model as the R references estimate it (fully converged). */
const MODEL = ECSI_REFERENCE_OPTIONS;

describeWithDataset("ecsi_mobi.csv", "plsImportancePerformance on the ECSI model", () => {
  const rows = readEcsiRows();
  const reference = readGroupsPredictReference().ipma;

  it("matches R's IPMA (rescaled items, unstandardised regressions on 0-100 scores) to 1e-9", () => {
    const result = plsImportancePerformance(rows, MODEL, { target: "Loyalty" });
    expect(result.entries.map((e) => e.name).sort()).toEqual(
      Object.keys(reference.constructImportance).sort(),
    );
    for (const entry of result.entries) {
      expect(Math.abs(entry.importance - (reference.constructImportance[entry.name] as number))).toBeLessThan(
        1e-9,
      );
      expect(
        Math.abs(entry.performance - (reference.constructPerformance[entry.name] as number)),
      ).toBeLessThan(1e-9);
    }
    expect(
      Math.abs(result.targetPerformance - (reference.constructPerformance.Loyalty as number)),
    ).toBeLessThan(1e-9);
    expect(result.indicators).toHaveLength(Object.keys(reference.indicatorImportance).length);
    for (const item of result.indicators) {
      expect(
        Math.abs(item.importance - (reference.indicatorImportance[item.indicator] as number)),
      ).toBeLessThan(1e-9);
      expect(
        Math.abs(item.performance - (reference.indicatorPerformance[item.indicator] as number)),
      ).toBeLessThan(1e-9);
    }
    expect(result.negativeWeights).toEqual([]);
    expect(importancePerformanceGrid(result.entries).attributes).toHaveLength(6);
  });

  it("takes a fitted model as well as a specification, and checks the rows match it", () => {
    const fitted = plsPathModel(rows, MODEL);
    const a = plsImportancePerformance(rows, fitted, { target: "Satisfaction" });
    const b = plsImportancePerformance(rows, MODEL, { target: "Satisfaction" });
    expect(a.entries).toEqual(b.entries);
    expect(a.options).toEqual({ target: "Satisfaction" });
    expect(() => plsImportancePerformance(rows.slice(0, 100), fitted, { target: "Loyalty" })).toThrowError(
      /estimated on 250/,
    );
  });

  it("refuses unknown and exogenous targets", () => {
    expect(() => plsImportancePerformance(rows, MODEL, { target: "Price" })).toThrowError(
      InvalidOptionsError,
    );
    expect(() => plsImportancePerformance(rows, MODEL, { target: "Image" })).toThrowError(
      /no construct has a path/,
    );
  });
});

describe("plsImportancePerformance", () => {
  it("reports negative outer weights (a reverse-coded item left unrecoded)", () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const x = (i * 37) % 11;
      const y = (x + ((i * 13) % 5)) % 11;
      return { x1: x, x2: (x + (i % 3)) % 11, r: 10 - x, y1: y, y2: (y + (i % 2)) % 11 };
    });
    const result = plsImportancePerformance(
      rows,
      {
        blocks: { X: ["x1", "x2", "r"], Y: ["y1", "y2"] },
        paths: [{ from: "X", to: "Y" }],
        scale: { min: 0, max: 10 },
      },
      { target: "Y" },
    );
    expect(result.negativeWeights).toEqual(["r"]);
  });
});
