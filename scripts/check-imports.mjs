#!/usr/bin/env node
/**
 * Checks the BUILT package (run `npm run build` first) the way a user's code
 * loads it: every subpath listed in package.json "exports" (except
 * ./package.json) is imported by package name ("clientele/<sub>", which
 * resolves through "exports" because this script lives inside the package)
 *   - from ESM with a dynamic `import()`, and
 *   - from CommonJS with `createRequire(import.meta.url)`.
 * For each it asserts that
 *   1. it loads;
 *   2. its runtime exports are exactly the value exports declared by its own
 *      type declarations (`.d.ts` for import, `.d.cts` for require), read with
 *      the TypeScript compiler API, so types and code cannot drift apart and a
 *      module that declares exports cannot ship empty;
 *   3. ESM and CJS export the same names;
 *   4. the root "clientele" re-exports every name of every module subpath
 *      (all but the adapters ./table, ./danfo, ./chart and ./duckdb);
 *   5. no file reachable from a subpath other than those adapters
 *      imports an optional peer (arquero, danfojs-node, vega, DuckDB, Arrow):
 *      the kernels never load the adapters' peers, following static
 *      imports/requires through dist/;
 *   6. every package a file of dist/ imports is a Node built-in, a dependency
 *      or a peer dependency (so a dev dependency, such as zod, the oracle of
 *      the option-rule tests, can never reach users).
 *
 * Exits non-zero with one line per problem; prints a one-line summary.
 * Usage: node scripts/check-imports.mjs
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const require = createRequire(import.meta.url);
/** Subpaths that may load an optional peer (and are not re-exported by the root). */
const ADAPTERS = new Set(["./table", "./danfo", "./chart", "./duckdb"]);
const PEERS = ["arquero", "danfojs-node", "vega", "vega-lite", "@duckdb/node-api", "apache-arrow"];

const problems = [];
const fail = (message) => problems.push(message);

/** Adapters whose optional peer is not installed here are skipped, visibly (danfojs-node is not in the default install). */
const absentPeer = (peer) => {
  try {
    require.resolve(peer);
    return false;
  } catch {
    return true;
  }
};
const skipped = absentPeer("danfojs-node") ? ["./danfo"] : [];
for (const subpath of skipped) {
  console.warn(
    `check-imports: skipping ${subpath}: its peer dependency is not installed (npm run test:danfo checks it)`,
  );
}
const subpaths = Object.keys(pkg.exports ?? {}).filter(
  (key) => key !== "./package.json" && !skipped.includes(key),
);
if (subpaths.length === 0) fail('package.json has no "exports" subpaths');
const specifierOf = (subpath) => (subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);

// --- declared value exports, from the built declaration files -------------------------------------
const declarationFiles = [];
for (const subpath of subpaths) {
  for (const condition of ["import", "require"]) {
    const types = pkg.exports[subpath]?.[condition]?.types;
    if (types === undefined) fail(`${subpath}: exports["${subpath}"].${condition}.types is missing`);
    else if (!existsSync(join(root, types))) fail(`${subpath}: ${types} does not exist (run npm run build)`);
    else declarationFiles.push(join(root, types));
  }
}
const program = ts.createProgram(declarationFiles, {
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  noEmit: true,
  types: [],
});
const checker = program.getTypeChecker();
/** Names of the runtime values (functions, classes, constants) a declaration file exports. */
function declaredValues(file) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const isTypeOnly = symbol.declarations?.some(
        (d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly),
      );
      return (target.flags & ts.SymbolFlags.Value) !== 0 && !isTypeOnly;
    })
    .map((symbol) => symbol.name)
    .sort();
}

// --- static import graph of dist, to keep peers out of the kernels --------------------------------
const IMPORT_PATTERN = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
function reachesPeer(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(IMPORT_PATTERN)) {
      if (specifier.startsWith(".")) stack.push(resolve(dirname(file), specifier));
      else if (PEERS.some((peer) => specifier === peer || specifier.startsWith(`${peer}/`))) {
        return `${file.slice(root.length + 1)} imports "${specifier}"`;
      }
    }
  }
  return undefined;
}

