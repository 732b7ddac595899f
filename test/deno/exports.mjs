/**
 * Deno smoke test of the built package's exports (run by scripts/deno-check.mjs).
 *
 * Deno.args[0] is a JSON array of { subpath, file, names }: `file` is a built
 * entry (e.g. "dist/basket/index.js", relative to the repository root) and
 * `names` the exports Node sees in it. Each file is imported with a plain
 * relative file URL and its export names must equal Node's. Exits non-zero
 * on the first mismatch or failed import.
 */
const expected = JSON.parse(Deno.args[0] ?? "[]");
const root = new URL("../../", import.meta.url);
const problems = [];
for (const { subpath, file, names } of expected) {
  try {
    const module = await import(new URL(file, root).href);
    const actual = Object.keys(module)
      .filter((name) => name !== "default")
      .sort();
    if (actual.join() !== [...names].sort().join()) {
      const missing = names.filter((name) => !actual.includes(name));
      const extra = actual.filter((name) => !names.includes(name));
      problems.push(
        `${subpath}: Deno sees different exports than Node (missing ${missing.join(", ") || "none"}; extra ${extra.join(", ") || "none"})`,
      );
    }
  } catch (error) {
    problems.push(`${subpath}: import of ${file} failed in Deno: ${error?.message ?? error}`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`  - ${problem}`);
  Deno.exit(1);
}
console.log(
  `deno ${Deno.version.deno}: ${expected.length} ${expected.length === 1 ? "entry imports" : "entries import"} with the same exports as in Node`,
);
