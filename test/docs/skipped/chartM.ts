/** TSDoc examples of src/chart/ files named m-z that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {};
