import {
  assertRecordArray,
  CompensatedSum,
  type Field,
  InvalidOptionsError,
  InvalidRecordError,
  readNumbers,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, field, nested, record, required } from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import type { FeatureMatrixResult } from "./featureMatrix.js";
import { columnMagnitude, fieldEntries, overflowScale } from "./internal/features.js";
import { fieldList, nonNegative, wholeNumber } from "./internal/optionChecks.js";
import type { KMeansResult } from "./kMeans.js";

/**
 * Words for the high and low side of a feature in segment labels.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * const words: SegmentProfilesLabelWords = { high: "regulars", low: "one-offs" };
 * segmentProfiles(model, customers, { labelWords: { frequency: words } }).profiles.map((profile) => profile.label);
 * // => ["recent, high value, regulars", "one-offs, lapsed, low value", "typical"]
 * ```
 */
export interface SegmentProfilesLabelWords {
  readonly high: string;
  readonly low: string;
}

/**
 * Options of {@link segmentProfiles}.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * segmentProfiles(model, customers, { valueField: "monetary", topFeatures: 1, threshold: 1 })
 *   .profiles.map((profile) => profile.label);
 * // => ["recent", "infrequent", "typical"]
 * ```
 */
export interface SegmentProfilesOptions<R> {
  /**
   * The customer value (e.g. total spend or contribution) for shares of value. Negative
   * values (net refunds) are allowed and summed as they are.
   * @defaultValue none: value columns are null
   */
  readonly valueField?: Field<R>;
  /** How many distinguishing features each profile lists. @defaultValue 3 */
  readonly topFeatures?: number;
  /** Smallest absolute standardised difference that counts as distinguishing (and enters the label). @defaultValue 0.5 */
  readonly threshold?: number;
  /**
   * Words per feature for labels, e.g. `{ tenure: { high: "long-standing", low: "new" } }`.
   * Built in (matched by the feature name containing the word, case-insensitive): recen…
   * (low: "recent", high: "lapsed"); frequen…, orders, count ("frequent" / "infrequent");
   * monetary, value, spend, revenue, amount ("high value" / "low value"); tenure
   * ("long-standing" / "new"); otherwise "high <feature>" / "low <feature>".
   * @defaultValue none beyond the built-in words
   */
  readonly labelWords?: Readonly<Record<string, SegmentProfilesLabelWords>>;
  /**
   * The record fields to profile, by kind (as kPrototypes reads them).
   *
   * `numeric`: fields (keys, or a record of key-or-accessor fields) profiled when the model is not a
   * k-means model (kMedoids, kPrototypes, `{ assignments: cutTree(...) }`): means in their units and
   * standardised differences over the population's standard deviation, missing values skipped.
   * Refused beside a kMeans model, whose own features are profiled.
   *
   * `categorical`: fields profiled by level shares (any model): each segment's share of every level
   * against the population's. A level over-represented in a segment becomes a key feature ranked
   * with the numeric ones by its standardised difference (p_segment - p) / sqrt(p (1 - p)) — the
   * standardised mean difference of the level's 0/1 indicator — and labels it "<level> <field>",
   * e.g. "store channel". Missing values count in no level.
   * @defaultValue none (a kMeans model profiles its own features; any other model needs `numeric` or
   *   `categorical` fields)
   */
  readonly fields?: {
    readonly numeric?: readonly (keyof R & string)[] | Readonly<Record<string, Field<R>>>;
    readonly categorical?: readonly (keyof R & string)[] | Readonly<Record<string, Field<R>>>;
  };
}

/**
 * A feature that sets a segment apart.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * segmentProfiles(model, customers).profiles[0].keyFeatures[0];
 * // => { feature: "recency", standardizedDifference: -1.1774..., direction: "low" }
 * ```
 */
export interface SegmentProfileKeyFeature {
  readonly feature: string;
  /**
   * (segment mean - population mean) / population standard deviation, in the transformed space of
   * a k-means model (the fields' own units otherwise); for a categorical level, the same for its
   * 0/1 indicator.
   */
  readonly standardizedDifference: number;
  readonly direction: "high" | "low";
  /** The over-represented level, for a categorical field (absent for numeric features). */
  readonly level?: string;
}

