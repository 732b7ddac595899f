import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSeenOrder, inOrder } from "./firstSeen.js";

describe("firstSeenOrder", () => {
  it("orders rows by first_row and inOrder takes every column in that order (hand-worked)", () => {
    const columns = {
      customer: ["b", "c", "a"],
      first_row: new Float64Array([7, 12, 0]),
      value: new Float64Array([2.5, Number.NaN, -1]),
    };
    const order = firstSeenOrder(columns.first_row, 3);
    expect(Array.from(order)).toEqual([2, 0, 1]);
    const out = inOrder(columns, order);
    expect(out.customer).toEqual(["a", "b", "c"]);
    expect(Array.from(out.value as Float64Array)).toEqual([-1, 2.5, Number.NaN]);
    // the input is left as it was
    expect(columns.customer).toEqual(["b", "c", "a"]);
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
