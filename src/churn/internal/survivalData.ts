/**
 * Reading and sorting survival data for kaplanMeier, logRankTest and coxModel: one pass over the
 * records into typed columns (time, event, group, features), rows with a missing value in a used field
 * dropped and counted (R's `na.omit`), then an O(n) radix sort by time.
 */
import { NUMBER_EXPECTATION } from "../../core/fields.js";
import { type Field, InvalidRecordError, parseDecimal, resolveField } from "../../core/index.js";
import { isMissing } from "../../core/internal/missing.js";
import { type FeatureSpec, type ResolvedFeature, resolveFeature } from "./featureSpec.js";
import { isRecord, notARecordError } from "./records.js";

/**
 * A model feature of the survival functions: a property name, or a named accessor
 * `{ name, value: (record, index) => value }` (the name labels coefficients), as the churn model takes them.
 * @inline
 */
export type SurvivalFeature<T> = FeatureSpec<T>;

/** The name a feature spec labels its terms with. */
export const featureName = <T>(spec: SurvivalFeature<T>): string =>
  typeof spec === "string" ? spec : spec.name;

/**
 * A present numeric value: finite numbers, booleans (1/0), decimal numeric strings; else an
 * InvalidRecordError with `expected` as its fix.
 */
export function numericValue(
  value: unknown,
  row: number,
  name: string,
  functionName: string,
  expected = NUMBER_EXPECTATION,
): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const parsed = typeof value === "string" ? parseDecimal(value) : NaN;
  if (Number.isNaN(parsed)) throw new InvalidRecordError(functionName, row, name, value, expected);
  return parsed;
}

/** A categorical value as its level string (numbers and booleans stringified), or undefined for any other value. */
export const levelOf = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean"
      ? String(value)
      : undefined;

/** A present categorical value as its level string; else an InvalidRecordError. */
function categoryValue(value: unknown, row: number, name: string, functionName: string): string {
  const level = levelOf(value);
  if (level !== undefined) return level;
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
  /** The time, event and group fields by name (core's field labels: the key, or `"<option> (accessor)"`). */
  readonly fieldLabels: { readonly time: string; readonly event: string; readonly group: string | null };
}

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
  // categories coded on the fly (first-seen), recoded to sorted present levels at the end
  const groupCoder = new LevelCoder(n);
  const categoricalCoders = categorical.map(() => new LevelCoder(n));
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
      (categoricalCoders[j] as LevelCoder).set(kept, categoryValue(raw, i, feature.name, functionName));
    }
    if (g !== undefined) groupCoder.set(kept, g);
    timeOut[kept] = tv + 0; // −0 → 0
    eventOut[kept] = ev;
    rows[kept] = i;
    kept++;
  }
  const coded = group === undefined ? undefined : groupCoder.sorted(kept);
  const categoricalCoded = categoricalCoders.map((coder) => coder.sorted(kept));
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
    fieldLabels: { time: time.label, event: event.label, group: group?.label ?? null },
  };
}

/** Codes category strings as they are read (first-seen codes; the previous row's string reuses its code). */
class LevelCoder {
  private readonly codes: Int32Array;
  private readonly table = new Map<string, number>();
  private readonly labels: string[] = [];
  private previous: string | undefined;
  private previousCode = -1;

  constructor(n: number) {
    this.codes = new Int32Array(n);
  }

  set(row: number, value: string): void {
    if (value !== this.previous) {
      let code = this.table.get(value);
      if (code === undefined) {
        code = this.labels.length;
        this.table.set(value, code);
        this.labels.push(value);
      }
      this.previous = value;
      this.previousCode = code;
    }
    this.codes[row] = this.previousCode;
  }

  /** Codes of the first `kept` rows recoded to the sorted levels present among them (UTF-16 code unit order). */
  sorted(kept: number): { codes: Int32Array; labels: string[] } {
    const present = new Uint8Array(this.labels.length);
    for (let i = 0; i < kept; i++) present[this.codes[i] as number] = 1;
    const labels = this.labels.filter((_, code) => present[code] === 1).sort();
    const remap = new Int32Array(this.labels.length);
    labels.forEach((label, sortedCode) => {
      remap[this.table.get(label) as number] = sortedCode;
    });
    const codes = this.codes.slice(0, kept);
    for (let i = 0; i < kept; i++) codes[i] = remap[codes[i] as number] as number;
    return { codes, labels };
  }
}

/**
 * Indices 0..n−1 ordered by ascending `keys` (finite numbers; −0 sorts with 0), ties in index order: an LSD
 * radix sort on the IEEE-754 bits mapped to an unsigned order (sign bit flipped for non-negative numbers,
 * every bit flipped for negative ones), 16 bits per pass, passes whose digit is the same for every key
 * skipped (integer-valued times need two). O(n).
 */
export function sortedIndex(keys: Float64Array): Int32Array {
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
    const low = words[2 * i + loOffset] as number;
    const high = words[2 * i + 1 - loOffset] as number;
    if (keys[i] === 0) {
      lo[i] = 0;
      hi[i] = 0x80000000;
    } else if (high >>> 31 === 1) {
      lo[i] = ~low >>> 0;
      hi[i] = ~high >>> 0;
    } else {
      lo[i] = low;
      hi[i] = (high | 0x80000000) >>> 0;
    }
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
