import { assertRecordArray, type Field, withDisplay } from "../core/index.js";
import { checkOptions, required } from "../core/internal/optionRules.js";
import type { DistanceMatrix } from "./distanceMatrixTypes.js";
import { gowerFieldsRule, gowerMatrix, gowerWeightsRule, readGowerColumns } from "./internal/gower.js";

/**
 * How a field enters Gower's coefficient (R `cluster::daisy` type in brackets):
 * - `"numeric"` (interval, "I"): |x_i - x_j| / range of the field;
 * - `"ordinal"` ("O" / "T"): the level's position (with `levels`) or the rank among the distinct
 *   values seen (numbers without `levels`, as daisy's `ordratio`), then as numeric;
 * - `"nominal"` ("N"): 0 when equal, 1 otherwise;
 * - `"binary"` (symmetric, "S"): as nominal, values true/false, 1/0 or "1"/"0";
 * - `"asymmetricBinary"` ("A", daisy's `asymm`): as binary, but a pair where both are 0 (absent)
 *   is left out of the comparison, e.g. "bought product X" where shared absence says little.
 *
 * @example
 * ```ts
 * const type: GowerFieldType = "asymmetricBinary";
 * ```
 */
export type GowerFieldType = "numeric" | "ordinal" | "nominal" | "binary" | "asymmetricBinary";

/**
 * A field of {@link gowerDistance} with an accessor or ordinal levels.
 *
 * @example
 * ```ts
 * const size: GowerFieldSpec<{ tier: string }> = { type: "ordinal", levels: ["bronze", "silver", "gold"] };
 * const spend: GowerFieldSpec<{ euros: number }> = { type: "numeric", field: (r) => r.euros };
 * ```
 */
export interface GowerFieldSpec<T> {
  readonly type: GowerFieldType;
  /** Key or accessor. @defaultValue the field's name in `fields` */
  readonly field?: Field<T>;
  /** Ordinal fields: the levels from lowest to highest (values are matched as strings). */
  readonly levels?: readonly (string | number)[];
}

/**
 * Options of {@link gowerDistance}.
 *
 * @example
 * ```ts
 * const options: GowerDistanceOptions<{ plan: string; spend: number }> = {
 *   fields: { plan: "nominal", spend: "numeric" },
 *   weights: { plan: 2 },
 * };
 * ```
 */
export interface GowerDistanceOptions<T> {
  /** Fields by name: a type, or a {@link GowerFieldSpec}. */
  readonly fields: Readonly<Record<string, GowerFieldType | GowerFieldSpec<T>>>;
  /** Weight per field (>= 0, as daisy's `weights`). @defaultValue 1 for every field */
  readonly weights?: Readonly<Record<string, number>>;
}

/**
 * Gower distances between customers: a {@link DistanceMatrix} plus how each field was read.
 *
 * @example
 * ```ts
 * const d = gowerDistance([{ plan: "a", spend: 0 }, { plan: "b", spend: 10 }, { plan: "a", spend: 5 }], {
 *   fields: { plan: "nominal", spend: "numeric" },
 * });
 * d.get(0, 1); // => 1 ((1 + 10/10) / 2)
 * d.missingCounts; // => { plan: 0, spend: 0 }
 * ```
 */
export interface GowerDistanceResult extends DistanceMatrix {
  readonly fieldNames: readonly string[];
  readonly fieldTypes: Readonly<Record<string, GowerFieldType>>;
  /** Range (max - min) of each numeric and ordinal field used to scale it; null for the others. */
  readonly ranges: Readonly<Record<string, number | null>>;
  /** Missing values (null, undefined, "", NaN) per field. */
  readonly missingCounts: Readonly<Record<string, number>>;
  readonly weights: Readonly<Record<string, number>>;
}

/** Rules of gowerDistance's options (exported for the equivalence test of segment's option rules; not in the module index). */
export const gowerDistanceShape = { fields: required(gowerFieldsRule), weights: gowerWeightsRule };

