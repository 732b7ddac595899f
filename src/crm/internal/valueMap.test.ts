import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { InvalidOptionsError } from "../../core/errors.js";
import { optionalSchema, optionsSchema } from "../../core/internal/optionChecks.js";
import { parseOptions } from "../../core/options.js";
import { valueMapSchema } from "./valueMap.js";

/** What parseOptions makes of `{ map: value }` under `schema`: the output (key order included) or the error's words and issues. */
function outcome(schema: core.$ZodType, value: unknown) {
  const options = optionsSchema({ map: optionalSchema(schema) });
  try {
    const parsed = parseOptions("demo", options, { map: value }) as { map?: Record<string, unknown> };
    return { parsed, keys: parsed.map === undefined ? [] : Object.keys(parsed.map) };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { message: error.message, issues: error.issues };
  }
}

const score = z.number("expected a score in [0, 1]").check(z.gte(0), z.lte(1));
const finite = z.number("expected a finite number").check(z.refine(Number.isFinite, "must be finite"));
const LIMIT = "expected { min?, max? } (finite numbers)";

// The reference is zod's own catch-all and loose objects, which valueMapSchema stands in for.
const zodScores = z.catchall(z.object({}), score);
const zodLimits = z.catchall(
  z.object({}),
  z.looseObject({ min: z.optional(finite), max: z.optional(finite) }, LIMIT),
);
const ourScores = valueMapSchema(score);
const ourLimits = valueMapSchema(valueMapSchema(undefined, LIMIT, { min: finite, max: finite }));

const value = fc.oneof(
  fc.constantFrom(undefined, null, "x", 0.5, 2, -1, Number.NaN, Number.POSITIVE_INFINITY, [], [1], true),
  fc.double(),
);
const entry = fc.oneof(
  value,
  fc.record({ min: value, max: value, mn: value, extra: value }, { requiredKeys: [] }),
);
const map = fc.oneof(
  value,
  fc.dictionary(fc.constantFrom("a", "b", "min", "max", "x y"), entry, { maxKeys: 4 }),
);

describe("valueMapSchema", () => {
  it("gives what zod's catch-all object gives: output, key order, issues and words (property)", () => {
    fc.assert(
      fc.property(map, (input) => {
        expect(outcome(ourScores, input)).toEqual(outcome(zodScores, input));
      }),
      { numRuns: 500 },
    );
  });

  it("with loose keys, gives what a catch-all of zod's loose object gives (property)", () => {
    fc.assert(
      fc.property(map, (input) => {
        expect(outcome(ourLimits, input)).toEqual(outcome(zodLimits, input));
      }),
      { numRuns: 500 },
    );
  });

  it("words a bad value under its key, and a non-object entry with its own message", () => {
    expect(outcome(ourScores, { full: "1" }).message).toContain(
      'map.full: expected a score in [0, 1] (received "1")',
    );
    expect(outcome(ourLimits, { beds: 3 }).message).toContain(`map.beds: ${LIMIT} (received 3)`);
    expect(outcome(ourLimits, { beds: { min: 1, other: "kept" } }).parsed).toEqual({
      map: { beds: { min: 1, other: "kept" } },
    });
  });
});
