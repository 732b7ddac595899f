/**
 * Option rules: how every public function checks its options object, with plain functions rather than a
 * schema library, so a bundle keeps only the rules its function uses and the package has no runtime
 * dependency. A shape names each option's rule (`numeric`, `text`, `nonEmptyText`, `textWhere`, `oneOf`,
 * `list`, `listOf`, `field`, `seed`, `progressCallback`, `flag`, `fraction`, `date`, `record`, `union`,
 * `nested`, `custom`, made `required` or `nullable`) and {@link checkOptions} checks the options against it,
 * listing every problem in one InvalidOptionsError. Until session 8 the options were zod schemas run through
 * `parseOptions`; the issues here are the ones that gave, word for word (optionRules.test.ts and each
 * module's option-rule test compare the two on random options, with that code kept in test/zodOracle/).
 */

import { InvalidOptionsError, type OptionIssue } from "../errors.js";
import { unknownOptionMessage } from "./closestName.js";
import { expected, preview } from "./optionWords.js";

/**
 * Reports one problem of a value at `path` below the option: `message` says what is wrong; without a
 * message, the value is not of a kind the option accepts ("expected <accepts>, received <kind>", or
 * "required: expected <accepts>" when it is missing), worded with the option's own {@link OptionRule.accepts}.
 */
export type ReportProblem = (
  message: string | undefined,
  received: unknown,
  path?: readonly string[],
  /** True when the message names the value already (an unknown option): no "(received ...)" after it. */
  named?: boolean,
) => void;

/** One option: what it accepts, in words, and the check of a value that is present. */
export interface OptionRule<T, Optional extends boolean = boolean> {
  /** What the option accepts, in words: "a whole number >= 1 and <= 500". */
  readonly accepts: string;
  /** False for an option that must be given. */
  readonly optional: Optional;
  /** Reports every problem of `value` and returns the value to keep. */
  readonly check: (value: unknown, report: ReportProblem) => T;
}

/** The options of one function, by name. */
export type OptionShape = Readonly<Record<string, OptionRule<unknown>>>;

/** The parsed options of a shape: each option's value, optional ones possibly undefined. */
export type OptionValues<S extends OptionShape> = {
  readonly [K in keyof S as S[K]["optional"] extends true ? K : never]?: ReturnType<S[K]["check"]>;
} & {
  readonly [K in keyof S as S[K]["optional"] extends true ? never : K]: ReturnType<S[K]["check"]>;
};

/** An optional option of kind `accepts`, with the check of a present value. */
const rule = <T>(
  accepts: string,
  check: (value: unknown, report: ReportProblem) => T,
): OptionRule<T, true> => ({
  accepts,
  optional: true,
  check,
});

/** `rule`, made one that must be given. */
export const required = <T>(option: OptionRule<T>): OptionRule<T, false> => ({ ...option, optional: false });

/** `rule`, or null (`"a string or null"`). */
export const nullable = <T>(option: OptionRule<T>): OptionRule<T | null, true> =>
  rule(`${option.accepts} or null`, (value, report) => (value === null ? null : option.check(value, report)));

/** An option with its own check: `problem(value)` gives the message of a value that fails, or undefined. */
export const custom = <T>(
  accepts: string,
  problem: (value: unknown) => string | undefined,
): OptionRule<T, true> =>
  rule(accepts, (value, report) => {
    const message = problem(value);
    if (message !== undefined) report(message, value);
    return value as T;
  });

/**
 * A string of at most `maxLength` characters (code points; `Number.POSITIVE_INFINITY` for any length):
 * "Too big: expected string to have <=500 characters".
 */
export const text = (maxLength: number): OptionRule<string, true> =>
  rule("a string", (value, report) => {
    if (typeof value !== "string") report(undefined, value);
    else if (value.length > maxLength && [...value].length > maxLength)
      report(`Too big: expected string to have <=${maxLength} characters`, value);
    return value as string;
  });

