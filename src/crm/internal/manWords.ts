// Small helpers the MAN qualification files share: word maps, number formats, and the
// per-call reader that turns a bad record value into an InvalidRecordError naming row and field.
import { InvalidRecordError } from "../../core/index.js";
import { isMissing } from "./records.js";

/** The function name in error messages. */
export const MAN_FN = "qualifyProspects";

/** The prospect attributes read from each record (a key or an accessor each). */
export const PROSPECT_FIELDS = [
  "id",
  "income",
  "incomeStability",
  "authority",
  "dependants",
  "lifeEvents",
  "needStrength",
  "health",
  "requirements",
  "incomeTrend",
  "savings",
  "budget",
] as const;
export type ProspectFieldName = (typeof PROSPECT_FIELDS)[number];

export const lower = (text: string): string => text.trim().toLowerCase();
export const fmt = (x: number): string => x.toFixed(2);
export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A word map keyed by trimmed lower-case words, built once per call. */
export type WordMap = ReadonlyMap<string, number>;
export const wordMap = (map: Readonly<Record<string, number>>): WordMap =>
  new Map(Object.entries(map).map(([word, value]) => [lower(word), value]));
export const lookup = (map: WordMap, word: string): number | undefined => map.get(lower(word));

/**
 * A score in [0, 1] given as a number, or as a word of `map` (built from `words`, whose keys the error
 * lists); anything else fails, naming the row and field.
 */
export function scoreOf(
  row: ProspectRow,
  name: ProspectFieldName,
  value: unknown,
  map: WordMap,
  words: Readonly<Record<string, number>>,
): number {
  let score: number | undefined;
  if (typeof value === "number" && value >= 0 && value <= 1) score = value;
  else if (typeof value === "string") score = lookup(map, value);
  return (
    score ?? row.fail(name, value, `expected a score in [0, 1] or one of ${Object.keys(words).join(", ")}`)
  );
}

/** How a score read by {@link scoreOf} is shown: the number, or the word it was given as. */
export const scoreText = (value: unknown, score: number): string =>
  typeof value === "number" ? fmt(score) : lower(value as string);

/** Per-row access to the prospect's attributes and the errors about them. */
export interface ProspectRow {
  readonly index: number;
  /** The raw value of an attribute (through the `fields` option); each is read once per row. */
  value(name: ProspectFieldName): unknown;
  /** True when the value is missing; throws under `missing: "error"` when `required`. */
  missing(name: ProspectFieldName, value: unknown, required?: boolean): boolean;
  /** Throws an InvalidRecordError naming this row, the field's label and the value. */
  fail(name: ProspectFieldName, value: unknown, expectation: string): never;
}

/** One reader for every row of a call (`at` moves it to the next record, no allocation per row). */
export class ProspectRowReader<T> implements ProspectRow {
  index = 0;
  private record: T | undefined;

  constructor(
    private readonly read: Readonly<Record<ProspectFieldName, (record: T, index: number) => unknown>>,
    private readonly label: Readonly<Record<ProspectFieldName, string>>,
    private readonly missingIsError: boolean,
  ) {}

  /** Points the reader at row `index`. */
  at(record: T, index: number): this {
    this.record = record;
    this.index = index;
    return this;
  }

  value(name: ProspectFieldName): unknown {
    return this.read[name](this.record as T, this.index);
  }

  missing(name: ProspectFieldName, value: unknown, required = true): boolean {
    if (!isMissing(value)) return false;
    if (this.missingIsError && required) {
      this.fail(name, value, `expected a value for ${name} (or use missing: "defer")`);
    }
    return true;
  }

  fail(name: ProspectFieldName, value: unknown, expectation: string): never {
    throw new InvalidRecordError(MAN_FN, this.index, this.label[name], value, expectation);
  }
}