/**
 * Profile of one segment.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * segmentProfiles(model, customers, { valueField: "monetary" }).profiles[1];
 * // => { segment: 1, label: "infrequent, lapsed, low value", size: 3, shareOfCustomers: 0.3333...,
 * //      value: 175, shareOfValue: 0.0481..., meanValue: 58.333...,
 * //      means: { recency: 206.666..., frequency: 1.666..., monetary: 58.333... },
 * //      standardizedDifferences: { recency: 1.0926..., frequency: -1.1265..., monetary: -1.0876... },
 * //      keyFeatures: [{ feature: "frequency", ... }, { feature: "recency", ... }, { feature: "monetary", ... }] }
 * ```
 */
export interface SegmentProfile {
  readonly segment: number;
  /** Plain-words label, e.g. "high value, recent, frequent"; "typical" when nothing stands out. */
  readonly label: string;
  readonly size: number;
  /** size / customers clustered. */
  readonly shareOfCustomers: number;
  /** Total of `valueField` over the segment, or null without a value field. */
  readonly value: number | null;
  /** value / total value, or null without a value field or when the total is not positive. */
  readonly shareOfValue: number | null;
  /** Mean value per customer, or null without a value field. */
  readonly meanValue: number | null;
  /** Feature means in original units; null for a segment left empty (possible only in degenerate data). */
  readonly means: Readonly<Record<string, number | null>>;
  /** Standardised difference of each feature (see {@link SegmentProfileKeyFeature}). */
  readonly standardizedDifferences: Readonly<Record<string, number>>;
  /** The features that most set the segment apart, largest |difference| first. */
  readonly keyFeatures: readonly SegmentProfileKeyFeature[];
  /** With `fields.categorical`: the segment's share of each level, per field. */
  readonly levelShares?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Result of {@link segmentProfiles}: one profile per segment and the population they are compared with.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * const result = segmentProfiles(model, customers, { valueField: "monetary" });
 * [result.customerCount, result.totalValue]; // => [9, 3635]
 * result.populationMeans; // => { recency: 85.222..., frequency: 6.333..., monetary: 403.888... }
 * ```
 */
export interface SegmentProfilesResult {
  readonly profiles: readonly SegmentProfile[];
  /** Whole-population feature means in original units. */
  readonly populationMeans: Readonly<Record<string, number>>;
  /** Customers profiled (those the model clustered). */
  readonly customerCount: number;
  /** Total value, or null without a value field. */
  readonly totalValue: number | null;
  /** With `fields.categorical`: the population's share of each level, per field. */
  readonly populationLevelShares?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly options: {
    readonly topFeatures: number;
    readonly threshold: number;
    readonly hasValueField: boolean;
  };
}

/** A word of `labelWords`: a string ("expected a string, received ..."). */
const word = custom<string>("a string", (value) =>
  typeof value === "string" ? undefined : expected("a string", value),
);

/** Rules of segmentProfiles' options (exported for the equivalence test of segment's option rules; not in the module index). */
export const segmentProfilesShape = {
  valueField: field<Field<unknown>>(),
  topFeatures: wholeNumber("topFeatures", 1),
  threshold: nonNegative("threshold"),
  labelWords: record(nested({ high: required(word), low: required(word) })),
  fields: nested({ numeric: fieldList(true), categorical: fieldList(true) }),
};

/**
 * A segmentation without a k-means feature matrix: one segment per record (negative = not clustered).
 * @inline
 */
interface AssignmentsModel {
  readonly assignments: ArrayLike<number>;
}

const BUILT_IN_WORDS: readonly [RegExp, SegmentProfilesLabelWords][] = [
  [/recen/i, { high: "lapsed", low: "recent" }],
  [/frequen|orders|count/i, { high: "frequent", low: "infrequent" }],
  [/monetary|value|spend|revenue|amount/i, { high: "high value", low: "low value" }],
  [/tenure/i, { high: "long-standing", low: "new" }],
];

/**
 * Profiles the segments of a k-means model — the "difference analysis" of CRM practice:
 * for each segment its size, share of customers and of value, feature means against the
 * whole population, and the few features that most set it apart, ranked by standardised
 * difference (segment mean minus population mean, over the population's sample standard
 * deviation, in the transformed space the model clustered in, so log-scaled spend is
 * compared on the log scale). Features with |difference| >= `threshold` make up a
 * plain-words label such as "high value, recent, frequent"; duplicate labels get "#2", "#3".
 *
 * Any other segmentation works too — `kMedoids`, `kPrototypes`, `{ assignments: cutTree(...) }`:
 * give the numeric fields to profile as `fields: { numeric }` (compared in their own units; missing
 * values are refused), and `fields: { categorical }` with any model: they are profiled by level shares, and a level
 * over-represented in a segment enters its key features and label ("store channel") when its
 * standardised difference is large enough, ranked with the numeric features.
 *
 * Complexity: O(n (d + c) + k d log d) for c categorical fields.
 *
 * @param model - a `kMeans` result, or any result with `assignments` (one segment per record,
 *   negative for customers left out)
 * @param records - the records the model was fitted on (same order; not mutated); may be typed
 *   richer than the model's records, e.g. to read a value field the model did not use
 * @param options - see {@link SegmentProfilesOptions}
 * @returns one profile per segment, in segment order
 * @throws InvalidOptionsError when `records` is not the model's data (length differs), for an
 *   unknown option, or `fields.numeric` beside a kMeans model; InvalidRecordError for an element that is
 *   not a record, a non-numeric value in `valueField` or `fields.numeric`, or an object as a categorical value
 * @see Cohen's d style standardised mean differences: J. Cohen (1988), Statistical Power Analysis, ch. 2.
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * segmentProfiles(model, customers, { valueField: "monetary" }).profiles.map((p) => [p.label, p.shareOfValue]);
 * // => [["recent, high value, frequent", 0.784], ["infrequent, lapsed, low value", 0.048], ["typical", 0.168]]
 * ```
 */
export function segmentProfiles<T, R extends T = T>(
  model: KMeansResult<T> | AssignmentsModel,
  records: readonly R[],
  options: SegmentProfilesOptions<R> = {},
): SegmentProfilesResult {
  const name = "segmentProfiles";
  const parsed = withDefaults(checkOptions(name, segmentProfilesShape, options), {
    topFeatures: 3,
    threshold: 0.5,
  });
  const isKMeans =
    model !== null &&
    typeof model === "object" &&
    model.assignments instanceof Int32Array &&
    (model as KMeansResult<T>).features?.matrix instanceof Float64Array;
  if (
    !isKMeans &&
    (model === null ||
      typeof model !== "object" ||
      model.assignments === null ||
      typeof model.assignments !== "object" ||
      typeof model.assignments.length !== "number")
  ) {
    throw new InvalidOptionsError(name, [
      {
        path: "model",
        message:
          "expected the result of kMeans(...), kMedoids(...), kPrototypes(...) or { assignments } (e.g. { assignments: cutTree(tree, { k: 4 }) })",
        received: model,
      },
    ]);
  }
  const numericFields = parsed.fields?.numeric;
  const categoricalFields = parsed.fields?.categorical;
  if (!isKMeans && numericFields === undefined && categoricalFields === undefined) {
    throw new InvalidOptionsError(name, [
      {
        path: "fields",
        message:
          "this is not a kMeans model (which brings its features): give the numeric and/or categorical fields to profile, fields: { numeric, categorical }",
      },
    ]);
  }
  if (isKMeans && numericFields !== undefined) {
    throw new InvalidOptionsError(name, [
      {
        path: "fields.numeric",
        message:
          "a kMeans model profiles its own features; leave fields.numeric out (fields.categorical may be added)",
      },
    ]);
  }
  const sourceRowCount = isKMeans
    ? (model as KMeansResult<T>).features.sourceRowCount
    : (model as AssignmentsModel).assignments.length;
  if (!Array.isArray(records) || records.length !== sourceRowCount) {
    throw new InvalidOptionsError(name, [
      {
        path: "records",
        message: `the model was fitted on ${sourceRowCount} records but ${Array.isArray(records) ? records.length : "no array of"} records were passed; pass the records the model was fitted on`,
      },
    ]);
  }
  assertRecordArray(records, name);
  const assignments = isKMeans
    ? (model as KMeansResult<T>).assignments
    : segmentsOf(name, (model as AssignmentsModel).assignments);
  const features = isKMeans
    ? (model as KMeansResult<T>).features
    : recordFeatures(name, records, fieldEntries<R>(numericFields ?? []), assignments);
  const k = isKMeans
    ? (model as KMeansResult<T>).k
    : assignments.reduce((max, segment) => Math.max(max, segment + 1), 0);
  const n = features.rowCount;
  const d = features.columnCount;
  const names = features.featureNames;
  const values =
    parsed.valueField === undefined
      ? undefined
      : readNumbers(records, parsed.valueField as Field<R>, { functionName: name, optionName: "valueField" });

  // Raw features and values are summed times a power of two (exact; 1 for ordinary data) so that
  // values around 1e300 give finite means and shares instead of Infinity and NaN.
  const rawScale = Float64Array.from(names, (_, j) =>
    overflowScale(columnMagnitude(features.rawMatrix, n, d, j)),
  );
  const valueScale = values === undefined ? 1 : overflowScale(columnMagnitude(values, values.length, 1, 0));
  const counts = new Float64Array(k);
  const scaledSums = new Float64Array(k * d);
  const rawSums = new Float64Array(k * d);
  const valueSums = Array.from({ length: k }, () => new CompensatedSum());
  const totalValue = new CompensatedSum();
  const populationScaled = new Float64Array(d);
  const populationRaw = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = features.rowIndices[i] as number;
    const segment = assignments[row] as number;
    counts[segment] = (counts[segment] as number) + 1;
    for (let j = 0; j < d; j++) {
      const scaled = features.matrix[i * d + j] as number;
      const raw = (features.rawMatrix[i * d + j] as number) * (rawScale[j] as number);
      scaledSums[segment * d + j] = (scaledSums[segment * d + j] as number) + scaled;
      rawSums[segment * d + j] = (rawSums[segment * d + j] as number) + raw;
      populationScaled[j] = (populationScaled[j] as number) + scaled;
      populationRaw[j] = (populationRaw[j] as number) + raw;
    }
    if (values !== undefined) {
      valueSums[segment]?.add((values[row] as number) * valueScale);
      totalValue.add((values[row] as number) * valueScale);
    }
  }
  for (let j = 0; j < d; j++) {
    populationScaled[j] = (populationScaled[j] as number) / n;
    populationRaw[j] = (populationRaw[j] as number) / n / (rawScale[j] as number);
  }
  const populationSd = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const difference = (features.matrix[i * d + j] as number) - (populationScaled[j] as number);
      populationSd[j] = (populationSd[j] as number) + difference * difference;
    }
  }
  for (let j = 0; j < d; j++) populationSd[j] = n > 1 ? Math.sqrt((populationSd[j] as number) / (n - 1)) : 0;

  const scaledTotal = values === undefined ? null : totalValue.value;
  const total = scaledTotal === null ? null : scaledTotal / valueScale;
  const wordsFor = (feature: string): SegmentProfilesLabelWords =>
    parsed.labelWords?.[feature] ??
    BUILT_IN_WORDS.find(([pattern]) => pattern.test(feature))?.[1] ?? {
      high: `high ${feature}`,
      low: `low ${feature}`,
    };

  const categorical = categoricalProfiles(
    name,
    records,
    fieldEntries<R>(categoricalFields ?? []),
    assignments,
    k,
  );
  const seenLabels = new Map<string, number>();
  const profiles: SegmentProfile[] = [];
  for (let c = 0; c < k; c++) {
    const size = counts[c] as number;
    const means: Record<string, number | null> = {};
    const differences: Record<string, number> = {};
    const ranked: SegmentProfileKeyFeature[] = [];
    names.forEach((feature, j) => {
      means[feature] = size > 0 ? (rawSums[c * d + j] as number) / size / (rawScale[j] as number) : null;
      const sd = populationSd[j] as number;
      const difference =
        size > 0 && sd > 0
          ? ((scaledSums[c * d + j] as number) / size - (populationScaled[j] as number)) / sd
          : 0;
      differences[feature] = difference;
      ranked.push({
        feature,
        standardizedDifference: difference,
        direction: difference >= 0 ? "high" : "low",
      });
    });
    if (size > 0) ranked.push(...(categorical?.keyFeatures[c] ?? []));
    ranked.sort((a, b) => Math.abs(b.standardizedDifference) - Math.abs(a.standardizedDifference));
    const keyFeatures = ranked
      .filter((entry) => Math.abs(entry.standardizedDifference) >= parsed.threshold)
      .slice(0, parsed.topFeatures);
    let label =
      keyFeatures.length === 0
        ? "typical"
        : keyFeatures
            .map((entry) =>
              entry.level !== undefined
                ? `${entry.level} ${entry.feature}`
                : wordsFor(entry.feature)[entry.direction],
            )
            .join(", ");
    const seen = (seenLabels.get(label) ?? 0) + 1;
    seenLabels.set(label, seen);
    if (seen > 1) label = `${label} #${seen}`;
    const scaledValue = values === undefined ? null : (valueSums[c] as CompensatedSum).value;
    const value = scaledValue === null ? null : scaledValue / valueScale;
    profiles.push({
      segment: c,
      label,
      size,
      shareOfCustomers: size / n,
      value,
      shareOfValue:
        scaledValue === null || scaledTotal === null || !(scaledTotal > 0) ? null : scaledValue / scaledTotal,
      meanValue: scaledValue === null || size === 0 ? null : scaledValue / size / valueScale,
      means,
      standardizedDifferences: differences,
      keyFeatures,
      ...(categorical === undefined ? {} : { levelShares: categorical.shares[c] ?? {} }),
    });
  }
  const result: SegmentProfilesResult = {
    profiles,
    populationMeans: Object.fromEntries(names.map((feature, j) => [feature, populationRaw[j] as number])),
    customerCount: n,
    totalValue: total,
    ...(categorical === undefined ? {} : { populationLevelShares: categorical.population }),
    options: {
      topFeatures: parsed.topFeatures,
      threshold: parsed.threshold,
      hasValueField: values !== undefined,
    },
  };
  return withDisplay(result, {
    title: "Segment profiles",
    summary: (r) => [
      `${r.customerCount} customers in ${r.profiles.length} segments; population means: ${names
        .map((feature) => `${feature} ${formatNumber(r.populationMeans[feature] as number)}`)
        .join(", ")}`,
    ],
    rows: (r) =>
      r.profiles.map((profile) => ({
        segment: profile.segment,
        label: profile.label,
        size: profile.size,
        shareOfCustomers: profile.shareOfCustomers,
        ...(r.options.hasValueField ? { shareOfValue: profile.shareOfValue } : {}),
        ...Object.fromEntries(names.map((feature) => [feature, profile.means[feature] ?? null])),
        setApartBy: profile.keyFeatures
          .map(
            (entry) =>
              `${entry.feature} ${entry.standardizedDifference >= 0 ? "+" : ""}${entry.standardizedDifference.toFixed(2)} sd`,
          )
          .join("; "),
      })),
  });
}

