/** Gower's dissimilarity as R's cluster::daisy computes it (metric "gower"): shared by gowerDistance, kMedoids and hierarchicalClustering. */

import { readNumberArray } from "../../core/fields.js";
import { type Field, InvalidOptionsError, InvalidRecordError, resolveField } from "../../core/index.js";
import { isMissing } from "../../core/internal/missing.js";
import { custom } from "../../core/internal/optionRules.js";
import type { DistanceMatrix } from "../distanceMatrixTypes.js";
import { checkDistanceRows, wrapDistances } from "./distances.js";

/** The field types of Gower's coefficient. */
export type GowerType = "numeric" | "ordinal" | "nominal" | "binary" | "asymmetricBinary";

/** One field's description: its type, and optionally an accessor and (ordinal) the ordered levels. */
export interface GowerSpec<T> {
  readonly type: GowerType;
  readonly field?: Field<T>;
  readonly levels?: readonly (string | number)[];
}

const GOWER_TYPES: readonly string[] = ["numeric", "ordinal", "nominal", "binary", "asymmetricBinary"];
const TYPE_WORDS =
  'a type ("numeric", "ordinal", "nominal", "binary" or "asymmetricBinary") or { type, field?, levels? }';

/** What is wrong with one field's description (a type, or `{ type, field?, levels? }`), named `name`. */
function specProblem(name: string, spec: unknown): string | undefined {
  if (typeof spec === "string")
    return GOWER_TYPES.includes(spec) ? undefined : `"${name}": expected ${TYPE_WORDS}`;
  if (spec === null || typeof spec !== "object" || Array.isArray(spec))
    return `"${name}": expected ${TYPE_WORDS}`;
  const { type, field, levels } = spec as { type?: unknown; field?: unknown; levels?: unknown };
  const unknown = Object.keys(spec).find((key) => key !== "type" && key !== "field" && key !== "levels");
  if (unknown !== undefined) return `"${name}": unknown key "${unknown}"; expected ${TYPE_WORDS}`;
  if (!GOWER_TYPES.includes(type as string)) return `"${name}": expected ${TYPE_WORDS}`;
  if (field !== undefined && !((typeof field === "string" && field !== "") || typeof field === "function"))
    return `"${name}": field must be a property name or an accessor function`;
  const level = (value: unknown) =>
    typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
  if (levels !== undefined && !(Array.isArray(levels) && levels.length > 0 && levels.every(level)))
    return `"${name}": levels must be a non-empty array of strings or numbers, lowest first`;
  return undefined;
}

/** The `fields` option of the functions that take records: `{ name: type or { type, field?, levels? } }`. */
export const gowerFieldsRule = /* @__PURE__ */ custom<
  Readonly<Record<string, GowerType | GowerSpec<unknown>>>
>(`an object of { field name: ${TYPE_WORDS} }`, (value) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return `expected an object of { field name: ${TYPE_WORDS} }`;
  for (const [name, spec] of Object.entries(value)) {
    if (name === "") return "field names must be non-empty";
    const problem = specProblem(name, spec);
    if (problem !== undefined) return problem;
  }
  return undefined;
});

/** The `weights` option: `{ field name: weight }`, finite and >= 0. */
export const gowerWeightsRule = /* @__PURE__ */ custom<Readonly<Record<string, number>>>(
  "an object of { field name: weight }",
  (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return "expected an object of { field name: weight }";
    for (const [name, weight] of Object.entries(value)) {
      if (typeof weight !== "number" || Number.isNaN(weight)) return `"${name}": expected a number >= 0`;
      if (weight < 0) return `"${name}": weights must be >= 0`;
      if (!Number.isFinite(weight)) return `"${name}": weights must be finite`;
    }
    return undefined;
  },
);

/** Columns read once, ready for the pair loop. */
export interface GowerColumns<T = unknown> {
  readonly names: readonly string[];
  readonly types: readonly GowerType[];
  /** Per field: scaled values (numeric, ordinal; NaN = missing) or codes (others; -1 = missing). */
  readonly scaled: readonly (Float64Array | undefined)[];
  readonly codes: readonly (Int32Array | undefined)[];
  readonly weights: Float64Array;
  /** Missing values per field. */
  readonly missingCounts: readonly number[];
  /** max - min of the numeric / ordinal codes used for scaling (null for the others). */
  readonly ranges: readonly (number | null)[];
  /**
   * Per field: the fitted encoding of one new value, the same scale as `scaled` (numeric, ordinal)
   * or the same codes as `codes` (others; a level never seen gets a code of its own). Missing
   * values give NaN or -1; a value the type cannot take throws InvalidRecordError.
   */
  readonly encoders: readonly ((value: unknown, row: number, functionName: string) => number)[];
  /** Per field: the accessor and its label. */
  readonly readers: readonly {
    readonly read: (record: T, index: number) => unknown;
    readonly label: string;
  }[];
}

