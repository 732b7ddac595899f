import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { transactionsFrom } from "./transactionsFrom.js";

const lines = Object.freeze([
  Object.freeze({ order: "o1", product: "beer" }),
  Object.freeze({ order: "o2", product: "milk" }),
  Object.freeze({ order: "o1", product: "diapers" }),
  Object.freeze({ order: "o1", product: "beer" }),
  Object.freeze({ order: 3, product: "milk" }),
]);

describe("transactionsFrom", () => {
  it("transactionsFrom groups order lines by transaction id, first-seen order, duplicates once", () => {
    const t = transactionsFrom(lines, { transaction: "order", item: "product" });
    expect(t.transactionIds).toEqual(["o1", "o2", "3"]);
    expect(t.itemLabels).toEqual(["beer", "milk", "diapers"]);
    expect(Array.from(t.offsets)).toEqual([0, 2, 3, 4]);
    expect(Array.from(t.items)).toEqual([0, 2, 1, 1]);
    // adjacent (grouped) and scattered lines alike: the baskets of a Map-based grouping
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ order: fc.integer({ min: 0, max: 6 }), product: fc.constantFrom("a", "b", "c", "d") }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.boolean(),
        (drawn, grouped) => {
          const rows = grouped ? [...drawn].sort((x, y) => x.order - y.order) : drawn;
          const result = transactionsFrom(rows, { transaction: "order", item: "product" });
          const expected = new Map<string, Set<string>>();
          for (const row of rows) {
            const basket = expected.get(String(row.order)) ?? new Set<string>();
            basket.add(row.product);
            expected.set(String(row.order), basket);
          }
          expect(result.transactionIds).toEqual([...expected.keys()]);
          const baskets = result.transactionIds?.map((_, t) =>
            Array.from(result.items.subarray(result.offsets[t], result.offsets[t + 1])),
          );
          expect(baskets).toEqual(
            [...expected.values()].map((set) =>
              [...set].map((item) => result.itemLabels.indexOf(item)).sort((x, y) => x - y),
            ),
          );
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it("transactionsFrom accepts accessors", () => {
    const t = transactionsFrom(lines, {
      transaction: (line) => String(line.order),
      item: (line) => line.product.toUpperCase(),
    });
    expect(t.itemLabels).toEqual(["BEER", "MILK", "DIAPERS"]);
  });

  it("transactionsFrom names the row and field of a missing item", () => {
    const bad = [
      { order: "o1", product: "beer" },
      { order: "o1", product: null },
    ];
    expect(() => transactionsFrom(bad, { transaction: "order", item: "product" })).toThrow(
      InvalidRecordError,
    );
    expect(() =>
      transactionsFrom(bad, { transaction: "order", item: "product" }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: transactionsFrom: row 1, field "product": received null; expected a non-empty string or a finite number identifying the value]`,
    );
  });

  it("transactionsFrom refuses a missing field option and a non-array input", () => {
    expect(() => transactionsFrom(lines, { transaction: "order" } as never)).toThrow(InvalidOptionsError);
    expect(() => transactionsFrom("x" as never, { transaction: "order", item: "product" })).toThrow(
      InvalidOptionsError,
    );
  });

  it("transactionsFrom of no records gives zero transactions", () => {
    expect(transactionsFrom([], { transaction: "order", item: "product" }).transactionCount).toBe(0);
  });

  it("transactionsFrom refuses null, undefined and non-object rows with an InvalidRecordError naming the row", () => {
    for (const bad of [null, undefined, 42, "o1"]) {
      const withBad = [...lines.slice(0, 2), bad, ...lines.slice(2)] as typeof lines;
      try {
        transactionsFrom(withBad, { transaction: "order", item: "product" });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(2);
      }
      // an accessor never sees the bad row either
      expect(() =>
        transactionsFrom(withBad, { transaction: (line) => line.order, item: (line) => line.product }),
      ).toThrow(InvalidRecordError);
    }
  });
});

describe("transactionsFrom on columns", () => {
  it("reads columns without an object per line, with the same result as records", () => {
    const lines = [
      { order: "o1", product: "beer" },
      { order: "o1", product: "diapers" },
      { order: "o2", product: "beer" },
    ];
    const columns = { order: ["o1", "o1", "o2"], product: ["beer", "diapers", "beer"] };
    const fromColumns = transactionsFrom(columns, { transaction: "order", item: "product" });
    expect(fromColumns).toEqual(transactionsFrom(lines, { transaction: "order", item: "product" }));
    expect(fromColumns.transactionIds).toEqual(["o1", "o2"]);
    expect(fromColumns.itemLabels).toEqual(["beer", "diapers"]);
    expect(() =>
      transactionsFrom({ order: ["o1"], product: ["a", "b"] }, { transaction: "order", item: "product" }),
    ).toThrow(/columns must have one length/);
  });
});