// --- packages imported by dist: built-ins, dependencies and peers only ----------------------------
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
/** The package of a bare specifier: "zod/mini" -> "zod", "@duckdb/node-api/x" -> "@duckdb/node-api". */
const packageOf = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
for (const name of readdirSync(join(root, "dist"))) {
  if (!/\.c?js$/.test(name)) continue;
  const text = readFileSync(join(root, "dist", name), "utf8");
  for (const [, specifier] of text.matchAll(IMPORT_PATTERN)) {
    // IMPORT_PATTERN also meets "from ..." inside generated source text: only package-name specifiers count
    if (
      specifier.startsWith(".") ||
      specifier.startsWith("node:") ||
      !/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]*)?$/.test(specifier)
    )
      continue;
    const owner = packageOf(specifier);
    if (!builtinModules.includes(owner) && !declared.has(owner))
      fail(`dist/${name} imports "${specifier}", which is neither a dependency nor a peer dependency`);
  }
}

// --- load every subpath -------------------------------------------------------------------------
const loaded = new Map();
let nameCount = 0;
for (const subpath of subpaths) {
  const specifier = specifierOf(subpath);
  const started = performance.now();
  let esm;
  let cjs;
  try {
    esm = await import(specifier);
  } catch (error) {
    fail(`${specifier}: ESM import failed: ${error?.message ?? error}`);
  }
  try {
    cjs = require(specifier);
  } catch (error) {
    fail(`${specifier}: CommonJS require failed: ${error?.message ?? error}`);
  }
  const milliseconds = performance.now() - started;
  const entry = pkg.exports[subpath];
  const expectedEsm = declaredValues(join(root, entry.import.types));
  const expectedCjs = declaredValues(join(root, entry.require.types));
  const compare = (kind, actual, expected) => {
    const missing = expected.filter((name) => !actual.includes(name));
    const extra = actual.filter((name) => !expected.includes(name));
    if (missing.length > 0)
      fail(`${specifier} (${kind}): declared but not exported at run time: ${missing.join(", ")}`);
    if (extra.length > 0)
      fail(`${specifier} (${kind}): exported at run time but not declared: ${extra.join(", ")}`);
  };
  const esmNames = esm
    ? Object.keys(esm)
        .filter((name) => name !== "default")
        .sort()
    : [];
  const cjsNames = cjs
    ? Object.keys(cjs)
        .filter((name) => name !== "__esModule" && name !== "default")
        .sort()
    : [];
  if (esm) compare("ESM", esmNames, expectedEsm);
  if (cjs) compare("CJS", cjsNames, expectedCjs);
  if (esm && cjs && esmNames.join() !== cjsNames.join()) {
    fail(`${specifier}: ESM and CJS export different names (ESM ${esmNames.length}, CJS ${cjsNames.length})`);
  }
  if (esm && cjs) {
    for (const name of esmNames) {
      if (typeof esm[name] !== typeof cjs[name])
        fail(`${specifier}: "${name}" is a ${typeof esm[name]} in ESM, ${typeof cjs[name]} in CJS`);
    }
  }
  if (!ADAPTERS.has(subpath)) {
    for (const file of [entry.import.default, entry.require.default]) {
      const path = join(root, file);
      if (!existsSync(path)) continue;
      const leak = reachesPeer(path);
      if (leak !== undefined) fail(`${specifier}: must not load ${PEERS.join("/")}, but ${leak}`);
    }
  }
  loaded.set(subpath, { names: esmNames, milliseconds });
  nameCount += esmNames.length;
}

const rootNames = loaded.get(".")?.names ?? [];
for (const [subpath, { names }] of loaded) {
  if (subpath === "." || ADAPTERS.has(subpath)) continue;
  const missing = names.filter((name) => !rootNames.includes(name));
  if (missing.length > 0)
    fail(`${pkg.name}: the root does not re-export ${missing.join(", ")} from ${specifierOf(subpath)}`);
}

if (problems.length > 0) {
  console.error(`check-imports: ${problems.length} problem(s) in the built package:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const empty = [...loaded].filter(([, { names }]) => names.length === 0).map(([subpath]) => subpath);
const slowest = [...loaded].sort((a, b) => b[1].milliseconds - a[1].milliseconds)[0];
console.log(
  `check-imports: ok: ${loaded.size} subpaths load from ESM and CJS with their ${nameCount} declared exports` +
    (empty.length > 0 ? ` (not built yet, nothing declared: ${empty.join(" ")})` : "") +
    `; kernels free of ${PEERS.join("/")}; slowest ${specifierOf(slowest[0])} ${slowest[1].milliseconds.toFixed(0)} ms`,
);
