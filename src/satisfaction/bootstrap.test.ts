import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { ECSI_BLOCKS, ECSI_PATHS } from "../../fixtures/satisfaction/ecsi.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { bootstrap } from "./bootstrap.js";
import { plsPathModel } from "./plsPathModel.js";

describeWithDataset("ecsi_mobi.csv", "bootstrap of the ECSI model", () => {
  const rows = Object.freeze(
    parseSimpleCsv(readSharedDataset("ecsi_mobi.csv")).map((row) => Object.freeze(row)),
  );
  const model = plsPathModel(rows, { blocks: ECSI_BLOCKS, paths: ECSI_PATHS, scale: { min: 1, max: 10 } });

  it("is reproducible with a seed and differs with another seed", () => {
    const a = bootstrap(model, rows, { samples: 200, seed: 7 });
    const b = bootstrap(model, rows, { samples: 200, seed: 7 });
    const c = bootstrap(model, rows, { samples: 200, seed: 8 });
    expect(a.paths).toEqual(b.paths);
    expect(a.paths[0]?.standardError).not.toBe(c.paths[0]?.standardError);
  });

  it("gives sensible standard errors and intervals around the estimates", () => {
    const result = bootstrap(model, rows, { samples: 500, seed: 11 });
    expect(result.validSamples).toBe(500);
    expect(result.degenerateSamples).toEqual({ zeroVariance: 0, singular: 0, notConverged: 0 });
    for (const path of result.paths) {
      expect(path.estimate).toBe(
        model.pathCoefficients.find((p) => p.from === path.from && p.to === path.to)?.estimate,
      );
      // Bootstrap SEs of standardised paths with n = 250 are of order 1/sqrt(250) ≈ 0.063.
      expect(path.standardError).toBeGreaterThan(0.02);
      expect(path.standardError).toBeLessThan(0.15);
      expect(path.lower).toBeLessThan(path.estimate);
      expect(path.upper).toBeGreaterThan(path.estimate);
      expect(path.tValue).toBeCloseTo(path.estimate / path.standardError, 12);
    }
    // The strong paths are significant, the weak Expectation -> Value is not (as in Tenenhaus et al. 2005).
    const imageExpectation = result.paths.find((p) => p.from === "Image" && p.to === "Expectation");
    expect(imageExpectation?.lower).toBeGreaterThan(0);
    const expectationValue = result.paths.find((p) => p.from === "Expectation" && p.to === "Value");
    expect(expectationValue?.lower).toBeLessThan(0);
    expect(result.weights).toHaveLength(24);
    expect(result.loadings[0]).toMatchObject({ construct: "Image", indicator: "IMAG1" });
  });

  it("BCa intervals differ from percentile ones but share the standard errors", () => {
    const percentile = bootstrap(model, rows, { samples: 300, seed: 3 });
    const bca = bootstrap(model, rows, { samples: 300, seed: 3, ci: "bca", signChange: "construct" });
    expect(bca.paths[0]?.standardError).toBe(percentile.paths[0]?.standardError);
    expect(bca.paths[0]?.lower).not.toBe(percentile.paths[0]?.lower);
    expect(bca.signChanges).toBe(0); // every block of positively correlated items keeps its orientation
  });

  it("reports progress and refuses rows that are not the model's", () => {
    const events: number[] = [];
    bootstrap(model, rows, { samples: 100, seed: 1, onProgress: (event) => events.push(event.completed) });
    expect(events.at(-1)).toBe(100);
    expect(() => bootstrap(model, rows.slice(0, 100), { samples: 10 })).toThrowError(/estimated on 250/);
    expect(() => bootstrap(model, rows, { samples: 1 })).toThrowError(InvalidOptionsError);
    expect(() => bootstrap({} as never, rows)).toThrowError(/expected a result of plsPathModel/);
  });
});

describe("bootstrap degenerate resamples", () => {
  it("counts resamples with a constant indicator instead of throwing", () => {
    // x3 is 1 except in one row, so every resample missing that row has a constant x3.
    const rows = Array.from({ length: 12 }, (_, i) => ({
      x1: (i % 4) + 1,
      x2: ((i * 3) % 5) + 1,
      x3: i === 0 ? 5 : 1,
      y1: ((i * 2) % 5) + 1,
      y2: ((i + 1) % 3) + 1,
    }));
    const model = plsPathModel(rows, {
      blocks: { X: ["x1", "x2", "x3"], Y: ["y1", "y2"] },
      paths: [{ from: "X", to: "Y" }],
    });
    const result = bootstrap(model, rows, { samples: 200, seed: 5 });
    // P(row 0 never drawn in 12 draws) = (11/12)^12 ≈ 0.35
    expect(result.degenerateSamples.zeroVariance).toBeGreaterThan(40);
    expect(result.degenerateSamples.zeroVariance).toBeLessThan(110);
    expect(
      result.validSamples +
        result.degenerateSamples.zeroVariance +
        result.degenerateSamples.singular +
        result.degenerateSamples.notConverged,
    ).toBe(200);
    expect(Number.isFinite(result.paths[0]?.standardError)).toBe(true);
  });
});

describe("bootstrap argument checks", () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    x1: (i % 4) + 1,
    x2: ((i * 3) % 5) + 1,
    y1: ((i * 2) % 5) + 1,
    y2: ((i + 1) % 3) + 1 + (i % 2),
  }));
  const model = plsPathModel(rows, {
    blocks: { X: ["x1", "x2"], Y: ["y1", "y2"] },
    paths: [{ from: "X", to: "Y" }],
  });

  it("treats null options as none instead of crashing on them", () => {
    expect(bootstrap(model, rows, null as never).samples).toBe(1000);
  });

  it("names a misspelt option with a hint, and a null or number row with its index", () => {
    expect(() => bootstrap(model, rows, { sample: 10 } as never)).toThrowError(
      /sample: unknown option "sample"; did you mean "samples"\?/,
    );
    for (const bad of [null, 3]) {
      try {
        bootstrap(model, [...rows.slice(0, 2), bad, ...rows.slice(2)] as never, { samples: 10 });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(2);
      }
    }
  });
});
