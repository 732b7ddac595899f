import { describe, expect, it } from "vitest";
import {
  type CsvRow,
  type ReferenceCurve,
  readLung,
  readSurvivalReference,
  readVeteran,
} from "../../fixtures/churn/survival/fixture.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { type KaplanMeierCurve, kaplanMeier } from "./kaplanMeier.js";

const reference = readSurvivalReference();
const lung = Object.freeze(readLung().map((row) => Object.freeze(row)));
const veteran = Object.freeze(readVeteran().map((row) => Object.freeze(row)));
const lungDead = (row: CsvRow) => row.status === 2;

function expectClose(
  actual: ArrayLike<number | null>,
  expected: readonly (number | null)[],
  tolerance = 1e-9,
) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null || e === undefined) expect(a).toBeNull();
    else expect(Math.abs((a as number) - e)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
  }
}

function expectCurve(curve: KaplanMeierCurve, ref: ReferenceCurve) {
  expectClose(curve.time, ref.time, 0);
  expectClose(curve.nRisk, ref.nRisk, 0);
  expectClose(curve.nEvent, ref.nEvent, 0);
  expectClose(curve.nCensor, ref.nCensor, 0);
  expectClose(curve.survival, ref.survival);
  expectClose(curve.standardError, ref.standardError);
  expectClose(curve.lower, ref.lower);
  expectClose(curve.upper, ref.upper);
  expect(curve.median).toBe(ref.median[0]);
  expect(curve.medianLower).toBe(ref.medianLower[0]);
  expect(curve.medianUpper).toBe(ref.medianUpper[0]);
  expect(curve.n).toBe(ref.n[0]);
  expect(curve.events).toBe(ref.events[0]);
}

