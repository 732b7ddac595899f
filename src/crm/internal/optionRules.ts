/**
 * Option rules for core's `checkOptions` (src/core/internal/optionRules.ts) that crm, store and sql need
 * beyond core's: each gives the issues the zod schema it replaces gave through `parseOptions`, word for
 * word (the equivalence tests beside the modules' option checks compare the two).
 */
import { type NumericBounds, numeric, type OptionRule } from "../../core/internal/optionRules.js";

/**
 * A whole number within `bounds`, with `message` for a number that is not whole or not a safe integer,
 * as `z.number().check(z.int(message), ...bounds)` gave: a fraction is only that message (the bounds are
 * not checked), an integer beyond the safe range is that message and then any bound it fails; a value
 * that is not a finite number is "expected a whole number >= 1, received ...".
 *
 * @example
 * ```ts
 * const days = wholeWithMessage("expected a whole number of days", { gte: 1 });
 * ```
 */
export function wholeWithMessage(message: string, bounds: NumericBounds): OptionRule<number, true> {
  const number = numeric(bounds);
  return {
    accepts: numeric({ ...bounds, whole: true }).accepts,
    optional: true,
    check: (value, report) => {
      if (Number.isFinite(value) && !Number.isSafeInteger(value)) {
        report(message, value);
        if (!Number.isInteger(value)) return value as number;
      }
      return number.check(value, report);
    },
  };
}

/**
 * `parsed` with `defaults[key]` for every key of `defaults` that `parsed` leaves undefined, as zod's
 * `z._default` fills them in: unlike core's `withDefaults` (which fills in null too), a null given for
 * an option that takes null (`nullable(field())`: "skip this measure") stays null.
 *
 * @example
 * ```ts
 * withMissingDefaults({ severity: null }, { severity: "severity", contacts: "contacts" });
 * // => { severity: null, contacts: "contacts" }
 * ```
 */
export function withMissingDefaults<P extends object, D extends { readonly [K in keyof P]?: unknown }>(
  parsed: P,
  defaults: D,
): P & { readonly [K in keyof D & keyof P]-?: Exclude<P[K], undefined> } {
  const out = { ...parsed } as Record<string, unknown>;
  for (const key in defaults) if (out[key] === undefined) out[key] = defaults[key];
  return out as never;
}
