/**
 * Reading and sorting survival data for kaplanMeier, logRankTest and coxModel: one pass over the
 * records into typed columns (time, event, group, features), rows with a missing value in a used field
 * dropped and counted (R's `na.omit`), then an O(n) radix sort by time.
 */
import { type Field, InvalidRecordError, parseDecimal, resolveField } from "../../core/index.js";
import { isRecord, notARecordError } from "./records.js";

/**
 * A model feature of the survival functions: a property name, or a named accessor
 * `{ name, value: (record, index) => value }` (the name labels coefficients), as the churn model takes them.
 */
export type SurvivalFeature<T> =
  | (keyof T & string)
  | { readonly name: string; readonly value: (record: T, index: number) => unknown };

interface ResolvedFeature<T> {
  readonly name: string;
  readonly read: (record: T, index: number) => unknown;
}

function resolveFeature<T>(spec: SurvivalFeature<T>): ResolvedFeature<T> {
  if (typeof spec === "string") {
    return { name: spec, read: (record) => (record as Record<string, unknown>)[spec] };
  }
  return { name: spec.name, read: spec.value };
}

/** The name a feature spec labels its terms with. */
export const featureName = <T>(spec: SurvivalFeature<T>): string =>
  typeof spec === "string" ? spec : spec.name;

/** A present numeric value: finite numbers, booleans (1/0), decimal numeric strings; else an error. */
function numericValue(value: unknown, row: number, name: string, functionName: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const parsed = typeof value === "string" ? parseDecimal(value) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw new InvalidRecordError(
      functionName,
      row,
      name,
      value,
      'expected a finite number or a decimal numeric string such as "12.50" or "-1e3"',
    );
  }
  return parsed;
}

/** A present categorical value as its level string (numbers and booleans stringified). */
function categoryValue(value: unknown, row: number, name: string, functionName: string): string {
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean")
    return String(value);
  throw new InvalidRecordError(
    functionName,
    row,
    name,
    value,
    "expected a category as a non-empty string, a finite number or a boolean",
  );
}

/** Fields read by {@link readSurvivalData}. */
export interface SurvivalFields<T> {
  readonly time: Field<T>;
  readonly event: Field<T>;
  readonly group?: Field<T> | undefined;
  readonly numeric?: readonly SurvivalFeature<T>[] | undefined;
  readonly categorical?: readonly SurvivalFeature<T>[] | undefined;
}

/** Kept rows as typed columns, in input order. */
export interface SurvivalData {
  /** Rows kept (no missing value in a used field). */
  readonly n: number;
  /** Input row index of each kept row. */
  readonly rows: Int32Array;
  readonly time: Float64Array;
  /** 1 = event (churned), 0 = censored. */
  readonly event: Uint8Array;
  /** Group code per kept row (index into `groupLabels`), when a group field is given. */
  readonly group: Int32Array | undefined;
  /** Group labels sorted (UTF-16 code unit order, as the churn model sorts levels). */
  readonly groupLabels: readonly string[];
  /** Numeric feature columns (kept rows). */
  readonly numeric: readonly Float64Array[];
  readonly numericNames: readonly string[];
  /** Categorical feature codes (kept rows) into the sorted `categoricalLevels[j]`. */
  readonly categorical: readonly Int32Array[];
  readonly categoricalNames: readonly string[];
  readonly categoricalLevels: readonly (readonly string[])[];
  /** Rows dropped for a missing value, and how many per field (a row counts once, at its first missing field). */
  readonly droppedRows: number;
  readonly droppedByField: Readonly<Record<string, number>>;
}

const isMissing = (value: unknown): boolean =>
  value === null || value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));

/**
 * Reads the used fields of every record. Missing values (null, undefined, "", NaN) drop the row; a value
 * of the wrong kind (a negative or non-numeric time, an event other than 0/1/true/false, a non-record
 * element) is an InvalidRecordError naming row, field and value.
 */
