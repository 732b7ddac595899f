#!/usr/bin/env node
/**
 * Checks that Deno runs the BUILT package (run `npm run build` first), offline.
 *
 * Deno comes from the `deno` npm dev dependency (node_modules/.bin/deno ships
 * the binary, so no download happens at check time). Steps:
 *   1. `deno --version` runs.
 *   2. test/deno/exports.mjs imports dist/index.js and every
 *      dist/<subpath>/index.js listed in package.json "exports" and checks
 *      that Deno sees exactly the export names Node sees (Node's list is
 *      computed here and passed as an argument).
 *   3. test/deno/store-example.mjs runs a small story against dist/ (store,
 *      arquero rollup via clientele/table, notebook display bundle from
 *      `Symbol.for("Jupyter.display")`, Deno.inspect output).
 *
 * How Deno is kept offline and resolves `zod`/`arquero`/`danfojs-node`
 * (found by trial with deno 2.9):
 *   --no-remote               no http(s) imports
 *   --cached-only             never fetch npm: packages (nothing needs them)
 *   --node-modules-dir=manual bare specifiers ("zod") resolve from the
 *                             existing ./node_modules, as in Node
 *   --no-config               ignore any deno.json; no lock file written
 *   --deny-net --no-prompt    the code itself may not touch the network
 *   DENO_DIR=<tmp>/clientele-deno-check  cache outside $HOME
 *   DENO_NO_UPDATE_CHECK=1    no version check against the network
 * (`--no-npm` is NOT usable: it also turns off node_modules resolution.)
 *
 * Permissions: the story needs none (its imports are static). The exports
 * check imports computed paths, which Deno allows only with read access: it
 * gets --allow-read for dist/ alone. danfojs-node reads environment variables
 * at load time, so the danfo entry also gets --allow-env.
 *
 * Usage: node scripts/deno-check.mjs
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const deno = join(root, "node_modules", ".bin", process.platform === "win32" ? "deno.cmd" : "deno");
const denoDir = join(tmpdir(), "clientele-deno-check");
mkdirSync(denoDir, { recursive: true });
const env = { ...process.env, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
// computed dynamic imports need read access in Deno: granted for dist/ only
const READ_DIST = `--allow-read=${join(root, "dist")}`;
const OFFLINE = [
  "--no-remote",
  "--cached-only",
  "--no-config",
  "--node-modules-dir=manual",
  "--deny-net",
  "--no-prompt",
];
/** Entries that need a permission in Deno, and which. */
const PERMISSIONS = { "./danfo": ["--allow-env"] };

function die(message) {
  console.error(`deno-check: ${message}`);
  process.exit(1);
}

function runDeno(args, label) {
  const started = performance.now();
  const result = spawnSync(deno, args, { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.error) die(`${label}: could not run deno: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    die(`${label} failed in Deno (exit ${result.status ?? result.signal}, ${seconds} s)`);
  }
  return { stdout: result.stdout.trim(), seconds };
}

// 1. the binary
if (!existsSync(deno)) die(`${deno} not found: run npm ci (the "deno" dev dependency ships the binary)`);
const version = runDeno(["--version"], "deno --version").stdout.split("\n")[0];

// 2. exports: what Node sees in each built ESM entry, then the same check in Deno
const entries = [];
const danfoInstalled = existsSync(join(root, "node_modules", "danfojs-node", "package.json"));
if (!danfoInstalled)
  console.warn("deno-check: skipping ./danfo: danfojs-node is not installed (npm run test:danfo checks it)");
for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
  if (subpath === "./package.json" || (subpath === "./danfo" && !danfoInstalled)) continue;
  const file = target?.import?.default;
  if (typeof file !== "string") die(`exports["${subpath}"].import.default is missing`);
  if (!existsSync(join(root, file))) die(`${file} does not exist: run npm run build first`);
  const module = await import(pathToFileURL(join(root, file)).href);
  const names = Object.keys(module).filter((name) => name !== "default");
  entries.push({ subpath, file: file.replace(/^\.\//, ""), names });
}
const plain = entries.filter((entry) => PERMISSIONS[entry.subpath] === undefined);
const lines = [
  runDeno(["run", ...OFFLINE, READ_DIST, "test/deno/exports.mjs", JSON.stringify(plain)], "exports").stdout,
];
for (const entry of entries.filter((candidate) => PERMISSIONS[candidate.subpath] !== undefined)) {
  const args = [
    "run",
    ...OFFLINE,
    READ_DIST,
    ...PERMISSIONS[entry.subpath],
    "test/deno/exports.mjs",
    JSON.stringify([entry]),
  ];
  lines.push(runDeno(args, `exports of ${entry.subpath}`).stdout);
}

// 3. a story against the build, with no permissions at all
const example = runDeno(["run", ...OFFLINE, "test/deno/store-example.mjs"], "test/deno/store-example.mjs");

const exportCount = entries.reduce((sum, entry) => sum + entry.names.length, 0);
console.log(
  `deno-check: ok: ${version}; ${entries.length} built entries import offline with the same ${exportCount} exports as Node; ` +
    `test/deno/store-example.mjs ran in ${example.seconds} s (notebook display checked)`,
);
if (process.argv.includes("--verbose")) console.log([...lines, example.stdout].join("\n"));
