// The types of `featureMatrix`: its options, result and recorded transforms. They live below
// featureMatrix.ts so that the internal builders can use them without importing the function back.
import type { Field } from "../core/index.js";

/**
 * A transform of one feature column. `"log1p"` is log(1 + x) (needs x > -1);
 * `"standardize"` subtracts the mean and divides by the sample standard deviation
 * (divisor n - 1); `"minmax"` maps [min, max] to [0, 1]; `"none"` leaves the column.
 *
 * @example
 * ```ts
 * const chain: FeatureMatrixTransformName[] = ["log1p", "standardize"];
 * featureMatrix([{ spend: 0 }, { spend: Math.E - 1 }], { fields: ["spend"], transforms: chain }).matrix;
 * // => Float64Array [-0.7071..., 0.7071...] (log1p gives 0 and 1, then standardized)
 * ```
 */
export type FeatureMatrixTransformName = "none" | "log1p" | "standardize" | "minmax";

/**
 * A fitted transform step, with the parameters estimated on the training rows.
 *
 * @example
 * ```ts
 * featureMatrix([{ a: 1 }, { a: 3 }], { fields: ["a"], transforms: "minmax" }).transform.features[0].steps;
 * // => [{ kind: "minmax", min: 1, max: 3, constant: false }]
 * ```
 */
export type FeatureMatrixStep =
  | { readonly kind: "log1p" }
  | {
      readonly kind: "standardize";
      readonly mean: number;
      /** Sample standard deviation (divisor n - 1); 0 for a constant column or a single row. */
      readonly standardDeviation: number;
      /** True when the standard deviation is 0: the column is centred and divided by 1 (all zeros), never by 0. */
      readonly constant: boolean;
    }
  | {
      readonly kind: "minmax";
      readonly min: number;
      readonly max: number;
      /** True when min = max: the column becomes all zeros, never divided by 0. */
      readonly constant: boolean;
    };

/**
 * Missing-value policy: `"error"` throws on the first missing value, `"drop"` drops the row and counts it.
 *
 * @example
 * ```ts
 * featureMatrix([{ a: 1 }, { a: null }, { a: 3 }], { fields: ["a"], missing: "drop" }).droppedRows; // => Int32Array [1]
 * ```
 */
export type FeatureMatrixMissingPolicy = "error" | "drop";

/**
 * The fitted transform of a feature matrix: apply it to new records with `applyFeatures`.
 *
 * @example
 * ```ts
 * const { transform } = featureMatrix([{ spend: 10 }, { spend: 30 }], { fields: ["spend"], transforms: "minmax" });
 * transform.features[0].steps; // => [{ kind: "minmax", min: 10, max: 30, constant: false }]
 * applyFeatures(transform, [{ spend: 20 }]).matrix; // => Float64Array [0.5]
 * ```
 */
export interface FeatureMatrixTransform<T> {
  readonly features: readonly {
    readonly name: string;
    readonly field: Field<T>;
    readonly steps: readonly FeatureMatrixStep[];
  }[];
  readonly missing: FeatureMatrixMissingPolicy;
}

/**
 * Transforms option: one name or chain for every feature, or per feature name (features not named are left as they are).
 *
 * @example
 * ```ts
 * featureMatrix([{ spend: 0, orders: 1 }, { spend: 99, orders: 3 }], {
 *   fields: ["spend", "orders"], transforms: { spend: "log1p" },
 * }).matrix;
 * // => Float64Array [0, 1, 4.6051..., 3] (log1p(99) = ln 100; orders untouched)
 * ```
 */
export type FeatureMatrixTransforms =
  | FeatureMatrixTransformName
  | readonly FeatureMatrixTransformName[]
  | Readonly<Record<string, FeatureMatrixTransformName | readonly FeatureMatrixTransformName[]>>;

/**
 * Options of {@link featureMatrix}.
 *
 * @example
 * ```ts
 * featureMatrix([{ total: 100, orders: 4 }, { total: 30, orders: 1 }], {
 *   fields: { spend: "total", perOrder: (customer) => customer.total / customer.orders },
 *   transforms: "none",
 * }).matrix;
 * // => Float64Array [100, 25, 30, 30]
 * ```
 */
export interface FeatureMatrixOptions<T> {
  /**
   * The numeric features, by name: `{ recency: "recencyDays", spend: (c) => c.total }`,
   * or an array of keys (`["recency", "frequency"]`). Values must be finite numbers or numeric strings.
   */
  readonly fields: Readonly<Record<string, Field<T>>> | readonly (keyof T & string)[];
  /**
   * Transforms, applied in order: one name or chain for every feature (`"standardize"`,
   * `["log1p", "standardize"]`), or an object per feature name; features an object does not
   * name are left as they are.
   * @defaultValue "standardize" for every feature
   */
  readonly transforms?: FeatureMatrixTransforms;
  /**
   * What to do with a missing value (null, undefined, "" or NaN): `"error"` throws
   * `InvalidRecordError` naming row and field; `"drop"` leaves the row out and reports it
   * in `droppedRows` / `droppedRowCount`.
   * @defaultValue "error"
   */
  readonly missing?: FeatureMatrixMissingPolicy;
}

/**
 * Result of {@link featureMatrix} and `applyFeatures`.
 *
 * @example
 * ```ts
 * const features = featureMatrix([{ a: 1 }, { a: Number.NaN }, { a: 3 }], {
 *   fields: ["a"], transforms: "none", missing: "drop",
 * });
 * [features.rowCount, features.columnCount, features.sourceRowCount]; // => [2, 1, 3]
 * features.rowIndices; // => Int32Array [0, 2]
 * features.droppedRowCount; // => 1
 * ```
 */
export interface FeatureMatrixResult<T> {
  /** Transformed values, row-major: value of feature j in row i at `matrix[i * columnCount + j]`. */
  readonly matrix: Float64Array;
  /** The same rows in original units (before transforms). */
  readonly rawMatrix: Float64Array;
  /** Rows in the matrix (input records minus dropped ones). */
  readonly rowCount: number;
  /** Number of features. */
  readonly columnCount: number;
  readonly featureNames: readonly string[];
  /** Input record index of each matrix row. */
  readonly rowIndices: Int32Array;
  /** Input record indices left out for missing values (policy `"drop"`). */
  readonly droppedRows: Int32Array;
  readonly droppedRowCount: number;
  /** Number of input records. */
  readonly sourceRowCount: number;
  /** Features whose standardize/minmax step met a constant column (scaled to all zeros). */
  readonly constantFeatures: readonly string[];
  /** The fitted transform (parameters from the rows of this matrix, or the transform given to `applyFeatures`). */
  readonly transform: FeatureMatrixTransform<T>;
  readonly options: {
    readonly transforms: FeatureMatrixTransforms;
    readonly missing: FeatureMatrixMissingPolicy;
  };
}
