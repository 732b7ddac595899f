#!/usr/bin/env node
/**
 * Bundle sizes as a check: bundles, with esbuild (minified, tree-shaken, zod
 * included, the optional peers left out as a consumer's bundler would), one
 * representative function per subpath, a few single functions, every subpath
 * whole and the root import whole; prints the table and exits 1 when a single
 * function is above 50 kB or the whole root import above 400 kB.
 *
 *   node scripts/check-sizes.mjs [--report-only] [--json]
 *
 * The "of it zod" column is the part of the minified bytes that comes from zod.
 * `--report-only` prints the table and always exits 0. It also fails on a source file that imports
 * `{ z }` from "zod/mini": that name is a namespace re-export bundlers cannot tree-shake, so it pulls the
 * whole of zod (about 430 kB with every locale) into any bundle that reaches the file; write
 * `import * as z from "zod/mini"` instead. Sources are bundled from
 * src/ (the same modules tsup builds into dist/), so no build is needed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const KB = 1000;
const SINGLE_LIMIT = 50 * KB;
const ROOT_LIMIT = 400 * KB;
const peers = ["arquero", "danfojs-node", "vega", "vega-lite", "@duckdb/node-api", "apache-arrow"];

/** One function per subpath (the one a reader would try first), then the functions the issue names. */
const singles = [
  ["core", "readNumbers"],
  ["basket", "associationRules"],
  ["basket", "frequentItemsets"],
  ["value", "gini"],
  ["value", "rfmTable"],
  ["value", "fitBgNbd"],
  ["segment", "kMeans"],
  ["churn", "trainChurnModel"],
  ["churn", "kaplanMeier"],
  ["satisfaction", "plsPathModel"],
  ["satisfaction", "netPromoterScore"],
  ["crm", "qualifyProspects"],
  ["store", "generateStore"],
  ["table", "toTable"],
  ["danfo", "toDataFrame"],
  ["chart", "chart"],
  ["duckdb", "rfmTable"],
  ["sql", "rfmTableSql"],
];
const subpaths = [...new Set(singles.map(([module]) => module))];

/** Resolves `clientele` and `clientele/<module>` to the sources, as the package's exports map does for dist/. */
const clientele = {
  name: "clientele",
  setup(builder) {
    builder.onResolve({ filter: /^clientele(\/[a-z]+)?$/ }, (args) => {
      const module = args.path.split("/")[1];
      return { path: join(root, "src", module === undefined ? "index.ts" : `${module}/index.ts`) };
    });
  },
};

async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    write: false,
    external: peers,
    plugins: [clientele],
    logLevel: "silent",
    metafile: true,
  });
  const bytes = result.outputFiles[0].contents;
  let zod = 0;
  for (const output of Object.values(result.metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs))
      if (path.includes("node_modules/zod/")) zod += input.bytesInOutput;
  return { bytes: bytes.length, gzip: gzipSync(bytes).length, zod };
}

const cases = [
  ...singles.map(([module, name]) => ({
    name: `import { ${name} } from "clientele/${module}"`,
    code: `export { ${name} } from "clientele/${module}";`,
    limit: SINGLE_LIMIT,
  })),
  ...subpaths.map((module) => ({
    name: `import * from "clientele/${module}"`,
    code: `export * from "clientele/${module}";`,
    limit: undefined,
  })),
  { name: `import * from "clientele"`, code: `export * from "clientele";`, limit: ROOT_LIMIT },
];

const args = new Set(process.argv.slice(2));
const rows = [];
for (const entry of cases) {
  try {
    rows.push({ ...entry, ...(await measure(entry.code)) });
  } catch (error) {
    rows.push({ ...entry, error: String(error.message ?? error).split("\n")[0] });
  }
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
if (args.has("--json")) {
  console.log(
    JSON.stringify(
      rows.map(({ code, ...row }) => row),
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(
    `${"bundle (esbuild, minified)".padEnd(width)}  ${"min".padStart(9)}  ${"gzip".padStart(9)}  ${"of it zod".padStart(9)}  limit`,
  );
  for (const row of rows) {
    const limit = row.limit === undefined ? "" : `<= ${kb(row.limit)}`;
    if (row.error !== undefined) {
      console.log(`${row.name.padEnd(width)}  FAILED: ${row.error}`);
      continue;
    }
    const over = row.limit !== undefined && row.bytes > row.limit ? "  OVER" : "";
    console.log(
      `${row.name.padEnd(width)}  ${kb(row.bytes).padStart(9)}  ${kb(row.gzip).padStart(9)}  ${kb(row.zod).padStart(9)}  ${limit}${over}`,
    );
  }
}
const namedZ = /^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*["']zod(\/mini)?["']/m;
const wholeZod = readdirSync(join(root, "src"), { recursive: true })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .filter((file) => namedZ.test(readFileSync(join(root, "src", file), "utf8")))
  .map((file) => ({
    name: `src/${file} imports { z } from zod (use import * as z from "zod/mini")`,
    error: "",
  }));
if (!args.has("--json"))
  for (const row of wholeZod) console.log(`\n${row.name}: its bundles carry all of zod`);
const failed = [
  ...wholeZod,
  ...rows.filter((row) => row.error !== undefined || (row.limit !== undefined && row.bytes > row.limit)),
];
if (failed.length > 0) {
  console.error(
    `\n${failed.length} bundle(s) failed or over the limit: ${failed.map((row) => row.name).join("; ")}`,
  );
  if (!args.has("--report-only")) process.exit(1);
}
