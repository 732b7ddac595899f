/**
 * Defaults of parsed options, applied once after parseOptions: zod's default wrapper (`z._default`) would
 * add about 0.7 kB to every bundle for what `??` does here. The documented defaults stay in each options
 * interface (`@defaultValue`) and in the object passed here.
 */

/** The parsed options with the option's default for every option in `defaults` left undefined. */
export function withDefaults<P extends object, D extends { readonly [K in keyof P]?: unknown }>(
  parsed: P,
  defaults: D,
): P & { readonly [K in keyof D & keyof P]-?: Exclude<P[K], undefined> } {
  const out: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const [key, value] of Object.entries(defaults)) out[key] ??= value;
  return out as P & { readonly [K in keyof D & keyof P]-?: Exclude<P[K], undefined> };
}
