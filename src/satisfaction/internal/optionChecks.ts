/**
 * The number options of the PLS functions in core's option checks (one custom check each) rather than
 * zod's number schema with z.minimum, z.gt and z.lt: each zod check kind an option uses is bundled with
 * every function that takes it, while the custom check is already there for field options. The messages
 * are the ones the zod checks had ("expected a whole number >= 1, received a string", "permutations must
 * be at least 1"), or say the bound the zod check only gave as a symbol ("level must be below 1").
 */
import type * as z from "zod/mini";
import { atLeast, numberSchema } from "../../core/internal/optionChecks.js";

/** A whole number of at least `least`: "`name` must be at least 2"; otherwise "expected a whole number >= 2, received ...". */
export const count = (name: string, least: number): z.ZodMiniType<number, number> =>
  numberSchema(`a whole number >= ${least}`, [atLeast(least, `${name} must be at least ${least}`)], true);

/** A number strictly between `low` and `high`: "`name` must be above 0" / "... below 1"; otherwise "expected a number > 0 and < 1, received ...". */
export const between = (name: string, low: number, high: number): z.ZodMiniType<number, number> =>
  numberSchema(`a number > ${low} and < ${high}`, [
    [(value) => value > low, `${name} must be above ${low}`],
    [(value) => value < high, `${name} must be below ${high}`],
  ]);
