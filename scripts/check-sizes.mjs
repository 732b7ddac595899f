#!/usr/bin/env node
/**
 * Bundle sizes as a check: bundles, with esbuild (minified, tree-shaken, zod
 * included, the optional peers left out as a consumer's bundler would), one
 * representative function per subpath, a few single functions, every subpath
 * whole and the root import whole; prints the table and exits 1 when a single
 * function is above 50 kB or the whole root import above 400 kB.
 *
 *   node scripts/check-sizes.mjs [--report-only] [--json] [--all]
 *   node scripts/check-sizes.mjs --contents <module> [<name>]
 *
 * `--contents` prints what one bundle is made of (`import { name } from "clientele/<module>"`, or the
 * whole subpath without a name, or the root import with neither): its minified bytes by source folder,
 * then by file, largest first (TOP=n files; 25 by default).
 * `--all` bundles, instead of the sample, EVERY runtime export of every subpath on its own (one esbuild
 * build with one entry point per export, so each source file is parsed once), lists those above 50 kB
 * and the ten largest, and fails on any above 50 kB (and on the root import above 400 kB).
 * The "of it zod" column is the part of the minified bytes that comes from zod; under the table, the root
 * import's bytes by source folder (src/<module>, or the package) show where the 400 kB bar is spent.
 * `--ceilings` (with `--all`, as CI runs it) fails only where a bundle is above its bar AND above its
 * interim ceiling (INTERIM_CEILINGS): the bundles issue 13 still has over its bar may not grow while
 * the bar is being decided, and every other export must stay within 50 kB.
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
/**
 * Interim ceilings (bytes) of the bundles over their bar while issue 13 awaits a decision on them (the
 * root: 466.9 kB against 400 on 2026-12-07; `report`: 79.1 kB against 50, it holds every chart
 * builder to draw its sections' default charts). With `--ceilings` these bundles fail only above
 * them: room for a fix, not for a feature. Lower them when a bundle shrinks; never raise them
 * without the planners' word.
 */
