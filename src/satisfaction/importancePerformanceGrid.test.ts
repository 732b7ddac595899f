import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidRecordError } from "../core/index.js";
import { importancePerformanceGrid } from "./importancePerformanceGrid.js";

describe("importancePerformanceGrid", () => {
  const attributes = Object.freeze([
    { name: "price", importance: 0.8, performance: 40 },
    { name: "speed", importance: 0.7, performance: 80 },
    { name: "decor", importance: 0.1, performance: 30 },
    { name: "music", importance: 0.2, performance: 90 },
  ]);

  it("places attributes by the mean cuts (Martilla & James quadrants)", () => {
    const result = importancePerformanceGrid(attributes);
    expect(result.importanceCut).toBeCloseTo(0.45, 15);
    expect(result.performanceCut).toBe(60);
    expect(result.quadrants).toEqual({
      "concentrate here": ["price"],
      "keep up the good work": ["speed"],
      "low priority": ["decor"],
      "possible overkill": ["music"],
    });
  });

  it("uses given cuts and counts a value on the cut as high", () => {
    const result = importancePerformanceGrid(attributes, { importanceCut: 0.2, performanceCut: 40 });
    expect(result.attributes.map((a) => a.quadrant)).toEqual([
      "keep up the good work",
      "keep up the good work",
      "low priority",
      "keep up the good work",
    ]);
  });

  it("refuses empty input and non-finite values", () => {
    expect(() => importancePerformanceGrid([])).toThrowError(InsufficientDataError);
    expect(() =>
      importancePerformanceGrid([{ name: "a", importance: Number.NaN, performance: 1 }]),
    ).toThrowError(InvalidRecordError);
  });
});

describe("importancePerformanceGrid edge cases", () => {
  it("takes the mean cut of huge values without overflowing to Infinity", () => {
    const grid = importancePerformanceGrid([
      { name: "a", importance: 1.5e308, performance: 1 },
      { name: "b", importance: 1e308, performance: 2 },
    ]);
    expect(grid.importanceCut).toBeCloseTo(1.25e308, -296);
    expect(grid.quadrants["concentrate here"]).toEqual(["a"]);
    expect(() => importancePerformanceGrid(attributesOf(), { importanceCutt: 1 } as never)).toThrowError(
      /did you mean "importanceCut"\?/,
    );
  });
});

function attributesOf() {
  return [{ name: "price", importance: 0.8, performance: 40 }];
}
