/**
 * Defaults of checked options, filled in once after `checkOptions` (the option rules carry no defaults).
 * The documented defaults stay in each options interface (`@defaultValue`) and in the object passed here.
 */

/**
 * `parsed` with `defaults[key]` for every key of `defaults` that `parsed` leaves undefined or null (to keep
 * a null given for an option that takes null, use {@link withMissingDefaults}).
 */
export function withDefaults<P extends object, D extends { readonly [K in keyof P]?: unknown }>(
  parsed: P,
  defaults: D,
): P & { readonly [K in keyof D & keyof P]-?: Exclude<P[K], undefined> } {
  const out = { ...parsed } as Record<string, unknown>;
  for (const key in defaults) out[key] ??= defaults[key];
  return out as never;
}

/**
 * `parsed` with `defaults[key]` for every key of `defaults` that `parsed` leaves undefined, as zod's
 * `z._default` fills them in: unlike {@link withDefaults} (which fills in null too), a null given for
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