/**
 * A string that `problem` finds nothing wrong with: "expected a string, received ...", "required: expected
 * a string", or the message `problem` gives (`z.string().check(z.refine(...))`).
 */
export const textWhere = (problem: (text: string) => string | undefined): OptionRule<string, true> =>
  rule("a string", (value, report) => {
    if (typeof value !== "string") report(undefined, value);
    else {
      const message = problem(value);
      if (message !== undefined) report(message, value);
    }
    return value as string;
  });

/** A string of any length (`z.string()`): "expected a string, received ...", "required: expected a string". */
export const anyText = (): OptionRule<string, true> => textWhere(() => undefined);

/** Zod's words for a string shorter than one character (`z.minLength(1)`). */
const EMPTY_TEXT = "Too small: expected string to have >=1 characters";

/** The problem of an empty string, in zod's words (`z.minLength(1)`); none for another string. */
export const emptyTextProblem = (text: string): string | undefined => (text === "" ? EMPTY_TEXT : undefined);

/**
 * A string of at least one character (`z.string().check(z.minLength(1, emptyMessage))`): "expected a
 * string, received ...", "required: expected a string"; an empty string is `emptyMessage` ("Too small:
 * expected string to have >=1 characters" unless given).
 */
export const nonEmptyText = (emptyMessage = EMPTY_TEXT): OptionRule<string, true> =>
  textWhere((text) => (text === "" ? emptyMessage : undefined));

/** The least length of a list or a string, and the message of a shorter one (`z.minLength(min, message)`). */
export interface LeastLength {
  readonly min: number;
  readonly message: string;
}

/**
 * `option` with zod's stray length issue: zod ran a length check (`z.minLength`) on any value with a
 * length, so a value of another kind (an empty array given for a string, an empty string given for an
 * array) was told it is too short (`message`) as well as of the wrong kind. For the options whose tests
 * keep that second issue.
 */
export const withStrayLength = <T>(
  option: OptionRule<T>,
  { min, message }: LeastLength,
): OptionRule<T, true> =>
  rule(option.accepts, (value, report) => {
    let ofKind = true;
    const checked = option.check(value, (problem, received, path = [], named) => {
      if (problem === undefined && path.length === 0) ofKind = false;
      report(problem, received, path, named);
    });
    const length = value == null ? undefined : (value as { length?: unknown }).length;
    if (!ofKind && length !== undefined && !((length as number) >= min)) report(message, value);
    return checked;
  });

/**
 * The bounds of a {@link numeric} option: `gte` (>=), `gt` (>), `lte` (<=), `lt` (<), `whole` for whole
 * numbers; `messages` for a bound's own message in place of zod's (as `z.gte(1, "resamples must be at
 * least 1")`), and `messages.whole` for a number that is not a whole number (`z.int(message)`).
 */
export interface NumericBounds {
  readonly gte?: number;
  readonly gt?: number;
  readonly lte?: number;
  readonly lt?: number;
  readonly whole?: boolean;
  readonly messages?: {
    readonly gte?: string;
    readonly gt?: string;
    readonly lte?: string;
    readonly lt?: string;
    /**
     * The message of a finite number that is not whole (then alone: the bounds are not checked) or of
     * a whole number outside the safe range (then with any bound it fails), in place of zod's type and
     * int-range words.
     */
    readonly whole?: string;
  };
}

/** The sign of each bound of {@link NumericBounds}, in the order a number's problems are reported. */
const SIGNS = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const;

/** How a bound compares: a number must be `>=`, `>`, `<=` or `<` the bound. */
type Sign = (typeof SIGNS)[keyof typeof SIGNS];

/** True for an upper bound (`<=`, `<`). */
const isUpper = (sign: Sign): boolean => sign[0] === "<";

/** Zod's words for a number beyond a bound: "Too small: expected number to be >=1", "Too big: ... <1". */
const beyond = (origin: "number" | "int", sign: Sign, bound: number): string =>
  `Too ${isUpper(sign) ? "big" : "small"}: expected ${origin} to be ${sign}${bound}`;

