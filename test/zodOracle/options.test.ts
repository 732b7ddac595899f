import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidOptionsError } from "../../src/core/errors.js";
import {
  dateSchema,
  fieldSchema,
  fractionSchema,
  lengthAtLeast,
  oneOf,
  parseOptions,
  seedSchema,
  wholeNumber,
} from "./options.js";

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

describe("parseOptions describes the values of a map written as a catch-all object", () => {
  it("names what each entry accepts, as for a record's values", () => {
    const schema = z.strictObject({ weights: z.optional(z.catchall(z.object({}), z.number())) });
    expect(() => parseOptions("f", schema, { weights: { a: "x" } })).toThrow(
      'weights.a: expected a number, received a string (received "x")',
    );
  });
});

describe("parseOptions keeps a schema's own message", () => {
  const own = z.strictObject({
    months: z.optional(z.number().check(z.int("expected a whole number of months"))),
    workers: z.optional(
      z.union([z.literal("auto"), z.number().check(z.minimum(0))], {
        error: 'workers must be "auto" or >= 0',
      }),
    ),
  });
  const messages = (options: unknown) => {
    try {
      parseOptions("demo", own, options);
    } catch (error) {
      return (error as InvalidOptionsError).issues.map((issue) => issue.message);
    }
    return [];
  };

  it("on a type issue (a whole number check with its own message)", () => {
    expect(messages({ months: 1.5 })).toEqual(["expected a whole number of months (received 1.5)"]);
  });

  it("on a union that matches no form (the union's own error)", () => {
    expect(messages({ workers: "many" })).toEqual(['workers must be "auto" or >= 0 (received "many")']);
  });
});

describe("parseOptions words size and value issues as zod's English locale does", () => {
  // Reference: zod's own en locale (zod/v4/locales/en.js), which parseOptions no longer imports.
  const cases: [z.ZodMiniType, unknown][] = [
    [z.array(z.number()).check(z.minLength(2)), [1]],
    [z.array(z.number()).check(z.maxLength(1)), [1, 2]],
    [z.string().check(z.minLength(3)), "ab"],
    [z.number().check(z.gt(0)), 0],
    [z.number().check(z.lte(1)), 2],
    [z.number().check(z.multipleOf(5)), 7],
    [z.enum(["a", "b"]), "c"],
    [z.literal("only"), "other"],
    [z.string().check(z.regex(/^x+$/)), "y"],
  ];
  it.each(cases.map((entry, index) => [index, ...entry] as const))("case %i", async (_, schema, value) => {
    const en = (await import("zod/v4/locales/en.js")).default;
    const expected = z
      .safeParse(schema, value, { error: en().localeError })
      .error?.issues[0]?.message.replace(/^Invalid input: /, "");
    let message: string | undefined;
    try {
      parseOptions("demo", z.strictObject({ x: schema }), { x: value });
    } catch (error) {
      message = (error as InvalidOptionsError).issues[0]?.message;
    }
    expect(expected).toBeDefined();
    expect(message).toBe(`${expected} (received ${JSON.stringify(value)})`);
  });
});

