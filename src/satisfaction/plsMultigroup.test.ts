import { describe, expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset } from "../../test/datasets.js";
import { createRandom, InvalidOptionsError } from "../core/index.js";
import { bootstrap } from "./bootstrap.js";
import { studentTTwoSided, welchTest } from "./internal/groupStudentT.js";
import { plsMultigroup } from "./plsMultigroup.js";
import { plsPathModel } from "./plsPathModel.js";

/** The model as the R references estimate it (fully converged). */
const MODEL = ECSI_REFERENCE_OPTIONS;

describe("the Welch-Satterthwaite test", () => {
  it("matches R (the same formula and 2 * pt(-|t|, df)) to 1e-12", () => {
    for (const c of readGroupsPredictReference().welch) {
      const result = welchTest(c.b1, c.b2, c.se1, c.se2, c.n1, c.n2);
      expect(Math.abs(result.tValue - c.t)).toBeLessThan(1e-12);
      expect(Math.abs(result.degreesOfFreedom - c.df)).toBeLessThan(1e-9);
      expect(Math.abs(result.welchPValue - c.p)).toBeLessThan(1e-12);
    }
  });

  it("Student's t tail matches published quantiles", () => {
    // t tables: t_{0.975, 10} = 2.228138852, t_{0.995, 3} = 5.840909310, t_{0.95, 1} = 6.313751515
    expect(studentTTwoSided(2.228138852, 10)).toBeCloseTo(0.05, 9);
    expect(studentTTwoSided(5.84090931, 3)).toBeCloseTo(0.01, 9);
    expect(studentTTwoSided(-6.313751515, 1)).toBeCloseTo(0.1, 9);
    expect(studentTTwoSided(0, 7)).toBe(1);
  });
});

describeWithDataset("ecsi_mobi.csv", "plsMultigroup on ECSI split into its first and last 125 rows", () => {
  const rows = Object.freeze(
    readEcsiRows().map((r, i) => Object.freeze({ ...r, half: i < 125 ? "first" : "second" })),
  );
  const reference = readGroupsPredictReference().groups;
  const result = plsMultigroup(rows, MODEL, {
    group: "half",
    permutations: 200,
    bootstrapSamples: 200,
    seed: 3,
  });

  it("estimates each group as R does and as plsPathModel does on the group's rows", () => {
    const firstRows = rows.filter((r) => r.half === "first");
    const own = plsPathModel(firstRows, MODEL);
    result.paths.forEach((path, r) => {
      expect(Math.abs(path.first - (reference.original.paths1[r] as number))).toBeLessThan(1e-9);
      expect(Math.abs(path.second - (reference.original.paths2[r] as number))).toBeLessThan(1e-9);
      expect(path.difference).toBeCloseTo(path.first - path.second, 15);
      expect(Math.abs(path.first - (own.pathCoefficients[r]?.estimate as number))).toBeLessThan(1e-9);
    });
  });

  it("bootstrap standard errors agree with bootstrap() on the group's rows (within sampling error)", () => {
    const secondRows = rows.filter((r) => r.half === "second");
    const boot = bootstrap(plsPathModel(secondRows, MODEL), secondRows, { samples: 400, seed: 11 });
    result.paths.forEach((path, r) => {
      const other = boot.paths[r]?.standardError as number;
      expect(path.standardErrorSecond / other).toBeGreaterThan(0.75);
      expect(path.standardErrorSecond / other).toBeLessThan(1.33);
      const welch = welchTest(
        path.first,
        path.second,
        path.standardErrorFirst,
        path.standardErrorSecond,
        125,
        125,
      );
      expect(path.tValue).toBe(welch.tValue);
      expect(path.welchPValue).toBe(welch.welchPValue);
    });
    expect(result.validBootstrapSamples).toEqual([200, 200]);
  });

  it("permutation and Welch p-values agree in size for the halves, and a planted difference is found", () => {
    for (const path of result.paths) {
      expect(path.permutationPValue).toBeGreaterThan(0);
      expect(path.permutationPValue).toBeLessThanOrEqual(1);
      expect(Math.abs(path.permutationPValue - path.welchPValue)).toBeLessThan(0.25);
    }
    // Second group: Loyalty items replaced by noise, so Satisfaction -> Loyalty collapses there.
    const random = createRandom(99);
    const noise = () => 1 + random.integer(10);
    const planted = rows.map((row) =>
      row.half === "first" ? row : { ...row, CUSL1: noise(), CUSL2: noise(), CUSL3: noise() },
    );
    const mga = plsMultigroup(planted, MODEL, {
      group: "half",
      permutations: 200,
      bootstrapSamples: 100,
      seed: 1,
    });
    const loyalty = mga.paths.find((p) => p.from === "Satisfaction" && p.to === "Loyalty");
    expect(loyalty?.first).toBeGreaterThan(0.4);
    expect(Math.abs(loyalty?.second as number)).toBeLessThan(0.25);
    expect(loyalty?.permutationPValue).toBeLessThan(0.01);
    expect(loyalty?.welchPValue).toBeLessThan(0.01);
  });

  it("echoes its options and refuses bad ones", () => {
    expect(result.options).toEqual({ group: "half", permutations: 200, bootstrapSamples: 200, seed: 3 });
    expect(result.groups).toEqual(["first", "second"]);
    expect(() => plsMultigroup(rows, MODEL, { group: "half", bootstrapSamples: 1 })).toThrowError(
      InvalidOptionsError,
    );
    expect(() => plsMultigroup(rows, MODEL, { group: "half", permutation: 5 } as never)).toThrowError(
      /permutation/,
    );
  });
});
