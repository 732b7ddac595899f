import { assertRecordArray, type Field, InsufficientDataError, readNumbers } from "../core/index.js";
import { checkOptions, field, list, record, required, union } from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import type { DistanceMatrix } from "./distanceMatrixTypes.js";
import { checkDistanceRows, wrapDistances } from "./internal/distances.js";

/**
 * Options of {@link euclideanDistances}.
 *
 * @example
 * ```ts
 * const options: EuclideanDistancesOptions<{ x: number; y: number }> = { fields: ["x", "y"] };
 * ```
 */
export interface EuclideanDistancesOptions<T> {
  /** Numeric fields (keys, or a record of key-or-accessor fields), used as they are (no scaling). */
  readonly fields: readonly (keyof T & string)[] | Readonly<Record<string, Field<T>>>;
}

/** What is wrong with one property name of a `fields` array (zod's words for a string of at least 1 character). */
const propertyNameProblem = (value: unknown): string | undefined =>
  typeof value !== "string"
    ? expected("a string", value)
    : value === ""
      ? "Too small: expected string to have >=1 characters"
      : undefined;

/** Rules of euclideanDistances' options (exported for the equivalence test of segment's option rules; not in the module index). */
export const euclideanDistancesShape = {
  fields: required(
    union<readonly string[] | Readonly<Record<string, Field<unknown>>>>(
      list<string>(1, propertyNameProblem),
      record(field<Field<unknown>>()),
    ),
  ),
};

/**
 * Euclidean distances between customers over numeric fields, as R's `dist(x)`, in a compact
 * {@link DistanceMatrix} for `kMedoids` and `hierarchicalClustering`. Fields are used as given:
 * scale them first (e.g. `featureMatrix` transforms) when their units differ.
 *
 * Complexity: O(n² d) time, n (n - 1) / 2 doubles.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link EuclideanDistancesOptions}
 * @returns the distance matrix in R `dist` order
 * @throws InvalidOptionsError for bad options; InvalidRecordError for a missing or non-numeric value;
 *   InsufficientDataError for no records; DistanceMatrixTooLargeError above 30,000 rows
 * @example
 * ```ts
 * const d = euclideanDistances([{ x: 0, y: 0 }, { x: 3, y: 4 }], { fields: ["x", "y"] });
 * d.get(0, 1); // => 5
 * ```
 */
export function euclideanDistances<T>(
  records: readonly T[],
  options: EuclideanDistancesOptions<T>,
): DistanceMatrix {
  const name = "euclideanDistances";
  const parsed = checkOptions(name, euclideanDistancesShape, options);
  assertRecordArray(records, name);
  const n = records.length;
  if (n === 0) throw new InsufficientDataError(name, "no customers: records is empty");
  checkDistanceRows(name, n);
  const entries: [string, Field<T>][] = Array.isArray(parsed.fields)
    ? (parsed.fields as string[]).map((key) => [key, key as Field<T>])
    : Object.entries(parsed.fields as Record<string, Field<T>>);
  const columns = entries.map(([label, field]) =>
    readNumbers(records, field, { functionName: name, optionName: `fields.${label}` }),
  );
  const values = new Float64Array((n * (n - 1)) / 2);
  let index = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (const column of columns) {
        const difference = (column[i] as number) - (column[j] as number);
        sum += difference * difference;
      }
      values[index++] = Math.sqrt(sum);
    }
  }
  return wrapDistances(values, n);
}