const INTERIM_CEILINGS = { root: 468 * KB, "report (clientele/chart)": 80 * KB };
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
  /** Minified bytes per source folder: src/<module>, or the package under node_modules. */
  const parts = {};
  /** Minified bytes per source file (node_modules/ shortened to nm/). */
  const files = {};
  for (const output of Object.values(result.metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs)) {
      if (path.includes("node_modules/zod/")) zod += input.bytesInOutput;
      files[path.replace(/.*node_modules\//, "nm/")] = input.bytesInOutput;
      const part = path.includes("node_modules/")
        ? path.replace(/.*node_modules\//, "").split("/")[0]
        : path.replace(/^.*?src\//, "").split("/")[0];
      if (input.bytesInOutput > 0) parts[part] = (parts[part] ?? 0) + input.bytesInOutput;
    }
  return { bytes: bytes.length, gzip: gzipSync(bytes).length, zod, parts, files };
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
const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
if (args.has("--contents")) {
  const [module, name] = process.argv.slice(process.argv.indexOf("--contents") + 1);
  const from = module === undefined ? "clientele" : `clientele/${module}`;
  const { bytes, parts, files } = await measure(
    name === undefined ? `export * from "${from}";` : `export { ${name} } from "${from}";`,
  );
  const largest = (record, count) =>
    Object.entries(record)
      .filter(([, size]) => size > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([part, size]) => `${String(size).padStart(8)}  ${part}`)
      .join("\n");
  console.log(
    `${name === undefined ? `import * from "${from}"` : `import { ${name} } from "${from}"`}: ${kb(bytes)}`,
  );
  console.log(`by source folder (bytes):\n${largest(parts, Number.POSITIVE_INFINITY)}`);
  console.log(`by file (bytes):\n${largest(files, Number(process.env.TOP ?? 25))}`);
  process.exit(0);
}
/** The bundles over their limit or failing to build (rows with a `name`). */
const overLimit = args.has("--all") ? await checkAll() : await checkSample();

/** The default table: the sample of single functions, every subpath whole, the root import whole. */
async function checkSample() {
  const rows = [];
  for (const entry of cases) {
    try {
      rows.push({ ...entry, ...(await measure(entry.code)) });
    } catch (error) {
      rows.push({ ...entry, error: String(error.message ?? error).split("\n")[0] });
    }
  }
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
  const whole = rows.at(-1);
  if (!args.has("--json") && whole?.parts !== undefined) console.log(`\n${byPart(whole)}`);
  return rows.filter((row) => row.error !== undefined || (row.limit !== undefined && row.bytes > row.limit));
}

/** Where the bytes of a bundle come from, largest first: "basket 86.5, segment 74.6, ..., zod 30.0". */
function byPart(row) {
  const parts = Object.entries(row.parts)
    .sort((a, b) => b[1] - a[1])
    .map(([part, bytes]) => `${part} ${(bytes / KB).toFixed(1)}`);
  return `${row.name} by source (kB): ${parts.join(", ")}`;
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
const failed = [...wholeZod, ...overLimit];
if (failed.length > 0) {
  console.error(
    `\n${failed.length} bundle(s) failed or over the limit: ${failed.map((row) => row.name).join("; ")}`,
  );
  if (!args.has("--report-only")) process.exit(1);
}

/** The subpaths of the package's exports map ("core", "basket", ...), without the root. */
function exportedSubpaths() {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return Object.keys(manifest.exports)
    .filter((key) => /^\.\/[a-z]+$/.test(key))
    .map((key) => key.slice(2));
}

/**
 * `--all`: the runtime exports of each subpath (read from esbuild's metafile of the whole subpath), then
 * one bundle per export, all in one build (entry points are virtual modules re-exporting one name), then
 * the root import whole. Prints the ones over the bar and the ten largest; returns those over their limit.
 */
async function checkAll() {
  const started = performance.now();
  const entries = [];
  let listed = 0;
  // One unminified build with an entry per subpath; its metafile names each output's exports.
  const modules = exportedSubpaths();
  const listing = await build({
    entryPoints: Object.fromEntries(modules.map((module) => [module, join(root, "src", module, "index.ts")])),
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    outdir: join(root, "size-check"),
    external: peers,
    plugins: [clientele],
    logLevel: "silent",
    metafile: true,
  });
  for (const output of Object.values(listing.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const module = output.entryPoint.split("/").at(-2);
    for (const name of output.exports) entries.push({ module, name });
  }
  listed = performance.now() - started;
  const virtual = {
    name: "one-export",
    setup(builder) {
      builder.onResolve({ filter: /^one-export:/ }, (args) => ({ path: args.path, namespace: "one-export" }));
      builder.onLoad({ filter: /.*/, namespace: "one-export" }, (args) => {
        const [, module, name] = args.path.split(":");
        return { contents: `export { ${name} } from "clientele/${module}";`, resolveDir: root, loader: "js" };
      });
    },
  };
  const result = await build({
    entryPoints: Object.fromEntries([
      // Output names by index: exports may differ only in case (compensatedSum, CompensatedSum).
      ...entries.map(({ module, name }, index) => [`e${index}`, `one-export:${module}:${name}`]),
    ]),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    write: false,
    outdir: join(root, "size-check"),
    external: peers,
    plugins: [virtual, clientele],
    logLevel: "silent",
  });
  const sizes = result.outputFiles.map((file) => {
    const id = file.path.slice(join(root, "size-check").length + 1).replace(/\.js$/, "");
    const entry = entries[Number(id.slice(1))];
    return { key: `${entry.name} (clientele/${entry.module})`, bytes: file.contents.length };
  });
  const functions = sizes.sort((a, b) => b.bytes - a.bytes);
  const rootSize = await measure(`export * from "clientele";`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const over = functions.filter((size) => size.bytes > SINGLE_LIMIT);
  const ceilings = args.has("--ceilings");
  /** Over the bar and, with --ceilings, over the interim ceiling where one is recorded. */
  const failing = (key, bytes, bar) => bytes > bar && (!ceilings || bytes > (INTERIM_CEILINGS[key] ?? bar));
  const ceilingNote = (key) =>
    INTERIM_CEILINGS[key] === undefined ? "" : ` (interim ceiling ${kb(INTERIM_CEILINGS[key])})`;
  if (args.has("--json")) {
    console.log(JSON.stringify({ seconds: Number(seconds), root: rootSize.bytes, functions }, null, 2));
  } else {
    console.log(
      `${functions.length} runtime exports of ${modules.length} subpaths, each bundled alone: ${seconds} s (listing the exports ${(listed / 1000).toFixed(1)} s)`,
    );
    console.log(`\nabove ${kb(SINGLE_LIMIT)}: ${over.length}`);
    for (const size of over)
      console.log(`  ${kb(size.bytes).padStart(9)}  ${size.key}${ceilingNote(size.key)}`);
    if (over.length < 10) {
      console.log("\nthe ten largest:");
      for (const size of functions.slice(0, 10)) console.log(`  ${kb(size.bytes).padStart(9)}  ${size.key}`);
    } else console.log("(the ten largest are the first ten above)");
    console.log(
      `\nimport * from "clientele": ${kb(rootSize.bytes)} (limit ${kb(ROOT_LIMIT)})${ceilingNote("root")}`,
    );
    console.log(byPart({ name: `import * from "clientele"`, parts: rootSize.parts }));
  }
  const failed = over
    .filter((size) => failing(size.key, size.bytes, SINGLE_LIMIT))
    .map((size) => ({ name: `import { ${size.key.replace(" (", ' } from "').replace(/\)$/, '"')}` }));
  if (failing("root", rootSize.bytes, ROOT_LIMIT)) failed.push({ name: `import * from "clientele"` });
  return failed;
}
