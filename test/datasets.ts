import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** Folder of the shared public datasets, beside the repository. */
export const SHARED_DATASETS = fileURLToPath(new URL("../../shared/datasets/", import.meta.url));

/** Absolute path of a shared dataset file, or undefined when the folder is absent. */
export function sharedDatasetPath(file: string): string | undefined {
  const path = `${SHARED_DATASETS}${file}`;
  return existsSync(path) ? path : undefined;
}

/** Text of a shared dataset; throws if absent (call inside `describeWithDataset`). */
export function readSharedDataset(file: string): string {
  const path = sharedDatasetPath(file);
  if (path === undefined) throw new Error(`shared dataset ${file} not found in ${SHARED_DATASETS}`);
  return readFileSync(path, "utf8");
}

/**
 * `describe` that runs only when the shared dataset is present, and otherwise
 * registers a skipped suite whose name says why, so the skip is visible in the report.
 */
export function describeWithDataset(file: string, name: string, body: () => void): void {
  if (sharedDatasetPath(file) === undefined) {
    describe.skip(`${name} (skipped: ../shared/datasets/${file} is absent)`, body);
    console.warn(`[clientele tests] skipping "${name}": ../shared/datasets/${file} is absent`);
  } else {
    describe(name, body);
  }
}

/** Parses a simple CSV (header row, no quoted commas) into records of strings. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? "").split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((name, j) => [name, cells[j] ?? ""]));
  });
}
