import { desc, table } from "arquero";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/errors.js";
import { fromTable } from "./fromTable.js";

describe("fromTable", () => {
  const lines = () =>
    table({
      order: ["o1", "o1", "o2", "o3"],
      product: ["beer", "diapers", "milk", "beer"],
      quantity: [2, 1, 3, 6],
    });

  it("fromTable returns one plain record per row", () => {
    expect(fromTable(lines())).toEqual([
      { order: "o1", product: "beer", quantity: 2 },
      { order: "o1", product: "diapers", quantity: 1 },
      { order: "o2", product: "milk", quantity: 3 },
      { order: "o3", product: "beer", quantity: 6 },
    ]);
  });

  it("fromTable respects the table's filter and sort order", () => {
    const view = lines()
      .filter((d: { quantity: number }) => d.quantity > 1)
      .orderby(desc("quantity"));
    expect(fromTable(view).map((row) => row.quantity)).toEqual([6, 3, 2]);
  });

  it("fromTable selects columns, offset and limit", () => {
    expect(fromTable(lines(), { columns: ["product"], offset: 1, limit: 2 })).toEqual([
      { product: "diapers" },
      { product: "milk" },
    ]);
  });

  it("fromTable of an empty table is an empty array", () => {
    expect(fromTable(table({ a: [] }))).toEqual([]);
  });

  it("fromTable refuses something that is not an arquero table", () => {
    expect(() => fromTable([{ a: 1 }] as never)).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: fromTable: invalid options
        - source: expected an arquero table (from arquero's table(), from(), loadCSV() ...)]
    `);
    expect(() => fromTable(null as never)).toThrow(InvalidOptionsError);
    expect(() => fromTable(lines(), { limit: -1 })).toThrow(InvalidOptionsError);
  });
});
