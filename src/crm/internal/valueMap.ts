// A map option (word -> value) checked key by key, in place of z.catchall(z.object({}), values).
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { described } from "../../core/internal/optionChecks.js";

/** The parse context given to the values' schema (options are parsed synchronously). */
const SYNC = { async: false } as const;

/**
 * An object whose every key is free and whose every value `values` checks, in place of
 * `z.catchall(z.object({}), values)`: the same output (each key with the output of `values`) and the same
 * issues ("expected object" for a non-object, or `notAnObject` when given; each value's issues below its
 * key), so the same words from `parseOptions`. With `loose`, the keys of `loose` are checked by their own
 * (optional) schemas and every other key passes unchanged, as with `z.looseObject(loose)`. As one custom
 * check it leaves zod's object schema (~2.5 kB) out of the bundles of qualifyProspects and
 * offeringPayments.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const scores = valueMapSchema(z.number());
 * scores.parse({ a: 0.5 }); // { a: 0.5 }
 * ```
 */
export function valueMapSchema<V extends core.$ZodType>(
  values: V,
  notAnObject?: string,
): z.ZodMiniCustom<Record<string, core.output<V>>, Record<string, core.input<V>>>;
export function valueMapSchema<S extends Readonly<Record<string, core.$ZodType>>>(
  values: undefined,
  notAnObject: string,
  loose: S,
): z.ZodMiniCustom<
  { [K in keyof S]?: core.output<S[K]> } & Record<string, unknown>,
  { [K in keyof S]?: core.input<S[K]> } & Record<string, unknown>
>;
export function valueMapSchema(
  values: core.$ZodType | undefined,
  notAnObject?: string,
  loose?: Readonly<Record<string, core.$ZodType>>,
): z.ZodMiniCustom<unknown, unknown> {
  const schema = z.custom<never>().check((payload) => {
    const input = payload.value as Record<string, unknown> | null;
    const issues = payload.issues as unknown[];
    if (input === null || typeof input !== "object" || Array.isArray(input))
      return void issues.push(
        notAnObject === undefined
          ? { code: "invalid_type", expected: "object", input }
          : { code: "invalid_type", expected: "object", input, message: notAnObject },
      );
    const output: Record<string, unknown> = loose === undefined ? {} : { ...input };
    for (const key of Object.keys(input)) {
      const check = loose === undefined ? values : input[key] === undefined ? undefined : loose[key];
      if (check === undefined) continue;
      const result = check._zod.run({ value: input[key], issues: [] }, SYNC) as core.ParsePayload;
      for (const issue of result.issues as { path?: PropertyKey[] }[]) {
        issue.path = [key, ...(issue.path ?? [])];
        issues.push(issue);
      }
      output[key] = result.value;
    }
    payload.value = output as never;
  });
  // parseOptions finds the schema of a key (to word what it accepts) through the definition, as in zod's
  Object.assign(schema._zod.def, { shape: loose ?? {}, catchall: values });
  return described(schema, "an object") as never;
}
