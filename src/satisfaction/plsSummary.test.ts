import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ECSI_BLOCKS, ECSI_PATHS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { describeWithDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { bootstrap } from "./bootstrap.js";
import { plsPathModel } from "./plsPathModel.js";
import { plsSummary } from "./plsSummary.js";

describeWithDataset("ecsi_mobi.csv", "plsSummary of the ECSI model", () => {
  const rows = readEcsiRows();
  const options = { blocks: ECSI_BLOCKS, paths: ECSI_PATHS, scale: { min: 1, max: 10 } };
  const model = plsPathModel(rows, options);
  const boot = bootstrap(model, rows, { samples: 100, seed: 4 });

  it("lays out the model's own numbers, one row per path, indicator and construct", () => {
    const summary = plsSummary(model);
    expect(summary.paths).toHaveLength(12);
    expect(summary.paths[7]).toEqual({
      from: "Quality",
      to: "Satisfaction",
      estimate: model.pathCoefficients[7]?.estimate,
      fSquared: model.fSquared[7]?.value,
      innerVif: model.innerVif.Satisfaction?.Quality,
    });
    // seminr's summary prints 2.842 as the VIF of Quality among Satisfaction's antecedents
    expect(summary.paths[7]?.innerVif).toBeCloseTo(2.842, 3);
    expect(summary.indicators).toHaveLength(24);
    expect(summary.indicators[0]).toEqual({
      construct: "Image",
      indicator: "IMAG1",
      weight: model.outerWeights.Image?.IMAG1,
      loading: model.loadings.Image?.IMAG1,
      outerVif: model.outerVif.Image?.IMAG1,
    });
    expect(summary.reliability.map((r) => r.construct)).toEqual(model.constructs);
    expect(summary.rSquared.map((r) => r.construct).sort()).toEqual(Object.keys(model.rSquared).sort());
    expect(summary.crossLoadings).toHaveLength(24);
    expect(summary.crossLoadings[23]).toMatchObject({ indicator: "CUSL3", construct: "Loyalty" });
    expect(summary.htmtIntervals).toEqual([]);
    expect(summary.overview).toContain("PLS, f² by fixed scores");
  });

  it("shows matrices as lower triangles with 1 (HTMT) or sqrt(AVE) (Fornell-Larcker) on the diagonal", () => {
    const summary = plsSummary(model);
    const quality = summary.htmt[2];
    expect(quality).toMatchObject({ construct: "Quality", Quality: 1, Value: null, Loyalty: null });
    expect(quality?.Image).toBe(model.htmt.Quality?.Image);
    expect(summary.htmt2[6]?.Quality).toBe(model.htmt2.Loyalty?.Quality);
    expect(summary.fornellLarcker[0]?.Image).toBeCloseTo(
      Math.sqrt(model.reliability.Image?.averageVarianceExtracted as number),
      14,
    );
    expect(summary.fornellLarcker[0]?.Expectation).toBeNull();
  });

  it("adds the bootstrap's standard errors, intervals and HTMT intervals", () => {
    const summary = plsSummary(model, { bootstrap: boot });
    summary.paths.forEach((path, r) => {
      const b = boot.paths[r];
      expect(path).toMatchObject({
        standardError: b?.standardError,
        tValue: b?.tValue,
        lower: b?.lower,
        upper: b?.upper,
      });
    });
    expect(summary.htmtIntervals).toHaveLength(21);
    expect(summary.htmtIntervals[0]).toEqual({
      from: "Image",
      to: "Expectation",
      estimate: boot.htmt[0]?.estimate,
      lower: boot.htmt[0]?.lower,
      upper: boot.htmt[0]?.upper,
    });
  });

  it("prints every table in a REPL, the structural paths last", () => {
    const text = inspect(plsSummary(model, { bootstrap: boot }));
    const headings = [
      "PLS path model summary",
      "Indicators (outer weights, loadings, outer VIF)",
      "Reliability and convergent validity",
      "HTMT (absolute item correlations)",
      "HTMT2 (geometric means)",
      "HTMT bootstrap intervals",
      "Fornell-Larcker",
      "Cross-loadings",
      "R²",
      "Total effects",
      "Index (0-100)",
      "Structural paths",
    ];
    let at = -1;
    for (const heading of headings) {
      const next = text.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toMatch(/Complaints\s+Loyalty\s+0\.0669261\s+0\.00575809/);
    expect(text).not.toContain("more rows");
  });

  it("states consistent PLS and re-estimated f² in the overview", () => {
    const consistent = plsPathModel(rows, { ...options, consistent: true, fSquaredMethod: "reestimate" });
    expect(plsSummary(consistent).overview).toContain("consistent PLS (PLSc), f² by re-estimation");
  });

  it("refuses a bootstrap of another model", () => {
    const other = plsPathModel(rows, { ...options, scheme: "centroid" });
    expect(() => plsSummary(other, { bootstrap: boot })).toThrow(InvalidOptionsError);
    expect(() => plsSummary(other, { bootstrap: boot })).toThrow(/belongs to another model/);
  });
});

describe("plsSummary argument checks", () => {
  it("refuses something that is not a plsPathModel result, and unknown options", () => {
    expect(() => plsSummary({} as never)).toThrow(/expected a result of plsPathModel/);
    const rows = Array.from({ length: 10 }, (_, i) => ({ a: i % 3, b: (i * 7) % 5, c: (i * 3) % 4 }));
    const model = plsPathModel(rows, {
      blocks: { A: ["a", "b"], C: ["c"] },
      paths: [{ from: "A", to: "C" }],
    });
    expect(() => plsSummary(model, { bootstrp: 1 } as never)).toThrow(/did you mean "bootstrap"/);
    expect(() => plsSummary(model, { bootstrap: 3 } as never)).toThrow(/expected a result of bootstrap/);
    expect(plsSummary(model).paths).toHaveLength(1);
  });
});
