import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ECSI_BLOCKS,
  ECSI_PATHS,
  ECSI_REFERENCE_OPTIONS,
  type ReferenceCase,
  readEcsiRows,
  readPlsReference,
  withHoles,
} from "../../fixtures/satisfaction/ecsi.js";
import { describeWithDataset } from "../../test/datasets.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { generateStore } from "../store/index.js";
import { type PlsPathModelOptions, type PlsPathModelResult, plsPathModel } from "./plsPathModel.js";

const TOLERANCE = 1e-10;
const reference = readPlsReference();

type HtmtMatrix = Record<string, Record<string, number>>;
/**
 * HTMT on absolute item correlations (the seminr/cSEM/SmartPLS convention) from an independent numpy script:
 *   python3 fixtures/satisfaction/htmt-reference.py ../shared/datasets/ecsi_mobi.csv \
 *     > fixtures/satisfaction/htmt-reference.json
 * pls-reference.R's `htmt` uses signed correlations; the two agree except where an item pair correlates
 * negatively (Quality-Loyalty, through CUSL2).
 */
const htmtReference = JSON.parse(
  readFileSync(new URL("../../fixtures/satisfaction/htmt-reference.json", import.meta.url), "utf8"),
) as {
  full: HtmtMatrix;
  meanImputed: HtmtMatrix;
  listwise: HtmtMatrix;
  listwiseRows: number;
  reversed: HtmtMatrix;
  rawFull: HtmtMatrix;
};

/**
 * Largest absolute difference between our model and an R reference case, over every reported quantity;
 * HTMT is compared with `htmt` (the absolute-correlation reference of the same data).
 */
function worstDifference(model: PlsPathModelResult, ref: ReferenceCase, htmt: HtmtMatrix): number {
  let worst = 0;
  const check = (ours: number | undefined, theirs: number | undefined) => {
    expect(ours).toBeTypeOf("number");
    expect(theirs).toBeTypeOf("number");
    worst = Math.max(worst, Math.abs((ours as number) - (theirs as number)));
  };
  model.pathCoefficients.forEach((path, i) => {
    expect(path.from).toBe(ref.paths[i]?.from);
    expect(path.to).toBe(ref.paths[i]?.to);
    check(path.estimate, ref.paths[i]?.estimate);
  });
  for (const construct of model.constructs) {
    for (const [indicator, weight] of Object.entries(model.outerWeights[construct] ?? {})) {
      check(weight, ref.weights[construct]?.[indicator]);
      check(model.loadings[construct]?.[indicator], ref.loadings[construct]?.[indicator]);
    }
    const reliability = model.reliability[construct];
    check(reliability?.cronbachAlpha, ref.cronbachAlpha[construct]);
    check(reliability?.rhoA, ref.rhoA[construct]);
    check(reliability?.rhoC, ref.rhoC[construct]);
    check(reliability?.averageVarianceExtracted, ref.ave[construct]);
    check(model.index[construct], ref.index[construct]);
    if (model.rSquared[construct] !== undefined) check(model.rSquared[construct], ref.rSquared[construct]);
    for (const other of model.constructs) {
      check(model.htmt[construct]?.[other] ?? undefined, htmt[construct]?.[other]);
      check(model.fornellLarcker[construct]?.[other], ref.fornellLarcker[construct]?.[other]);
    }
    (ref.firstScores[construct] ?? []).forEach((score, i) => {
      check(model.scores[construct]?.[i], score);
    });
  }
  for (const f2 of ref.fSquared) {
    check(model.fSquared.find((x) => x.from === f2.from && x.to === f2.to)?.value, f2.value);
  }
  for (const [from, row] of Object.entries(ref.totalEffects)) {
    for (const [to, value] of Object.entries(row)) {
      const ours = model.totalEffects.find((x) => x.from === from && x.to === to)?.estimate ?? 0;
      check(ours, value);
    }
  }
  return worst;
}

/** The options the references were estimated with (fully converged). */
const base = ECSI_REFERENCE_OPTIONS;

