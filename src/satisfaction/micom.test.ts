import { describe, expect, it } from "vitest";
import { ECSI_BLOCKS, ECSI_PATHS } from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidOptionsError, quantileSorted } from "../core/index.js";
import { twoGroupData } from "./internal/groupSetup.js";
import {
  groupStatistics,
  permutationDistribution,
  permutationPValue,
  permutedColumn,
} from "./internal/permutationKernel.js";
import { micom } from "./micom.js";

const MODEL = { blocks: ECSI_BLOCKS, paths: ECSI_PATHS, scale: { min: 1, max: 10 }, tolerance: 1e-13 };
const CONSTRUCTS = Object.keys(ECSI_BLOCKS);

describeWithDataset("ecsi_mobi.csv", "micom on ECSI split into its first and last 125 rows", () => {
  const rows = Object.freeze(
    parseSimpleCsv(readSharedDataset("ecsi_mobi.csv")).map((r, i) =>
      Object.freeze({ ...r, half: i < 125 ? "first" : "second" }),
    ),
  );
  const reference = readGroupsPredictReference().groups;

  it("replays R's 20 permutations: every statistic to 1e-9 and the same p-values and 5% quantile of c", () => {
    const setup = twoGroupData("test", rows, MODEL, "half", undefined);
    expect(Array.from(setup.labels)).toEqual(reference.labels);
    const statistics = groupStatistics(setup.model, setup.data);
    if (typeof statistics === "string") throw new Error(statistics);
    const { layout } = statistics;
    const sets = reference.permutations.map((labels) => Uint8Array.from(labels));
    const distribution = permutationDistribution(statistics, setup.labels, 0, 1, sets);
    if (typeof distribution === "string") throw new Error(distribution);
    expect(distribution.valid).toBe(20);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);
    CONSTRUCTS.forEach((name, k) => {
      close(
        distribution.original[layout.compositional + k] as number,
        reference.original.compositionalCorrelation[name] as number,
      );
      close(
        distribution.original[layout.meanDifference + k] as number,
        reference.original.meanDifference[name] as number,
      );
      close(
        distribution.original[layout.logVarianceRatio + k] as number,
        reference.original.logVarianceRatio[name] as number,
      );
      reference.permuted.compositionalCorrelation.forEach((row, r) => {
        close(
          distribution.permuted[r * layout.width + layout.compositional + k] as number,
          row[name] as number,
        );
        close(
          distribution.permuted[r * layout.width + layout.meanDifference + k] as number,
          reference.permuted.meanDifference[r]?.[name] as number,
        );
        close(
          distribution.permuted[r * layout.width + layout.logVarianceRatio + k] as number,
          reference.permuted.logVarianceRatio[r]?.[name] as number,
        );
      });
      if (name !== "Complaints") {
        expect(permutationPValue(distribution, layout.width, layout.compositional + k, true)).toBe(
          reference.pValues.compositionalCorrelation[name],
        );
        close(
          quantileSorted(permutedColumn(distribution, layout.width, layout.compositional + k), 0.05),
          reference.compositionalQuantile5[name] as number,
        );
      }
      expect(permutationPValue(distribution, layout.width, layout.meanDifference + k, false)).toBe(
        reference.pValues.meanDifference[name],
      );
      expect(permutationPValue(distribution, layout.width, layout.logVarianceRatio + k, false)).toBe(
        reference.pValues.logVarianceRatio[name],
      );
    });
    reference.original.pathDifference.forEach((value, r) => {
      close(distribution.original[layout.paths1 + r] as number, reference.original.paths1[r] as number);
      close(distribution.original[layout.paths2 + r] as number, reference.original.paths2[r] as number);
      close(distribution.original[layout.pathDifference + r] as number, value);
      reference.permuted.pathDifference.forEach((row, b) => {
        close(
          distribution.permuted[b * layout.width + layout.pathDifference + r] as number,
          row[r] as number,
        );
      });
      expect(permutationPValue(distribution, layout.width, layout.pathDifference + r, false)).toBe(
        reference.pValues.pathDifference[r],
      );
    });
  });

  it("finds the halves invariant with seeded permutations and echoes its options", () => {
    const result = micom(rows, MODEL, { group: "half", permutations: 150, seed: 4 });
    expect(result.groups).toEqual(["first", "second"]);
    expect(result.groupSizes).toEqual([125, 125]);
    expect(result.validPermutations).toBe(150);
    expect(result.options).toEqual({ group: "half", permutations: 150, seed: 4, alpha: 0.05 });
    const complaints = result.constructs.find((c) => c.construct === "Complaints");
    expect(complaints?.compositionalCorrelation).toBe(1);
    expect(complaints?.compositionalPValue).toBe(1);
    for (const c of result.constructs) {
      expect(c.compositionalCorrelation).toBeCloseTo(
        reference.original.compositionalCorrelation[c.construct] as number,
        9,
      );
      expect(c.meanLower).toBeLessThan(0);
      expect(c.meanUpper).toBeGreaterThan(0);
      expect(c.compositionalPValue).toBeGreaterThan(0);
      expect(c.compositionalPValue).toBeLessThanOrEqual(1);
    }
    expect(micom(rows, MODEL, { group: "half", permutations: 150, seed: 4 }).constructs).toEqual(
      result.constructs,
    );
  });

  it("swapping the group order negates the mean differences and log variance ratios and keeps c", () => {
    const forward = micom(rows, MODEL, { group: "half", permutations: 20, seed: 8 });
    const backward = micom(rows, MODEL, {
      group: "half",
      groups: ["second", "first"],
      permutations: 20,
      seed: 8,
    });
    expect(backward.groups).toEqual(["second", "first"]);
    expect(backward.groupSizes).toEqual([125, 125]);
    forward.constructs.forEach((c, k) => {
      const other = backward.constructs[k];
      expect(other?.compositionalCorrelation).toBeCloseTo(c.compositionalCorrelation, 12);
      expect(other?.meanDifference).toBeCloseTo(-c.meanDifference, 12);
      expect(other?.logVarianceRatio).toBeCloseTo(-c.logVarianceRatio, 12);
    });
  });

  it("detects a planted mean shift: rows with high satisfaction in one group", () => {
    const shifted = rows.map((row) => ({
      ...row,
      high: Number((row as Record<string, unknown>).CUSA1) >= 8 ? "high" : "low",
    }));
    const result = micom(shifted, MODEL, { group: "high", permutations: 200, seed: 2 });
    const satisfaction = result.constructs.find((c) => c.construct === "Satisfaction");
    expect(satisfaction?.equalMeans).toBe(false);
    expect(satisfaction?.meanPValue).toBeLessThan(0.01);
    expect(satisfaction?.invariance).not.toBe("full");
  });

  it("p-values of a random split are roughly uniform (permutation test calibration)", () => {
    // 20 random splits x 7 constructs: the share of mean-difference p-values below 0.2 should be near 0.2
    let below = 0;
    let total = 0;
    for (let s = 0; s < 20; s++) {
      const labelled = rows.map((row, i) => ({ ...row, g: (i * 7919 + s * 104729) % 97 < 48 ? "a" : "b" }));
      const result = micom(labelled, MODEL, { group: "g", permutations: 40, seed: s });
      for (const c of result.constructs) {
        total++;
        if (c.meanPValue < 0.2) below++;
      }
    }
    expect(below / total).toBeGreaterThan(0.08);
    expect(below / total).toBeLessThan(0.35);
  });

  it("refuses a grouping variable without two values, unknown groups and tiny groups", () => {
    const three = rows.map((row, i) => ({ ...row, g: String(i % 3) }));
    expect(() => micom(three, MODEL, { group: "g" })).toThrowError(/exactly two group values/);
    expect(() => micom(three, MODEL, { group: "g", groups: ["0", "9"] })).toThrowError(InvalidOptionsError);
    const picked = micom(three, MODEL, { group: "g", groups: ["0", "2"], permutations: 20 });
    expect(picked.groupSizes).toEqual([84, 83]);
    const tiny = rows.map((row, i) => ({ ...row, g: i < 3 ? "a" : "b" }));
    expect(() => micom(tiny, MODEL, { group: "g" })).toThrowError(InsufficientDataError);
    expect(() => micom(rows, MODEL, { group: "half", permutations: 0 })).toThrowError(InvalidOptionsError);
    expect(() => micom(rows, MODEL, {} as never)).toThrowError(InvalidOptionsError);
  });
});

describe("micom", () => {
  it("says what is wrong with groups, permutations and alpha", () => {
    const issuesOf = (options: object) =>
      optionsError(() => micom([{ a: 1, g: "x" }], MODEL, { group: "g", ...options })).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(issuesOf({ groups: ["a"], permutations: 2.5, alpha: 0.5 })).toEqual([
      'groups: expected exactly two group values, received 1 (received ["a"])',
      "permutations: expected a whole number >= 1, received a number (received 2.5)",
      "alpha: alpha must be below 0.5 (received 0.5)",
    ]);
    expect(issuesOf({ groups: ["a", 2], permutations: 0, alpha: "x" })).toEqual([
      'groups: entry 1 is not a string; write group values as strings ("2" for 2) (received ["a",2])',
      "permutations: permutations must be at least 1 (received 0)",
      'alpha: expected a number > 0 and < 0.5, received a string (received "x")',
    ]);
  });

  it("rejects a model that is not a PLS model", () => {
    expect(() => micom([{ a: 1, g: "x" }], { blocks: {}, paths: [] } as never, { group: "g" })).toThrowError(
      InvalidOptionsError,
    );
  });
});
