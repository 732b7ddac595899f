import { describe, expect, it } from "vitest";
import { ECSI_BLOCKS, ECSI_PATHS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { describeWithDataset } from "../../test/datasets.js";
import { optionsError } from "../../test/unknownOptions.js";
import { createRandom, InvalidOptionsError, InvalidRecordError, quantileSorted } from "../core/index.js";
import { bootstrap } from "./bootstrap.js";
import { plsPathModel } from "./plsPathModel.js";

describeWithDataset("ecsi_mobi.csv", "bootstrap of the ECSI model", () => {
  const rows = readEcsiRows();
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
    expect(result.degenerateSamples).toEqual({
      zeroVariance: 0,
      singular: 0,
      notConverged: 0,
      inadmissible: 0,
    });
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

describeWithDataset("ecsi_mobi.csv", "bootstrap of HTMT and HTMT2", () => {
  const rows = readEcsiRows();
  const options = { blocks: ECSI_BLOCKS, paths: ECSI_PATHS, scale: { min: 1, max: 10 } };
  const model = plsPathModel(rows, options);

  /** HTMT of blocks a and b on rows, from the formula (mean |r| across over the geometric mean within). */
  function htmtOf(
    data: readonly Record<string, unknown>[],
    a: readonly string[],
    b: readonly string[],
  ): number {
    const column = (item: string) => data.map((row) => Number(row[item]));
    const cor = (u: number[], v: number[]) => {
      const mu = u.reduce((x, y) => x + y, 0) / u.length;
      const mv = v.reduce((x, y) => x + y, 0) / v.length;
      let uv = 0;
      let uu = 0;
      let vv = 0;
      for (let i = 0; i < u.length; i++) {
        uv += ((u[i] as number) - mu) * ((v[i] as number) - mv);
        uu += ((u[i] as number) - mu) ** 2;
        vv += ((v[i] as number) - mv) ** 2;
      }
      return Math.abs(uv / Math.sqrt(uu * vv));
    };
    const mean = (values: number[]) => values.reduce((x, y) => x + y, 0) / values.length;
    const within = (items: readonly string[]) =>
      items.length === 1
        ? 1
        : mean(items.flatMap((x, i) => items.slice(i + 1).map((y) => cor(column(x), column(y)))));
    const across = mean(a.flatMap((x) => b.map((y) => cor(column(x), column(y)))));
    return across / Math.sqrt(within(a) * within(b));
  }

  it("reports every pair's HTMT and HTMT2 with the model's estimate", () => {
    const boot = bootstrap(model, rows, { samples: 100, seed: 3 });
    expect(boot.htmt).toHaveLength(21);
    expect(boot.htmt2).toHaveLength(21);
    for (const h of boot.htmt) {
      expect(h.estimate).toBe(model.htmt[h.from]?.[h.to]);
      expect(h.validSamples).toBe(100);
      expect(h.lower).toBeLessThanOrEqual(h.upper);
    }
    for (const h of boot.htmt2) expect(h.estimate).toBe(model.htmt2[h.from]?.[h.to]);
  });

  it("resamples HTMT exactly as a by-hand bootstrap with the same random stream does", () => {
    // Rebuild the resamples: n draws of random.integer(n) per sample from createRandom(seed), as documented.
    const samples = 40;
    const seed = 11;
    const boot = bootstrap(model, rows, { samples, seed });
    const random = createRandom(seed);
    const n = rows.length;
    const replicates: number[] = [];
    for (let b = 0; b < samples; b++) {
      const drawn = Array.from({ length: n }, () => rows[random.integer(n)] as Record<string, unknown>);
      replicates.push(htmtOf(drawn, ECSI_BLOCKS.Quality, ECSI_BLOCKS.Loyalty));
    }
    const mean = replicates.reduce((x, y) => x + y, 0) / samples;
    const se = Math.sqrt(replicates.reduce((x, y) => x + (y - mean) ** 2, 0) / (samples - 1));
    const sorted = Float64Array.from(replicates).sort();
    const pair = boot.htmt.find((h) => h.from === "Quality" && h.to === "Loyalty");
    expect(pair?.bootstrapMean).toBeCloseTo(mean, 12);
    expect(pair?.standardError).toBeCloseTo(se, 12);
    expect(pair?.lower).toBeCloseTo(quantileSorted(sorted, 0.025), 12);
    expect(pair?.upper).toBeCloseTo(quantileSorted(sorted, 0.975), 12);
  });

  it("gives the same HTMT intervals when an item is reverse coded, and finite ones", () => {
    const reversed = rows.map((row) => ({ ...row, CUSL2: 11 - Number(row.CUSL2) }));
    const other = plsPathModel(reversed, options);
    const a = bootstrap(model, rows, { samples: 60, seed: 9 });
    const b = bootstrap(other, reversed, { samples: 60, seed: 9 });
    a.htmt.forEach((h, r) => {
      const g = b.htmt[r];
      expect([g?.from, g?.to]).toEqual([h.from, h.to]);
      expect(g?.lower).toBeCloseTo(h.lower, 12);
      expect(g?.upper).toBeCloseTo(h.upper, 12);
      expect(Number.isFinite(g?.upper)).toBe(true);
    });
  });

  it("bootstraps a consistent PLS model with its corrected paths", () => {
    const consistent = plsPathModel(rows, { ...options, consistent: true });
    const boot = bootstrap(consistent, rows, { samples: 50, seed: 2 });
    expect(boot.paths[0]?.estimate).toBe(consistent.pathCoefficients[0]?.estimate);
    expect(boot.paths[0]?.estimate).toBeGreaterThan(0.8);
    expect(boot.validSamples + boot.degenerateSamples.inadmissible).toBe(50);
    expect(boot.paths[0]?.bootstrapMean).toBeGreaterThan(0.7);
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

  it("says which bound samples and level miss", () => {
    const issuesOf = (options: object) =>
      optionsError(() => bootstrap(model, rows, options)).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(issuesOf({ samples: 1, level: 1 })).toEqual([
      "samples: samples must be at least 2 (received 1)",
      "level: level must be below 1 (received 1)",
    ]);
    expect(issuesOf({ samples: 2.5, level: 0 })).toEqual([
      "samples: expected a whole number >= 2, received a number (received 2.5)",
      "level: level must be above 0 (received 0)",
    ]);
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