/** Segments of a non-k-means model as Int32Array (negative values: not clustered, -1). */
function segmentsOf(name: string, given: ArrayLike<number>): Int32Array {
  const out = new Int32Array(given.length);
  for (let i = 0; i < given.length; i++) {
    const segment = given[i] as number;
    if (!Number.isInteger(segment)) {
      throw new InvalidOptionsError(name, [
        { path: `model.assignments.${i}`, message: "expected a whole-number segment", received: segment },
      ]);
    }
    out[i] = segment < 0 ? -1 : segment;
  }
  return out;
}

/** The numeric fields of a non-k-means model's records as a feature matrix in their own units. */
function recordFeatures<R>(
  name: string,
  records: readonly R[],
  numeric: readonly [string, Field<R>][],
  assignments: Int32Array,
): FeatureMatrixResult<R> {
  const columns = numeric.map(([label, field]) =>
    readNumbers(records, field, { functionName: name, optionName: `fields.numeric.${label}` }),
  );
  const rows: number[] = [];
  for (let i = 0; i < records.length; i++) if ((assignments[i] as number) >= 0) rows.push(i);
  const d = numeric.length;
  const matrix = new Float64Array(rows.length * d);
  rows.forEach((row, i) => {
    columns.forEach((column, j) => {
      matrix[i * d + j] = column[row] as number;
    });
  });
  return {
    matrix,
    rawMatrix: matrix,
    rowCount: rows.length,
    columnCount: d,
    featureNames: numeric.map(([label]) => label),
    rowIndices: Int32Array.from(rows),
    sourceRowCount: records.length,
  } as unknown as FeatureMatrixResult<R>;
}

