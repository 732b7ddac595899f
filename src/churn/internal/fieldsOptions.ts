/** Options parsing of the churn models, which read their inputs from `fields` (formerly `features`). */
import type * as core from "zod/v4/core";
import { InvalidOptionsError } from "../../core/index.js";
import { parseOptions } from "../../core/options.js";

/**
 * {@link parseOptions}, where an unknown top-level `features` (the option's former name, too far from
 * `fields` for the usual spelling hint) gets the usual unknown-option issue pointing to `fields`.
 */
export function parseFieldsOptions<S extends core.$ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
): core.output<S> {
  try {
    return parseOptions(functionName, schema, options);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    throw new InvalidOptionsError(
      functionName,
      error.issues.map((issue) =>
        issue.path === "features" && issue.message.startsWith("unknown option")
          ? { ...issue, message: 'unknown option "features"; did you mean "fields"?' }
          : issue,
      ),
    );
  }
}