/** Code of a nominal level not seen when fitting: differs from every fitted code. */
const UNSEEN = 2147483647;

/** Reads and scales every field (O(n f)); validates weights against the field names. */
export function readGowerColumns<T>(
  functionName: string,
  records: readonly T[],
  fields: Readonly<Record<string, GowerType | GowerSpec<T>>>,
  weights: Readonly<Record<string, number>> | undefined,
): GowerColumns<T> {
  const names = Object.keys(fields);
  if (names.length === 0) {
    throw new InvalidOptionsError(functionName, [
      { path: "fields", message: 'give at least one field, e.g. { plan: "nominal", spend: "numeric" }' },
    ]);
  }
  const weightIssues = Object.keys(weights ?? {})
    .filter((key) => !names.includes(key))
    .map((key) => ({ path: `weights.${key}`, message: `not one of the fields (${names.join(", ")})` }));
  if (weightIssues.length > 0) throw new InvalidOptionsError(functionName, weightIssues);
  const weightArray = Float64Array.from(names, (name) => weights?.[name] ?? 1);
  if (!weightArray.some((w) => w > 0)) {
    throw new InvalidOptionsError(functionName, [
      { path: "weights", message: "at least one field needs a weight > 0", received: weights },
    ]);
  }
  const types: GowerType[] = [];
  const scaled: (Float64Array | undefined)[] = [];
  const codes: (Int32Array | undefined)[] = [];
  const missingCounts: number[] = [];
  const ranges: (number | null)[] = [];
  const encoders: ((value: unknown, row: number, functionName: string) => number)[] = [];
  const readers: { read: (record: T, index: number) => unknown; label: string }[] = [];
  const n = records.length;
  for (const name of names) {
    const given = fields[name] as GowerType | GowerSpec<T>;
    const spec: GowerSpec<T> = typeof given === "string" ? { type: given } : given;
    const field = (spec.field ?? name) as Field<T>;
    const { read, label } = resolveField(field, `fields.${name}`);
    readers.push({ read, label });
    types.push(spec.type);
    if (spec.levels !== undefined && spec.type !== "ordinal") {
      throw new InvalidOptionsError(functionName, [
        {
          path: `fields.${name}.levels`,
          message: "levels apply to ordinal fields only",
          received: spec.levels,
        },
      ]);
    }
    if (spec.type === "numeric" || spec.type === "ordinal") {
      let values: Float64Array;
      if (spec.type === "numeric") {
        values = readNumberArray(records, field, {
          functionName,
          optionName: `fields.${name}`,
          missing: "nan",
        });
      } else {
        values = readOrdinal(functionName, records, read, label, spec.levels);
      }
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let missing = 0;
      for (let i = 0; i < n; i++) {
        const value = values[i] as number;
        if (Number.isNaN(value)) missing++;
        else {
          if (value < min) min = value;
          if (value > max) max = value;
        }
      }
      // daisy: a constant (or all-missing) column is scaled by 1, so it contributes distance 0.
      const range = max - min;
      if (!Number.isFinite(range) && missing < n) {
        throw new InvalidRecordError(
          functionName,
          0,
          label,
          `range ${min} .. ${max}`,
          "the field's range overflows; rescale it (e.g. to thousands) before calling",
        );
      }
      const scale = range > 0 ? range : 1;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = ((values[i] as number) - min) / scale;
      scaled.push(out);
      codes.push(undefined);
      missingCounts.push(missing);
      ranges.push(missing < n ? range : null);
      const rawOf = ordinalEncoder(spec, records, read);
      encoders.push((value, row, functionName) => {
        if (isMissing(value)) return Number.NaN;
        const raw = rawOf(value);
        if (Number.isNaN(raw)) {
          throw new InvalidRecordError(
            functionName,
            row,
            label,
            value,
            spec.type === "numeric"
              ? "expected a finite number"
              : "expected one of the field's ordinal levels (or a number)",
          );
        }
        return (raw - min) / scale;
      });
    } else {
      const out = new Int32Array(n);
      let missing = 0;
      const table = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const record = records[i];
        if (typeof record !== "object" || record === null) {
          throw new InvalidRecordError(functionName, i, "(record)", record, "expected a record object");
        }
        const value = read(record, i);
        if (isMissing(value)) {
          out[i] = -1;
          missing++;
          continue;
        }
        if (spec.type === "nominal") {
          if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
            throw new InvalidRecordError(
              functionName,
              i,
              label,
              value,
              "expected a string, number or boolean category",
            );
          }
          const key = String(value);
          let code = table.get(key);
          if (code === undefined) {
            code = table.size;
            table.set(key, code);
          }
          out[i] = code;
        } else {
          const bit = binaryValue(value);
          if (bit < 0) {
            throw new InvalidRecordError(
              functionName,
              i,
              label,
              value,
              `expected a binary value: true/false, 1/0 or "1"/"0"${spec.type === "asymmetricBinary" ? " (1 = present)" : ""}`,
            );
          }
          out[i] = bit;
        }
      }
      scaled.push(undefined);
      codes.push(out);
      missingCounts.push(missing);
      ranges.push(null);
      const nominal = spec.type === "nominal";
      encoders.push((value, row, functionName) => {
        if (isMissing(value)) return -1;
        if (nominal) return table.get(String(value)) ?? UNSEEN;
        const bit = binaryValue(value);
        if (bit < 0) {
          throw new InvalidRecordError(
            functionName,
            row,
            label,
            value,
            'expected a binary value: true/false, 1/0 or "1"/"0"',
          );
        }
        return bit;
      });
    }
  }
  return { names, types, scaled, codes, weights: weightArray, missingCounts, ranges, encoders, readers };
}

