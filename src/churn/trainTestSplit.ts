import {
  assertRecordArray,
  createRandom,
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  resolveField,
} from "../core/index.js";
import { closestName } from "../core/internal/closestName.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, numeric, seed } from "../core/internal/optionRules.js";
import { freeze } from "./internal/freeze.js";
import { isRecord, notARecordError } from "./internal/records.js";

const FUNCTION_NAME = "trainTestSplit";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions<T> {
  /** Share of the records put in the test part, in (0, 1). @defaultValue 0.25 */
  readonly testFraction?: number;
  /**
   * Keep the share of each value of this field (e.g. the churn label) the same in both parts. Values
   * are compared as strings after `String(value)`; missing values form their own stratum, but a field
   * that no record fills is an error (a misspelt name would otherwise split without strata). With
   * `stratify` every element must be a record; without it, elements are not read and may be anything.
   * @defaultValue undefined (no stratification)
   */
  readonly stratify?: Field<T>;
  /** Seed of the shuffle. @defaultValue 1 */
  readonly seed?: number;
}

/** Result of {@link trainTestSplit}. */
export interface TrainTestSplitResult<T> {
  /** Training records, in input order. */
  readonly train: readonly T[];
  /** Test records, in input order. */
  readonly test: readonly T[];
  /** Input positions of the training records (ascending). */
  readonly trainIndices: Int32Array;
  /** Input positions of the test records (ascending). */
  readonly testIndices: Int32Array;
  readonly options: { readonly testFraction: number; readonly stratified: boolean; readonly seed: number };
}

/** The option rules of trainTestSplit (core's checkOptions: no zod in the bundle). */
export const trainTestSplitShape = {
  testFraction: /* @__PURE__ */ numeric({
    gt: 0,
    lt: 1,
    messages: { gt: "must be greater than 0", lt: "must be less than 1" },
  }),
  stratify: /* @__PURE__ */ field<Field<unknown>>(),
  seed: /* @__PURE__ */ seed(),
};

/**
 * Splits records into a training and a test part at random, reproducibly from `seed`
 * (`createRandom` + Fisher-Yates). Without `stratify`, the test part holds round(testFraction · n)
 * records; with `stratify`, each stratum contributes round(testFraction · stratum size), so the churn
 * rate is (nearly) the same in both parts. Both parts keep input order. The records themselves are
 * shared, not copied, and the input is not mutated. Complexity O(n).
 *
 * Reference: the stratified hold-out of Kohavi (1995), "A study of cross-validation and bootstrap for
 * accuracy estimation and model selection", IJCAI.
 *
 * @param records - rows to split (not mutated)
 * @param options - see {@link TrainTestSplitOptions}
 * @throws {@link InvalidOptionsError} for a fraction outside (0, 1), an unknown option, a non-array input, or a
 *   `stratify` field that no record fills (a misspelt field name would otherwise split without strata)
 * @throws {@link InvalidRecordError} for an element that is not a record (null, a number...), and with
 *   `stratify` for a stratum value that is an object
 * @throws {@link InsufficientDataError} when fewer than 2 records, or when a part would be empty
 * @example
 * ```ts
 * const customers = Array.from({ length: 400 }, (_, i) => ({
 *   daysSinceLastOrder: (i * 37) % 101,
 *   plan: i % 3 === 0 ? "basic" : "plus",
 *   churned: (i * 37) % 101 > 40 + (i % 7) * 8 ? 1 : 0,
 * }));
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.25, stratify: "churned", seed: 7 });
 * [train.length, test.length]; // => [300, 100]
 * ```
 */
export function trainTestSplit<T>(
  records: readonly T[],
  options: TrainTestSplitOptions<T> = {},
): TrainTestSplitResult<T> {
  const parsed = withDefaults(checkOptions(FUNCTION_NAME, trainTestSplitShape, options), {
    testFraction: 0.25,
    seed: 1,
  });
  // Every element must be a record even without `stratify`: a null or a number in the input is a bug
  // upstream that a split would only carry into both parts.
  assertRecordArray(records, FUNCTION_NAME);
  const n = records.length;
  if (n < 2) throw new InsufficientDataError(FUNCTION_NAME, `${n} record(s); a split needs at least 2`);
  const random = createRandom(parsed.seed);
  const inTest = new Uint8Array(n);

  const strata = new Map<string, number[]>();
  if (parsed.stratify === undefined)
    strata.set(
      "",
      Array.from({ length: n }, (_, i) => i),
    );
  else {
    const { read, label } = resolveField(parsed.stratify as Field<T>, "stratify");
    let present = 0;
    for (let i = 0; i < n; i++) {
      const record = records[i] as T;
      if (!isRecord(record)) throw notARecordError(FUNCTION_NAME, i, record);
      const value = read(record, i);
      if (typeof value === "object" && value !== null) {
        throw new InvalidRecordError(
          FUNCTION_NAME,
          i,
          label,
          value,
          "expected a primitive stratum value (label, category)",
        );
      }
      const isMissing = value === undefined || value === null || value === "";
      if (!isMissing) present++;
      const key = isMissing ? "\u0000missing" : String(value);
      let members = strata.get(key);
      if (members === undefined) strata.set(key, (members = []));
      members.push(i);
    }
    if (present === 0) throw noStratum(parsed.stratify as Field<T>, label, records[0] as object);
  }
  // Strata in sorted key order so the stream of draws does not depend on which value came first.
  for (const key of [...strata.keys()].sort()) {
    const members = strata.get(key) as number[];
    const take = Math.round(parsed.testFraction * members.length);
    const shuffled = random.shuffle(members);
    for (let k = 0; k < take; k++) inTest[shuffled[k] as number] = 1;
  }
  let testCount = 0;
  for (let i = 0; i < n; i++) testCount += inTest[i] as number;
  if (testCount === 0 || testCount === n) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `testFraction ${parsed.testFraction} of ${n} records leaves the ${testCount === 0 ? "test" : "training"} part empty; use more records or a different fraction`,
    );
  }
  const trainIndices = new Int32Array(n - testCount);
  const testIndices = new Int32Array(testCount);
  const train: T[] = [];
  const test: T[] = [];
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (inTest[i] === 1) {
      testIndices[b++] = i;
      test.push(records[i] as T);
    } else {
      trainIndices[a++] = i;
      train.push(records[i] as T);
    }
  }
  return freeze({
    train: freeze(train),
    test: freeze(test),
    trainIndices,
    testIndices,
    options: freeze({
      testFraction: parsed.testFraction,
      stratified: parsed.stratify !== undefined,
      seed: parsed.seed,
    }),
  });
}

/** Stratifying by a field no record fills would silently split without strata: say so, with the likely name. */
function noStratum<T>(field: Field<T>, label: string, first: object): InvalidOptionsError {
  const message =
    typeof field === "function"
      ? 'the stratify accessor returned a missing value (undefined, null or "") for every record; return each record\'s stratum (e.g. its churn label)'
      : (() => {
          const nearest = closestName(field, Object.keys(first));
          return `no record has a value in field "${label}"${nearest === undefined ? "" : `; did you mean "${nearest}"?`} Name the field holding each record's stratum (e.g. the churn label)`;
        })();
  return new InvalidOptionsError(FUNCTION_NAME, [{ path: "stratify", message, received: label }]);
}
