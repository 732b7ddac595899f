/** What importancePerformance and plsImportancePerformance share: the target's checks and the map's order and cuts. */
import type { InvalidOptionsError } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";

/** The error for a `target` that is not one of the model's `constructs`. */
export function unknownTargetError(
  functionName: string,
  constructs: readonly string[],
  target: unknown,
): InvalidOptionsError {
  return argumentError(
    functionName,
    "target",
    `unknown construct; expected one of ${constructs.join(", ")}`,
    target,
  );
}

/**
 * Sorts the map's entries by decreasing importance (ties by name) and returns their mean importance and
 * performance (the usual grid cuts). No entry is the error that no construct affects `target`.
 */
export function rankEntries(
  functionName: string,
  target: string,
  entries: { readonly name: string; readonly importance: number; readonly performance: number }[],
): { readonly meanImportance: number; readonly meanPerformance: number } {
  if (entries.length === 0) {
    throw argumentError(
      functionName,
      "target",
      `no construct has a path into "${target}"; choose an endogenous construct`,
      target,
    );
  }
  entries.sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
  return {
    meanImportance: entries.reduce((sum, entry) => sum + entry.importance, 0) / entries.length,
    meanPerformance: entries.reduce((sum, entry) => sum + entry.performance, 0) / entries.length,
  };
}
