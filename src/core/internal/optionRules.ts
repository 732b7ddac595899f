/**
 * Option rules: checks of an options object written as plain functions rather than zod schemas run through
 * `parseOptions`, for functions whose bundle should leave zod and the schema walker out (about 15 kB): the
 * chart builders and clientele/segment. A shape names each option's rule (`numeric`, `text`, `oneOf`,
 * `list`, `field`, `seed`, `progress`, `flag`, `record`, `union`, `nested`, `custom`, made `required` or
 * `nullable`) and {@link checkOptions} checks the options against it. The issues are those `parseOptions`
 * gives for the matching core schemas (`zodStringSchema`, `zodNumberSchema`, `oneOf`, `arraySchema`,
 * `fieldSchema`, `seedSchema`, `progressSchema`, `optionsSchema`, `optionalSchema`) and zod schemas
 * (`z.boolean`, `z.record`, `z.union`), word for word: optionRules.test.ts compares the two on the same inputs.
 */

import { InvalidOptionsError, type OptionIssue } from "../errors.js";
import { unknownOptionMessage } from "./closestName.js";
import { expected, kindOf, preview } from "./optionChecks.js";

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

/** The options of one builder, by name. */
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

/** A string of at most `maxLength` characters (code points): "Too big: expected string to have <=500 characters". */
export const text = (maxLength: number): OptionRule<string, true> =>
  rule("a string", (value, report) => {
    if (typeof value !== "string") report(undefined, value);
    else if (value.length > maxLength && [...value].length > maxLength)
      report(`Too big: expected string to have <=${maxLength} characters`, value);
    return value as string;
  });

/** The bounds of a {@link numeric} option: `gte` (>=), `gt` (>), `lte` (<=), `whole` for whole numbers. */
export interface NumericBounds {
  readonly gte?: number;
  readonly gt?: number;
  readonly lte?: number;
  readonly whole?: boolean;
}

/**
 * A finite number within `bounds`: "Too small: expected number to be >=100", "Too big: expected number to
 * be <=2000"; a whole number outside the safe range is also "Too big: expected int to be <=9007199254740991".
 */
export function numeric({ gte, gt, lte, whole = false }: NumericBounds): OptionRule<number, true> {
  // each bound given: its value, its sign in the words, whether a value beyond it is too big
  const bounds: [bound: number, sign: ">=" | ">" | "<=", big: boolean][] = [];
  if (gte !== undefined) bounds.push([gte, ">=", false]);
  if (gt !== undefined) bounds.push([gt, ">", false]);
  if (lte !== undefined) bounds.push([lte, "<=", true]);
  const words = bounds.map(([bound, sign]) => ` ${sign} ${bound}`).join(" and");
  return rule(`${whole ? "a whole number" : "a number"}${words}`, (value, report) => {
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      report(undefined, value);
      return value as number;
    }
    const number = value as number;
    const beyond = (big: boolean, origin: string, sign: string, bound: number): void =>
      report(`Too ${big ? "big" : "small"}: expected ${origin} to be ${sign}${bound}`, number);
    if (whole && !Number.isSafeInteger(number))
      beyond(number > 0, "int", number > 0 ? "<=" : ">=", Math.sign(number) * Number.MAX_SAFE_INTEGER);
    for (const [bound, sign, big] of bounds)
      if (sign === "<=" ? number > bound : sign === ">=" ? number < bound : number <= bound)
        beyond(big, "number", sign, bound);
    return number;
  });
}

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
      report(`expected an array, received ${kindOf(value)}`, value);
      return value as E[];
    }
    value.forEach((item, index) => {
      const message = element?.(item);
      if (message !== undefined) report(message, item, [String(index)]);
    });
    if (value.length < minLength) report(`Too small: expected array to have >=${minLength} items`, value);
    return value;
  });

/** A key of the records or an accessor function: "expected a property name or an accessor function". */
export const field = <F>(): OptionRule<F, true> =>
  rule("a property name or an accessor function (record, index) => value", (value, report) => {
    if (!((typeof value === "string" && value.length > 0) || typeof value === "function"))
      report("expected a property name or an accessor function", value);
    return value as F;
  });

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
 */
export function checkOptions<S extends OptionShape>(
  functionName: string,
  shape: S,
  options: unknown,
): OptionValues<S> {
  const issues: OptionIssue[] = [];
  const output = checkShape(shape, options ?? {}, (message, received, path = [], named = false) => {
    const shown = named || received === undefined || typeof received === "function";
    issues.push({
      path: path.length === 0 ? "options" : path.join("."),
      message:
        (message ?? `expected an options object ({ name: value, ... }), received ${kindOf(received)}`) +
        (shown ? "" : ` (received ${preview(received)})`),
      received,
    });
  });
  if (issues.length > 0) throw new InvalidOptionsError(functionName, issues);
  return output as OptionValues<S>;
}
