import { describe, expect, it } from "vitest";
import {
  type CsvRow,
  readLung,
  readSurvivalReference,
  readVeteran,
} from "../../fixtures/churn/survival/fixture.js";
import { InsufficientDataError } from "../core/index.js";
import { logRankTest } from "./logRankTest.js";

const reference = readSurvivalReference();
const lung = Object.freeze(readLung().map((row) => Object.freeze(row)));
const veteran = Object.freeze(readVeteran().map((row) => Object.freeze(row)));

const close = (a: number, b: number, tolerance = 1e-9): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(b)));
};

describe("logRankTest", () => {
  it("matches R survdiff on lung by sex (1 df)", () => {
    const ref = reference.logRankLungSex;
    const test = logRankTest(lung, { time: "time", event: (row: CsvRow) => row.status === 2, group: "sex" });
    close(test.chiSquare, ref.chiSquare[0]);
    expect(test.degreesOfFreedom).toBe(1);
    close(test.pValue, ref.pValue[0], 1e-9);
    expect(test.options).toEqual({ time: "time", event: "event (accessor)", group: "sex" });
    test.groups.forEach((g, i) => {
      expect(g.group).toBe(ref.groups[i]);
      close(g.observed, ref.observed[i] as number);
      close(g.expected, ref.expected[i] as number);
    });
  });

  it("matches R survdiff on veteran by cell type (4 groups, 3 df)", () => {
    const ref = reference.logRankVeteranCelltype;
    const test = logRankTest(veteran, { time: "time", event: "status", group: "celltype" });
    close(test.chiSquare, ref.chiSquare[0]);
    expect(test.degreesOfFreedom).toBe(3);
    close(test.pValue, ref.pValue[0], 1e-9);
    expect(test.groups.map((g) => g.expected)).toHaveLength(4);
    test.groups.forEach((g, i) => {
      close(g.expected, ref.expected[i] as number);
    });
  });

  it("hand-worked two-group example: one event at each time", () => {
    // a: events at 1, 3; b: events at 2, 4. At t=1: n=4 (a 2), E_a=0.5, V=0.25; t=2: n=3 (a 1), E_a=1/3, V=2/9;
    // t=3: n=2 (a 1), E_a=0.5, V=0.25; t=4: n=1 (a 0), E_a=0, V=0. O_a − E_a = 2 − 4/3 = 2/3; V = 13/18.
    const rows = [
      { t: 1, e: 1, g: "a" },
      { t: 3, e: 1, g: "a" },
      { t: 2, e: 1, g: "b" },
      { t: 4, e: 1, g: "b" },
    ];
    const test = logRankTest(rows, { time: "t", event: "e", group: "g" });
    close(test.chiSquare, (2 / 3) ** 2 / (13 / 18), 1e-14);
    close(test.groups[0]?.expected as number, 4 / 3, 1e-14);
  });

  it("needs two groups", () => {
    expect(() => logRankTest([{ t: 1, e: 1, g: "a" }], { time: "t", event: "e", group: "g" })).toThrow(
      InsufficientDataError,
    );
  });
});