describe("kaplanMeier", () => {
  it("matches R survfit on lung (all times, Greenwood SE, log intervals, median 310 [285, 363])", () => {
    const km = kaplanMeier(lung, { time: "time", event: lungDead });
    expect(km.curves).toHaveLength(1);
    expectCurve(km.curves[0] as KaplanMeierCurve, reference.kmLung.all as ReferenceCurve);
    expect(km.curves[0]?.median).toBe(310);
  });

  it("matches R survfit by group (lung by sex, veteran by cell type, curves reaching 0)", () => {
    const bySex = kaplanMeier(lung, { time: "time", event: lungDead, group: "sex" });
    expect(bySex.curves.map((c) => c.group)).toEqual(["1", "2"]);
    for (const curve of bySex.curves)
      expectCurve(curve, reference.kmLungSex[curve.group as string] as ReferenceCurve);
    const byCell = kaplanMeier(veteran, { time: "time", event: "status", group: "celltype" });
    expect(byCell.curves.map((c) => c.group)).toEqual(["adeno", "large", "smallcell", "squamous"]);
    for (const curve of byCell.curves) {
      expectCurve(curve, reference.kmVeteranCelltype[curve.group as string] as ReferenceCurve);
      expect(curve.survival[curve.survival.length - 1]).toBe(0);
    }
  });

  it("hand-worked: ties put events before censorings, median at a flat 0.5 is the interval's midpoint", () => {
    // times 1,2,2+,3,4 (+ censored); S(1)=4/5, S(2)=4/5·3/4=0.6, S(3)=0.6·1/2=0.3, S(4)=0
    const rows = [
      { t: 1, e: 1 },
      { t: 2, e: 1 },
      { t: 2, e: 0 },
      { t: 3, e: 1 },
      { t: 4, e: 1 },
    ];
    const curve = kaplanMeier(rows, { time: "t", event: "e" }).curves[0] as KaplanMeierCurve;
    expect([...curve.nRisk]).toEqual([5, 4, 2, 1]);
    expect([...curve.survival].map((s) => Number(s.toFixed(12)))).toEqual([0.8, 0.6, 0.3, 0]);
    // Greenwood: σ²(1) = 1/(5·4) = 0.05, SE = 0.8·√0.05
    expect(curve.standardError[0]).toBeCloseTo(0.8 * Math.sqrt(0.05), 14);
    expect(curve.median).toBe(3);
    // S = 0.5 exactly on [2, 4): median (2 + 4) / 2 = 3
    const flat = kaplanMeier(
      [
        { t: 2, e: 1 },
        { t: 4, e: 1 },
      ],
      { time: "t", event: "e" },
    ).curves[0] as KaplanMeierCurve;
    expect(flat.median).toBe(3);
  });

  it("confidenceLevel sets z of the log interval (0.9: z = 1.6449)", () => {
    const rows = [
      { t: 1, e: 1 },
      { t: 2, e: 1 },
      { t: 2, e: 0 },
      { t: 3, e: 1 },
      { t: 4, e: 0 },
    ];
    const curve = kaplanMeier(rows, { time: "t", event: "e", confidenceLevel: 0.9 })
      .curves[0] as KaplanMeierCurve;
    // S(1) = 0.8, σ² = 1/(5·4): lower = 0.8·exp(−1.6448536269514722·√0.05)
    expect(curve.lower[0]).toBeCloseTo(0.8 * Math.exp(-1.6448536269514722 * Math.sqrt(0.05)), 14);
    expect(curve.upper[0]).toBe(Math.min(1, 0.8 * Math.exp(1.6448536269514722 * Math.sqrt(0.05))));
  });

  it("survivalAt reads the step function: 1 before the first event, null after the last follow-up", () => {
    const rows = [
      { t: 1, e: 1, g: "a" },
      { t: 3, e: 0, g: "a" },
      { t: 2, e: 1, g: "b" },
      { t: 5, e: 1, g: "b" },
    ];
    const km = kaplanMeier(rows, { time: "t", event: "e", group: "g" });
    expect(km.survivalAt(0.5, "a")).toBe(1);
    expect(km.survivalAt(1, "a")).toBe(0.5);
    expect(km.survivalAt(2.9, "a")).toBe(0.5);
    expect(km.survivalAt(3.1, "a")).toBeNull();
    expect(km.survivalAt(5, "b")).toBe(0);
    expect(km.survivalAt(50, "b")).toBe(0); // reached 0: stays 0
    expect(() => km.survivalAt(1)).toThrow(InvalidOptionsError);
    expect(() => km.survivalAt(1, "c")).toThrow(/expected one of the groups: "a", "b"/);
  });

  it("drops rows with a missing value in a used field and counts them (R's na.omit)", () => {
    const rows = [
      { t: 1, e: 1, g: "a" },
      { t: null, e: 1, g: "a" },
      { t: 2, e: "", g: "a" },
      { t: 3, e: 0, g: undefined },
      { t: 4, e: 0, g: "a" },
    ];
    const km = kaplanMeier(rows, { time: "t", event: "e", group: "g" });
    expect(km.n).toBe(2);
    expect(km.droppedRows).toBe(3);
    expect(km.droppedByField).toEqual({ t: 1, e: 1, g: 1 });
    const ungrouped = kaplanMeier(rows, { time: "t", event: "e" });
    expect(ungrouped.n).toBe(3);
  });

  it("refuses bad records, options and empty input with typed errors", () => {
    expect(() => kaplanMeier([{ t: -1, e: 1 }], { time: "t", event: "e" })).toThrow(InvalidRecordError);
    expect(() => kaplanMeier([{ t: 1, e: 2 }], { time: "t", event: "e" })).toThrow(/row 0, field "e"/);
    expect(() => kaplanMeier([{ t: "x", e: 1 }], { time: "t", event: "e" })).toThrow(InvalidRecordError);
    expect(() => kaplanMeier([], { time: "t", event: "e" } as never)).toThrow(InsufficientDataError);
    expect(() => kaplanMeier([{ t: 1, e: 1 }], { time: "t", event: "e", grup: "g" } as never)).toThrow(
      /grup: unknown option "\w+"; did you mean "group"\?/,
    );
  });

  it("prints a table of event times and medians", () => {
    const km = kaplanMeier(veteran, { time: "time", event: "status", group: "trt" });
    const text = String(
      (km as unknown as Record<symbol, () => string>)[Symbol.for("nodejs.util.inspect.custom")]?.(),
    );
    expect(text).toContain("Kaplan-Meier survival");
    expect(text).toContain("1: n 69, events 64, median 103");
  });
});