describeWithDataset("ecsi_mobi.csv", "plsPathModel on the ECSI mobile-phone survey", () => {
  const rows = readEcsiRows();

  it("matches the independent R implementation to 1e-10 for every scheme and mode", () => {
    // Reference: Rscript fixtures/satisfaction/pls-reference.R ../shared/datasets/ecsi_mobi.csv
    for (const scheme of ["path", "factorial", "centroid"] as const) {
      const model = plsPathModel(rows, { ...base, scheme });
      expect(model.converged).toBe(true);
      expect(worstDifference(model, reference.cases[scheme], htmtReference.full)).toBeLessThan(TOLERANCE);
    }
    const modeB = plsPathModel(rows, { ...base, mode: { Image: "B", Quality: "B" } });
    expect(worstDifference(modeB, reference.cases.pathModeB, htmtReference.full)).toBeLessThan(TOLERANCE);
  });

  it("reproduces seminr's published Image -> Expectation 0.505 and R² of Satisfaction 0.681 with default options", () => {
    const model = plsPathModel(rows, { blocks: ECSI_BLOCKS, paths: ECSI_PATHS });
    expect(model.converged).toBe(true);
    expect(model.pathCoefficients[0]?.estimate).toBeCloseTo(0.505, 3);
    expect(model.rSquared.Satisfaction).toBeCloseTo(0.681, 3);
    // default tolerance 1e-7 still agrees with the fully converged reference to about 1e-6
    expect(
      Math.abs((model.pathCoefficients[0]?.estimate ?? 0) - (reference.cases.path.paths[0]?.estimate ?? 0)),
    ).toBeLessThan(1e-6);
    expect(model.scale).toEqual({ min: 1, max: 10 });
    expect(model.rSquared.Image).toBeUndefined();
  });

  it("reproduces the published centroid-scheme figures of Rönkkö et al. (2023) on the same data", () => {
    // Rönkkö, Lee, Evermann, McIntosh & Antonakis (2023), "Marketing or methodology? Exposing the fallacies
    // of PLS with simple demonstrations", European Journal of Marketing 57(6), 1597-1617 (CC BY 4.0),
    // doi:10.1108/EJM-02-2021-0099, on "the ECSI data set from Tenenhaus et al. (2005)". Printed to 3
    // decimals, so we allow half a unit in the last place. Their R analysis matches the centroid scheme.
    const published = 0.0005 + 1e-12;
    // Table 2: correlations between the PLS mode A composites of the full 7-construct ECSI model.
    const table2: [string, string, number][] = [
      ["Image", "Expectation", 0.505],
      ["Image", "Quality", 0.749],
      ["Image", "Value", 0.508],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: a published correlation, not ln 2
      ["Image", "Satisfaction", 0.693],
      ["Image", "Complaints", 0.475],
      ["Image", "Loyalty", 0.564],
      ["Expectation", "Quality", 0.557],
      ["Expectation", "Value", 0.361],
      ["Expectation", "Satisfaction", 0.51],
      ["Expectation", "Complaints", 0.257],
      ["Expectation", "Loyalty", 0.38],
      ["Quality", "Value", 0.586],
      ["Quality", "Satisfaction", 0.795],
      ["Quality", "Complaints", 0.532],
      ["Quality", "Loyalty", 0.538],
      ["Value", "Satisfaction", 0.606],
      ["Value", "Complaints", 0.355],
      ["Value", "Loyalty", 0.53],
      ["Satisfaction", "Complaints", 0.526],
      ["Satisfaction", "Loyalty", 0.656],
      ["Complaints", "Loyalty", 0.418],
    ];
    const full = plsPathModel(rows, { blocks: ECSI_BLOCKS, paths: ECSI_PATHS, scheme: "centroid" });
    for (const [a, b, value] of table2) {
      expect(Math.abs((full.constructCorrelations[a]?.[b] ?? Number.NaN) - value)).toBeLessThanOrEqual(
        published,
      );
    }
    // Table 1: Loyalty regressed on Image, Satisfaction and Complaints (a 4-construct model), every block
    // mode A, then every block mode B: outer weights, path coefficients and R² of Loyalty.
    const blocks = {
      Image: ECSI_BLOCKS.Image,
      Satisfaction: ECSI_BLOCKS.Satisfaction,
      Complaints: ECSI_BLOCKS.Complaints,
      Loyalty: ECSI_BLOCKS.Loyalty,
    };
    const paths = ["Image", "Satisfaction", "Complaints"].map((from) => ({ from, to: "Loyalty" }));
    const table1 = {
      A: {
        weights: [0.263, 0.226, 0.229, 0.342, 0.366, 0.371, 0.366, 0.462, 1, 0.452, 0.133, 0.658],
        paths: [0.206, 0.481, 0.066],
        rSquared: 0.462,
      },
      B: {
        weights: [0.138, 0.204, 0.123, 0.383, 0.52, 0.347, 0.146, 0.676, 1, 0.208, 0.105, 0.856],
        paths: [0.183, 0.524, 0.074],
        rSquared: 0.499,
      },
    };
    for (const mode of ["A", "B"] as const) {
      const model = plsPathModel(rows, {
        blocks,
        paths,
        scheme: "centroid",
        mode: { Image: mode, Satisfaction: mode, Complaints: mode, Loyalty: mode },
      });
      const weights = Object.values(model.outerWeights).flatMap((block) => Object.values(block));
      weights.forEach((weight, i) => {
        expect(Math.abs(weight - (table1[mode].weights[i] ?? Number.NaN))).toBeLessThanOrEqual(published);
      });
      model.pathCoefficients.forEach((path, i) => {
        expect(Math.abs(path.estimate - (table1[mode].paths[i] ?? Number.NaN))).toBeLessThanOrEqual(
          published,
        );
      });
      expect(Math.abs((model.rSquared.Loyalty ?? Number.NaN) - table1[mode].rSquared)).toBeLessThanOrEqual(
        published,
      );
    }
  });

  it("gives the same estimates whatever the order of the paths", () => {
    const shuffled = [...ECSI_PATHS].reverse();
    const model = plsPathModel(rows, { ...base, paths: shuffled });
    for (const path of reference.cases.path.paths) {
      const ours = model.pathCoefficients.find((p) => p.from === path.from && p.to === path.to);
      expect(Math.abs((ours?.estimate ?? 0) - path.estimate)).toBeLessThan(TOLERANCE);
    }
  });

  it("scores have mean 0 and unit sample variance, and weights are standardised", () => {
    const model = plsPathModel(rows, base);
    for (const construct of model.constructs) {
      const scores = model.scores[construct] as Float64Array;
      const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
      const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (scores.length - 1);
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(variance).toBeCloseTo(1, 12);
    }
    expect(model.observations).toBe(250);
    expect(model.imputedValues).toBe(0);
  });

  it("replaces missing answers by the mean, or drops the rows, as the R reference does", () => {
    const holed = Object.freeze(withHoles(rows));
    const meaned = plsPathModel(holed, { ...base, missing: "mean" });
    expect(meaned.imputedValues).toBe(35 + 22);
    expect(worstDifference(meaned, reference.cases.missingMean, htmtReference.meanImputed)).toBeLessThan(
      TOLERANCE,
    );
    const listwise = plsPathModel(holed, { ...base, missing: "listwise" });
    expect(listwise.observations).toBe(reference.cases.missingListwise.rows);
    expect(listwise.droppedRows).toBe(250 - (reference.cases.missingListwise.rows ?? 0));
    expect(listwise.rowsUsed[0]).toBe(0);
    expect(listwise.rowsUsed).not.toContain(6);
    const ref = { ...reference.cases.missingListwise, firstScores: {} };
    expect(worstDifference(listwise, ref, htmtReference.listwise)).toBeLessThan(TOLERANCE);
  });

  it("reports non-convergence instead of throwing when maxIterations is too small", () => {
    const model = plsPathModel(rows, { ...base, maxIterations: 2 });
    expect(model.converged).toBe(false);
    expect(model.iterations).toBe(2);
  });

  it("refuses answers outside the declared scale, naming row and indicator", () => {
    const bad = rows.map((row, i) => (i === 3 ? { ...row, CUEX2: "11" } : row));
    expect(() => plsPathModel(bad, base)).toThrowError(InvalidRecordError);
    try {
      plsPathModel(bad, base);
    } catch (error) {
      expect((error as InvalidRecordError).row).toBe(3);
      expect((error as InvalidRecordError).field).toBe("CUEX2");
      expect((error as Error).message).toMatchInlineSnapshot(
        `"plsPathModel: row 3, field "CUEX2": received "11" (string); expected an answer within the scale 1..10; fix the answer or the scale option"`,
      );
    }
  });
});

