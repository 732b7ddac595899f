import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { describeWithDataset } from "../../test/datasets.js";
import { InsufficientDataError } from "../core/index.js";
import { type PlsPathModelOptions, type PlsPathModelResult, plsPathModel } from "./plsPathModel.js";

/**
 * Reference: seminr 2.3.4 built from its CRAN sources, and HTMT2 in base R:
 *   R_LIBS=/tmp/pls1/lib Rscript fixtures/satisfaction/pls-quality-reference.R ../shared/datasets/ecsi_mobi.csv \
 *     > fixtures/satisfaction/pls-quality-reference.json
 * Both sides iterate to convergence (seminr: summed weight change < 1e-14; here max change < 1e-13),
 * so the estimates agree to about 1e-12; the tests hold 1e-9.
 */
type Matrix = Record<string, Record<string, number>>;
interface QualityCase {
  readonly weights: Matrix;
  readonly loadings: Matrix;
  readonly paths: readonly { from: string; to: string; estimate: number }[];
  readonly rSquared: Record<string, number>;
  readonly adjustedRSquared: Record<string, number>;
  readonly rhoA: Record<string, number>;
  readonly rhoC: Record<string, number>;
  readonly ave: Record<string, number>;
  readonly outerVif: Matrix;
  readonly innerVif: Matrix;
  readonly innerVifCorrected: Matrix;
  readonly fSquared: readonly { from: string; to: string; value: number }[];
  readonly crossLoadings: Matrix;
  readonly constructCorrelations: Matrix;
  readonly htmt?: Matrix;
  readonly htmt2?: Matrix;
  readonly seminrHtmt?: Matrix;
}
const quality = JSON.parse(
  readFileSync(new URL("../../fixtures/satisfaction/pls-quality-reference.json", import.meta.url), "utf8"),
) as {
  cases: Record<"composite" | "mixed" | "consistent" | "consistentMixed", QualityCase> & {
    consistentComposite: {
      paths: { from: string; to: string; estimate: number }[];
      rSquared: Record<string, number>;
      fSquaredScores: { from: string; to: string; value: number }[];
      loadings: Matrix;
      constructCorrelations: Matrix;
    };
  };
};

const TOLERANCE = 1e-9;

