import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSeenOrder } from "./firstSeen.js";

describe("firstSeenOrder", () => {
  it("orders rows by first_row (hand-worked)", () => {
    const firstRow = new Float64Array([7, 12, 0]);
    expect(Array.from(firstSeenOrder(firstRow, 3))).toEqual([2, 0, 1]);
    // the input is left as it was
    expect(Array.from(firstRow)).toEqual([7, 12, 0]);
  });

  it("sorts positions too large to pack with the index (comparator path)", () => {
    const order = firstSeenOrder(new Float64Array([2 ** 52, 3, 2 ** 51]), 3);
    expect(Array.from(order)).toEqual([1, 2, 0]);
  });

  it("equals a plain index sort on distinct positions (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(5_000_000), { minLength: 0, maxLength: 300 }), (rows) => {
        const expected = rows
          .map((row, i) => [row, i] as const)
          .sort((p, q) => p[0] - q[0])
          .map(([, i]) => i);
        expect(Array.from(firstSeenOrder(new Float64Array(rows), rows.length))).toEqual(expected);
      }),
    );
  });
});
