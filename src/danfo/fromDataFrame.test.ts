import { DataFrame, Series } from "danfojs-node";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/errors.js";
import { fromDataFrame } from "./fromDataFrame.js";

describe("fromDataFrame (real danfojs-node)", () => {
  it("fromDataFrame returns one record per row keyed by column name", () => {
    const frame = new DataFrame({ customer: ["c1", "c2"], amount: [12.5, 3] });
    expect(fromDataFrame(frame)).toEqual([
      { customer: "c1", amount: 12.5 },
      { customer: "c2", amount: 3 },
    ]);
  });

  it("fromDataFrame reads a frame after danfo operations (sort, filter, new column)", () => {
    const frame = new DataFrame({ customer: ["c1", "c2", "c3"], amount: [12.5, 3, 40] });
    frame.addColumn("vat", frame.column("amount").mul(0.2), { inplace: true });
    const big = frame.query(frame.column("amount").gt(5)).sortValues("amount", { ascending: false });
    const records = fromDataFrame<{ customer: string; amount: number; vat: number }>(big);
    expect(records.map((r) => r.customer)).toEqual(["c3", "c1"]);
    expect(records[0]?.vat).toBeCloseTo(8, 12);
  });

  it("fromDataFrame can keep the index labels under a key", () => {
    const frame = new DataFrame([[7], [1]], { columns: ["frequency"], index: ["c1", "c2"] });
    expect(fromDataFrame(frame, { index: "customer" })).toEqual([
      { customer: "c1", frequency: 7 },
      { customer: "c2", frequency: 1 },
    ]);
    expect(() => fromDataFrame(frame, { index: "frequency" })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: fromDataFrame: invalid options
        - index: "frequency" is already a column of the frame; choose another key for the index labels]
    `);
  });

  it("fromDataFrame returns missing cells as danfo stores them", () => {
    const frame = new DataFrame(
      [
        [1, Number.NaN],
        [null, 2],
      ],
      { columns: ["a", "b"] },
    );
    const records = fromDataFrame(frame);
    expect(records[0]?.b).toBeNaN();
    expect(records[1]?.a).toBeNull();
  });

  it("fromDataFrame does not modify the frame", () => {
    const frame = new DataFrame({ a: [1, 2] });
    const records = fromDataFrame(frame);
    (records[0] as { a: number }).a = 99;
    expect(frame.column("a").values).toEqual([1, 2]);
  });

  it("fromDataFrame refuses a Series or a non-frame", () => {
    expect(() => fromDataFrame(new Series([1, 2]) as never)).toThrow(InvalidOptionsError);
    expect(() => fromDataFrame([{ a: 1 }] as never)).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: fromDataFrame: invalid options
        - frame: expected a danfo DataFrame (new DataFrame(...), readCSV(...), toDataFrame(...))]
    `);
  });
});