/**
 * A finite number within `bounds`: "Too small: expected number to be >=100", "Too big: expected number to
 * be <=2000", "Too big: expected number to be <1"; a whole number outside the safe range is also "Too big:
 * expected int to be <=9007199254740991".
 */
export function numeric(options: NumericBounds): OptionRule<number, true> {
  const { whole, messages } = options;
  // each bound given: its value, its sign in the words, and the message of a number beyond it
  const bounds: [bound: number, sign: Sign, message: string][] = [];
  for (const key in SIGNS) {
    const bound = options[key as keyof typeof SIGNS];
    const sign = SIGNS[key as keyof typeof SIGNS];
    if (bound !== undefined)
      bounds.push([bound, sign, messages?.[key as keyof typeof SIGNS] ?? beyond("number", sign, bound)]);
  }
  const words = bounds.map(([bound, sign]) => ` ${sign} ${bound}`).join(" and");
  return rule(`${whole ? "a whole number" : "a number"}${words}`, (value, report) => {
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      // a finite number that is not whole: `messages.whole` (alone) or, without it, the kind expected
      report(Number.isFinite(value) ? messages?.whole : undefined, value);
      return value as number;
    }
    const number = value as number;
    if (whole && !Number.isSafeInteger(number))
      report(
        messages?.whole ??
          beyond("int", number > 0 ? "<=" : ">=", Math.sign(number) * Number.MAX_SAFE_INTEGER),
        number,
      );
    for (const [bound, sign, message] of bounds) {
      // past the bound, or on a strict one (`>`, `<`)
      const past = isUpper(sign) ? number > bound : number < bound;
      if (past || (number === bound && sign.length === 1)) report(message, number);
    }
    return number;
  });
}

/**
 * A finite number, as core's `seedSchema` checks a `seed`: "expected a finite number, received ...",
 * "required: expected a finite number".
 */
export const seed = (): OptionRule<number, true> =>
  rule("a finite number", (value, report) => {
    if (!Number.isFinite(value)) report(undefined, value);
    return value as number;
  });

/**
 * A number in (0, 1], as core's `fractionSchema` checks one: "must be greater than 0", "must be at most 1",
 * "expected a number in (0, 1], received a string".
 */
export const fraction = (): OptionRule<number, true> => ({
  ...numeric({ gt: 0, lte: 1, messages: { gt: "must be greater than 0", lte: "must be at most 1" } }),
  accepts: "a number in (0, 1]",
});

const DATE = "a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds";

/**
 * A date, as core's `dateSchema` checks one: a valid Date, a string (its date is read later, as the
 * function parses it) or finite epoch milliseconds. A value of none of these forms is worded as a union
 * of them: "expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds", without its kind.
 */
export const date = (): OptionRule<Date | string | number, true> =>
  rule(DATE, (value, report) => {
    const isDate =
      typeof value === "string" ||
      (typeof value === "number" && Number.isFinite(value)) ||
      (value instanceof Date && !Number.isNaN(value.getTime()));
    if (!isDate) report(value === undefined ? undefined : `expected ${DATE}`, value);
    return value as Date | string | number;
  });

/** True or false (`z.boolean()`): "expected true or false, received ...". */
export const flag = (): OptionRule<boolean, true> =>
  rule("true or false", (value, report) => {
    if (typeof value !== "boolean") report(undefined, value);
    return value as boolean;
  });

/** One of `values`: `Invalid option: expected one of "rmse"|"mae"`. */
export function oneOf<const T extends readonly string[]>(values: T): OptionRule<T[number], true> {
  const quoted = values.map((value) => JSON.stringify(value));
  return rule(`one of ${quoted.join(", ")}`, (value, report) => {
    if (!values.includes(value as string))
      report(
        quoted.length === 1 ? `expected ${quoted[0]}` : `Invalid option: expected one of ${quoted.join("|")}`,
        value,
      );
    return value as T[number];
  });
}