/** Level shares per segment and in the population, and each segment's over-represented levels. */
function categoricalProfiles<R>(
  name: string,
  records: readonly R[],
  categorical: readonly [string, Field<R>][],
  assignments: Int32Array,
  k: number,
):
  | {
      shares: Record<string, Record<string, number>>[];
      population: Record<string, Record<string, number>>;
      keyFeatures: SegmentProfileKeyFeature[][];
    }
  | undefined {
  if (categorical.length === 0) return undefined;
  const shares: Record<string, Record<string, number>>[] = Array.from({ length: k }, () => ({}));
  const population: Record<string, Record<string, number>> = {};
  const keyFeatures: SegmentProfileKeyFeature[][] = Array.from({ length: k }, () => []);
  for (const [label, field] of categorical) {
    const { read } = resolveField(field, `fields.categorical.${label}`);
    const counts = new Map<string, Float64Array>(); // level -> count per segment
    const sizes = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < records.length; i++) {
      const segment = assignments[i] as number;
      if (segment < 0) continue;
      const value = read(records[i] as R, i);
      if (
        value === null ||
        value === undefined ||
        value === "" ||
        (typeof value === "number" && Number.isNaN(value))
      )
        continue;
      if (typeof value === "object") {
        throw new InvalidRecordError(
          name,
          i,
          label,
          value,
          "expected a category (string, number or boolean)",
        );
      }
      const level = String(value);
      let row = counts.get(level);
      if (row === undefined) {
        row = new Float64Array(k);
        counts.set(level, row);
      }
      row[segment] = (row[segment] as number) + 1;
      sizes[segment] = (sizes[segment] as number) + 1;
      total++;
    }
    population[label] = {};
    for (let c = 0; c < k; c++) (shares[c] as Record<string, Record<string, number>>)[label] = {};
    for (const [level, row] of counts) {
      const p = row.reduce((sum, count) => sum + count, 0) / total;
      (population[label] as Record<string, number>)[level] = p;
      const spread = Math.sqrt(p * (1 - p));
      for (let c = 0; c < k; c++) {
        const share = (sizes[c] as number) > 0 ? (row[c] as number) / (sizes[c] as number) : 0;
        ((shares[c] as Record<string, Record<string, number>>)[label] as Record<string, number>)[level] =
          share;
        if (spread > 0 && share > p) {
          (keyFeatures[c] as SegmentProfileKeyFeature[]).push({
            feature: label,
            standardizedDifference: (share - p) / spread,
            direction: "high",
            level,
          });
        }
      }
    }
  }
  // one key feature per field: its most over-represented level
  for (let c = 0; c < k; c++) {
    const best = new Map<string, SegmentProfileKeyFeature>();
    for (const entry of keyFeatures[c] as SegmentProfileKeyFeature[]) {
      const current = best.get(entry.feature);
      if (current === undefined || entry.standardizedDifference > current.standardizedDifference)
        best.set(entry.feature, entry);
    }
    keyFeatures[c] = [...best.values()];
  }
  return { shares, population, keyFeatures };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