/**
 * Gower's (1971) general dissimilarity for customer tables mixing numbers, ordered and
 * unordered categories and yes/no flags, computed as R's `cluster::daisy(x, metric = "gower")`:
 * d(i, j) = Σ_f w_f δ_ijf d_ijf / Σ_f w_f δ_ijf, with d_ijf = |x_if - x_jf| / range_f for
 * numeric and ordinal fields and 0/1 mismatch for nominal and binary ones. Missing values
 * (null, undefined, "", NaN) set δ = 0: the field is left out for that pair and the others are
 * re-weighted (daisy's policy); an asymmetric binary field also has δ = 0 when both are 0.
 * Ranges are taken over the non-missing values; a constant field contributes 0.
 *
 * Matches daisy to 1e-9 on cluster's `flower` and `plantTraits` data sets (the latter with 166
 * missing values); see fixtures/segment/make-mixed-reference.R.
 *
 * Complexity: O(n² f) time, n (n - 1) / 2 doubles of memory (8 bytes each).
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link GowerDistanceOptions}
 * @returns the distance matrix (R `dist` order) with the scaling used
 * @throws InvalidOptionsError for bad options (no fields, unknown type, weights of unknown fields or
 *   all 0, levels on a non-ordinal field); InvalidRecordError for a value the field type cannot take
 *   (naming row and field), or two rows that share no comparable field (their distance is undefined;
 *   daisy returns NA); DistanceMatrixTooLargeError above MAX_DISTANCE_MATRIX_ROWS (30,000) rows
 * @see J. C. Gower (1971), A general coefficient of similarity and some of its properties, Biometrics 27(4);
 *   L. Kaufman and P. J. Rousseeuw (1990), Finding Groups in Data, ch. 1.
 * @example
 * ```ts
 * const customers = [
 *   { plan: "basic", tenure: 2, channel: "web", autopay: true },
 *   { plan: "pro", tenure: 30, channel: "store", autopay: false },
 *   { plan: "basic", tenure: 4, channel: "web", autopay: null },
 * ];
 * const d = gowerDistance(customers, {
 *   fields: {
 *     plan: { type: "ordinal", levels: ["basic", "pro"] }, tenure: "numeric",
 *     channel: "nominal", autopay: "asymmetricBinary",
 *   },
 * });
 * d.get(0, 2); // => 0.0238... ((0 + 2/28 + 0) / 3: autopay missing in row 2)
 * d.get(0, 1); // => 1
 * ```
 */
export function gowerDistance<T>(
  records: readonly T[],
  options: GowerDistanceOptions<T>,
): GowerDistanceResult {
  const name = "gowerDistance";
  const parsed = checkOptions(name, gowerDistanceShape, options);
  assertRecordArray(records, name);
  const columns = readGowerColumns(name, records, options.fields, parsed.weights);
  const matrix = gowerMatrix(name, columns, records.length);
  const byName = <V>(values: readonly V[]) =>
    Object.fromEntries(columns.names.map((field, index) => [field, values[index] as V]));
  const result: GowerDistanceResult = {
    size: matrix.size,
    values: matrix.values,
    get: matrix.get,
    fieldNames: columns.names,
    fieldTypes: byName(columns.types),
    ranges: byName(columns.ranges),
    missingCounts: byName(columns.missingCounts),
    weights: byName(Array.from(columns.weights)),
  };
  return withDisplay(result, {
    title: "Gower distances",
    summary: (r) => [`${r.size} customers, ${r.values.length} pairwise distances`],
    rows: (r) =>
      r.fieldNames.map((field) => ({
        field,
        type: r.fieldTypes[field] ?? null,
        weight: r.weights[field] ?? null,
        range: r.ranges[field] ?? null,
        missing: r.missingCounts[field] ?? null,
      })),
  });
}