export function readSurvivalData<T>(
  records: readonly T[],
  fields: SurvivalFields<T>,
  functionName: string,
): SurvivalData {
  const n = records.length;
  const time = resolveField(fields.time, "time");
  const event = resolveField(fields.event, "event");
  const group = fields.group === undefined ? undefined : resolveField(fields.group, "group");
  const numeric: ResolvedFeature<T>[] = (fields.numeric ?? []).map(resolveFeature);
  const categorical: ResolvedFeature<T>[] = (fields.categorical ?? []).map(resolveFeature);
  const p = numeric.length;
  const q = categorical.length;

  const timeOut = new Float64Array(n);
  const eventOut = new Uint8Array(n);
  const rows = new Int32Array(n);
  const numericOut = numeric.map(() => new Float64Array(n));
  const groupValues: string[] = [];
  const categoricalValues: string[][] = categorical.map(() => []);
  const droppedByField: Record<string, number> = {};
  const drop = (name: string) => {
    droppedByField[name] = (droppedByField[name] ?? 0) + 1;
  };
  let kept = 0;
  rowLoop: for (let i = 0; i < n; i++) {
    const record = records[i] as T;
    if (!isRecord(record)) throw notARecordError(functionName, i, record);
    const t = time.read(record, i);
    if (isMissing(t)) {
      drop(time.label);
      continue;
    }
    const tv = numericValue(t, i, time.label, functionName);
    if (!(tv >= 0) || typeof t === "boolean") {
      throw new InvalidRecordError(
        functionName,
        i,
        time.label,
        t,
        "expected a non-negative, finite follow-up time (e.g. days from acquisition to churn or to the end of observation)",
      );
    }
    const e = event.read(record, i);
    if (isMissing(e)) {
      drop(event.label);
      continue;
    }
    const ev =
      e === true ? 1 : e === false ? 0 : typeof e === "number" || typeof e === "string" ? Number(e) : -1;
    if (ev !== 0 && ev !== 1) {
      throw new InvalidRecordError(
        functionName,
        i,
        event.label,
        e,
        "expected 1 or true (the event happened: churned) or 0 or false (censored: still a customer at the end of follow-up)",
      );
    }
    let g: string | undefined;
    if (group !== undefined) {
      const value = group.read(record, i);
      if (isMissing(value)) {
        drop(group.label);
        continue;
      }
      g = categoryValue(value, i, group.label, functionName);
    }
    for (let j = 0; j < p; j++) {
      const feature = numeric[j] as ResolvedFeature<T>;
      const raw = feature.read(record, i);
      if (isMissing(raw)) {
        drop(feature.name);
        continue rowLoop;
      }
      (numericOut[j] as Float64Array)[kept] = numericValue(raw, i, feature.name, functionName);
    }
    for (let j = 0; j < q; j++) {
      const feature = categorical[j] as ResolvedFeature<T>;
      const raw = feature.read(record, i);
      if (isMissing(raw)) {
        drop(feature.name);
        continue rowLoop;
      }
      (categoricalValues[j] as string[])[kept] = categoryValue(raw, i, feature.name, functionName);
    }
    if (g !== undefined) groupValues[kept] = g;
    timeOut[kept] = tv + 0; // −0 → 0
    eventOut[kept] = ev;
    rows[kept] = i;
    kept++;
  }
  for (const values of categoricalValues) values.length = kept;
  groupValues.length = group === undefined ? 0 : kept;
  const coded = group === undefined ? undefined : codeSorted(groupValues);
  const categoricalCoded = categoricalValues.map(codeSorted);
  return {
    n: kept,
    rows: rows.slice(0, kept),
    time: timeOut.slice(0, kept),
    event: eventOut.slice(0, kept),
    group: coded?.codes,
    groupLabels: coded?.labels ?? [],
    numeric: numericOut.map((column) => column.slice(0, kept)),
    numericNames: numeric.map((feature) => feature.name),
    categorical: categoricalCoded.map((c) => c.codes),
    categoricalNames: categorical.map((feature) => feature.name),
    categoricalLevels: categoricalCoded.map((c) => c.labels),
    droppedRows: n - kept,
    droppedByField,
  };
}

/** Codes strings by their sorted distinct values (UTF-16 code unit order). */
function codeSorted(values: readonly string[]): { codes: Int32Array; labels: string[] } {
  const firstSeen = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let code = firstSeen.get(value);
    if (code === undefined) {
      code = firstSeen.size;
      firstSeen.set(value, code);
    }
    codes[i] = code;
  }
  const labels = [...firstSeen.keys()].sort();
  const remap = new Int32Array(labels.length);
  labels.forEach((label, sortedCode) => {
    remap[firstSeen.get(label) as number] = sortedCode;
  });
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i] as number] as number;
  return { codes, labels };
}

/**
 * Indices 0..n−1 ordered by ascending `keys` (non-negative finite numbers), ties in index order: an LSD
 * radix sort on the IEEE-754 bits (whose order is the numeric order for non-negative doubles), 16 bits per
 * pass, passes whose digit is the same for every key skipped (integer-valued times need two). O(n).
 */
export function sortByTime(keys: Float64Array): Int32Array {
  const n = keys.length;
  let index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  if (n < 2) return index;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const loOffset = littleEndian ? 0 : 1;
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = words[2 * i + loOffset] as number;
    hi[i] = words[2 * i + 1 - loOffset] as number;
  }
  let nextIndex = new Int32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  const count = new Int32Array(65_536);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) (count[((source[i] as number) >>> shift) & 0xffff] as number)++;
    if (count[((source[0] as number) >>> shift) & 0xffff] === n) continue; // one digit: nothing to do
    let total = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = count[d] as number;
      count[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const d = ((source[i] as number) >>> shift) & 0xffff;
      const at = count[d] as number;
      count[d] = at + 1;
      nextIndex[at] = index[i] as number;
      nextLo[at] = lo[i] as number;
      nextHi[at] = hi[i] as number;
    }
    [index, nextIndex] = [nextIndex, index];
    [lo, nextLo] = [nextLo, lo];
    [hi, nextHi] = [nextHi, hi];
  }
  return index;
}

/** Stable counting sort of `order` by `codes[order[i]]` (codes in 0..groups−1). */
export function stableGroupSort(order: Int32Array, codes: Int32Array, groups: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < order.length; i++) (start[(codes[order[i] as number] as number) + 1] as number)++;
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i] as number;
    const g = codes[row] as number;
    out[start[g] as number] = row;
    start[g] = (start[g] as number) + 1;
  }
  return out;
}
