import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRecordError } from "../../core/index.js";
import { readSurvivalData, sortedIndex } from "./survivalData.js";

describe("sortedIndex", () => {
  it("orders like a stable comparison sort, negatives, ±0, ties and subnormals included", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -5, max: 5 }),
            fc.constantFrom(0, -0, 5e-324, -5e-324),
          ),
          { maxLength: 300 },
        ),
        (values) => {
          const keys = Float64Array.from(values);
          const expected = values
            .map((_, i) => i)
            .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          expect([...sortedIndex(keys)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves its input unchanged", () => {
    const keys = Float64Array.from([3, 1, 2]);
    sortedIndex(keys);
    expect([...keys]).toEqual([3, 1, 2]);
  });
});

describe("readSurvivalData", () => {
  it("drops rows with a missing value, counts them by field, codes levels of the kept rows only", () => {
    const rows = [
      { t: 1, e: true, x: 1, g: "b" },
      { t: 2, e: false, x: null, g: "z" }, // dropped: its level "z" must not survive
      { t: 3, e: 1, x: "2.5", g: "a" },
    ];
    const data = readSurvivalData(
      rows,
      { time: "t", event: "e", numeric: ["x"], categorical: ["g"] },
      "test",
    );
    expect(data.n).toBe(2);
    expect([...data.rows]).toEqual([0, 2]);
    expect([...data.event]).toEqual([1, 1]);
    expect([...(data.numeric[0] as Float64Array)]).toEqual([1, 2.5]);
    expect(data.categoricalLevels[0]).toEqual(["a", "b"]);
    expect([...(data.categorical[0] as Int32Array)]).toEqual([1, 0]);
    expect(data.droppedByField).toEqual({ x: 1 });
  });

  it("refuses a wrong kind of value, naming row and field", () => {
    expect(() => readSurvivalData([{ t: 1, e: "yes" }], { time: "t", event: "e" }, "test")).toThrow(
      InvalidRecordError,
    );
    expect(() => readSurvivalData([{ t: true, e: 1 }], { time: "t", event: "e" }, "test")).toThrow(
      /row 0, field "t"/,
    );
    expect(() => readSurvivalData([null], { time: "t", event: "e" } as never, "test")).toThrow(
      InvalidRecordError,
    );
  });
});
