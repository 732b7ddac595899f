/**
 * Typed errors shared by every clientele module. Each carries the data a
 * caller needs to fix the problem (function, row, field, value) and a
 * message that says how.
 */

/**
 * Base class of every error clientele throws on purpose.
 *
 * @example
 * ```ts
 * try { rfmTable([], options) } catch (error) {
 *   if (error instanceof ClienteleError) console.log(error.functionName);
 * }
 * ```
 */
export class ClienteleError extends Error {
  /** The public function that refused the call, e.g. `"rfmTable"`. */
  readonly functionName: string;

  constructor(functionName: string, message: string) {
    super(`${functionName}: ${message}`);
    this.name = "ClienteleError";
    this.functionName = functionName;
  }
}

/** One problem found in an options object. */
export interface OptionIssue {
  /** Dotted path of the offending option, e.g. `"transforms.recency"`; empty for the whole object. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The value received at that path, when there is one. */
  readonly received?: unknown;
}

/**
 * An options object failed validation. `issues` lists every problem, not just the first.
 *
 * @example
 * ```ts
 * try { frequentItemsets(baskets, { minSupport: 2 }) } catch (error) {
 *   if (error instanceof InvalidOptionsError) console.log(error.issues[0].path);
 *   // => "minSupport"
 * }
 * ```
 */
export class InvalidOptionsError extends ClienteleError {
  readonly issues: readonly OptionIssue[];

  constructor(functionName: string, issues: readonly OptionIssue[]) {
    const lines = issues.map(
      (issue) => `  - ${issue.path === "" ? "options" : issue.path}: ${issue.message}`,
    );
    super(functionName, `invalid options\n${lines.join("\n")}`);
    this.name = "InvalidOptionsError";
    this.issues = issues;
  }
}

/**
 * A record (row) of the input holds a value the function cannot use.
 * Carries the zero-based `row`, the `field` label and the `value` received.
 *
 * @example
 * ```ts
 * try { rfmTable([{ customer: "a", date: "yesterday", amount: 5 }], options) } catch (error) {
 *   if (error instanceof InvalidRecordError) console.log(error.row, error.field, error.value);
 *   // => 0 "date" "yesterday"
 * }
 * ```
 */
export class InvalidRecordError extends ClienteleError {
  readonly row: number;
  readonly field: string;
  readonly value: unknown;

  constructor(functionName: string, row: number, field: string, value: unknown, expectation: string) {
    super(functionName, `row ${row}, field "${field}": received ${describeValue(value)}; ${expectation}`);
    this.name = "InvalidRecordError";
    this.row = row;
    this.field = field;
    this.value = value;
  }
}

/**
 * The input is well formed but cannot support the requested computation:
 * empty input, too few customers, a single class, a model that is not identifiable.
 *
 * @example
 * ```ts
 * try { kMeans([], { k: 3, fields: ["recency"] }) } catch (error) {
 *   if (error instanceof InsufficientDataError) console.log(error.message);
 * }
 * ```
 */
export class InsufficientDataError extends ClienteleError {
  constructor(functionName: string, message: string) {
    super(functionName, message);
    this.name = "InsufficientDataError";
  }
}

/**
 * Renders a received value for an error message: strings quoted, long values cut,
 * objects summarised, so the message stays one readable line.
 *
 * @example
 * ```ts
 * describeValue("2024-13-01"); // => "\"2024-13-01\" (string)"
 * describeValue(Number.NaN);   // => "NaN (number)"
 * ```
 */
export function describeValue(value: unknown): string {
  const type = typeof value;
  // undefined, null
  if (value == null) return String(value);
  if (type === "string") {
    const text = value as string;
    return `${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)} (string)`;
  }
  if (type === "number" || type === "boolean" || type === "bigint") return `${value} (${type})`;
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return type === "function"
    ? "a function"
    : `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
}
