/**
 * The churn model's feature specification and its resolved form, shared by the
 * design-matrix builder (design.ts) and the generated row reader (rowReader.ts).
 */
/**
 * A feature: a property name, or a named accessor.
 * @inline
 */
export type FeatureSpec<T> =
  | (keyof T & string)
  | {
      /** The feature's name (labels its coefficient). */
      readonly name: string;
      /** Reads the feature's value of one record. */
      readonly value: (record: T, index: number) => unknown;
    };

/** A feature resolved to a name and an accessor. */
export interface ResolvedFeature<T> {
  readonly name: string;
  /** The property name when the feature is a key (read inline, without a call). */
  readonly key: string | undefined;
  readonly read: (record: T, index: number) => unknown;
}

/**
 * Policy for missing feature values (null, undefined, "", NaN).
 * @inline
 */
export type MissingPolicy = "error" | "impute";

/** Level used for a missing categorical value under the "impute" policy. */
export const MISSING_LEVEL = "(missing)";

export function resolveFeature<T>(spec: FeatureSpec<T>): ResolvedFeature<T> {
  if (typeof spec === "string") {
    return { name: spec, key: spec, read: (record) => (record as Record<string, unknown>)[spec] };
  }
  return { name: spec.name, key: undefined, read: spec.value };
}