/**
 * An array of at least `minLength` elements: "expected an array, received ...", "Too small: expected array
 * to have >=2 items"; `element` gives the message of an element that fails (an issue at its index).
 */
export const list = <E>(
  minLength = 0,
  element?: (value: unknown) => string | undefined,
): OptionRule<E[], true> =>
  rule("an array", (value, report) => {
    if (!Array.isArray(value)) {
      report(undefined, value);
      return value as E[];
    }
    value.forEach((item, index) => {
      const message = element?.(item);
      if (message !== undefined) report(message, item, [String(index)]);
    });
    if (value.length < minLength) report(`Too small: expected array to have >=${minLength} items`, value);
    return value;
  });

/**
 * Checks `value` with `element` as the element at `index` of a list: its problems under that index, a
 * problem without a message worded with what `element` accepts ("expected a number > 0, received a string").
 */
export function checkElement<E>(
  element: OptionRule<E>,
  value: unknown,
  index: number,
  report: ReportProblem,
): E {
  return element.check(value, (message, received, path = [], named) =>
    report(message ?? expected(element.accepts, received), received, [String(index), ...path], named),
  );
}

/**
 * An array whose every element `element` checks (`z.array(element)`, with `.check(z.minLength(min,
 * message))` when `length` is given): "expected an array, received ..."; each element's problems under
 * its index (a hole of a sparse array is a missing element); fewer than `min` elements: `message`.
 * Returns a new array of the checked elements, as zod did (never the caller's own array).
 */
export function listOf<E>(element: OptionRule<E>, length?: LeastLength): OptionRule<E[], true> {
  return rule("an array", (value, report) => {
    if (!Array.isArray(value)) {
      report(undefined, value);
      return value as E[];
    }
    const checked: E[] = [];
    for (let index = 0; index < value.length; index++)
      checked.push(checkElement(element, value[index], index, report));
    if (length !== undefined && value.length < length.min) report(length.message, value);
    return checked;
  });
}

const FIELD = "a property name or an accessor function";

/** A key of the records or an accessor function: "expected a property name or an accessor function". */
export const field = <F>(): OptionRule<F, true> =>
  rule(`${FIELD} (record, index) => value`, (value, report) => {
    if (!((typeof value === "string" && value.length > 0) || typeof value === "function"))
      report(`expected ${FIELD}`, value);
    return value as F;
  });

/** A progress callback, as core's `progressSchema` checks `onProgress`: "onProgress must be a function". */
export const progressCallback = <F>(): OptionRule<F, true> =>
  custom<F>("a function", (value) =>
    typeof value === "function" ? undefined : "onProgress must be a function",
  );

/**
 * A plain object (not an array, a Date, a Map, ...), as zod's records and objects take one: its prototype
 * is Object's, or it has none, or its constructor is not a class of its own.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const maker: unknown = (value as { constructor?: unknown }).constructor;
  if (typeof maker !== "function") return true;
  const prototype: unknown = maker.prototype;
  return prototype !== null && typeof prototype === "object" && Object.hasOwn(prototype, "isPrototypeOf");
}

/**
 * An object of any names, each value checked by `entry` (`z.record(z.string(), entry)`): "expected an
 * object, received ..."; an entry's problems under its name.
 */
export const record = <V>(entry: OptionRule<V>): OptionRule<Record<string, V>, true> =>
  rule("an object", (value, report) => {
    if (!isPlainObject(value)) {
      report(undefined, value);
      return value as Record<string, V>;
    }
    const output: Record<string, V> = {};
    for (const name of Object.keys(value)) {
      if (name === "__proto__") continue;
      output[name] = entry.check(value[name], (message, received, path = [], named) =>
        report(message ?? expected(entry.accepts, received), received, [name, ...path], named),
      );
    }
    return output;
  });

/**
 * One of several forms (`z.union([...])`): a value that one of `options` accepts passes (the first such,
 * as given); otherwise the problems of the one option that takes the value's kind (whose problems do not
 * include the value's own kind: an array form's problems for an array), or "expected <form> or <form>"
 * when none or several take it. Zod also gives the forms when an element of an array form has the wrong
 * type; here that element's problem is reported, which says more.
 */