describe("dateSchema", () => {
  // What z.union([z.date(), z.string(), z.number()]) accepts, which it replaced: zod's own union is the reference.
  const union = z.union([z.date(), z.string(), z.number()]);
  const values: unknown[] = [
    new Date(0),
    new Date(Number.NaN),
    "2024-01-31",
    "",
    0,
    -1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    true,
    [],
    {},
    () => 0,
    1n,
  ];
  it.each(values.map((value, index) => [index, value] as const))(
    "accepts what the union of Date, string and number accepts (case %i)",
    (_, value) => {
      expect(z.safeParse(dateSchema, value).success).toBe(z.safeParse(union, value).success);
    },
  );

  it("words an invalid Date, NaN and Infinity as the union did", () => {
    const schema = z.strictObject({ asOf: dateSchema, end: z.optional(dateSchema) });
    const messages = (options: unknown) => {
      try {
        parseOptions("demo", schema, options);
      } catch (error) {
        return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
      return [];
    };
    expect(messages({ asOf: Number.NaN, end: new Date(Number.NaN) })).toEqual([
      "asOf: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds (received NaN)",
      "end: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds (received Invalid Date)",
    ]);
    expect(messages({ asOf: Number.POSITIVE_INFINITY })).toEqual([
      "asOf: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds (received Infinity)",
    ]);
    expect(messages({ asOf: "2024-01-01", end: null })).toEqual([
      "end: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds (received null)",
    ]);
  });
});

describe("wholeNumber", () => {
  // zod's own z.int() is the reference: the same issues, hence the same words from parseOptions.
  const values: unknown[] = [
    3,
    0,
    -4,
    1.5,
    -0.5,
    2 ** 60,
    -(2 ** 60),
    Number.MAX_SAFE_INTEGER,
    "3",
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  const pairs: [string, z.ZodMiniType, z.ZodMiniType][] = [
    ["z.int()", z.int(), z.number().check(wholeNumber())],
    [
      "z.int().check(bounds)",
      z.int().check(z.gte(1), z.lte(1e20)),
      z.number().check(wholeNumber(), z.gte(1), z.lte(1e20)),
    ],
    [
      "z.int(message)",
      z.int("expected a whole number of months"),
      z.number("expected a whole number of months").check(wholeNumber()),
    ],
    [
      "z.number().check(z.int(message), bound)",
      z.number().check(z.int("k must be a whole number"), z.minimum(1)),
      z.number().check(wholeNumber("k must be a whole number"), z.minimum(1)),
    ],
  ];
  const outcome = (schema: z.ZodMiniType, value: unknown) => {
    const issues = z.safeParse(schema, value, { reportInput: true }).error?.issues;
    let messages: string[] = [];
    try {
      parseOptions("demo", z.strictObject({ k: schema }), { k: value });
    } catch (error) {
      messages = (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return { issues, messages };
  };
  it.each(pairs)("%s: the same issues and messages as zod's z.int()", (_, reference, cheap) => {
    for (const value of values) expect(outcome(cheap, value)).toEqual(outcome(reference, value));
  });
});

describe("lengthAtLeast", () => {
  // zod's own z.minLength is the reference: the same issues, hence the same words from parseOptions.
  const values: unknown[] = [
    "",
    "a",
    "ab",
    "abc",
    "\u{1F600}",
    "\u{1F600}\u{1F600}",
    "\ud83d",
    [],
    [1],
    [1, 2, 3],
    ["x"],
    null,
    undefined,
    5,
  ];
  const pairs: [string, z.ZodMiniType, z.ZodMiniType][] = [
    ["string, 1", z.string().check(z.minLength(1)), z.string().check(lengthAtLeast(1))],
    [
      "string, 2 with message",
      z.string().check(z.minLength(2, "two or more")),
      z.string().check(lengthAtLeast(2, "two or more")),
    ],
    ["array, 1", z.array(z.number()).check(z.minLength(1)), z.array(z.number()).check(lengthAtLeast(1))],
    [
      "array, 2 with message",
      z.array(z.number()).check(z.minLength(2, "at least two")),
      z.array(z.number()).check(lengthAtLeast(2, "at least two")),
    ],
  ];
  const outcome = (schema: z.ZodMiniType, value: unknown) => {
    const issues = z.safeParse(schema, value, { reportInput: true }).error?.issues;
    let messages: string[] = [];
    try {
      parseOptions("demo", z.strictObject({ x: schema }), { x: value });
    } catch (error) {
      messages = (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return { issues, messages };
  };
  it.each(pairs)("%s: the same issues and messages as zod's z.minLength", (_, reference, cheap) => {
    for (const value of values) expect(outcome(cheap, value)).toEqual(outcome(reference, value));
  });
});

describe("oneOf", () => {
  // zod's own z.enum is the reference: the same values pass, with the same words from parseOptions.
  const values: unknown[] = ["a", "b", "c", "", "A", 1, 2, null, undefined, ["a"], { a: 1 }];
  const pairs: [string, z.ZodMiniType, z.ZodMiniType][] = [
    ["strings", z.enum(["a", "b"]), oneOf(["a", "b"])],
    ["one string", z.enum(["a"]), oneOf(["a"])],
    ["numbers and strings", z.enum({ one: 1, b: "b" }), oneOf([1, "b"])],
    ["with a default", z._default(z.enum(["a", "b"]), "b"), z._default(oneOf(["a", "b"]), "b")],
    ["optional", z.optional(z.enum(["a", "b"])), z.optional(oneOf(["a", "b"]))],
  ];
  const outcome = (schema: z.ZodMiniType, value: unknown) => {
    const bare = z.safeParse(schema, value);
    let parsed: unknown;
    let messages: string[] = [];
    try {
      parsed = parseOptions("demo", z.strictObject({ x: schema }), { x: value });
    } catch (error) {
      messages = (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return { success: bare.success, data: bare.data, parsed, messages };
  };
  it.each(pairs)("%s: the same values and messages as z.enum", (_, reference, cheap) => {
    for (const value of values) expect(outcome(cheap, value)).toEqual(outcome(reference, value));
  });

  it("says what it accepts where a containing union fails", () => {
    const schema = z.strictObject({ x: z.union([oneOf(["a", "b"]), z.number()]) });
    expect(() => parseOptions("demo", schema, { x: true })).toThrow(
      'x: expected one of "a", "b" or a number (received true)',
    );
  });
});

describe("seedSchema", () => {
  it("refuses NaN, the infinities and non-numbers with the words of a finite-number option", () => {
    const schema = z.strictObject({ seed: z._default(seedSchema, 1) });
    const messages = (seed: unknown) => {
      try {
        parseOptions("demo", schema, { seed });
      } catch (error) {
        return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
      return [];
    };
    for (const seed of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(messages(seed)).toEqual([
        `seed: expected a finite number, received a number (received ${seed})`,
      ]);
    }
    expect(messages("7")).toEqual(['seed: expected a finite number, received a string (received "7")']);
    expect(messages(2 ** 40 + 0.5)).toEqual([]);
  });
});
