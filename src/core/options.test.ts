import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidOptionsError } from "./errors.js";
import { fieldSchema, fractionSchema, parseOptions, seedSchema } from "./options.js";

const schema = z.object({
  minSupport: fractionSchema,
  seed: z._default(seedSchema, 1),
  item: fieldSchema,
});

describe("parseOptions", () => {
  it("returns parsed options with defaults", () => {
    expect(parseOptions("demo", schema, { minSupport: 0.5, item: "product" })).toEqual({
      minSupport: 0.5,
      seed: 1,
      item: "product",
    });
  });

  it("reports every problem at once with paths and received values", () => {
    const call = () => parseOptions("frequentItemsets", schema, { minSupport: 2, item: 3 });
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: frequentItemsets: invalid options
        - minSupport: must be at most 1 (received 2)
        - item: expected a property name or an accessor function (received 3)]
    `);
    try {
      call();
    } catch (error) {
      expect((error as InvalidOptionsError).issues.map((issue) => issue.path)).toEqual([
        "minSupport",
        "item",
      ]);
    }
  });

  it("accepts accessor functions as fields", () => {
    const accessor = (record: { p: string }) => record.p;
    expect(parseOptions("demo", schema, { minSupport: 1, item: accessor }).item).toBe(accessor);
  });
});