export function union<T>(...options: readonly OptionRule<T>[]): OptionRule<T, true> {
  const accepts = options.map((option) => option.accepts).join(" or ");
  return rule(accepts, (value, report) => {
    const outcomes = options.map((option) => {
      const problems: Parameters<ReportProblem>[] = [];
      let ofKind = true;
      const output = option.check(value, (message, received, path = [], named) => {
        if (message === undefined && path.length === 0) ofKind = false;
        problems.push([message ?? expected(option.accepts, received), received, path, named]);
      });
      return { output, problems, ofKind };
    });
    const passed = outcomes.find(({ problems }) => problems.length === 0);
    if (passed !== undefined) return passed.output;
    const taking = outcomes.filter(({ ofKind }) => ofKind);
    if (taking.length !== 1) {
      // zod's words for a union: the forms, without the kind received (a missing value: "required: ...")
      report(value === undefined ? undefined : `expected ${accepts}`, value);
      return value as T;
    }
    const [only] = taking as [(typeof taking)[number]];
    for (const problem of only.problems) report(...problem);
    return only.output;
  });
}

/**
 * Checks the options of `shape` in `input`: each option's problems under its name (its type problem
 * worded with what it accepts), then one issue per unknown name with the closest valid one ("did you
 * mean") or the valid names. Returns the options given (an absent optional one is left out).
 */
function checkShape(
  shape: OptionShape,
  input: unknown,
  report: ReportProblem,
): Record<string, unknown> | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    report(undefined, input);
    return undefined;
  }
  const given = input as Record<string, unknown>;
  const names = Object.keys(shape);
  const output: Record<string, unknown> = {};
  for (const name of names) {
    const option = shape[name] as OptionRule<unknown>;
    const present = name in given;
    const value = given[name];
    if (value === undefined && option.optional) {
      if (present) output[name] = undefined;
      continue;
    }
    output[name] = option.check(value, (message, received, path = [], named) =>
      report(message ?? expected(option.accepts, received), received, [name, ...path], named),
    );
  }
  for (const name in given)
    if (!names.includes(name)) report(unknownOptionMessage(name, names), given[name], [name], true);
  return output;
}

/** An options object of its own `shape` inside the options ("expected an object, received ..."). */
export const nested = <S extends OptionShape>(shape: S): OptionRule<OptionValues<S>, true> =>
  rule("an object", (value, report) => checkShape(shape, value, report) as OptionValues<S>);

/**
 * Checks `options` (undefined and null mean `{}`) against `shape` and returns them, or throws one
 * {@link InvalidOptionsError} listing every issue, worded as `parseOptions` words them: the value received
 * follows each message (`(received 5)`), a non-object options argument is "expected an options object".
 * `across`, when given, checks options together once they are an object ("give exactly one of fields or
 * matrix"): it reports each problem under the option it names, after the others, with the options checked
 * as the value received (as a zod `.check` on the options object reports it).
 */
export function checkOptions<S extends OptionShape>(
  functionName: string,
  shape: S,
  options: unknown,
  across?: (checked: OptionValues<S>, report: (option: string, message: string) => void) => void,
): OptionValues<S> {
  const issues: OptionIssue[] = [];
  const report: ReportProblem = (message, received, path = [], named) => {
    const shown = named || received === undefined || typeof received === "function";
    issues.push({
      path: path.length === 0 ? "options" : path.join("."),
      message:
        (message ?? expected("an options object ({ name: value, ... })", received)) +
        (shown ? "" : ` (received ${preview(received)})`),
      received,
    });
  };
  const output = checkShape(shape, options ?? {}, report) as OptionValues<S> | undefined;
  if (output !== undefined) across?.(output, (option, message) => report(message, output, [option]));
  if (issues.length > 0) throw new InvalidOptionsError(functionName, issues);
  return output as OptionValues<S>;
}