/**
 * The unscaled number of a new numeric or ordinal value, as fitted: the number itself; a level's
 * position; or (ordinal without levels) the rank among the fitted distinct values, interpolated
 * linearly between them and clamped to the fitted ranks. NaN for a value the field cannot take.
 */
function ordinalEncoder<T>(
  spec: GowerSpec<T>,
  records: readonly T[],
  read: (record: T, index: number) => unknown,
): (value: unknown) => number {
  const asNumber = (value: unknown) =>
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : Number.NaN;
  if (spec.type === "numeric")
    return (value) => (Number.isFinite(asNumber(value)) ? asNumber(value) : Number.NaN);
  if (spec.levels !== undefined) {
    const position = new Map<string, number>();
    spec.levels.forEach((level, index) => {
      if (!position.has(String(level))) position.set(String(level), index);
    });
    return (value) => position.get(String(value)) ?? Number.NaN;
  }
  const distinct = [
    ...new Set(
      records
        .map((record, i) =>
          typeof record === "object" && record !== null ? asNumber(read(record, i)) : Number.NaN,
        )
        .filter((v) => Number.isFinite(v)),
    ),
  ].sort((a, b) => a - b);
  return (value) => {
    const v = asNumber(value);
    if (!Number.isFinite(v) || distinct.length === 0) return Number.NaN;
    if (v <= (distinct[0] as number)) return 0;
    if (v >= (distinct[distinct.length - 1] as number)) return distinct.length - 1;
    let low = 0;
    let high = distinct.length - 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if ((distinct[middle] as number) <= v) low = middle;
      else high = middle;
    }
    const a = distinct[low] as number;
    const b = distinct[high] as number;
    return low + (v - a) / (b - a);
  };
}

/** Encodes row `row` of the fitted columns (scaled values and codes, one slot per field). */
export function encodedRow(columns: GowerColumns<unknown>, row: number): Float64Array {
  return Float64Array.from(columns.names, (_, field) => {
    const scaledColumn = columns.scaled[field];
    if (scaledColumn !== undefined) return scaledColumn[row] as number;
    return (columns.codes[field] as Int32Array)[row] as number;
  });
}

/** Encodes a new record with the fitted scales and codes. */
export function encodeRecord<T>(
  columns: GowerColumns<T>,
  record: T,
  row: number,
  functionName: string,
): Float64Array {
  return Float64Array.from(columns.names, (_, field) => {
    const reader = columns.readers[field] as { read: (record: T, index: number) => unknown };
    return (columns.encoders[field] as (value: unknown, row: number, name: string) => number)(
      reader.read(record, row),
      row,
      functionName,
    );
  });
}

