import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidOptionsError } from "./errors.js";
import { dateSchema, fieldSchema, fractionSchema, parseOptions, seedSchema } from "./options.js";

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

describe("parseOptions says how to fix an option", () => {
  const mini = z.strictObject({
    asOf: dateSchema,
    k: z.number().check(z.int("k must be a whole number"), z.minimum(1)),
    method: z._default(z.enum(["quantile", "equalWidth"]), "quantile"),
    share: z.optional(fractionSchema),
    customer: z._default(fieldSchema, "customer"),
  });
  const messages = (options: unknown) => {
    try {
      parseOptions("demo", mini, options);
    } catch (error) {
      return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return [];
  };

  it("a missing option is required and says what it accepts", () => {
    expect(messages({ k: 2 })).toEqual([
      "asOf: required: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds",
    ]);
    expect(messages({ asOf: "2024-01-01" })).toEqual(["k: required: expected a whole number >= 1"]);
  });

  it("a value of the wrong kind names the option, the forms it takes and the kind received", () => {
    expect(messages({ asOf: { day: 1 }, k: "2", method: 3, share: "half", customer: 0 })).toEqual([
      'asOf: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds (received {"day":1})',
      'k: expected a whole number >= 1, received a string (received "2")',
      'method: Invalid option: expected one of "quantile"|"equalWidth" (received 3)',
      'share: expected a number in (0, 1], received a string (received "half")',
      "customer: expected a property name or an accessor function (received 0)",
    ]);
  });

  it("an options argument that is not an object says so", () => {
    expect(messages([])).toEqual([
      "options: expected an options object ({ name: value, ... }), received an array (received [])",
    ]);
    expect(messages("k=2")).toEqual([
      'options: expected an options object ({ name: value, ... }), received a string (received "k=2")',
    ]);
  });
});
