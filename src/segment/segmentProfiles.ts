import { z } from "zod";
import {
  assertRecordArray,
  CompensatedSum,
  type Field,
  InvalidOptionsError,
  readNumbers,
  withDisplay,
} from "../core/index.js";
import { fieldSchema } from "../core/options.js";
import { columnMagnitude, overflowScale } from "./internal/features.js";
import { parseStrictOptions } from "./internal/strictOptions.js";
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
export interface SegmentProfilesOptions<T> {
  /**
   * The customer value (e.g. total spend or contribution) for shares of value. Negative
   * values (net refunds) are allowed and summed as they are.
   * @defaultValue none: value columns are null
   */
  readonly valueField?: Field<T>;
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
  /** (segment mean - population mean) / population standard deviation, in the transformed space. */
  readonly standardizedDifference: number;
  readonly direction: "high" | "low";
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
  readonly options: {
    readonly topFeatures: number;
    readonly threshold: number;
    readonly hasValueField: boolean;
  };
}

const schema = z.strictObject({
  valueField: fieldSchema.optional(),
  topFeatures: z.number().int().min(1).default(3),
  threshold: z.number().min(0).default(0.5),
  labelWords: z.record(z.string(), z.strictObject({ high: z.string(), low: z.string() })).optional(),
});

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
 * Complexity: O(n d + k d log d).
 *
 * @param model - a `kMeans` result
 * @param records - the records the model was fitted on (same order; not mutated); may be typed
 *   richer than the model's records, e.g. to read a value field the model did not use
 * @param options - see {@link SegmentProfilesOptions}
 * @returns one profile per segment, in segment order
 * @throws InvalidOptionsError when `records` is not the model's data (length differs) or for an
 *   unknown option; InvalidRecordError for an element that is not a record or a non-numeric value in `valueField`
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
  model: KMeansResult<T>,
  records: readonly R[],
  options: SegmentProfilesOptions<R> = {},
): SegmentProfilesResult {
  const name = "segmentProfiles";
  const parsed = parseStrictOptions(name, schema, options);
  if (
    model === null ||
    typeof model !== "object" ||
    !(model.assignments instanceof Int32Array) ||
    !(model.features?.matrix instanceof Float64Array)
  ) {
    throw new InvalidOptionsError(name, [
      { path: "model", message: "expected the result of kMeans(...)", received: model },
    ]);
  }
  const features = model.features;
  if (!Array.isArray(records) || records.length !== features.sourceRowCount) {
    throw new InvalidOptionsError(name, [
      {
        path: "records",
        message: `the model was fitted on ${features.sourceRowCount} records but ${Array.isArray(records) ? records.length : "no array of"} records were passed; pass the records the model was fitted on`,
      },
    ]);
  }
  assertRecordArray(records, name);
  const n = features.rowCount;
  const d = features.columnCount;
  const k = model.k;
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
    const segment = model.assignments[row] as number;
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
    ranked.sort((a, b) => Math.abs(b.standardizedDifference) - Math.abs(a.standardizedDifference));
    const keyFeatures = ranked
      .filter((entry) => Math.abs(entry.standardizedDifference) >= parsed.threshold)
      .slice(0, parsed.topFeatures);
    let label =
      keyFeatures.length === 0
        ? "typical"
        : keyFeatures.map((entry) => wordsFor(entry.feature)[entry.direction]).join(", ");
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
    });
  }
  const result: SegmentProfilesResult = {
    profiles,
    populationMeans: Object.fromEntries(names.map((feature, j) => [feature, populationRaw[j] as number])),
    customerCount: n,
    totalValue: total,
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

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