function worstMatrix(
  ours: Readonly<Record<string, Readonly<Record<string, number | null>>>>,
  ref: Matrix,
  skipOuter: readonly string[] = [],
): number {
  let worst = 0;
  let compared = 0;
  for (const [outer, inner] of Object.entries(ref)) {
    if (skipOuter.includes(outer)) continue;
    for (const [key, value] of Object.entries(inner)) {
      const mine = ours[outer]?.[key];
      expect(mine, `${outer}.${key}`).toBeTypeOf("number");
      worst = Math.max(worst, Math.abs((mine as number) - value));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
  return worst;
}

function worstCase(model: PlsPathModelResult, ref: QualityCase, modeB: readonly string[]): number {
  let worst = Math.max(
    worstMatrix(model.outerWeights, ref.weights),
    worstMatrix(model.loadings, ref.loadings),
    worstMatrix(model.outerVif, ref.outerVif),
    worstMatrix(model.crossLoadings, ref.crossLoadings),
    worstMatrix(model.constructCorrelations, ref.constructCorrelations),
  );
  ref.paths.forEach((path, r) => {
    const mine = model.pathCoefficients[r];
    expect([mine?.from, mine?.to]).toEqual([path.from, path.to]);
    worst = Math.max(worst, Math.abs((mine?.estimate as number) - path.estimate));
  });
  for (const [name, value] of Object.entries(ref.rSquared)) {
    worst = Math.max(worst, Math.abs((model.rSquared[name] as number) - value));
    worst = Math.max(
      worst,
      Math.abs((model.adjustedRSquared[name] as number) - (ref.adjustedRSquared[name] as number)),
    );
  }
  for (const name of model.constructs) {
    const mine = model.reliability[name];
    // seminr reports rhoA = 1 for a mode B block; ours computes it from the weights (documented)
    if (!modeB.includes(name))
      worst = Math.max(worst, Math.abs((mine?.rhoA as number) - (ref.rhoA[name] as number)));
    worst = Math.max(worst, Math.abs((mine?.rhoC as number) - (ref.rhoC[name] as number)));
    worst = Math.max(worst, Math.abs((mine?.averageVarianceExtracted as number) - (ref.ave[name] as number)));
  }
  return worst;
}

/** The options the references were estimated with (fully converged). */
const base = ECSI_REFERENCE_OPTIONS;

describeWithDataset("ecsi_mobi.csv", "plsPathModel quality report against seminr", () => {
  const rows = readEcsiRows();

  it("matches seminr's weights, loadings, paths, R², reliability, VIFs and cross-loadings (mode A)", () => {
    const ref = quality.cases.composite;
    const model = plsPathModel(rows, base);
    expect(worstCase(model, ref, [])).toBeLessThan(TOLERANCE);
    expect(worstMatrix(model.innerVif, ref.innerVif)).toBeLessThan(TOLERANCE);
    // e.g. seminr's summary prints the Satisfaction antecedents' VIFs 2.372, 1.489, 2.842, 1.551
    expect(model.innerVif.Satisfaction?.Quality).toBeCloseTo(2.841753111577132, 9);
    expect(model.outerVif.Quality?.PERQ3).toBeCloseTo(2.105, 3);
  });

  it("HTMT equals seminr's; HTMT2 uses geometric means of |r| (Roemer et al. 2021)", () => {
    const ref = quality.cases.composite;
    const model = plsPathModel(rows, base);
    expect(worstMatrix(model.htmt, ref.seminrHtmt as Matrix)).toBeLessThan(1e-12);
    expect(worstMatrix(model.htmt2, ref.htmt2 as Matrix)).toBeLessThan(1e-12);
    // the two differ (Quality-Loyalty 0.7593 vs 0.7184), and HTMT2 ≤ HTMT here since geometric ≤ arithmetic
    expect(model.htmt2.Quality?.Loyalty).toBeCloseTo(0.7184036746755267, 12);
    expect(model.htmt.Quality?.Loyalty).toBeCloseTo(0.759320187689022, 12);
  });

  it("HTMT2 stays finite and unchanged with a reverse-coded item", () => {
    const model = plsPathModel(rows, base);
    const reversed = plsPathModel(
      rows.map((row) => ({ ...row, PERV2: 11 - Number(row.PERV2) })),
      base,
    );
    expect(worstMatrix(reversed.htmt2, model.htmt2 as Matrix)).toBeLessThan(1e-12);
  });

  it("f² by re-estimating the model without each path matches seminr's fSquared; by scores it differs", () => {
    const ref = quality.cases.composite;
    const reestimated = plsPathModel(rows, { ...base, fSquaredMethod: "reestimate" });
    const scores = plsPathModel(rows, base);
    expect(reestimated.options.fSquaredMethod).toBe("reestimate");
    expect(scores.options.fSquaredMethod).toBe("scores");
    let worst = 0;
    let largestGap = 0;
    ref.fSquared.forEach((f, r) => {
      expect([reestimated.fSquared[r]?.from, reestimated.fSquared[r]?.to]).toEqual([f.from, f.to]);
      worst = Math.max(worst, Math.abs((reestimated.fSquared[r]?.value as number) - f.value));
      largestGap = Math.max(largestGap, Math.abs((scores.fSquared[r]?.value as number) - f.value));
    });
    expect(worst).toBeLessThan(TOLERANCE);
    expect(largestGap).toBeGreaterThan(1e-4);
    // a single predecessor: both methods give R² / (1 − R²)
    expect(scores.fSquared[0]?.value).toBeCloseTo(reestimated.fSquared[0]?.value as number, 12);
  });

  it("estimates mixed models with mode B (formative) blocks as seminr does", () => {
    const ref = quality.cases.mixed;
    const model = plsPathModel(rows, {
      ...base,
      mode: { Image: "B", Quality: "B" },
      fSquaredMethod: "reestimate",
    });
    expect(worstCase(model, ref, ["Image", "Quality"])).toBeLessThan(TOLERANCE);
    expect(worstMatrix(model.innerVif, ref.innerVif)).toBeLessThan(TOLERANCE);
    ref.fSquared.forEach((f, r) => {
      expect(model.fSquared[r]?.value).toBeCloseTo(f.value, 9);
    });
  });

  it("consistent PLS (PLSc) matches seminr with every block reflective", () => {
    const ref = quality.cases.consistent;
    const model = plsPathModel(rows, { ...base, consistent: true, fSquaredMethod: "reestimate" });
    expect(model.options.consistent).toBe(true);
    expect(worstCase(model, ref, [])).toBeLessThan(TOLERANCE);
    expect(worstMatrix(model.innerVif, ref.innerVifCorrected)).toBeLessThan(TOLERANCE);
    ref.fSquared.forEach((f, r) => {
      expect(model.fSquared[r]?.value).toBeCloseTo(f.value, 9);
    });
    // the correction raises Image -> Expectation from 0.505 (PLS) to 0.863
    expect(model.pathCoefficients[0]?.estimate).toBeCloseTo(0.8632932242942138, 10);
  });

  it("consistent PLS leaves a mode B block uncorrected in a mixed model, as seminr does", () => {
    const ref = quality.cases.consistentMixed;
    const model = plsPathModel(rows, {
      ...base,
      consistent: true,
      mode: { Image: "B" },
      fSquaredMethod: "reestimate",
    });
    expect(worstCase(model, ref, ["Image"])).toBeLessThan(TOLERANCE);
    ref.fSquared.forEach((f, r) => {
      expect(model.fSquared[r]?.value).toBeCloseTo(f.value, 9);
    });
  });
});

describeWithDataset("ecsi_mobi.csv", "consistent PLS with some mode A blocks kept as composites", () => {
  const rows = readEcsiRows();

  it("corrects only the listed reflective constructs (base-R PLSc from Dijkstra & Henseler 2015)", () => {
    const ref = quality.cases.consistentComposite;
    const reflective = ["Expectation", "Quality", "Satisfaction", "Complaints", "Loyalty"];
    const model = plsPathModel(rows, { ...base, consistent: true, reflective });
    expect(model.options.reflective).toEqual(reflective);
    let worst = Math.max(
      worstMatrix(model.loadings, ref.loadings),
      worstMatrix(model.constructCorrelations, ref.constructCorrelations),
    );
    ref.paths.forEach((path, r) => {
      worst = Math.max(worst, Math.abs((model.pathCoefficients[r]?.estimate as number) - path.estimate));
    });
    for (const [name, value] of Object.entries(ref.rSquared))
      worst = Math.max(worst, Math.abs((model.rSquared[name] as number) - value));
    ref.fSquaredScores.forEach((f, r) => {
      worst = Math.max(worst, Math.abs((model.fSquared[r]?.value as number) - f.value));
    });
    expect(worst).toBeLessThan(TOLERANCE);
    // Image stays a composite: its loadings are plain score correlations, as without consistent
    expect(model.loadings.Image).toEqual(plsPathModel(rows, base).loadings.Image);
  });

  it("defaults to every mode A construct, and the bootstrap re-resolves the echoed list", () => {
    const all = plsPathModel(rows, { ...base, consistent: true, mode: { Image: "B" } });
    expect(all.options.reflective).toEqual([
      "Expectation",
      "Quality",
      "Value",
      "Satisfaction",
      "Complaints",
      "Loyalty",
    ]);
    expect(plsPathModel(rows, base).options.reflective).toEqual([]);
    const again = plsPathModel(rows, all.options);
    expect(again.pathCoefficients).toEqual(all.pathCoefficients);
  });

  it("refuses reflective without consistent, unknown and mode B constructs", () => {
    expect(() => plsPathModel(rows, { ...base, reflective: ["Quality"] })).toThrow(/set consistent: true/);
    expect(() => plsPathModel(rows, { ...base, consistent: true, reflective: ["Qualty"] })).toThrow(
      /reflective\.0: unknown construct "Qualty"/,
    );
    expect(() =>
      plsPathModel(rows, { ...base, consistent: true, mode: { Image: "B" }, reflective: ["Image"] }),
    ).toThrow(/"Image" is mode B/);
  });
});

describe("plsPathModel quality measures on small data", () => {
  // Two blocks; x1, x2 strongly related, y1 = x1 + x2 + noise.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const a = Math.sin(i * 1.3) * 2;
    const b = Math.cos(i * 0.7) * 2;
    return {
      x1: a + 0.1 * Math.sin(i * 5.1),
      x2: a + 0.3 * b,
      x3: b,
      y1: a + b + Math.sin(i * 2.9),
      y2: a - 0.5 * Math.cos(i),
    };
  });
  const options: PlsPathModelOptions = {
    blocks: { X: ["x1", "x2", "x3"], Y: ["y1", "y2"] },
    paths: [{ from: "X", to: "Y" }],
  };

  it("outer VIF is the diagonal of the inverse block correlation matrix; a single predecessor has inner VIF 1", () => {
    const model = plsPathModel(rows, options);
    // 3x3 block: VIF_1 = 1/(1 − R²) of x1 on x2, x3, by the closed form with r12, r13, r23
    const col = (key: "x1" | "x2" | "x3") => rows.map((row) => row[key]);
    const cor = (u: number[], v: number[]) => {
      const mu = u.reduce((s, x) => s + x, 0) / u.length;
      const mv = v.reduce((s, x) => s + x, 0) / v.length;
      let suv = 0;
      let suu = 0;
      let svv = 0;
      u.forEach((x, i) => {
        suv += (x - mu) * ((v[i] as number) - mv);
        suu += (x - mu) ** 2;
        svv += ((v[i] as number) - mv) ** 2;
      });
      return suv / Math.sqrt(suu * svv);
    };
    const r12 = cor(col("x1"), col("x2"));
    const r13 = cor(col("x1"), col("x3"));
    const r23 = cor(col("x2"), col("x3"));
    const r2 = (r12 * r12 + r13 * r13 - 2 * r12 * r13 * r23) / (1 - r23 * r23);
    expect(model.outerVif.X?.x1).toBeCloseTo(1 / (1 - r2), 10);
    expect(model.innerVif).toEqual({ Y: { X: 1 } });
  });

  it("cross-loadings put each indicator's loading on its own construct", () => {
    const model = plsPathModel(rows, options);
    for (const [construct, items] of Object.entries(options.blocks))
      for (const item of items)
        expect(model.crossLoadings[item]?.[construct]).toBe(model.loadings[construct]?.[item]);
    expect(Object.keys(model.crossLoadings)).toEqual(["x1", "x2", "x3", "y1", "y2"]);
  });

  it("re-estimated f² of a construct left without paths keeps the model estimable", () => {
    // Z has one path only (Z -> Y): without it Z is isolated and keeps its starting weights
    const three = rows.map((row, i) => ({
      ...row,
      z1: Math.cos(i * 1.9),
      z2: Math.cos(i * 1.9) + 0.5 * Math.sin(i * 3.3),
    }));
    const model = plsPathModel(three, {
      blocks: { X: ["x1", "x2", "x3"], Z: ["z1", "z2"], Y: ["y1", "y2"] },
      paths: [
        { from: "X", to: "Y" },
        { from: "Z", to: "Y" },
      ],
      fSquaredMethod: "reestimate",
    });
    for (const f of model.fSquared) expect(Number.isFinite(f.value) && f.value >= 0).toBe(true);
  });

  it("refuses consistent PLS for a reflective block with rhoA <= 0", () => {
    // x1 and x2 correlate negatively with each other but both positively with Y: same-sign weights and a
    // negative item correlation make rhoA negative (no common factor behind the block)
    const bad = Array.from({ length: 60 }, (_, i) => {
      const x1 = Math.sin(i * 1.3);
      const x2 = -0.4 * x1 + Math.cos(i * 2.2);
      return { x1, x2, y1: x1 + x2 + 0.1 * Math.sin(i * 4.7), y2: x1 + x2 + 0.1 * Math.cos(i * 3.1) };
    });
    const twoBlocks: PlsPathModelOptions = {
      blocks: { X: ["x1", "x2"], Y: ["y1", "y2"] },
      paths: [{ from: "X", to: "Y" }],
    };
    expect(plsPathModel(bad, twoBlocks).reliability.X?.rhoA).toBeLessThan(0);
    expect(() => plsPathModel(bad, { ...twoBlocks, consistent: true })).toThrow(/rhoA <= 0/);
    expect(() => plsPathModel(bad, { ...twoBlocks, consistent: true })).toThrow(InsufficientDataError);
  });
});

