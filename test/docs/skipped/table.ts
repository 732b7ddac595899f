/** TSDoc examples of src/table/ that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
  "src/table/fromTable.ts#FromTableOptions": "a fragment: uses `table`, which it does not define",
  "src/table/fromTable.ts#FromTableSource": "a fragment: uses `table`, which it does not define",
  "src/table/toTable.ts#ToTableOptions": "a fragment: uses `rfm`, which it does not define",
};
