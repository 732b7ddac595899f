import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { parseOptions } from "../../../test/zodOracle/options.js";
import { InvalidOptionsError } from "../../core/errors.js";

/**
 * What parseOptions makes of `options` under `schema`: the output (with its key order), or the error's
 * words; and zod's own issues (code, path, expected type, unknown keys).
 */
function outcome(schema: core.$ZodType, options: unknown) {
  const zodIssues = z
    .safeParse(schema, options ?? {})
    .error?.issues.map((issue) => issue as unknown as Record<string, unknown>)
    .map(({ code, path, expected, keys }) => ({
      code,
      path,
      expected,
      keys,
    }));
  try {
    const parsed = parseOptions("demo", schema, options) as Record<string, unknown>;
    return { parsed, keys: Object.keys(parsed) };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { message: error.message, issues: error.issues, zodIssues };
  }
}

const measure = (_a: number, _b: number, _c: number, _d: number): number => 0;

/** Values of every kind the option schemas meet: right ones, near misses and wrong types. */
const value = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 2, 2.5, -1, 1e300, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
  fc.constantFrom("single", "all", "fpgrowth", "eclat", "auto", "error", "keep", "", "lift", "level2", "*"),
  fc.constantFrom(undefined, null, true, false, measure, { lift: measure }, { bad: 3 }, [], ["a"], [1, ""]),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }),
  fc.anything({ maxDepth: 1 }),
);

describe("optionsSchema and optionalSchema parse as z.strictObject and z.optional do", () => {
  it("gives the same on required keys, defaults, nullables, transforms and nested option objects", () => {
    const inner = { k: z._default(z.number().check(z.minimum(1)), 3), label: z.optional(z.string()) };
    const shape = {
      field: z.string(),
      count: z._default(z.int(), 5),
      limit: z.optional(z._default(z.number(), 2)),
      label: z.optional(z.string()),
      note: z.nullable(z.string()),
      // required although it accepts undefined: absent, zod reports it as not optional
      anything: z.custom<unknown>(),
      // a default of undefined: zod keeps the key (with undefined) in the output
      unset: z._default(z.custom<unknown>(), undefined),
      scaled: z.optional(
        z.pipe(
          z.number(),
          z.transform((x: number) => x * 2),
        ),
      ),
      maybe: z.optional(
        z.pipe(
          z.string(),
          z.transform(() => undefined),
        ),
      ),
    };
    const cheap = optionsSchema({
      ...shape,
      label: optionalSchema(z.string()),
      scaled: optionalSchema(shape.scaled.def.innerType),
      maybe: optionalSchema(shape.maybe.def.innerType),
      inner: optionalSchema(optionsSchema({ ...inner, label: optionalSchema(z.string()) })),
    });
    const reference = z.strictObject({ ...shape, inner: z.optional(z.strictObject(inner)) });
    const nested = fc.oneof(
      fc
        .array(fc.tuple(fc.constantFrom("k", "label", "kk", "x"), value), { maxLength: 3 })
        .map(Object.fromEntries),
      value,
    );
    const options = fc
      .array(
        fc.tuple(fc.constantFrom(...Object.keys(shape), "inner", "fild", "innr"), fc.oneof(value, nested)),
        { maxLength: 7 },
      )
      .map((entries) => Object.fromEntries(entries));
    fc.assert(
      fc.property(options, (input) => {
        expect(outcome(cheap, input)).toEqual(outcome(reference, input));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