describe("plsPathModel quality measures (property tests)", () => {
  const blocks = { X: ["x1", "x2", "x3"], M: ["m1", "m2"], Y: ["y1", "y2"] };
  const paths = [
    { from: "X", to: "M" },
    { from: "X", to: "Y" },
    { from: "M", to: "Y" },
  ];
  // Rows from a seeded latent structure: X -> M -> Y with item noise.
  const rowsArbitrary = fc
    .array(
      fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })),
      {
        minLength: 30,
        maxLength: 60,
      },
    )
    .map((draws) =>
      draws.map(([u, v], i) => {
        const noise = (k: number) => Math.sin(i * 12.9898 + k * 78.233) * 0.6;
        const m = 0.6 * u + 0.8 * v;
        const y = 0.5 * m + 0.4 * u + noise(9);
        return {
          x1: u + noise(1),
          x2: u + noise(2),
          x3: u + noise(3),
          m1: m + noise(4),
          m2: m + noise(5),
          y1: y + noise(6),
          y2: y + noise(7),
        };
      }),
    );

  it("VIFs are at least 1, HTMT and HTMT2 are symmetric and sign-invariant, HTMT2 is finite", () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const model = plsPathModel(rows, { blocks, paths });
        for (const block of Object.values(model.outerVif))
          for (const value of Object.values(block)) expect(value).toBeGreaterThanOrEqual(1 - 1e-12);
        for (const block of Object.values(model.innerVif))
          for (const value of Object.values(block)) expect(value).toBeGreaterThanOrEqual(1 - 1e-12);
        const flipped = plsPathModel(
          rows.map((row) => ({ ...row, x2: -row.x2, m1: -row.m1 })),
          { blocks, paths },
        );
        for (const a of model.constructs)
          for (const b of model.constructs) {
            expect(model.htmt[a]?.[b]).toBeCloseTo(model.htmt[b]?.[a] as number, 12);
            expect(model.htmt2[a]?.[b]).toBeCloseTo(model.htmt2[b]?.[a] as number, 12);
            expect(flipped.htmt[a]?.[b]).toBeCloseTo(model.htmt[a]?.[b] as number, 10);
            expect(flipped.htmt2[a]?.[b]).toBeCloseTo(model.htmt2[a]?.[b] as number, 10);
          }
      }),
      { numRuns: 40, seed: 15 },
    );
  });

  it("consistent PLS keeps the weights and divides a simple path by sqrt(rhoA_X · rhoA_M)", () => {
    let estimated = 0;
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const plain = plsPathModel(rows, { blocks, paths });
        let consistent: PlsPathModelResult;
        try {
          consistent = plsPathModel(rows, { blocks, paths, consistent: true });
        } catch (error) {
          // a block with rhoA <= 0 has no consistent estimate: the only admissible refusal
          expect(error).toBeInstanceOf(InsufficientDataError);
          return;
        }
        estimated++;
        expect(consistent.outerWeights).toEqual(plain.outerWeights);
        // X -> M is a simple regression: the corrected path is r / sqrt(rhoA_X rhoA_M)
        const rhoX = plain.reliability.X?.rhoA as number;
        const rhoM = plain.reliability.M?.rhoA as number;
        expect(consistent.pathCoefficients[0]?.estimate).toBeCloseTo(
          (plain.pathCoefficients[0]?.estimate as number) / Math.sqrt(rhoX * rhoM),
          10,
        );
      }),
      { numRuns: 40, seed: 16 },
    );
    expect(estimated).toBeGreaterThan(30);
  });
});