/** Gower distance between two encoded rows (NaN when they share no comparable field). */
export function encodedDistance(columns: GowerColumns<unknown>, a: Float64Array, b: Float64Array): number {
  let numerator = 0;
  let denominator = 0;
  for (let field = 0; field < a.length; field++) {
    const w = columns.weights[field] as number;
    const type = columns.types[field];
    const x = a[field] as number;
    const y = b[field] as number;
    if (type === "numeric" || type === "ordinal") {
      const difference = Math.abs(x - y);
      if (Number.isNaN(difference)) continue;
      numerator += w * difference;
    } else {
      if (x < 0 || y < 0) continue;
      if (type === "asymmetricBinary" && x === 0 && y === 0) continue;
      if (x !== y) numerator += w;
    }
    denominator += w;
  }
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

function binaryValue(value: unknown): number {
  if (value === true || value === 1 || value === "1" || value === "true") return 1;
  if (value === false || value === 0 || value === "0" || value === "false") return 0;
  return -1;
}

/**
 * Ordinal values as numbers: the level's position when `levels` are given (as daisy uses an
 * ordered factor's codes), otherwise the rank among the distinct values seen (numbers only; as
 * daisy's `ordratio`). NaN = missing.
 */
function readOrdinal<T>(
  functionName: string,
  records: readonly T[],
  read: (record: T, index: number) => unknown,
  label: string,
  levels: readonly (string | number)[] | undefined,
): Float64Array {
  const n = records.length;
  const out = new Float64Array(n);
  const position = new Map<string, number>();
  levels?.forEach((level, index) => {
    if (!position.has(String(level))) position.set(String(level), index);
  });
  for (let i = 0; i < n; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) {
      throw new InvalidRecordError(functionName, i, "(record)", record, "expected a record object");
    }
    const value = read(record, i);
    if (isMissing(value)) {
      out[i] = Number.NaN;
      continue;
    }
    if (levels !== undefined) {
      const at = position.get(String(value));
      if (at === undefined) {
        throw new InvalidRecordError(
          functionName,
          i,
          label,
          value,
          `expected one of the ordinal levels ${levels.map((level) => JSON.stringify(level)).join(" < ")}`,
        );
      }
      out[i] = at;
    } else {
      const number =
        typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) {
        throw new InvalidRecordError(
          functionName,
          i,
          label,
          value,
          'expected a number; for text categories give the order as levels, e.g. { type: "ordinal", levels: ["low", "mid", "high"] }',
        );
      }
      out[i] = number;
    }
  }
  if (levels === undefined) {
    // dense ranks of the distinct values (daisy's ordratio: unclass(as.ordered(x)))
    const distinct = [...new Set(Array.from(out).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const rank = new Map(distinct.map((v, index) => [v, index]));
    for (let i = 0; i < n; i++) {
      const value = out[i] as number;
      if (!Number.isNaN(value)) out[i] = rank.get(value) as number;
    }
  }
  return out;
}

/**
 * All pairwise Gower dissimilarities: for rows i and j, sum over fields of w δ d over sum of w δ,
 * where δ = 0 when either value is missing or (asymmetric binary) both are 0, d = |x_i - x_j| / range
 * for numeric and ordinal fields and d = [x_i != x_j] otherwise. O(n² f) time, n (n - 1) / 2 doubles.
 */
export function gowerMatrix<T>(functionName: string, columns: GowerColumns<T>, n: number): DistanceMatrix {
  checkDistanceRows(functionName, n);
  const f = columns.names.length;
  const values = new Float64Array((n * (n - 1)) / 2);
  const scaled = columns.scaled;
  const codes = columns.codes;
  const weights = columns.weights;
  const kind = Int8Array.from(columns.types, (type) =>
    type === "numeric" || type === "ordinal" ? 0 : type === "asymmetricBinary" ? 2 : 1,
  );
  let index = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = j + 1; i < n; i++) {
      let numerator = 0;
      let denominator = 0;
      for (let field = 0; field < f; field++) {
        const w = weights[field] as number;
        if (kind[field] === 0) {
          const column = scaled[field] as Float64Array;
          const difference = Math.abs((column[i] as number) - (column[j] as number));
          if (Number.isNaN(difference)) continue;
          numerator += w * difference;
          denominator += w;
        } else {
          const column = codes[field] as Int32Array;
          const a = column[i] as number;
          const b = column[j] as number;
          if (a < 0 || b < 0) continue;
          if (kind[field] === 2 && a === 0 && b === 0) continue;
          if (a !== b) numerator += w;
          denominator += w;
        }
      }
      if (!(denominator > 0)) {
        throw new InvalidRecordError(
          functionName,
          i,
          "(all fields)",
          `row ${j}`,
          `rows ${j} and ${i} have no field that can be compared (each field is missing in one of them, has weight 0, or is an asymmetric binary that is 0 in both), so their Gower distance is undefined; fill or drop one of them`,
        );
      }
      values[index++] = numerator / denominator;
    }
  }
  return wrapDistances(values, n);
}
