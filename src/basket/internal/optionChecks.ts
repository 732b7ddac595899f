import type * as z from "zod/mini";
import { oneOf } from "../../core/internal/optionChecks.js";

/**
 * The option checks of the basket functions, by the names they use: core's option checks
 * (src/core/internal/optionChecks.ts), custom checks in place of zod's number, int, enum, boolean, string,
 * array and record schemas: the same values pass and fail with the same messages, with 3-5 kB less of zod
 * in a bundle of one function. `itemListSchema` is core's `stringListSchema`.
 */
export {
  above0,
  atLeast,
  atMost,
  booleanSchema,
  functionRecordSchema,
  numberSchema,
  type OptionalSchema,
  optionalSchema,
  optionsSchema,
  stringListSchema as itemListSchema,
  stringSchema,
} from "../../core/internal/optionChecks.js";

/** One of `values`, worded as zod's enum schema words it (core's `oneOf`, typed for any list of strings). */
export const enumSchema: <const V extends readonly string[]>(
  values: V,
) => z.ZodMiniCustom<V[number], V[number]> = oneOf as never;
