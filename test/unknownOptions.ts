/**
 * Helpers of the tests that every options object of a module is strict (each module's
 * unknownOptions.test.ts): a misspelt option key is an InvalidOptionsError naming it, with the likely
 * intended name.
 */
import { expect } from "vitest";
import { InvalidOptionsError } from "../src/core/errors.js";

/** The InvalidOptionsError `call` throws; any other error is rethrown, and a call that succeeds fails the test. */
export function optionsError(call: () => unknown): InvalidOptionsError {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidOptionsError) return error;
    throw error;
  }
  throw new Error("expected an InvalidOptionsError, the call succeeded");
}

/**
 * Checks that `call` throws an InvalidOptionsError with an "unknown option" issue at `path` (a dotted
 * path for a nested key), and that the issue suggests `suggestion` ("did you mean ...?") when one is given.
 */
export function expectUnknownOption(call: () => unknown, path: string, suggestion: string | undefined): void {
  const error = optionsError(call);
  const issue = error.issues.find((entry) => entry.path === path);
  expect(issue, error.message).toBeDefined();
  expect(issue?.message).toContain("unknown option");
  if (suggestion !== undefined) expect(issue?.message).toContain(`did you mean "${suggestion}"?`);
}