// A small synthetic survey: two constructs, three items each, x drives y.
function smallSurvey(n: number): Record<string, number>[] {
  const rows: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const x = (i * 7) % 5;
    const y = (x + ((i * 3) % 4)) % 7;
    rows.push({
      x1: x + 1,
      x2: ((x + i) % 5) + 1,
      x3: x + (i % 2) + 1,
      y1: y + 1,
      y2: ((y * 2 + i) % 7) + 1,
      y3: y + (i % 3),
    });
  }
  return rows;
}
const smallOptions: PlsPathModelOptions = {
  blocks: { X: ["x1", "x2", "x3"], Y: ["y1", "y2", "y3"] },
  paths: [{ from: "X", to: "Y" }],
};

describe("plsPathModel on small data", () => {
  it("with one predecessor the path equals the score correlation and R² its square", () => {
    const model = plsPathModel(smallSurvey(40), smallOptions);
    const beta = model.pathCoefficients[0]?.estimate ?? Number.NaN;
    expect(beta).toBeCloseTo(model.constructCorrelations.X?.Y ?? Number.NaN, 12);
    expect(model.rSquared.Y).toBeCloseTo(beta * beta, 12);
    expect(model.fSquared[0]?.value).toBeCloseTo((beta * beta) / (1 - beta * beta), 12);
    expect(model.totalEffects).toEqual([{ from: "X", to: "Y", estimate: beta }]);
  });

  it("does not mutate frozen inputs", () => {
    const rows = Object.freeze(smallSurvey(30).map((row) => Object.freeze(row)));
    const options = Object.freeze({ ...smallOptions, blocks: Object.freeze({ ...smallOptions.blocks }) });
    expect(() => plsPathModel(rows, options)).not.toThrow();
  });

  it("refuses a cycle in the paths", () => {
    const options = {
      blocks: { A: ["x1"], B: ["x2"], C: ["x3"] },
      paths: [
        { from: "A", to: "B" },
        { from: "B", to: "C" },
        { from: "C", to: "A" },
      ],
    };
    expect(() => plsPathModel(smallSurvey(30), options)).toThrowError(InvalidOptionsError);
    expect(() => plsPathModel(smallSurvey(30), options)).toThrowError(/cycle through A, B, C/);
  });

  it("refuses a construct with no path, unknown constructs, self and duplicate paths, shared indicators", () => {
    const rows = smallSurvey(30);
    expect(() =>
      plsPathModel(rows, { blocks: { ...smallOptions.blocks, Z: ["y3"] }, paths: smallOptions.paths }),
    ).toThrowError(/indicator "y3" already belongs to block "Y"/);
    expect(() =>
      plsPathModel(rows, { blocks: { ...smallOptions.blocks, Z: ["x9"] }, paths: smallOptions.paths }),
    ).toThrowError(/construct "Z" has no path/);
    expect(() => plsPathModel(rows, { ...smallOptions, paths: [{ from: "X", to: "W" }] })).toThrowError(
      /unknown construct "W"/,
    );
    expect(() =>
      plsPathModel(rows, {
        ...smallOptions,
        paths: [
          { from: "X", to: "Y" },
          { from: "X", to: "Y" },
        ],
      }),
    ).toThrowError(/duplicate path X -> Y/);
    expect(() => plsPathModel(rows, { ...smallOptions, paths: [{ from: "X", to: "X" }] })).toThrowError(
      /path to itself/,
    );
    expect(() => plsPathModel(rows, { ...smallOptions, mode: { W: "B" } })).toThrowError(/mode.W/);
    expect(() => plsPathModel(rows, { ...smallOptions, scheme: "magic" as never })).toThrowError(
      InvalidOptionsError,
    );
    expect(() => plsPathModel(rows, { ...smallOptions, scale: { min: 5, max: 1 } })).toThrowError(
      /scale.max must be greater/,
    );
  });

  it("says what blocks and maxIterations accept: an empty construct name, a block that is not a list, a fraction", () => {
    const rows = smallSurvey(30);
    const messageOf = (options: unknown) =>
      optionsError(() => plsPathModel(rows, options as never)).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(messageOf({ ...smallOptions, blocks: { ...smallOptions.blocks, "": ["x1"] } })).toEqual([
      `blocks: construct names must be non-empty (received {"X":["x1","x2","x3"],"Y":["y1","y2","y3"],"":["x1"]})`,
    ]);
    expect(messageOf({ ...smallOptions, blocks: { ...smallOptions.blocks, Y: "y1" } })).toEqual([
      `blocks.Y: expected an array of indicator names (received "y1")`,
    ]);
    for (const bad of [1.5, 0, "3", 1e300]) {
      expect(messageOf({ ...smallOptions, maxIterations: bad })).toEqual([
        `maxIterations: expected a whole number >= 1 (received ${JSON.stringify(bad)})`,
      ]);
    }
    // the defaults apply when an option is given as undefined
    expect(plsPathModel(rows, { ...smallOptions, scheme: undefined as never }).options.scheme).toBe("path");
  });

  it("refuses non-numeric answers and an indicator missing from the rows", () => {
    const rows = smallSurvey(30);
    const text = rows.map((row, i) => (i === 5 ? { ...row, y2: "very good" } : row));
    expect(() => plsPathModel(text, smallOptions)).toThrowError(/row 5, field "y2": received "very good"/);
    expect(() =>
      plsPathModel(rows, { blocks: { X: ["x1", "x2", "x4"], Y: ["y1"] }, paths: smallOptions.paths }),
    ).toThrowError(/indicator "x4" has no answer in any row/);
  });

  it("refuses a constant indicator, too few rows and empty input", () => {
    const constant = smallSurvey(30).map((row) => ({ ...row, x2: 4 }));
    expect(() => plsPathModel(constant, smallOptions)).toThrowError(InsufficientDataError);
    expect(() => plsPathModel(constant, smallOptions)).toThrowError(
      /"x2" has zero variance \(every answer is 4\)/,
    );
    expect(() => plsPathModel(smallSurvey(2), smallOptions)).toThrowError(
      /2 usable rows; this model needs at least 3/,
    );
    expect(() => plsPathModel([], smallOptions)).toThrowError(InsufficientDataError);
    expect(() => plsPathModel("rows" as never, smallOptions)).toThrowError(InvalidOptionsError);
  });

  it("refuses perfectly collinear mode B indicators as singular", () => {
    const rows = smallSurvey(30).map((row) => ({ ...row, x3: row.x1 }));
    expect(() => plsPathModel(rows, { ...smallOptions, mode: { X: "B" } })).toThrowError(/singular/);
  });

  it("infers the index scale from the answers when none is given", () => {
    const rows = smallSurvey(40);
    const model = plsPathModel(rows, smallOptions);
    const all = rows.flatMap((row) => Object.values(row));
    expect(model.scale).toEqual({ min: Math.min(...all), max: Math.max(...all) });
    for (const value of Object.values(model.index)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });
});

describe("plsPathModel invariances (property tests)", () => {
  const rows = smallSurvey(40);
  const reference = plsPathModel(rows, smallOptions);

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const shuffled = [...rows];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) % 2147483648;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as Record<string, number>,
            shuffled[i] as Record<string, number>,
          ];
        }
        const model = plsPathModel(shuffled, smallOptions);
        expect(model.pathCoefficients[0]?.estimate).toBeCloseTo(
          reference.pathCoefficients[0]?.estimate ?? 0,
          12,
        );
        expect(model.outerWeights.X?.x2).toBeCloseTo(reference.outerWeights.X?.x2 ?? 0, 12);
      }),
      { numRuns: 25 },
    );
  });

  it("standardised estimates do not change under a positive affine rescaling of an item", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (a, b) => {
          const rescaled = rows.map((row) => ({ ...row, y2: a * (row.y2 as number) + b }));
          const model = plsPathModel(rescaled, smallOptions);
          expect(model.pathCoefficients[0]?.estimate).toBeCloseTo(
            reference.pathCoefficients[0]?.estimate ?? 0,
            9,
          );
          expect(model.loadings.Y?.y2).toBeCloseTo(reference.loadings.Y?.y2 ?? 0, 9);
          expect(model.reliability.Y?.rhoA).toBeCloseTo(reference.reliability.Y?.rhoA ?? 0, 9);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("plsPathModel on the generated store's survey", () => {
  const store = generateStore({ seed: 3, customers: 1500 });

  it("recovers the planted ECSI structure: strong paths strong, the near-zero path near zero", () => {
    // generateStore plants standardised paths of 0.5-0.55 on Image->Expectation, Expectation->Quality,
    // Quality->Value, Quality->Satisfaction, Satisfaction->Complaints, Satisfaction->Loyalty and 0.05 on
    // Expectation->Satisfaction (see its TSDoc); composite estimates are attenuated by measurement error.
    const model = plsPathModel(store.surveys, {
      blocks: ECSI_BLOCKS,
      paths: ECSI_PATHS,
      scale: { min: 1, max: 10 },
    });
    expect(model.converged).toBe(true);
    const estimate = (from: string, to: string) =>
      model.pathCoefficients.find((p) => p.from === from && p.to === to)?.estimate ?? Number.NaN;
    for (const [from, to] of [
      ["Image", "Expectation"],
      ["Expectation", "Quality"],
      ["Quality", "Value"],
      ["Quality", "Satisfaction"],
      ["Satisfaction", "Complaints"],
      ["Satisfaction", "Loyalty"],
    ] as const) {
      expect(estimate(from, to)).toBeGreaterThan(0.25);
    }
    expect(Math.abs(estimate("Expectation", "Satisfaction"))).toBeLessThan(0.12);
    for (const construct of model.constructs) {
      expect(model.reliability[construct]?.rhoC).toBeGreaterThan(0.7);
    }
    for (const value of Object.values(model.index)) {
      expect(value).toBeGreaterThan(40);
      expect(value).toBeLessThan(90);
    }
  });
});

describeWithDataset("ecsi_mobi.csv", "plsPathModel HTMT on absolute correlations", () => {
  const rows = readEcsiRows();
  const worstHtmt = (model: PlsPathModelResult, ref: HtmtMatrix) => {
    let worst = 0;
    for (const a of model.constructs)
      for (const b of model.constructs) {
        const ours = model.htmt[a]?.[b];
        expect(ours).toBeTypeOf("number");
        expect(Number.isFinite(ours)).toBe(true);
        worst = Math.max(worst, Math.abs((ours as number) - (ref[a]?.[b] ?? Number.NaN)));
      }
    return worst;
  };

  it("uses |r| (seminr, cSEM, SmartPLS): Quality-Loyalty is 0.0359 above the signed-correlation figure", () => {
    const model = plsPathModel(rows, base);
    expect(worstHtmt(model, htmtReference.full)).toBeLessThan(TOLERANCE);
    // CUSL2 correlates negatively with some Quality items: the signed version (pls-reference.R) is lower
    const signed = reference.cases.path.htmt.Quality?.Loyalty ?? Number.NaN;
    expect(htmtReference.rawFull.Quality?.Loyalty).toBeCloseTo(signed, 12);
    expect((model.htmt.Quality?.Loyalty as number) - signed).toBeCloseTo(0.035852, 6);
  });

  it("stays finite and unchanged when an item is reverse coded (|r| is sign-invariant)", () => {
    // PERV2 reversed makes the Value block's only correlation negative: the signed mean within the block
    // was then negative and its square root NaN. CUSL2 reversed is the Python script's `reversed` case.
    for (const item of ["PERV2", "CUSL2", "IMAG1"]) {
      const reversed = rows.map((row) => ({ ...row, [item]: 11 - Number(row[item]) }));
      const model = plsPathModel(reversed, base);
      expect(worstHtmt(model, htmtReference.full)).toBeLessThan(TOLERANCE);
    }
    expect(worstHtmt(plsPathModel(rows, base), htmtReference.reversed)).toBeLessThan(TOLERANCE);
  });
});

describe("plsPathModel refuses what it would otherwise get silently wrong", () => {
  it("names a misspelt option instead of falling back to its default, suggesting the valid name", () => {
    const rows = smallSurvey(30);
    const call = () => plsPathModel(rows, { ...smallOptions, schema: "centroid" } as never);
    expect(call).toThrowError(InvalidOptionsError);
    expect(call).toThrowError(/schema: unknown option "schema"; did you mean "scheme"\?/);
    const { issues } = optionsError(() =>
      plsPathModel(rows, { ...smallOptions, toleranse: 1e-9, maxIteration: 5 } as never),
    );
    expect(issues.map((issue) => issue.path)).toEqual(["toleranse", "maxIteration"]);
    expect(issues[0]?.message).toMatch(/did you mean "tolerance"/);
    expect(issues[1]?.message).toMatch(/did you mean "maxIterations"/);
    expect(issues[1]?.received).toBe(5);
    // nested objects name the full path
    expect(() =>
      plsPathModel(rows, { ...smallOptions, paths: [{ from: "X", to: "Y", form: "X" }] } as never),
    ).toThrowError(/paths\.0\.form: unknown option "form"; did you mean "from"\?/);
  });

  it("says a scale bound must be finite and names each bad block entry and path end", () => {
    const rows = smallSurvey(30);
    const issuesOf = (options: object) =>
      optionsError(() => plsPathModel(rows, { ...smallOptions, ...options } as never)).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(issuesOf({ scale: { min: 1, max: Number.POSITIVE_INFINITY } })).toEqual([
      "scale.max: expected a finite number, received a number (received Infinity)",
    ]);
    expect(
      issuesOf({ blocks: { X: ["x1", 2], Y: [] }, paths: [{ from: "X", to: "" }, "X->Y"], consistent: 1 }),
    ).toEqual([
      "blocks.X.1: expected a string, received a number (received 2)",
      "blocks.Y: a block needs at least one indicator (received [])",
      'paths.0.to: must be a non-empty construct name (received "")',
      'paths.1: expected an object { from, to }, received a string (received "X->Y")',
      "consistent: expected true or false, received a number (received 1)",
    ]);
  });

  it("refuses null, undefined and number rows with an InvalidRecordError naming the row", () => {
    const rows: unknown[] = smallSurvey(30);
    for (const bad of [null, undefined, 7, "row"]) {
      const withBad = [...rows.slice(0, 4), bad, ...rows.slice(4)];
      try {
        plsPathModel(withBad as never, smallOptions);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(4);
      }
    }
    expect(() => plsPathModel(rows as never, 42 as never)).toThrowError(InvalidOptionsError);
  });

  it("refuses an indicator that is constant up to rounding (0.1 summed 30 times is not 3 exactly)", () => {
    // The mean of thirty 1.1s is not exactly 1.1, so the sample SD is about 2e-16 rather than 0; the
    // correlations of such a column are rounding noise.
    const rows = smallSurvey(30).map((row) => ({ ...row, x2: 1.1 }));
    expect(() => plsPathModel(rows, smallOptions)).toThrowError(InsufficientDataError);
    expect(() => plsPathModel(rows, smallOptions)).toThrowError(/"x2" has zero variance/);
  });

  it("gives HTMT null, not Infinity or NaN, when a block's items are exactly uncorrelated", () => {
    // a1 and a2 are orthogonal after centring (products -0.75, 0.25, -0.25, 0.75 sum to 0)
    const a1 = [1, 2, 3, 4, 1, 2, 3, 4];
    const a2 = [2, 1, 1, 2, 2, 1, 1, 2];
    const b1 = [1, 3, 2, 5, 2, 2, 4, 4];
    const b2 = [2, 3, 3, 4, 1, 3, 4, 5];
    const rows = a1.map((_, i) => ({ a1: a1[i], a2: a2[i], b1: b1[i], b2: b2[i] }));
    const model = plsPathModel(rows, {
      blocks: { A: ["a1", "a2"], B: ["b1", "b2"] },
      paths: [{ from: "A", to: "B" }],
    });
    expect(model.htmt.A?.B).toBeNull();
    expect(model.htmt.B?.A).toBeNull();
    expect(model.htmt.A?.A).toBe(1);
  });
});
