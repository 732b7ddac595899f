/**
 * The names TSDoc examples may use without defining them, as the API pages
 * say: the README's generated store and three public datasets (read from
 * ../shared/datasets/ when present; examples that use an absent one are
 * skipped, visibly, by test/docs/examples.test.ts).
 */

import { readFileSync } from "node:fs";
import { generateStore } from "../../src/store/generateStore.js";
import { parseSimpleCsv, sharedDatasetPath } from "../datasets.js";

/** `generateStore({ seed: 7 })`, the README's store. */
export const store = generateStore({ seed: 7 });

function dataset<R>(file: string, parse: (text: string) => R): R | undefined {
  const path = sharedDatasetPath(file);
  return path === undefined ? undefined : parse(readFileSync(path, "utf8"));
}

/** The shared datasets, by the name examples use, with their files. */
export const DATASET_FILES = {
  groceries: "groceries.csv",
  mobi: "ecsi_mobi.csv",
  cdnowSummary: "cdnow_customers_summary.csv",
} as const;

/** Groceries (arules): 9,835 baskets of item names. */
export const groceries = dataset(DATASET_FILES.groceries, (text) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split(",")),
);

/** The ECSI mobile-phone survey (plspm's `mobi`): 250 rows of 24 answers on a 1-10 scale. */
export const mobi = dataset(DATASET_FILES.mobi, (text) =>
  parseSimpleCsv(text).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])),
  ),
);

/** CDNOW's 2,357 customers summarised over the 39-week calibration period (weeks): `{ id, frequency, recency, T }`. */
export const cdnowSummary = dataset(DATASET_FILES.cdnowSummary, (text) =>
  parseSimpleCsv(text).map((row) => ({
    id: row.ID as string,
    frequency: Number(row.frequency),
    recency: Number(row.recency),
    T: Number(row.T),
  })),
);
