/**
 * Option rules for core's `checkOptions` (src/core/internal/optionRules.ts) that crm, store and sql need
 * beyond core's: each gives the issues the zod schema it replaces gave through `parseOptions`, word for
 * word (the equivalence tests beside the modules' option checks compare the two).
 */

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
