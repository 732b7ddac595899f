import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import type { RfmScoresResult } from "./rfmScores.js";
import { RFM_GRID_SEGMENTS, rfmSegments } from "./rfmSegments.js";

function scored(codes: readonly string[], bins = 5): RfmScoresResult {
  return {
    customers: codes.map((code, i) => ({
      customer: `c${i}`,
      recencyDays: 10 * (i + 1),
      frequency: i + 1,
      monetary: 100 * (i + 1),
      recencyScore: Number(code[0]),
      frequencyScore: Number(code[1]),
      monetaryScore: Number(code[2]),
      score: code,
    })),
    breaks: { recencyDays: [], frequency: [], monetary: [] },
    options: { bins, method: "quantile" },
  };
}

describe("rfmSegments", () => {
  it("applies the rfm package's documented rules, first match winning as in rfm_segment", () => {
    const result = rfmSegments(scored(["555", "311", "222", "111", "155", "451", "411", "533", "144"]));
    expect(result.customers.map((row) => row.segment)).toEqual([
      "Champions",
      "About To Sleep",
      "Loyal Customers",
      "Lost",
      "At Risk",
      "Others", // 4-5-1 matches no rule
      "New Customers",
      "Potential Loyalist",
      "Can't Lose Them",
    ]);
  });

  it("summarises each segment, empty ones included with null means", () => {
    const result = rfmSegments(scored(["555", "555", "111"]));
    const champions = result.segments.find((s) => s.segment === "Champions");
    expect(champions).toMatchObject({
      customers: 2,
      share: 2 / 3,
      meanFrequency: 1.5,
      monetaryShare: 300 / 600,
    });
    expect(result.segments.find((s) => s.segment === "Promising")).toMatchObject({
      customers: 0,
      meanMonetary: null,
    });
  });

  it("covers every 1..5 score combination with the eleven-segment grid, Hibernating included", () => {
    const codes: string[] = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) codes.push(`${r}${f}${m}`);
    const result = rfmSegments(scored(codes), { scheme: "grid" });
    expect(result.customers.every((row) => row.segment !== "Others")).toBe(true);
    expect(new Set(result.customers.map((row) => row.segment)).size).toBe(RFM_GRID_SEGMENTS.rules.length);
    expect(result.customers.find((row) => row.score === "221")?.segment).toBe("Hibernating");
  });

  it("accepts a custom scheme and its fallback", () => {
    const result = rfmSegments(scored(["511", "155"]), {
      scheme: { rules: [{ segment: "recent", recency: [4, 5] }], fallback: "rest" },
    });
    expect(result.customers.map((row) => row.segment)).toEqual(["recent", "rest"]);
  });

  it("refuses a built-in scheme on scores with other than 5 bins, and malformed rules", () => {
    expect(() => rfmSegments(scored(["311"], 3))).toThrow(InvalidOptionsError);
    expect(() =>
      rfmSegments(scored(["311"]), { scheme: { rules: [{ segment: "x", recency: [5, 1] }] } }),
    ).toThrow(/min <= max/);
  });
});

describe("rfmSegments input checks (issue 12)", () => {
  it("refuses an array (records or empty) with InvalidOptionsError saying to score first", () => {
    expect(() => rfmSegments([] as never)).toThrow(InvalidOptionsError);
    expect(() => rfmSegments([] as never)).toThrow(/score the customers first/);
    expect(() => rfmSegments(null as never)).toThrow(/scores: expected the result of rfmScores/);
    expect(() => rfmSegments(42 as never)).toThrow(InvalidOptionsError);
  });

  it("refuses a result without customers (InsufficientDataError) and names a bad row", () => {
    const empty = scored([]);
    expect(() => rfmSegments(empty)).toThrow(InsufficientDataError);
    const withNull = { ...scored(["555"]), customers: [...scored(["555"]).customers, null] } as never;
    expect(() => rfmSegments(withNull)).toThrow(InvalidRecordError);
    expect(() => rfmSegments(withNull)).toThrow(/row 1/);
    const outOfRange = scored(["565"]);
    expect(() => rfmSegments(outOfRange)).toThrow(/row 0, field "frequencyScore"/);
  });
});
